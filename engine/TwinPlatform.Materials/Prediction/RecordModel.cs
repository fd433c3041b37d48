using TwinPlatform.Materials.Features;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// A property predictor trained on material records: a <see cref="RecordFeaturizer"/>, a
/// tree ensemble (<see cref="TreeEnsemble.Fit"/>) alone, blended or stacked with a Gaussian process (mean, spread and a conformal interval), and an
/// <see cref="ApplicabilityDomain"/> over the training features.
/// </summary>
/// <remarks>Predictions are in the unit of the training <see cref="SampleSet"/>. Thread-safe after fitting.</remarks>
public sealed class RecordModel
{
    private RecordModel(RecordFeaturizer featurizer, IIntervalRegressor regressor, ApplicabilityDomain domain, EnsembleOptions chosen, double[] tuningMae, int trainingRows)
    {
        Featurizer = featurizer;
        Regressor = regressor;
        Domain = domain;
        Chosen = chosen;
        TuningMae = tuningMae;
        TrainingRows = trainingRows;
    }

    /// <summary>The featuriser fitted to the training records.</summary>
    public RecordFeaturizer Featurizer { get; }

    /// <summary>The regressor: a bagged tree ensemble, or its blend with a Gaussian process.</summary>
    public IIntervalRegressor Regressor { get; }

    /// <summary>The applicability domain of the training features.</summary>
    public ApplicabilityDomain Domain { get; }

    /// <summary>The ensemble settings used (chosen by tuning when candidates were given).</summary>
    public EnsembleOptions Chosen { get; }

    /// <summary>Inner cross-validated MAE of each tuning candidate (NaN without tuning).</summary>
    public IReadOnlyList<double> TuningMae { get; }

    /// <summary>Number of training rows.</summary>
    public int TrainingRows { get; }

    /// <summary>
    /// With <see cref="RecordModelOptions.Alternatives"/>: the chosen pipeline (0 for the options themselves, i for alternative i - 1);
    /// 0 without.
    /// </summary>
    public int SelectedPipeline { get; private init; }

    /// <summary>With <see cref="RecordModelOptions.Alternatives"/>: every candidate pipeline's inner cross-validated MAE; empty without.</summary>
    public IReadOnlyList<double> SelectionMae { get; private init; } = [];

    /// <summary>Fits the model to training samples.</summary>
    /// <param name="training">The training rows.</param>
    /// <param name="options">Model settings.</param>
    /// <param name="featurizer">A featuriser fitted beforehand (shared by several models), or null to fit one to the training rows.</param>
    public static RecordModel Fit(IReadOnlyList<RecordSample> training, RecordModelOptions options, RecordFeaturizer? featurizer = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Alternatives is { Count: > 0 } alternatives)
        {
            RecordModelOptions[] pipelines = [options, .. alternatives];
            var (best, scores) = PipelineSelection.Choose(training, pipelines, options.SelectionFolds, options.Ensemble);
            // A featuriser handed in was fitted for these options' feature groups, so only the options themselves may reuse it.
            var model = Fit(training, PipelineSelection.Prepare(pipelines[best], options.Ensemble), best == 0 ? featurizer : null);
            return new RecordModel(model.Featurizer, model.Regressor, model.Domain, model.Chosen, [.. model.TuningMae], model.TrainingRows)
            {
                SelectedPipeline = best,
                SelectionMae = scores,
            };
        }

        var features = options.Stack is not null && options.ProcessFeatures is { } gpFeatures ? options.Features.Union(gpFeatures) : options.Features;
        if (options.Stack is not null && options.SecondProcessFeatures is { } secondFeatures)
        {
            features = features.Union(secondFeatures);
        }

        featurizer ??= RecordFeaturizer.Fit([.. training.Select(s => (s.Record, (PropertyRecord?)s.Property))], features);
        var x = new double[training.Count][];
        var y = new double[training.Count];
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new int[training.Count];
        for (var i = 0; i < training.Count; i++)
        {
            x[i] = featurizer.Featurize(training[i].Record, training[i].Property);
            y[i] = training[i].Target;
            if (!groupIndex.TryGetValue(training[i].Group, out var g))
            {
                g = groupIndex.Count;
                groupIndex[training[i].Group] = g;
            }

            groups[i] = g;
        }

        // A target transform is fitted to the training targets only; every member, weight and calibration below sees the transformed target.
        var transformation = options.TargetTransform == TargetTransform.None ? null : TargetTransformation.Fit(options.TargetTransform, y);
        if (transformation is not null)
        {
            for (var i = 0; i < y.Length; i++)
            {
                y[i] = transformation.Forward(y[i]);
            }
        }

        var chosen = options.Ensemble;
        double[] mae = [double.NaN];
        if (options.Candidates is { Count: > 0 } candidates)
        {
            var (best, scores) = EnsembleTuner.Choose(x, y, groups, candidates, options.TuningFolds, options.Ensemble.Seed);
            chosen = best with { EnsembleSize = options.Ensemble.EnsembleSize, Level = options.Ensemble.Level, Seed = options.Ensemble.Seed, MaxDegreeOfParallelism = options.Ensemble.MaxDegreeOfParallelism };
            mae = scores;
        }

        IIntervalRegressor regressor = options.Stack is { } stack ? StackedRegressor.Fit(x, y, groups, chosen, stack,
                Columns(featurizer, options.Features), Columns(featurizer, options.ProcessFeatures ?? options.Features),
                options.SecondProcessFeatures is { } second ? Columns(featurizer, second) : null)
            : options.Blend is { } blend ? BlendedRegressor.Fit(x, y, groups, chosen, blend)
            : TreeEnsemble.Fit(x, y, groups, chosen);
        if (transformation is not null)
        {
            regressor = new TransformedTargetRegressor(regressor, transformation);
        }

        var domain = ApplicabilityDomain.Fit(x, groups, options.DomainShrinkage, options.DomainPercentile);
        return new RecordModel(featurizer, regressor, domain, chosen, mae, training.Count);
    }

    /// <summary>Indices of the featuriser's columns that belong to the groups of <paramref name="groups"/>.</summary>
    private static int[] Columns(RecordFeaturizer featurizer, RecordFeatureOptions groups)
    {
        var result = new List<int>();
        for (var j = 0; j < featurizer.Columns.Count; j++)
        {
            if (groups.Includes(featurizer.Columns[j].Kind))
            {
                result.Add(j);
            }
        }

        return result.Count > 0 ? [.. result] : throw new InvalidOperationException("a stack member has no feature columns (all are constant on the training rows)");
    }

    /// <summary>Predicts the property of records (with the conditions of the given properties).</summary>
    public EnsemblePrediction[] Predict(IReadOnlyList<(MaterialRecord Record, PropertyRecord? Property)> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Regressor.Predict([.. queries.Select(q => Featurizer.Featurize(q.Record, q.Property))]);
    }

    /// <summary>Predicts the property of samples (their records and conditions).</summary>
    public EnsemblePrediction[] Predict(IReadOnlyList<RecordSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Predict([.. samples.Select(s => (s.Record, (PropertyRecord?)s.Property))]);
    }

    /// <summary>Whether a record lies in the training domain, and why not.</summary>
    public DomainCheck CheckDomain(MaterialRecord record, PropertyRecord? property = null) =>
        Domain.Check(Featurizer.Featurize(record, property), Featurizer.Features);
}

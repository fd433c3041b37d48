using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Design;

/// <summary>
/// A design model trained on records for one or more properties, sharing one featuriser so that
/// every property is predicted from the same design vector. Use feature groups that are free design
/// variables (fractions or mass fractions, process, attributes), not derived statistics.
/// </summary>
public sealed class RecordDesignModel : IDesignModel
{
    private readonly Dictionary<string, RecordModel> _models;
    private readonly Dictionary<string, string> _units;

    private RecordDesignModel(RecordFeaturizer featurizer, Dictionary<string, RecordModel> models, Dictionary<string, string> units, ApplicabilityDomain domain, string source,
        IReadOnlyList<double[]> rows, IReadOnlyDictionary<string, double[]> targets)
    {
        Featurizer = featurizer;
        _models = models;
        _units = units;
        Domain = domain;
        Source = source;
        TrainingRows = rows;
        TrainingTargets = targets;
    }

    /// <summary>The shared featuriser.</summary>
    public RecordFeaturizer Featurizer { get; }

    /// <inheritdoc/>
    public IReadOnlyList<FeatureDescription> Features => Featurizer.Features;

    /// <inheritdoc/>
    public IReadOnlyList<string> Properties => [.. _models.Keys];

    /// <inheritdoc/>
    public ApplicabilityDomain Domain { get; }

    /// <inheritdoc/>
    public string Source { get; }

    /// <summary>Feature vectors of the training rows of all properties.</summary>
    public IReadOnlyList<double[]> TrainingRows { get; }

    /// <summary>Measured values per property (NaN where a row lacks it), aligned with <see cref="TrainingRows"/>.</summary>
    public IReadOnlyDictionary<string, double[]> TrainingTargets { get; }

    /// <summary>Trains one model per property on the records that have it.</summary>
    /// <param name="records">The records.</param>
    /// <param name="selections">One selection per property (kinds, filters, grouping).</param>
    /// <param name="options">Model settings (features should be free design variables).</param>
    /// <param name="source">Where the records came from, for reports.</param>
    public static RecordDesignModel Train(IReadOnlyList<MaterialRecord> records, IReadOnlyList<RecordSelection> selections, RecordModelOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(selections);
        ArgumentNullException.ThrowIfNull(options);
        var sets = selections.Select(s => s.Select(records)).ToArray();
        var all = sets.SelectMany(s => s.Samples).ToArray();
        var featurizer = RecordFeaturizer.Fit([.. all.Select(s => (s.Record, (PropertyRecord?)null))], options.Features with { Conditions = false });
        var models = new Dictionary<string, RecordModel>(StringComparer.Ordinal);
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            models[set.Selection.Property] = RecordModel.Fit(set.Samples, options, featurizer);
            units[set.Selection.Property] = set.Unit.Symbol;
        }

        // One row per distinct record, with the measured value of each property where it has one.
        var byRecord = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<double[]>();
        var groups = new List<int>();
        var targets = sets.ToDictionary(s => s.Selection.Property, _ => new List<double>(), StringComparer.Ordinal);
        foreach (var set in sets)
        {
            foreach (var s in set.Samples)
            {
                if (!byRecord.TryGetValue(s.Record.Id, out var row))
                {
                    row = rows.Count;
                    byRecord[s.Record.Id] = row;
                    rows.Add(featurizer.Featurize(s.Record));
                    groups.Add(row);
                    foreach (var t in targets.Values)
                    {
                        t.Add(double.NaN);
                    }
                }

                targets[set.Selection.Property][row] = s.Target;
            }
        }

        var domain = ApplicabilityDomain.Fit(rows, groups, options.DomainShrinkage, options.DomainPercentile);
        return new RecordDesignModel(featurizer, models, units, domain, source, rows, targets.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <inheritdoc/>
    public string Unit(string property) => _units.TryGetValue(property, out var u) ? u : throw new KeyNotFoundException($"no model for '{property}'");

    /// <inheritdoc/>
    public EnsemblePrediction[] Predict(string property, IReadOnlyList<double[]> candidates) =>
        _models.TryGetValue(property, out var m)
            ? m.Regressor.Predict(candidates)
            : throw new KeyNotFoundException($"no model for '{property}' (have: {string.Join(", ", _models.Keys)})");
}

using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Prognostics.Features;
using TwinPlatform.Prognostics.Models;

namespace TwinPlatform.Prognostics;

/// <summary>
/// A trained remaining-useful-life model for a turbofan fleet: online window features, a learned
/// health indicator, an ensemble of ML.NET gradient-boosted trees and conformal interval bands.
/// Load it from a model folder (<c>models/cmapss-fd001</c>), then create one
/// <see cref="EnginePrognosis"/> per engine and feed it cycles.
/// </summary>
/// <remarks>
/// <para>The model is immutable and thread-safe; per-engine state lives in <see cref="EnginePrognosis"/>.
/// The trees are read from the ML.NET zips and evaluated from flat arrays (see
/// <see cref="CompiledTreeEnsemble"/>), so an update costs microseconds and allocates nothing.</para>
/// <para>Needs only the model folder at run time, not the training data.</para>
/// </remarks>
public sealed class RulModel
{
    private readonly CompiledTreeEnsemble[] _members;
    private readonly int[] _inputs;
    private readonly ConformalBands? _bands;

    internal RulModel(RulModelManifest manifest, FeatureLayout layout, HealthIndicator indicator, int[] inputs, CompiledTreeEnsemble[] members, ConformalBands? bands)
    {
        Manifest = manifest;
        Layout = layout;
        HealthIndicator = indicator;
        _inputs = inputs;
        _members = members;
        _bands = bands;
        CapCycles = manifest.CapCycles;
        HealthIndicatorIndex = layout.HealthIndicatorOffset + (int)SensorStatistic.Mean;
        Provenance = new Provenance(
            ProvenanceKind.Prediction,
            $"model {manifest.Id}",
            manifest.Trained,
            Method: manifest.Algorithm,
            Data: manifest.Data.Citation);
    }

    /// <summary>The manifest (features, metrics, data source).</summary>
    public RulModelManifest Manifest { get; }

    /// <summary>Model id.</summary>
    public string Id => Manifest.Id;

    /// <summary>The full feature layout the per-engine states compute.</summary>
    public FeatureLayout Layout { get; }

    /// <summary>The learned health indicator.</summary>
    public HealthIndicator HealthIndicator { get; }

    /// <summary>The cap of the remaining useful life, cycles.</summary>
    public double CapCycles { get; }

    /// <summary>The conformal interval bands.</summary>
    public ConformalBands Bands => _bands ?? throw new InvalidOperationException("this model has no calibrated interval");

    /// <summary>Where the predictions come from (kind Prediction, model id, training data).</summary>
    public Provenance Provenance { get; }

    /// <summary>Number of features the trees read.</summary>
    public int InputCount => _inputs.Length;

    /// <summary>Number of ensemble members.</summary>
    public int MemberCount => _members.Length;

    internal int HealthIndicatorIndex { get; }

    /// <summary>Loads a model folder written by the trainer: <c>model.json</c> and the member zips.</summary>
    /// <exception cref="InvalidDataException">The manifest or a zip is missing or inconsistent.</exception>
    public static RulModel Load(string folder)
    {
        var manifestPath = Path.Combine(folder, RulModelManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDataException($"{folder}: no {RulModelManifest.FileName}");
        }

        var manifest = RulModelManifest.Read(manifestPath);
        var layout = new FeatureLayout(manifest.Window);
        var h = manifest.HealthIndicator;
        var indicator = new HealthIndicator(h.Intercept, h.Means, h.Scales, h.Weights);
        var inputs = ResolveInputs(layout, manifest.Features, manifestPath);
        var ml = NewContext(0);
        var members = new CompiledTreeEnsemble[manifest.Members.Count];
        for (var m = 0; m < members.Length; m++)
        {
            var path = Path.Combine(folder, manifest.Members[m].File);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{manifestPath}: member file {manifest.Members[m].File} is missing");
            }

            members[m] = Compile(ml.Model.Load(path, out _), path);
            if (members[m].FeatureCount > inputs.Length)
            {
                throw new InvalidDataException($"{path}: the trees read {members[m].FeatureCount} features, the manifest lists {inputs.Length}");
            }
        }

        var i = manifest.Interval;
        var bands = new ConformalBands(i.Level, i.BinUpperEdges, i.Lower, i.Upper, i.Counts);
        return new RulModel(manifest, layout, indicator, inputs, members, bands);
    }

    /// <summary>Creates the state of one engine that has not run yet.</summary>
    public EnginePrognosis CreateEngine() => new(this);

    /// <summary>The point prediction (ensemble mean clamped to [0, cap]) from a full feature vector.</summary>
    /// <param name="features">A full feature vector with its indicator block filled (<see cref="EngineFeatureState.Features"/>).</param>
    /// <param name="scratch">Room for <see cref="InputCount"/> floats.</param>
    internal double PredictMean(ReadOnlySpan<double> features, Span<float> scratch)
    {
        var x = scratch[.._inputs.Length];
        Gather(features, x);
        double sum = 0;
        foreach (var m in _members)
        {
            sum += m.Evaluate(x);
        }

        return Average(sum);
    }

    /// <summary>
    /// Point predictions for many engines at once, each the same to the last bit as <see cref="PredictMean"/>
    /// of its features: every member walks its trees over a block of engines (<see cref="CompiledTreeEnsemble.EvaluateMany"/>).
    /// </summary>
    /// <param name="features">Each engine's full feature vector.</param>
    /// <param name="means">One prediction per engine.</param>
    internal void PredictMeans(IReadOnlyList<EnginePrognosis> features, Span<double> means)
    {
        // Blocks of 16 keep the per-tree leaf values of a block (16 x trees doubles) in the first-level caches.
        const int Block = 16;
        var stride = _inputs.Length;
        Span<float> rows = Block * stride <= 4096 ? stackalloc float[Block * stride] : new float[Block * stride];
        Span<double> member = stackalloc double[Block];
        for (var start = 0; start < features.Count; start += Block)
        {
            var count = Math.Min(Block, features.Count - start);
            for (var r = 0; r < count; r++)
            {
                Gather(features[start + r].Features, rows.Slice(r * stride, stride));
            }

            var sums = means.Slice(start, count);
            sums.Clear();
            foreach (var m in _members)
            {
                m.EvaluateMany(rows[..(count * stride)], stride, member[..count]);
                for (var r = 0; r < count; r++)
                {
                    sums[r] += member[r];
                }
            }

            for (var r = 0; r < count; r++)
            {
                sums[r] = Average(sums[r]);
            }
        }
    }

    /// <summary>The model's inputs, as floats, picked from a full feature vector.</summary>
    private void Gather(ReadOnlySpan<double> features, Span<float> row)
    {
        var inputs = _inputs;
        for (var j = 0; j < inputs.Length; j++)
        {
            row[j] = (float)features[inputs[j]];
        }
    }

    /// <summary>The members' summed outputs as the point prediction: their mean, clamped to [0, cap].</summary>
    private double Average(double sum) => Math.Clamp(sum / _members.Length, 0.0, CapCycles);

    /// <summary>The prediction with its interval from a point prediction.</summary>
    internal UncertainValue WithInterval(double mean)
    {
        var bands = Bands;
        var (lo, hi) = bands.Interval(mean);
        lo = Math.Max(0.0, lo);
        hi = Math.Min(CapCycles, hi);
        var z = NormalDistribution.Quantile(0.5 + (bands.Level / 2.0));
        return new UncertainValue(mean, (hi - lo) / (2.0 * z), lo, hi, bands.Level);
    }

    internal static int[] ResolveInputs(FeatureLayout layout, IReadOnlyList<string> names, string source)
    {
        var inputs = new int[names.Count];
        for (var j = 0; j < inputs.Length; j++)
        {
            inputs[j] = layout.IndexOf(names[j]);
            if (inputs[j] < 0)
            {
                throw new InvalidDataException($"{source}: unknown feature '{names[j]}'");
            }
        }

        return inputs;
    }

    internal static CompiledTreeEnsemble Compile(ITransformer transformer, string source)
    {
        if (transformer is IPredictionTransformer<object> { Model: TreeEnsembleModelParametersBasedOnRegressionTree trees })
        {
            return CompiledTreeEnsemble.From(trees.TrainedTreeEnsemble);
        }

        throw new InvalidDataException($"{source}: not an ML.NET regression tree ensemble ({transformer.GetType().Name})");
    }

    internal static MLContext NewContext(int seed)
    {
        var ml = new MLContext(seed);
        ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeRegressionModelParameters).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmRegressionModelParameters).Assembly);
        return ml;
    }
}

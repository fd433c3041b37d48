using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Core.Units;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction.Manifest;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// A trained property model as stored in a model folder (<c>model.json</c> plus one ensemble archive
/// per property): featuriser, applicability domain and one <see cref="ConformalEnsembleRegressor"/>
/// per property.
/// </summary>
/// <remarks>
/// Every prediction carries <see cref="ProvenanceKind.Prediction"/> provenance: model id, method,
/// training data with citation and hold-out, dated with the model's training date (a fixed model
/// gives the same passport whenever it is asked). Thread-safe.
/// </remarks>
public sealed class PropertyModel : IPropertyPredictor
{
    private readonly ConformalEnsembleRegressor[] _regressors;
    private readonly Unit[] _units;

    /// <summary>Assembles a model from its parts (the trainer and <see cref="Load"/> use this).</summary>
    /// <param name="manifest">The manifest; its properties are in the order of <paramref name="regressors"/>.</param>
    /// <param name="featurizer">The featuriser the manifest names.</param>
    /// <param name="regressors">One regressor per manifest property.</param>
    public PropertyModel(ModelManifest manifest, IMaterialFeaturizer featurizer, IReadOnlyList<ConformalEnsembleRegressor> regressors)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(regressors);
        if (regressors.Count != manifest.Properties.Count)
        {
            throw new ArgumentException($"the manifest lists {manifest.Properties.Count} properties, {regressors.Count} regressors were given", nameof(regressors));
        }

        if (featurizer.Features.Count != manifest.Features.Count)
        {
            throw new ArgumentException($"featuriser '{featurizer.Id}' gives {featurizer.Features.Count} features, the manifest lists {manifest.Features.Count}", nameof(featurizer));
        }

        Manifest = manifest;
        Featurizer = featurizer;
        _regressors = [.. regressors];
        _units = new Unit[regressors.Count];
        var names = new string[regressors.Count];
        for (var i = 0; i < _units.Length; i++)
        {
            _units[i] = Unit.Parse(manifest.Properties[i].Unit);
            names[i] = manifest.Properties[i].Name;
        }

        Properties = names;
        var f = manifest.Features;
        Domain = new ApplicabilityDomain(
            [.. f.Select(x => x.Minimum)], [.. f.Select(x => x.Maximum)], [.. f.Select(x => x.Mean)], [.. f.Select(x => x.StandardDeviation)],
            manifest.Domain.Correlation, manifest.Domain.Shrinkage, manifest.Domain.Percentile, manifest.Domain.Threshold);
        Provenance = BuildProvenance(manifest);
    }

    /// <summary>The manifest.</summary>
    public ModelManifest Manifest { get; }

    /// <inheritdoc/>
    public string ModelId => Manifest.Id;

    /// <inheritdoc/>
    public IReadOnlyList<string> Properties { get; }

    /// <summary>The featuriser.</summary>
    public IMaterialFeaturizer Featurizer { get; }

    /// <summary>The applicability domain.</summary>
    public ApplicabilityDomain Domain { get; }

    /// <summary>The provenance every prediction of this model carries.</summary>
    public Provenance Provenance { get; }

    /// <summary>Loads a model folder written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">No <c>model.json</c> or archive in the folder.</exception>
    /// <exception cref="InputFileException">A malformed manifest or unknown featuriser; names the manifest.</exception>
    public static PropertyModel Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var manifestPath = Path.Combine(folder, ModelManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"no {ModelManifest.FileName} in {folder}", manifestPath);
        }

        var manifest = ModelManifest.Read(manifestPath);
        if (!FeaturizerCatalog.TryGet(manifest.Featurizer, out var featurizer))
        {
            throw new InputFileException(manifestPath, 0, 0, "featurizer", $"unknown featuriser '{manifest.Featurizer}' (this build knows: {FeaturizerCatalog.KnownIds})");
        }

        var regressors = new ConformalEnsembleRegressor[manifest.Properties.Count];
        for (var i = 0; i < regressors.Length; i++)
        {
            var p = manifest.Properties[i];
            var archive = Path.Combine(folder, p.File);
            if (!File.Exists(archive))
            {
                throw new FileNotFoundException($"model '{manifest.Id}' lists {p.File} for {p.Name}, which is missing", archive);
            }

            using var stream = File.OpenRead(archive);
            try
            {
                regressors[i] = ConformalEnsembleRegressor.Load(stream, manifest.Features.Count, p.EnsembleSize, p.Calibration, manifest.Ensemble.Aggregation);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException)
            {
                throw new InputFileException(archive, 0, 0, p.Name, $"cannot read the ensemble archive: {e.Message}", e);
            }
        }

        return new PropertyModel(manifest, featurizer, regressors);
    }

    /// <summary>Writes <c>model.json</c> and the ensemble archives into a folder (created if needed).</summary>
    public void Save(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < _regressors.Length; i++)
        {
            using var stream = File.Create(Path.Combine(folder, Manifest.Properties[i].File));
            _regressors[i].Save(stream);
        }

        Manifest.Write(Path.Combine(folder, ModelManifest.FileName));
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, UncertainQuantity> Predict(MaterialDefinition material) =>
        Predict(Featurizer.Featurize(material));

    /// <inheritdoc/>
    public DomainCheck CheckDomain(MaterialDefinition material) => Domain.Check(Featurizer.Featurize(material), Featurizer.Features);

    /// <summary>Predicts every property from a feature vector (units of <see cref="Featurizer"/>), in SI.</summary>
    public IReadOnlyDictionary<string, UncertainQuantity> Predict(ReadOnlySpan<double> features)
    {
        var inDomain = Domain.Check(features).InDomain;
        var result = new Dictionary<string, UncertainQuantity>(StringComparer.Ordinal);
        for (var i = 0; i < _regressors.Length; i++)
        {
            var p = _regressors[i].Predict(features);
            var unit = _units[i];
            var value = new UncertainValue(unit.ToSI(p.Mean), p.EquivalentStandardDeviation * unit.Scale, unit.ToSI(p.Lower), unit.ToSI(p.Upper), p.Level);
            result[Properties[i]] = new UncertainQuantity(value, unit.Dimension, Provenance, inDomain);
        }

        return result;
    }

    /// <summary>The raw ensemble prediction of one property, in the property's training unit.</summary>
    /// <exception cref="KeyNotFoundException">The model does not predict <paramref name="property"/>.</exception>
    public EnsemblePrediction PredictRaw(string property, ReadOnlySpan<double> features)
    {
        for (var i = 0; i < Properties.Count; i++)
        {
            if (Properties[i] == property)
            {
                return _regressors[i].Predict(features);
            }
        }

        throw new KeyNotFoundException($"model '{ModelId}' predicts {string.Join(", ", Properties)}, not '{property}'");
    }

    /// <summary>The regressor of one property.</summary>
    public ConformalEnsembleRegressor Regressor(string property)
    {
        var i = Array.IndexOf([.. Properties], property);
        return i >= 0 ? _regressors[i] : throw new KeyNotFoundException($"model '{ModelId}' does not predict '{property}'");
    }

    private static Provenance BuildProvenance(ModelManifest m)
    {
        var c = CultureInfo.InvariantCulture;
        var data = $"{m.Data.File}: {m.Data.Citation}; {m.Data.Rows.ToString(c)} rows from {m.Data.Groups.ToString(c)} heats";
        data += m.Data.Kinds is { Count: > 0 } kinds
            ? $"; trained on {string.Join(" and ", kinds)} values only"
            : "; the manifest does not state the provenance kind of the training values";
        if (m.Data.Holdout is { } h)
        {
            data += $"; held out of training: {h.Selector} ({h.Rows.ToString(c)} rows)";
        }

        return new Provenance(ProvenanceKind.Prediction, $"model {m.Id} (trained {m.Trained.ToString("yyyy-MM-dd", c)})", m.Trained,
            Method: m.Algorithm, Data: data);
    }
}

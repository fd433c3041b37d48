using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Design;

/// <summary>A committed <see cref="PropertyModel"/> (for example <c>models/nims-steel</c>) as a design model: its inputs are the design variables.</summary>
/// <param name="Model">The model.</param>
public sealed record PropertyModelDesignModel(PropertyModel Model) : IDesignModel
{
    /// <inheritdoc/>
    public IReadOnlyList<FeatureDescription> Features => Model.Featurizer.Features;

    /// <inheritdoc/>
    public IReadOnlyList<string> Properties => Model.Properties;

    /// <inheritdoc/>
    public ApplicabilityDomain Domain => Model.Domain;

    /// <inheritdoc/>
    public string Source => $"{Model.Provenance.Source}; {Model.Provenance.Data}";

    /// <inheritdoc/>
    public string Unit(string property) =>
        Model.Manifest.Properties.FirstOrDefault(p => p.Name == property)?.Unit ?? throw new KeyNotFoundException($"model '{Model.ModelId}' does not predict '{property}'");

    /// <inheritdoc/>
    public EnsemblePrediction[] Predict(string property, IReadOnlyList<double[]> candidates) => Model.Regressor(property).Predict(candidates);
}

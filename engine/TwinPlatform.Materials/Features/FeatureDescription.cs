namespace TwinPlatform.Materials.Features;

/// <summary>One model input: its name, the unit its values are expressed in, and where it comes from.</summary>
/// <param name="Name">Feature name in model manifests (<c>tempering_temperature</c>, <c>C</c>).</param>
/// <param name="Unit">Unit of the feature values as the model sees them (<c>degC</c>, <c>wt%</c>, <c>1</c>).</param>
/// <param name="SourceColumn">Column of the training table the feature is read from.</param>
/// <param name="Description">What the feature is and where a scene file gives it.</param>
public sealed record FeatureDescription(string Name, string Unit, string SourceColumn, string Description);

using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Materials.Tables;

/// <summary>Isotropic room-temperature elastic constants of a material class, with standard uncertainties and their source.</summary>
/// <param name="Id">Table key, as written in a scene's <c>properties.elastic</c>.</param>
/// <param name="Description">Which materials the entry covers.</param>
/// <param name="YoungsModulusPa">Young's modulus E (Pa).</param>
/// <param name="YoungsModulusStandardUncertaintyPa">Standard uncertainty of E (Pa): the spread of real heats and tempers about the handbook value.</param>
/// <param name="PoissonsRatio">Poisson's ratio.</param>
/// <param name="PoissonsRatioStandardUncertainty">Standard uncertainty of Poisson's ratio.</param>
/// <param name="Citation">The handbook or standard the values come from.</param>
/// <param name="Published">Publication date of the source.</param>
public sealed record ElasticConstants(
    string Id,
    string Description,
    double YoungsModulusPa,
    double YoungsModulusStandardUncertaintyPa,
    double PoissonsRatio,
    double PoissonsRatioStandardUncertainty,
    string Citation,
    DateTimeOffset Published)
{
    /// <summary>The interval level of the quantities returned (normal distribution).</summary>
    public const double Level = 0.90;

    /// <summary>The provenance of both constants: kind <see cref="ProvenanceKind.Handbook"/>, the citation as source.</summary>
    public Provenance Provenance => new(ProvenanceKind.Handbook, Citation, Published, Method: $"elastic constants table entry '{Id}'");

    /// <summary>Young's modulus as a normal distribution with its 90% interval (Pa).</summary>
    public UncertainQuantity YoungsModulus =>
        new(UncertainValue.Normal(YoungsModulusPa, YoungsModulusStandardUncertaintyPa, Level), Dimension.Pressure, Provenance);

    /// <summary>Poisson's ratio as a normal distribution with its 90% interval.</summary>
    public UncertainQuantity Poisson =>
        new(UncertainValue.Normal(PoissonsRatio, PoissonsRatioStandardUncertainty, Level), Dimension.Dimensionless, Provenance);
}

using TwinPlatform.Core.Graph;

namespace TwinPlatform.Twins.Validation;

/// <summary>
/// One validation comparison in the ASME V&amp;V 20 sense: simulation S against data D, the
/// comparison error E = S - D and the validation uncertainty u_val = sqrt(u_num^2 + u_input^2 + u_D^2).
/// The comparison passes when |E| &lt;= k u_val.
/// </summary>
/// <param name="Level">Material, component or system.</param>
/// <param name="Twin">The twin compared.</param>
/// <param name="Quantity">What was compared (<c>tensile_strength</c>, <c>strain SG1</c>).</param>
/// <param name="Unit">Display unit of the numbers below.</param>
/// <param name="Simulation">S, the prediction.</param>
/// <param name="Data">D, the measurement.</param>
/// <param name="NumericalUncertainty">u_num.</param>
/// <param name="InputUncertainty">u_input, the prediction's uncertainty due to its inputs (properties, loads).</param>
/// <param name="DataUncertainty">u_D.</param>
/// <param name="CoverageFactor">k.</param>
/// <param name="Note">How the point was formed.</param>
public sealed record ValidationResult(
    TwinLevel Level,
    string Twin,
    string Quantity,
    string Unit,
    double Simulation,
    double Data,
    double NumericalUncertainty,
    double InputUncertainty,
    double DataUncertainty,
    double CoverageFactor,
    string Note)
{
    /// <summary>E = S - D.</summary>
    public double ComparisonError => Simulation - Data;

    /// <summary>u_val = sqrt(u_num^2 + u_input^2 + u_D^2).</summary>
    public double ValidationUncertainty => Math.Sqrt((NumericalUncertainty * NumericalUncertainty) + (InputUncertainty * InputUncertainty) + (DataUncertainty * DataUncertainty));

    /// <summary>|E| / u_val: at most k for a pass.</summary>
    public double NormalizedError => ValidationUncertainty > 0 ? Math.Abs(ComparisonError) / ValidationUncertainty : double.PositiveInfinity;

    /// <summary>True when |E| &lt;= k u_val.</summary>
    public bool Passes => Math.Abs(ComparisonError) <= CoverageFactor * ValidationUncertainty;

    /// <summary>E relative to D.</summary>
    public double RelativeError => Data != 0 ? ComparisonError / Data : double.NaN;
}

namespace TwinPlatform.Twins.Feeds;

/// <summary>
/// The columns of the NASA C-MAPSS turbofan files after unit number and cycle: three operational
/// settings and 21 sensors, with names and units from A. Saxena, K. Goebel, D. Simon, N. Eklund,
/// "Damage Propagation Modeling for Aircraft Engine Run-to-Failure Simulation", PHM08, Table 2.
/// </summary>
/// <remarks>
/// Temperatures are given in degrees Rankine and sent in kelvin (x 5/9); pressures in psia are sent
/// as <c>psi</c>; flows in lbm/s as <c>lb/s</c>; ratios and the dimensionless bleed enthalpy as <c>1</c>.
/// </remarks>
public static class CmapssChannels
{
    /// <summary>Columns in a row: unit, cycle, 3 settings, 21 sensors.</summary>
    public const int ColumnCount = 26;

    private const double RankineToKelvin = 5.0 / 9.0;

    /// <summary>The three operational settings (altitude, Mach number and throttle resolver angle, normalised as in the files).</summary>
    public static IReadOnlyList<CmapssChannel> Settings { get; } =
    [
        new("setting1", "operational setting 1", "-", "1"),
        new("setting2", "operational setting 2", "-", "1"),
        new("setting3", "operational setting 3", "-", "1"),
    ];

    /// <summary>The 21 sensors in file order.</summary>
    public static IReadOnlyList<CmapssChannel> Sensors { get; } =
    [
        new("T2", "total temperature at fan inlet", "degR", "K", RankineToKelvin),
        new("T24", "total temperature at LPC outlet", "degR", "K", RankineToKelvin),
        new("T30", "total temperature at HPC outlet", "degR", "K", RankineToKelvin),
        new("T50", "total temperature at LPT outlet", "degR", "K", RankineToKelvin),
        new("P2", "pressure at fan inlet", "psia", "psi"),
        new("P15", "total pressure in bypass duct", "psia", "psi"),
        new("P30", "total pressure at HPC outlet", "psia", "psi"),
        new("Nf", "physical fan speed", "rpm", "rpm"),
        new("Nc", "physical core speed", "rpm", "rpm"),
        new("epr", "engine pressure ratio (P50/P2)", "-", "1"),
        new("Ps30", "static pressure at HPC outlet", "psia", "psi"),
        new("phi", "ratio of fuel flow to Ps30", "pps/psi", "lb/s/psi"),
        new("NRf", "corrected fan speed", "rpm", "rpm"),
        new("NRc", "corrected core speed", "rpm", "rpm"),
        new("BPR", "bypass ratio", "-", "1"),
        new("farB", "burner fuel-air ratio", "-", "1"),
        new("htBleed", "bleed enthalpy", "-", "1"),
        new("Nf_dmd", "demanded fan speed", "rpm", "rpm"),
        new("PCNfR_dmd", "demanded corrected fan speed", "rpm", "rpm"),
        new("W31", "HPT coolant bleed", "lbm/s", "lb/s"),
        new("W32", "LPT coolant bleed", "lbm/s", "lb/s"),
    ];
}

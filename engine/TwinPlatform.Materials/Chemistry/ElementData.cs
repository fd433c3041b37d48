namespace TwinPlatform.Materials.Chemistry;

/// <summary>Tabulated properties of one chemical element (see <see cref="ElementTable"/> for the sources).</summary>
/// <param name="Symbol">Element symbol.</param>
/// <param name="AtomicNumber">Atomic number Z.</param>
/// <param name="AtomicMass">Standard atomic weight (u, g/mol).</param>
/// <param name="Group">Periodic-table group (1-18; La, Ce, Nd, Gd in 3).</param>
/// <param name="Period">Periodic-table period.</param>
/// <param name="CovalentRadiusPm">Covalent radius (pm), Cordero et al. 2008.</param>
/// <param name="Electronegativity">Pauling electronegativity.</param>
/// <param name="MeltingPointK">Melting point at 1 atm (K).</param>
/// <param name="SValence">Valence s electrons.</param>
/// <param name="PValence">Valence p electrons.</param>
/// <param name="DValence">Valence d electrons.</param>
/// <param name="FValence">Valence f electrons.</param>
public sealed record ElementData(
    string Symbol,
    int AtomicNumber,
    double AtomicMass,
    int Group,
    int Period,
    double CovalentRadiusPm,
    double Electronegativity,
    double MeltingPointK,
    int SValence,
    int PValence,
    int DValence,
    int FValence)
{
    /// <summary>All valence electrons (s + p + d + f).</summary>
    public int Valence => SValence + PValence + DValence + FValence;
}

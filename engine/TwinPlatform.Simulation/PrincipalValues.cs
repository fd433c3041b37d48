namespace TwinPlatform.Simulation;

/// <summary>Eigenvalues of a symmetric tensor, ordered <see cref="Max"/> &gt;= <see cref="Mid"/> &gt;= <see cref="Min"/>.</summary>
/// <param name="Max">Largest principal value.</param>
/// <param name="Mid">Middle principal value.</param>
/// <param name="Min">Smallest principal value.</param>
public readonly record struct PrincipalValues(double Max, double Mid, double Min);

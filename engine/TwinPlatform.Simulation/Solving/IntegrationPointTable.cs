namespace TwinPlatform.Simulation.Solving;

/// <summary>Values at the integration points of a list of elements (for <c>*EL PRINT</c> tables).</summary>
/// <param name="ElementIds">Deck element numbers.</param>
/// <param name="Offsets">Index of each element's first point (ElementIds.Length + 1 entries).</param>
/// <param name="Components">Values per point (6 for stress xx, yy, zz, xy, yz, zx; 3 for heat flux).</param>
/// <param name="Values">Components values per point, points in element order.</param>
public sealed record IntegrationPointTable(int[] ElementIds, int[] Offsets, int Components, double[] Values);

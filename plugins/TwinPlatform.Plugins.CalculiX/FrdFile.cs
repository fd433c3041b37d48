namespace TwinPlatform.Plugins.CalculiX;

/// <summary>What <see cref="FrdReader"/> read: the node block and the nodal result blocks in file order.</summary>
/// <param name="NodeIds">Node numbers of the node block.</param>
/// <param name="Coordinates">Coordinates, 3 per node, parallel to <paramref name="NodeIds"/>.</param>
/// <param name="Blocks">Result blocks in file order.</param>
/// <param name="Version">The <c>1UVERSION</c> header text, or empty.</param>
public sealed record FrdFile(int[] NodeIds, double[] Coordinates, IReadOnlyList<FrdBlock> Blocks, string Version);

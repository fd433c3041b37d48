using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Results;

/// <summary>
/// Heat flux q = -k grad T of a heat-transfer solution at the integration points and, recovered like the
/// stresses (extrapolated to the corners, mid-edge nodes averaged from their corners, averaged over the
/// elements at a node), at the nodes. W/m^2, 3 components per point or node.
/// </summary>
public sealed class HeatFluxField
{
    internal HeatFluxField(int[] pointOffsets, double[] pointFluxes, double[] pointPositions, double[] nodalFluxes)
    {
        PointOffsets = pointOffsets;
        PointFluxes = pointFluxes;
        PointPositions = pointPositions;
        NodalFluxes = nodalFluxes;
    }

    /// <summary>Per element (ElementCount + 1 entries): index of its first integration point.</summary>
    public int[] PointOffsets { get; }

    /// <summary>Flux vectors at the integration points, 3 per point, W/m^2.</summary>
    public double[] PointFluxes { get; }

    /// <summary>Integration-point positions, 3 per point, metres.</summary>
    public double[] PointPositions { get; }

    /// <summary>Recovered flux vectors at the nodes, 3 per node, W/m^2.</summary>
    public double[] NodalFluxes { get; }

    /// <summary>Flux at integration point <paramref name="point"/> of element <paramref name="element"/>.</summary>
    public Vector3d PointFlux(int element, int point)
    {
        var k = 3 * (PointOffsets[element] + point);
        return new Vector3d(PointFluxes[k], PointFluxes[k + 1], PointFluxes[k + 2]);
    }

    /// <summary>Recovered flux at node <paramref name="node"/>.</summary>
    public Vector3d NodalFlux(int node) => new(NodalFluxes[3 * node], NodalFluxes[(3 * node) + 1], NodalFluxes[(3 * node) + 2]);
}

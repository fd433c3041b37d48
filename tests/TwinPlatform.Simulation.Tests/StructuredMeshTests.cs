using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Tests;

public sealed class StructuredMeshTests
{
    [Theory]
    [InlineData(ElementType.Hex8, 24, 6, 2 * 3 * 1 * 8)]
    [InlineData(ElementType.Hex20, 24 + 46, 6, 2 * 3 * 1 * 20)]
    [InlineData(ElementType.Wedge6, 24, 12, 2 * 3 * 1 * 12)]
    [InlineData(ElementType.Wedge15, 24 + 46 + 12, 12, 2 * 3 * 1 * 30)]
    public void Create_TwoByThreeByOne_SharesCornersAndMidEdgeNodes(ElementType type, int nodes, int elements, int references)
    {
        // 3 x 4 x 2 = 24 lattice corners; 46 distinct cell edges; a wedge split adds one diagonal per cell face at k = 0 and k = 1 (12).
        var mesh = StructuredMesh.Create(type, 2, 3, 1, (i, j, k) => (0.5 * i, 0.25 * j, 2.0 * k));

        Assert.Equal(nodes, mesh.NodeCount);
        Assert.Equal(elements, mesh.ElementCount);
        var block = Assert.Single(mesh.Blocks);
        Assert.Equal(references, block.Connectivity.Length);
        Assert.All(block.Connectivity, n => Assert.InRange(n, 0, mesh.NodeCount - 1));
        var points = Enumerable.Range(0, mesh.NodeCount).Select(n => (mesh.X[n], mesh.Y[n], mesh.Z[n])).ToHashSet();
        Assert.Equal(mesh.NodeCount, points.Count);

        // Corner (i, j, k) has index i + 3 (j + 4 k).
        Assert.Equal((0.5, 0.5, 2.0), (mesh.X[1 + (3 * (2 + 4))], mesh.Y[1 + (3 * (2 + 4))], mesh.Z[1 + (3 * (2 + 4))]));
    }

    [Fact]
    public void Create_Hex20_MidEdgeNodesAtEdgeMidpoints()
    {
        var mesh = StructuredMesh.Create(ElementType.Hex20, 1, 1, 1, (i, j, k) => (i + (0.1 * j), j, k * (1 + (0.5 * i))));
        var nodes = mesh.Blocks[0].Nodes(0);

        // Mid-edge node 8 lies between corners 0 and 1, node 16 between corners 0 and 4 (CalculiX order).
        Assert.Equal(0.5 * (mesh.X[nodes[0]] + mesh.X[nodes[1]]), mesh.X[nodes[8]]);
        Assert.Equal(0.5 * (mesh.Z[nodes[1]] + mesh.Z[nodes[5]]), mesh.Z[nodes[17]]);
        Assert.Equal(0.5 * (mesh.Y[nodes[0]] + mesh.Y[nodes[4]]), mesh.Y[nodes[16]]);
    }

    [Fact]
    public void Create_TetrahedralType_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => StructuredMesh.Create(ElementType.Tet10, 1, 1, 1, (i, j, k) => (i, j, k)));
        Assert.Contains("hexahedra or wedges", e.Message, StringComparison.Ordinal);
    }
}

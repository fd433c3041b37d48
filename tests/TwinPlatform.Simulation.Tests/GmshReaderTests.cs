using TwinPlatform.Core;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Gmsh;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Tests;

public sealed class GmshReaderTests
{
    // One linear tetrahedron with gaps in the node tags, an unused node (99) and two physical groups.
    private const string SmallMesh = """
        $MeshFormat
        4.1 0 8
        $EndMeshFormat
        $PhysicalNames
        2
        2 5 "base"
        3 7 "solid"
        $EndPhysicalNames
        $Entities
        0 0 1 1
        3 0 0 0 1 1 0 1 5 0
        1 0 0 0 1 1 1 1 7 0
        $EndEntities
        $Nodes
        2 5 10 99
        2 3 0 3
        10
        30
        20
        0 0 0
        0 1 0
        1 0 0
        3 1 0 2
        40
        99
        0 0 1
        5 5 5
        $EndNodes
        $Elements
        2 2 1 7
        2 3 2 1
        1 10 20 30
        3 1 4 1
        7 10 20 30 40
        $EndElements
        """;

    [Fact]
    public void Read_NonContiguousTags_MapsToDenseIndicesAndBuildsSets()
    {
        var mesh = GmshReader.Read(new StringReader(SmallMesh), "small.msh", scaleToMetres: 1e-3);

        // Tags 10, 30, 20, 40 in file order -> 0, 1, 2, 3; node 99 is used by no element and dropped.
        Assert.Equal(4, mesh.NodeCount);
        Assert.Equal([0, 2, 1, 3], mesh.Blocks[0].Connectivity);
        Assert.Equal(ElementType.Tet4, mesh.Blocks[0].Type);
        Assert.Equal(1e-3, mesh.X[2], 1e-15);
        Assert.Equal(1e-3, mesh.Y[1], 1e-15);
        Assert.Equal(1e-3, mesh.Z[3], 1e-15);
        Assert.Equal([0], mesh.ElementSets["solid"].Elements);
        Assert.Equal(FaceType.Tri3, mesh.FaceSets["base"].Type);
        Assert.Equal([0, 2, 1], mesh.FaceSets["base"].Connectivity);
        Assert.Equal([0, 1, 2], mesh.NodeSets["base"].Nodes);
    }

    [Theory]
    [InlineData(21, "0 abc 0", 21, 3, "y coordinate")]
    [InlineData(34, "7 10 20 30 41", 34, 12, "node tag 41")]
    [InlineData(34, "7 10 20 30 40 50", 34, 15, "more entries")]
    [InlineData(32, "1 10 20", 32, 8, "node tag 3 of 3")]
    [InlineData(2, "2.2 0 8", 2, 1, "version 2.2 is not supported")]
    [InlineData(2, "4.1 1 8", 2, 5, "binary")]
    [InlineData(15, "2 6 10 99", 15, 0, "declares 6 nodes")]
    [InlineData(28, "$EndNode", 28, 1, "expected $EndNodes")]
    [InlineData(33, "3 1 5 1", 33, 5, "8-node hexahedron volume elements are not supported")]
    [InlineData(6, "2 5 base", 6, 5, "double quotes")]
    public void Read_CorruptedLine_ThrowsNamingFileLineAndColumn(int line, string replacement, int expectedLine, int expectedColumn, string reason)
    {
        var lines = SmallMesh.Split('\n');
        lines[line - 1] = replacement;

        var ex = Assert.Throws<InputFileException>(() => GmshReader.Read(new StringReader(string.Join('\n', lines)), "bad.msh"));

        Assert.Equal("bad.msh", ex.File);
        Assert.Equal(expectedLine, ex.Line);
        Assert.Equal(expectedColumn, ex.Column);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"bad.msh:{expectedLine}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_ThrowsAtEndOfFile()
    {
        var cut = string.Join('\n', SmallMesh.Split('\n')[..25]);

        var ex = Assert.Throws<InputFileException>(() => GmshReader.Read(new StringReader(cut), "cut.msh"));

        Assert.Contains("end of file", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(25, ex.Line);
    }

    [Fact]
    public void Read_NotAMeshFile_ThrowsOnFirstLine()
    {
        var ex = Assert.Throws<InputFileException>(() => GmshReader.Read(new StringReader("solid cube\nfacet normal 0 0 1\n"), "cube.stl"));

        Assert.Equal(1, ex.Line);
        Assert.Contains("section header", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Read_GmshBlockWithPhysicalGroups_BuildsSetsInMetres(int order)
    {
        var mesh = new GmshMesher().Generate(SimulationTestPaths.Geometry("block.geo"), new GmshMeshOptions
        {
            ElementOrder = order,
            CharacteristicLengthM = 0.005,
            GeometryUnitM = 1e-3,
            CacheFolder = SimulationTestPaths.MeshCache,
        });

        var block = Assert.Single(mesh.Blocks);
        Assert.Equal(order == 1 ? ElementType.Tet4 : ElementType.Tet10, block.Type);
        Assert.Equal(mesh.ElementCount, mesh.ElementSets["body"].Elements.Length);
        var bounds = mesh.Bounds();

        // Coordinates in metres: the 30 x 20 x 10 mm block, to 1e-12 m.
        Assert.Equal(0.03, bounds.Max.X - bounds.Min.X, 1e-12);
        Assert.Equal(0.02, bounds.Max.Y - bounds.Min.Y, 1e-12);
        Assert.Equal(0.01, bounds.Max.Z - bounds.Min.Z, 1e-12);
        Assert.Equal(order == 1 ? FaceType.Tri3 : FaceType.Tri6, mesh.FaceSets["left"].Type);
        foreach (var n in mesh.NodeSets["right"].Nodes)
        {
            Assert.Equal(0.03, mesh.X[n], 1e-12);
        }

        // End-face area 20 x 10 mm by quadrature over the face set, to 1e-12 relative.
        var areas = new double[mesh.NodeCount];
        Assert.Equal(2e-4, SurfaceIntegration.NodalAreas(mesh, mesh.FaceSets["left"], areas), 2e-16);

        // Every element positively oriented; quadratic mid-edge nodes (straight edges here) at their edge's
        // midpoint in the internal order 4 (0,1), 5 (1,2), 6 (2,0), 7 (0,3), 8 (1,3), 9 (2,3).
        Span<double> xyz = stackalloc double[30];
        Span<double> ke = stackalloc double[900];
        var edges = new[] { 0, 1, 1, 2, 2, 0, 0, 3, 1, 3, 2, 3 };
        for (var e = 0; e < block.Count; e++)
        {
            var nodes = block.Nodes(e);
            ElementOperations.GatherCoordinates(mesh, nodes, xyz);
            Assert.True(order == 1 ? default(Tet4Kernel).Stiffness(xyz, 1, 1, ke) : default(Tet10Kernel).Stiffness(xyz, 1, 1, ke), $"element {e} inverted");
            if (order == 2)
            {
                for (var k = 0; k < 6; k++)
                {
                    var mid = 0.5 * (mesh.Node(nodes[edges[2 * k]]) + mesh.Node(nodes[edges[(2 * k) + 1]]));
                    Assert.True((mesh.Node(nodes[4 + k]) - mid).Length < 1e-12, $"element {e}: node {4 + k} is not the midpoint of its edge");
                }
            }
        }
    }
}

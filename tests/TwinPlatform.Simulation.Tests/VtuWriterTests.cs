using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Output;
using TwinPlatform.Testing;

namespace TwinPlatform.Simulation.Tests;

public sealed class VtuWriterTests
{
    [Theory]
    [InlineData(VtuEncoding.Ascii)]
    [InlineData(VtuEncoding.Base64)]
    public void WriteResult_Tet10Mesh_WritesQuadraticTetraCellsAndFields(VtuEncoding encoding)
    {
        var mesh = TestMeshes.Box(2, 1, 1, 0.2, 0.1, 0.1, quadratic: true);
        var model = new StaticModel(mesh, new IsotropicElastic(70e9, 0.33));
        model.Fix("xmin");
        model.AddSurfaceForce("xmax", new TwinPlatform.Core.Graph.Vector3d(0, 0, -1), 100);
        var result = model.Solve().LoadCases[0];
        var path = Path.Combine(RepoPaths.NewTempFolder("vtu"), "result.vtu");

        VtuWriter.WriteResult(path, result, encoding);

        var piece = XDocument.Load(path).Descendants("Piece").Single();
        Assert.Equal(mesh.NodeCount.ToString(CultureInfo.InvariantCulture), piece.Attribute("NumberOfPoints")!.Value);
        Assert.Equal(mesh.ElementCount.ToString(CultureInfo.InvariantCulture), piece.Attribute("NumberOfCells")!.Value);
        var arrays = piece.Descendants("DataArray").ToDictionary(a => a.Attribute("Name")!.Value);
        Assert.All(Read(arrays["types"], encoding, 1), t => Assert.Equal(24, t));
        Assert.Equal(mesh.Blocks[0].Connectivity.Select(c => (double)c), Read(arrays["connectivity"], encoding, 8, integer: true));
        Assert.Equal(10.0 * mesh.ElementCount, Read(arrays["offsets"], encoding, 8, integer: true).Last());
        Assert.Equal(result.Displacements, Read(arrays["displacement"], encoding, 8));
        Assert.Equal(result.NodalVonMises, Read(arrays["von_mises"], encoding, 8));
        Assert.Equal(6 * mesh.NodeCount, Read(arrays["stress"], encoding, 8).Length);
        Assert.Equal("XZ", arrays["stress"].Attribute("ComponentName5")!.Value);
    }

    private static double[] Read(XElement array, VtuEncoding encoding, int size, bool integer = false)
    {
        var text = array.Value.Trim();
        if (encoding == VtuEncoding.Ascii)
        {
            return text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        }

        var bytes = Convert.FromBase64String(text);
        var count = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes) / size;
        Assert.Equal(8 + (count * size), bytes.Length);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var span = bytes.AsSpan(8 + (i * size));
            values[i] = size == 1 ? span[0] : integer ? BinaryPrimitives.ReadInt64LittleEndian(span) : BinaryPrimitives.ReadDoubleLittleEndian(span);
        }

        return values;
    }
}

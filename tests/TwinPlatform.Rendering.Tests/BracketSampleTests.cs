using System.Diagnostics;
using TwinPlatform.Rendering;
using TwinPlatform.Rendering.Imaging;
using TwinPlatform.Testing;
using Xunit.Abstractions;

namespace TwinPlatform.Rendering.Tests;

/// <summary>
/// End to end on the product's own part: the default scene's wall bracket, meshed by gmsh into ~50k
/// surface triangles, coloured by a stress-like field and rendered at 1280 x 960. Reports timings.
/// Set TWINPLATFORM_RENDER_SAMPLE to a .png path to keep a copy of the image.
/// </summary>
public class BracketSampleTests(RendererFixture fixture, ITestOutputHelper output) : IClassFixture<RendererFixture>
{
    [Fact]
    public async Task RenderAsync_GmshBracketFiftyThousandTriangles_LitColouredImageWithLegend()
    {
        var renderer = fixture.Renderer;
        var mesh = MeshBracket(maxElementSizeMm: 1.85);
        Assert.InRange(mesh.TriangleCount, 40_000, 60_000);
        var description = RenderDescription.Default with
        {
            Title = "Wall bracket A, seat load - synthetic stress field (render sample)",
        };

        var clock = Stopwatch.StartNew();
        using var uploaded = await renderer.UploadAsync(mesh);
        var uploadMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var image = await renderer.RenderAsync(uploaded, description);
        var firstMs = clock.Elapsed.TotalMilliseconds;

        const int frames = 5;
        clock.Restart();
        for (var i = 0; i < frames; i++)
        {
            await renderer.RenderAsync(uploaded, description, image);
        }

        var frameMs = clock.Elapsed.TotalMilliseconds / frames;
        output.WriteLine($"{mesh.TriangleCount} triangles, {mesh.VertexCount} vertices -> {uploaded.RenderVertexCount} render vertices, {uploaded.FeatureEdgeCount} feature edges");
        output.WriteLine($"{renderer.GlRenderer}; upload {uploadMs:F0} ms, first frame {firstMs:F0} ms, then {frameMs:F0} ms per 1280 x 960 frame (4x MSAA, readback, legend)");

        var path = Path.Combine(RepoPaths.NewTempFolder("bracket-render"), "bracket.png");
        image.SavePng(path);
        if (Environment.GetEnvironmentVariable("TWINPLATFORM_RENDER_SAMPLE") is { Length: > 0 } keep)
        {
            image.SavePng(keep);
            output.WriteLine($"sample written to {keep}");
        }

        Assert.Equal((1280, 960, 8, 6), PngFile.ReadHeader(path));
        Assert.True(ImageStatistics.ForegroundFraction(image, description.Background) > 0.10);
        Assert.True(ImageStatistics.CountDistinctColors(image) > 2000);
        Assert.True(ImageStatistics.ForegroundBounds(image, description.Background) is { X: > 0, Y: > 0 } b && b.Right < 1280 && b.Bottom < 960);
    }

    /// <summary>Meshes scenes/bracket/bracket.geo (millimetres) with gmsh and attaches a stress-like field in MPa.</summary>
    private static SurfaceMeshDescription MeshBracket(double maxElementSizeMm)
    {
        var gmsh = ExternalTool.Find("gmsh");
        Assert.True(gmsh is not null, "gmsh is required to mesh scenes/bracket/bracket.geo (the setup script installs it: apt-get install gmsh)");
        var folder = RepoPaths.NewTempFolder("bracket-mesh");
        var stl = Path.Combine(folder, "bracket.stl");
        var geo = RepoPaths.InRepo("scenes", "bracket", "bracket.geo");
        var size = maxElementSizeMm.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, log) = ExternalTool.Run(gmsh!, $"\"{geo}\" -2 -clmax {size} -save_all -format stl -o \"{stl}\"", folder);
        Assert.True(exitCode == 0 && File.Exists(stl), log);

        var (positions, triangles) = StlReader.Read(stl, 0.001);
        var stress = new double[positions.Length / 3];
        for (var i = 0; i < stress.Length; i++)
        {
            var x = positions[3 * i] * 1000;
            var z = positions[(3 * i) + 2] * 1000;
            stress[i] = StressLike(x, z);
        }

        return new SurfaceMeshDescription(positions, triangles, new ScalarFieldDescription("von Mises stress", "MPa", stress));
    }

    /// <summary>
    /// Not a solution: a plausible picture of one. Cantilever bending from the seat (x = 120 mm) to the
    /// wall, growing with distance from a neutral axis in the arm-and-gusset section, plus hot spots at
    /// the re-entrant corner over the wall plate and at the gusset toe. MPa.
    /// </summary>
    private static double StressLike(double x, double z)
    {
        var moment = Math.Max(0, 120 - x) / 120;
        var bending = 210 * moment * Math.Min(Math.Abs(z + 20) / 40, 1.2);
        var corner = 90 * Math.Exp(-(((x - 12) * (x - 12)) + ((z - 16) * (z - 16))) / 150);
        var toe = 110 * Math.Exp(-(((x - 12) * (x - 12)) + ((z + 90) * (z + 90))) / 200);
        return 4 + bending + corner + toe;
    }
}

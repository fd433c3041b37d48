using TwinPlatform.Core.Graph;
using TwinPlatform.Rendering;
using TwinPlatform.Rendering.Egl;
using TwinPlatform.Rendering.Imaging;
using TwinPlatform.Rendering.Overlay;
using TwinPlatform.Testing;

namespace TwinPlatform.Rendering.Tests;

public class HeadlessRendererTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private static readonly RenderDescription Small = RenderDescription.Default with { Width = 640, Height = 480 };

    /// <summary>Colours straight from the map: no shading, no lines, no anti-aliasing.</summary>
    private static readonly RenderDescription Unlit = Small with
    {
        Lighting = new LightingDescription { Ambient = 1, Diffuse = 0, Specular = 0 },
        Edges = new EdgeOverlay { Mode = EdgeOverlayMode.None },
        SampleCount = 1,
        Legend = new LegendDescription { Visible = false },
    };

    private HeadlessRenderer Renderer => fixture.Renderer;

    [Fact]
    public void Probe_OnThisMachine_ReportsAvailableWithDriver()
    {
        var availability = HeadlessRenderer.Probe();

        Assert.True(availability.IsAvailable, availability.Reason);
        Assert.False(string.IsNullOrEmpty(availability.GlRenderer));
        var version = Version.Parse(availability.GlVersion!.Split(' ')[0]);
        Assert.True(version >= new Version(3, 3), $"OpenGL {availability.GlVersion} is older than the 3.3 core profile asked for");
    }

    [Fact]
    public async Task RenderAsync_BoxWithFieldAlongX_WritesPngOfRequestedSize()
    {
        var path = Path.Combine(RepoPaths.NewTempFolder("render"), "box.png");

        var image = await Renderer.RenderAsync(TestMeshes.Box(0.15, 0.1, 0.05, 8), Small with { Title = "Box 150 x 100 x 50 mm" });
        image.SavePng(path);

        Assert.True(File.Exists(path), path);
        var (width, height, bitDepth, colorType) = PngFile.ReadHeader(path);
        Assert.Equal((640, 480, 8, 6), (width, height, bitDepth, colorType));
    }

    [Fact]
    public async Task RenderAsync_BoxWithFieldAlongX_ImageIsNotBlank()
    {
        var image = await Renderer.RenderAsync(TestMeshes.Box(0.15, 0.1, 0.05, 8), Small);

        var foreground = ImageStatistics.ForegroundFraction(image, Small.Background);
        var colours = ImageStatistics.CountDistinctColors(image);
        Assert.True(foreground > 0.10, $"only {foreground:P1} of the pixels differ from the background");
        Assert.True(colours > 1000, $"only {colours} distinct colours: shading or colour map missing");
    }

    [Theory]
    [InlineData(ColorMapKind.Turbo)]
    [InlineData(ColorMapKind.Viridis)]
    public async Task RenderAsync_UnlitWithRangeInsideData_BothColorMapEndsAppearOnMesh(ColorMapKind map)
    {
        // Values beyond a fixed range get the end colours, so a fifth of the box at each end is exactly them.
        var description = Unlit with { ColorMap = map, ScalarRange = ScalarRange.Fixed(-0.045, 0.045) };

        var image = await Renderer.RenderAsync(TestMeshes.Box(0.15, 0.1, 0.05, 8), description);

        var low = ImageStatistics.CountPixelsNear(image, ColorMap.Evaluate(map, 0), 2);
        var high = ImageStatistics.CountPixelsNear(image, ColorMap.Evaluate(map, 1), 2);
        Assert.True(low > 1000, $"{low} pixels show the low end {ColorMap.Evaluate(map, 0)}");
        Assert.True(high > 1000, $"{high} pixels show the high end {ColorMap.Evaluate(map, 1)}");
    }

    [Fact]
    public async Task RenderAsync_DefaultDescription_LegendBarShowsBothEnds()
    {
        var mesh = TestMeshes.Box(0.15, 0.1, 0.05, 8);
        var image = await Renderer.RenderAsync(mesh, Small);

        var layout = OverlayLayout.Compute(Small, mesh.Field, LegendScale.Create(-0.075, 0.075, 5));
        Assert.False(layout.Bar.IsEmpty);
        // Turbo's low end changes by up to 8 levels per table entry; the bar's end rows sit half a row inside.
        Assert.True(ImageStatistics.CountPixelsNear(image, ColorMap.Turbo(0), 6, layout.Bar) >= layout.Bar.Width);
        Assert.True(ImageStatistics.CountPixelsNear(image, ColorMap.Turbo(1), 6, layout.Bar) >= layout.Bar.Width);

        // Text (labels, header) is drawn beside the bar.
        var labels = new PixelRect(layout.Bar.Right + 2, layout.LegendArea.Y, layout.LegendArea.Right - layout.Bar.Right - 2, layout.LegendArea.Height);
        Assert.True(ImageStatistics.ForegroundFraction(image, Small.Background, 0, labels) > 0.01);
    }

    [Theory]
    [InlineData(ProjectionKind.Perspective, -60, 25)]
    [InlineData(ProjectionKind.Perspective, 0, 0)]
    [InlineData(ProjectionKind.Perspective, 45, 80)]
    [InlineData(ProjectionKind.Orthographic, -60, 25)]
    [InlineData(ProjectionKind.Orthographic, 200, -30)]
    public async Task RenderAsync_AutoFit_MeshInsideFrameAndFillsViewport(ProjectionKind projection, double azimuth, double elevation)
    {
        var mesh = TestMeshes.Box(0.4, 0.1, 0.05, 4);
        var description = Small with
        {
            Camera = new CameraDescription { Projection = projection, AzimuthDegrees = azimuth, ElevationDegrees = elevation },
            Legend = new LegendDescription { Visible = false },
        };

        var image = await Renderer.RenderAsync(mesh, description);

        var bounds = ImageStatistics.ForegroundBounds(image, description.Background);
        Assert.NotNull(bounds);
        var b = bounds.Value;
        Assert.True(b.X > 0 && b.Y > 0 && b.Right < image.Width && b.Bottom < image.Height, $"mesh touches the image border: {b}");

        // Auto-fit fills the viewport along one axis, less the 6% padding on each side.
        var viewport = OverlayLayout.Compute(description, null, null).MeshViewport;
        var fill = Math.Max(b.Width / (double)viewport.Width, b.Height / (double)viewport.Height);
        Assert.InRange(fill, 0.85, 0.95);
    }

    [Fact]
    public async Task RenderAsync_WithLegendAndTitle_BorderRowsAndColumnsStayBackground()
    {
        var description = Small with { Title = "Border check" };
        var image = await Renderer.RenderAsync(TestMeshes.Sphere(0.05, 32, 64), description);

        var w = image.Width;
        var h = image.Height;
        foreach (var edge in new[] { new PixelRect(0, 0, w, 1), new PixelRect(0, h - 1, w, 1), new PixelRect(0, 0, 1, h), new PixelRect(w - 1, 0, 1, h) })
        {
            Assert.Equal(0, ImageStatistics.ForegroundFraction(image, description.Background, 0, edge));
        }
    }

    [Fact]
    public async Task RenderAsync_SameInputTwice_IdenticalImages()
    {
        var mesh = TestMeshes.Sphere(0.05, 32, 64);
        var description = Small with { Title = "Determinism", Edges = new EdgeOverlay { Mode = EdgeOverlayMode.AllEdges } };

        var first = await Renderer.RenderAsync(mesh, description);
        var second = await Renderer.RenderAsync(mesh, description);

        Assert.Equal(0, ImageStatistics.MaxChannelDifference(first, second));
    }

    [Fact]
    public async Task RenderAsync_IntoDestination_SameAsNewImage()
    {
        var mesh = TestMeshes.Box(0.15, 0.1, 0.05, 8);
        using var uploaded = await Renderer.UploadAsync(mesh);
        var destination = new RgbaImage(Small.Width, Small.Height);
        destination.Fill(new RgbaColor(255, 0, 255));

        await Renderer.RenderAsync(uploaded, Small, destination);
        var fresh = await Renderer.RenderAsync(uploaded, Small);

        Assert.Equal(0, ImageStatistics.MaxChannelDifference(fresh, destination));
    }

    [Fact]
    public async Task UpdateScalarsAsync_NegatedField_MirrorsColours()
    {
        var mesh = TestMeshes.Box(0.15, 0.1, 0.05, 8);
        using var uploaded = await Renderer.UploadAsync(mesh);
        var before = await Renderer.RenderAsync(uploaded, Unlit);
        var negated = new double[mesh.VertexCount];
        for (var i = 0; i < negated.Length; i++)
        {
            negated[i] = -mesh.Field!.Values[i];
        }

        await Renderer.UpdateScalarsAsync(uploaded, new ScalarFieldDescription("minus x", "m", negated));
        var after = await Renderer.RenderAsync(uploaded, Unlit);

        Assert.Equal("minus x", uploaded.Field!.Name);
        Assert.True(ImageStatistics.MaxChannelDifference(before, after) > 100);

        // The high-end colour moved from the +x end to the -x end: same amount of it overall.
        var highBefore = ImageStatistics.CountPixelsNear(before, ColorMap.Turbo(1), 2);
        var lowAfter = ImageStatistics.CountPixelsNear(after, ColorMap.Turbo(0), 2);
        Assert.True(highBefore > 0 && lowAfter > 0);
    }

    [Fact]
    public async Task RenderAsync_ManyThreadsAtOnce_AllFramesMatch()
    {
        var mesh = TestMeshes.Sphere(0.05, 24, 48);
        using var uploaded = await Renderer.UploadAsync(mesh);
        var reference = await Renderer.RenderAsync(uploaded, Small);

        var frames = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Renderer.RenderAsync(uploaded, Small))));

        Assert.All(frames, f => Assert.Equal(0, ImageStatistics.MaxChannelDifference(reference, f)));
    }

    [Fact]
    public async Task RenderAsync_NoField_PlainSurfaceWithoutLegend()
    {
        var box = TestMeshes.Box(0.15, 0.1, 0.05, 2);
        var plain = new SurfaceMeshDescription(box.Positions, box.Triangles);

        var image = await Renderer.RenderAsync(plain, Small);

        var layout = OverlayLayout.Compute(Small, null, null);
        Assert.True(layout.LegendArea.IsEmpty);
        Assert.True(ImageStatistics.ForegroundFraction(image, Small.Background) > 0.1);
        Assert.Equal(0, ImageStatistics.CountPixelsNear(image, ColorMap.Turbo(1), 10));
    }

    [Fact]
    public async Task RenderAsync_ColorBands_OnlyBandColoursOnMesh()
    {
        var description = Unlit with { ColorBands = 5 };

        var image = await Renderer.RenderAsync(TestMeshes.Box(0.15, 0.1, 0.05, 8), description);

        // Five band colours plus the background.
        Assert.Equal(6, ImageStatistics.CountDistinctColors(image));
    }

    [Fact]
    public async Task RenderAsync_Msaa_SmoothsEdgesWithIntermediateColours()
    {
        var mesh = TestMeshes.Box(0.15, 0.1, 0.05, 1);
        var plain = new SurfaceMeshDescription(mesh.Positions, mesh.Triangles);
        var flat = Unlit with { SurfaceColor = RgbaColor.Black };

        var aliased = await Renderer.RenderAsync(plain, flat with { SampleCount = 1 });
        var smoothed = await Renderer.RenderAsync(plain, flat with { SampleCount = 4 });

        Assert.True(Renderer.MaxSampleCount >= 4, $"the driver offers only {Renderer.MaxSampleCount} samples");
        Assert.Equal(2, ImageStatistics.CountDistinctColors(aliased));
        Assert.True(ImageStatistics.CountDistinctColors(smoothed) >= 4, "4x MSAA should give edge pixels 1/4, 2/4 and 3/4 coverage");
    }

    [Fact]
    public async Task RenderAsync_ManualCamera_UsesTargetAndDistance()
    {
        var sphere = TestMeshes.Sphere(0.05, 24, 48);
        var far = Small with { Camera = new CameraDescription { AutoFit = false, Target = new Vector3d(0, 0, 0), Distance = 2.0 }, Legend = new LegendDescription { Visible = false } };
        var near = far with { Camera = far.Camera with { Distance = 0.5 } };

        var small = await Renderer.RenderAsync(sphere, far);
        var large = await Renderer.RenderAsync(sphere, near);

        Assert.True(ImageStatistics.ForegroundFraction(large, Small.Background) > 4 * ImageStatistics.ForegroundFraction(small, Small.Background));
    }

    [Fact]
    public async Task RenderAsync_TranslucentEdgesOnOpaqueBackground_EveryPixelOpaque()
    {
        var description = Small with { Edges = new EdgeOverlay { Mode = EdgeOverlayMode.AllEdges, Opacity = 0.3 } };

        var image = await Renderer.RenderAsync(TestMeshes.Sphere(0.05, 24, 48), description);

        var alpha = image.Pixels.Where((_, i) => i % 4 == 3);
        Assert.All(alpha, a => Assert.Equal(255, a));
    }

    [Fact]
    public async Task RenderAsync_EmptyMesh_BackgroundOnly()
    {
        var empty = new SurfaceMeshDescription(ReadOnlySpan<double>.Empty, ReadOnlySpan<int>.Empty);

        var image = await Renderer.RenderAsync(empty, Small);

        Assert.Equal(0, ImageStatistics.ForegroundFraction(image, Small.Background));
    }

    [Fact]
    public async Task RenderAsync_CancelledToken_TaskIsCancelled()
    {
        using var uploaded = await Renderer.UploadAsync(TestMeshes.Box(1, 1, 1, 1));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Renderer.RenderAsync(uploaded, Small, cancelled.Token));
    }

    [Fact]
    public async Task RenderAsync_MeshOfAnotherRenderer_Throws()
    {
        using var other = HeadlessRenderer.Create();
        using var foreign = await other.UploadAsync(TestMeshes.Box(1, 1, 1, 1));

        await Assert.ThrowsAsync<ArgumentException>(() => Renderer.RenderAsync(foreign, Small));
    }

    [Fact]
    public async Task RenderAsync_DisposedMesh_ThrowsObjectDisposed()
    {
        var uploaded = await Renderer.UploadAsync(TestMeshes.Box(1, 1, 1, 1));
        uploaded.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => Renderer.RenderAsync(uploaded, Small));
    }

    [Fact]
    public async Task RenderAsync_InvalidDescription_ThrowsArgumentException()
    {
        var mesh = TestMeshes.Box(1, 1, 1, 1);

        await Assert.ThrowsAsync<ArgumentException>(() => Renderer.RenderAsync(mesh, Small with { Width = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => Renderer.RenderAsync(mesh, Small with { SampleCount = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => Renderer.RenderAsync(mesh, Small with { Camera = new CameraDescription { FieldOfViewDegrees = 180 } }));
    }

    [Fact]
    public async Task Dispose_Renderer_EndsRenderThreadAndRejectsWork()
    {
        var renderer = HeadlessRenderer.Create();
        var uploaded = await renderer.UploadAsync(TestMeshes.Box(1, 1, 1, 1));
        var thread = renderer.RenderThread;
        Assert.True(thread.IsAlive);

        renderer.Dispose();

        Assert.False(thread.IsAlive, "the render thread still runs after Dispose");
        Assert.True(renderer.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => renderer.RenderAsync(uploaded, Small));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => renderer.UploadAsync(TestMeshes.Box(1, 1, 1, 1)));
        uploaded.Dispose();
        renderer.Dispose();
    }

    [Fact]
    public void EglException_FailedCall_NamesCallCodeAndInstallHint()
    {
        var e = Assert.Throws<EglException>(() => EglThrowHelper.ThrowCallFailed("eglInitialize", EglThrowHelper.InstallHint));

        Assert.Equal("eglInitialize", e.Function);
        Assert.Contains("eglInitialize failed with", e.Message, StringComparison.Ordinal);
        Assert.Contains("(0x3", e.Message, StringComparison.Ordinal);
        Assert.Contains("libegl1 libegl-mesa0 libgl1-mesa-dri", e.Message, StringComparison.Ordinal);
    }
}

using System.Numerics;
using TwinPlatform.Rendering.Egl;
using TwinPlatform.Rendering.Geometry;
using TwinPlatform.Rendering.Gpu;
using TwinPlatform.Rendering.Imaging;
using TwinPlatform.Rendering.Overlay;
using TwinPlatform.Rendering.Threading;

namespace TwinPlatform.Rendering;

/// <summary>
/// Renders triangle surfaces coloured by a scalar field to images, off screen, through OpenGL 3.3 on an
/// EGL surfaceless context (Mesa llvmpipe without a GPU, the GPU's EGL driver where there is one).
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. One dedicated render thread owns the GL context and makes every GL call; the methods
/// here may be called from any thread: they do CPU work (normals, camera fit, legend) on the calling
/// thread, post GL work to the render thread's queue and complete when it is done. Work runs in the
/// order it was posted. Continuations never run on the render thread.
/// </para>
/// <para>
/// Typical use: <c>using var renderer = HeadlessRenderer.Create();</c> then
/// <c>renderer.Render(mesh, RenderDescription.Default).SavePng("out.png")</c>; for repeated frames
/// upload once with <see cref="UploadAsync"/> and render into a reused <see cref="RgbaImage"/>.
/// Dispose ends the thread and destroys the context.
/// </para>
/// </remarks>
public sealed class HeadlessRenderer : IDisposable
{
    private readonly RenderThread _thread;
    private readonly Lock _postGate = new();

    private HeadlessRenderer(RenderThread thread)
    {
        _thread = thread;
        var device = thread.Device;
        GlRenderer = device.Renderer;
        GlVersion = device.Version;
        EglVersion = device.EglDescription;
        MaxSampleCount = device.MaxSamples;
        MaxImageSize = device.MaxImageSize;
    }

    /// <summary>The GL_RENDERER string, for example "llvmpipe (LLVM 15.0.6, 256 bits)".</summary>
    public string GlRenderer { get; }

    /// <summary>The GL_VERSION string.</summary>
    public string GlVersion { get; }

    /// <summary>The EGL version and vendor.</summary>
    public string EglVersion { get; }

    /// <summary>The largest MSAA sample count the driver offers (GL_MAX_SAMPLES).</summary>
    public int MaxSampleCount { get; }

    /// <summary>The largest image width or height.</summary>
    public int MaxImageSize { get; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => _thread.IsDisposed;

    /// <summary>The render thread (tests check that disposal ends it).</summary>
    internal RenderThread RenderThread => _thread;

    /// <summary>Starts a renderer: a render thread with its own OpenGL 3.3 core context.</summary>
    /// <exception cref="EglException">libEGL is missing, lacks the surfaceless platform, or a context cannot be created; the message names the EGL call, its error code and what to install.</exception>
    /// <exception cref="RenderingException">The context works but a shader did not compile.</exception>
    public static HeadlessRenderer Create() => new(new RenderThread("TwinPlatform render thread"));

    /// <summary>Checks whether headless rendering works here by creating (and disposing) a renderer.</summary>
    /// <returns>Availability with the driver in use, or the reason it failed (never throws for missing native libraries).</returns>
    public static RendererAvailability Probe()
    {
        try
        {
            using var renderer = Create();
            var reason = $"{renderer.GlVersion} on {renderer.GlRenderer}, {renderer.EglVersion}, up to {renderer.MaxSampleCount}x MSAA";
            return new RendererAvailability(true, reason) { GlRenderer = renderer.GlRenderer, GlVersion = renderer.GlVersion };
        }
        catch (RenderingException e)
        {
            return new RendererAvailability(false, e.Message);
        }
        catch (DllNotFoundException e)
        {
            return new RendererAvailability(false, $"{e.Message}; {EglThrowHelper.InstallHint}");
        }
        catch (EntryPointNotFoundException e)
        {
            return new RendererAvailability(false, $"{e.Message}; {EglThrowHelper.InstallHint}");
        }
    }

    /// <summary>Prepares a mesh (normals split at creases, edge lists) and uploads it to the GPU.</summary>
    /// <param name="mesh">The surface.</param>
    /// <param name="cancellationToken">Cancels before the upload is queued.</param>
    public async Task<RenderMesh> UploadAsync(SurfaceMeshDescription mesh, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ThrowIfDisposed();
        var prepared = MeshPreprocessor.Prepare(mesh);
        cancellationToken.ThrowIfCancellationRequested();
        var gpu = await _thread.Post(
            (prepared, mesh.Field),
            static (device, state) => device.Upload(state.prepared, state.Field)).ConfigureAwait(false);
        return new RenderMesh(this, mesh, prepared, gpu);
    }

    /// <summary>Replaces the scalar field of an uploaded mesh (for example the next time step), reusing its GPU buffers.</summary>
    /// <param name="mesh">A mesh uploaded by this renderer.</param>
    /// <param name="field">One value per input vertex.</param>
    /// <param name="cancellationToken">Cancels before the update is queued.</param>
    /// <remarks>Renders posted after this call see the new field.</remarks>
    public Task UpdateScalarsAsync(RenderMesh mesh, ScalarFieldDescription field, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(field);
        CheckMesh(mesh);
        if (field.Count != mesh.VertexCount)
        {
            throw new ArgumentException($"field '{field.Name}' has {field.Count} values for {mesh.VertexCount} vertices", nameof(field));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_postGate)
        {
            mesh.SetField(field);
            return _thread.Post(
                (mesh, field),
                static (device, state) =>
                {
                    device.UpdateScalars(state.mesh.Gpu, state.mesh.SourceVertex, state.field.Values);
                    return true;
                });
        }
    }

    /// <summary>Renders an uploaded mesh into a new image.</summary>
    /// <param name="mesh">A mesh uploaded by this renderer.</param>
    /// <param name="description">Image size, camera, colours and overlays.</param>
    /// <param name="cancellationToken">Cancels the frame if it has not started drawing.</param>
    /// <returns>The image, row 0 at the top.</returns>
    public async Task<RgbaImage> RenderAsync(RenderMesh mesh, RenderDescription description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        ValidateSize(description);
        var image = new RgbaImage(description.Width, description.Height);
        await RenderAsync(mesh, description, image, cancellationToken).ConfigureAwait(false);
        return image;
    }

    /// <summary>Renders an uploaded mesh into an existing image of the description's size (no per-frame image allocation).</summary>
    /// <param name="mesh">A mesh uploaded by this renderer.</param>
    /// <param name="description">Image size, camera, colours and overlays.</param>
    /// <param name="destination">Receives the frame; must be <see cref="RenderDescription.Width"/> x <see cref="RenderDescription.Height"/>. Do not touch it until the task completes.</param>
    /// <param name="cancellationToken">Cancels the frame if it has not started drawing.</param>
    public Task RenderAsync(RenderMesh mesh, RenderDescription description, RgbaImage destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(destination);
        CheckMesh(mesh);
        ValidateSize(description);
        Validate(description);
        if (destination.Width != description.Width || destination.Height != description.Height)
        {
            throw new ArgumentException($"the destination is {destination.Width} x {destination.Height}; the description asks for {description.Width} x {description.Height}", nameof(destination));
        }

        cancellationToken.ThrowIfCancellationRequested();
        Task<bool> drawn;
        OverlayLayout layout;
        LegendScale? scale;
        lock (_postGate)
        {
            var field = mesh.Field;
            var (minimum, maximum) = ResolveRange(description.ScalarRange, field);
            scale = field is not null && description.Legend.Visible ? LegendScale.Create(minimum, maximum, description.Legend.TickCount) : null;
            layout = OverlayLayout.Compute(description, field, scale);
            var viewport = layout.MeshViewport;
            var camera = CameraFit.Compute(mesh.Source.Positions, mesh.Origin, mesh.Radius, description.Camera, viewport.Width / (double)viewport.Height);
            var frame = CreateFrame(description, viewport, camera, field is not null, minimum, maximum);
            drawn = _thread.Post(
                (mesh.Gpu, frame, destination, cancellationToken),
                static (device, state) =>
                {
                    state.cancellationToken.ThrowIfCancellationRequested();
                    device.DrawFrame(state.Gpu, state.frame, state.destination);
                    return true;
                });
        }

        return FinishFrame(drawn, destination, layout, description, scale);
    }

    /// <summary>Uploads a mesh, renders it once and frees it.</summary>
    /// <param name="mesh">The surface.</param>
    /// <param name="description">Image size, camera, colours and overlays.</param>
    /// <param name="cancellationToken">Cancels work not yet started.</param>
    public async Task<RgbaImage> RenderAsync(SurfaceMeshDescription mesh, RenderDescription description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        Validate(description);
        ValidateSize(description);
        using var uploaded = await UploadAsync(mesh, cancellationToken).ConfigureAwait(false);
        return await RenderAsync(uploaded, description, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads a mesh, renders it once and frees it, blocking the calling thread (for command-line use).</summary>
    /// <param name="mesh">The surface.</param>
    /// <param name="description">Image size, camera, colours and overlays.</param>
    public RgbaImage Render(SurfaceMeshDescription mesh, RenderDescription description) =>
        RenderAsync(mesh, description).GetAwaiter().GetResult();

    /// <summary>Ends the render thread after the queued work, freeing every mesh and destroying the GL context.</summary>
    public void Dispose() => _thread.Dispose();

    internal void Release(RenderMesh mesh)
    {
        // Fire and forget: after the renderer is gone the context took the buffers with it.
        _ = _thread.TryEnqueue(new RenderWorkItem<GpuMesh, bool>(
            mesh.Gpu,
            static (device, gpu) =>
            {
                device.Delete(gpu);
                return true;
            }));
    }

    private static async Task FinishFrame(Task<bool> drawn, RgbaImage destination, OverlayLayout layout, RenderDescription description, LegendScale? scale)
    {
        _ = await drawn.ConfigureAwait(false);
        OverlayPainter.Draw(destination, layout, description, scale);
    }

    private static FrameParameters CreateFrame(RenderDescription d, PixelRect viewport, CameraSetup camera, bool hasScalar, double minimum, double maximum)
    {
        var lighting = d.Lighting;
        var edges = d.Edges;
        var opacity = Math.Clamp(edges.Opacity, 0, 1);
        return new FrameParameters
        {
            Width = d.Width,
            Height = d.Height,
            SampleCount = d.SampleCount,
            Viewport = viewport,
            View = camera.View,
            Projection = camera.Projection,
            Orthographic = camera.Orthographic,
            Background = d.Background,
            HasScalar = hasScalar,
            ColorMap = d.ColorMap,
            ScalarMinimum = minimum,
            ScalarMaximum = maximum,
            ColorBands = d.ColorBands,
            SurfaceColor = d.SurfaceColor,
            Lighting = new Vector4((float)lighting.Ambient, (float)lighting.Diffuse, (float)lighting.Specular, (float)Math.Max(1, lighting.Shininess)),
            EdgeMode = opacity > 0 ? edges.Mode : EdgeOverlayMode.None,
            EdgeColor = new Vector4(edges.Color.R / 255f, edges.Color.G / 255f, edges.Color.B / 255f, (float)opacity),
        };
    }

    /// <summary>The values at the ends of the colour map; a constant field gets a small symmetric range so it shows mid-map.</summary>
    private static (double Minimum, double Maximum) ResolveRange(ScalarRange range, ScalarFieldDescription? field)
    {
        if (!range.IsAuto)
        {
            return (range.Minimum, range.Maximum);
        }

        if (field is null || field.Count == 0)
        {
            return (0, 1);
        }

        var (min, max) = (field.Minimum, field.Maximum);
        if (max > min)
        {
            return (min, max);
        }

        var half = min == 0 ? 0.5 : Math.Abs(min) * 1e-3;
        return (min - half, max + half);
    }

    private static void Validate(RenderDescription d)
    {
        ArgumentNullException.ThrowIfNull(d.Camera, "description.Camera");
        ArgumentNullException.ThrowIfNull(d.Edges, "description.Edges");
        ArgumentNullException.ThrowIfNull(d.Lighting, "description.Lighting");
        ArgumentNullException.ThrowIfNull(d.Legend, "description.Legend");
        if (d.SampleCount < 1)
        {
            throw new ArgumentException($"SampleCount is {d.SampleCount}; use 1 for no anti-aliasing", nameof(d));
        }

        if (d.ColorBands < 0)
        {
            throw new ArgumentException($"ColorBands is {d.ColorBands}; use 0 for a continuous map", nameof(d));
        }

        if (!Enum.IsDefined(d.ColorMap))
        {
            throw new ArgumentException($"unknown colour map {d.ColorMap}", nameof(d));
        }

        var fov = d.Camera.FieldOfViewDegrees;
        if (!(fov > 0 && fov < 180))
        {
            throw new ArgumentException($"Camera.FieldOfViewDegrees is {fov}; expected a value in (0, 180)", nameof(d));
        }
    }

    private void ValidateSize(RenderDescription d)
    {
        if (d.Width < 16 || d.Height < 16 || d.Width > MaxImageSize || d.Height > MaxImageSize)
        {
            throw new ArgumentException($"image size {d.Width} x {d.Height} is outside 16..{MaxImageSize} pixels per side", nameof(d));
        }
    }

    private void CheckMesh(RenderMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ThrowIfDisposed();
        if (!ReferenceEquals(mesh.Owner, this))
        {
            throw new ArgumentException("the mesh was uploaded by another renderer", nameof(mesh));
        }

        ObjectDisposedException.ThrowIf(mesh.IsDisposed, mesh);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_thread.IsDisposed, this);
}

using System.Numerics;
using Silk.NET.OpenGL;
using TwinPlatform.Rendering.Egl;
using TwinPlatform.Rendering.Geometry;
using TwinPlatform.Rendering.Imaging;

namespace TwinPlatform.Rendering.Gpu;

/// <summary>The GL state of a renderer: programs, colour-map textures, the offscreen target and the uploaded meshes.</summary>
/// <remarks>Lives on the render thread; every member must be called there (through a work item).</remarks>
internal sealed unsafe class GlDevice : IDisposable
{
    private const int FloatsPerVertex = 6;

    private readonly GL _gl;
    private readonly ShaderProgram _surface;
    private readonly ShaderProgram _edges;
    private readonly uint[] _colorMapTextures;
    private readonly HashSet<GpuMesh> _meshes = [];
    private readonly SurfaceUniforms _surfaceUniforms;
    private readonly int _edgeView;
    private readonly int _edgeProjection;
    private readonly int _edgeColor;
    private RenderTarget? _target;
    private byte[] _rowScratch = [];

    public GlDevice(EglContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _gl = GL.GetApi(EglContext.GetProcAddress);
        Vendor = _gl.GetStringS(StringName.Vendor) ?? "unknown";
        Renderer = _gl.GetStringS(StringName.Renderer) ?? "unknown";
        Version = _gl.GetStringS(StringName.Version) ?? "unknown";
        EglDescription = $"EGL {context.EglVersion} ({context.EglVendor})";
        MaxSamples = Math.Max(1, _gl.GetInteger(GLEnum.MaxSamples));

        // Not GL_MAX_VIEWPORT_DIMS: it returns two integers and GetInteger reads into one.
        MaxImageSize = _gl.GetInteger(GetPName.MaxRenderbufferSize);

        _surface = new ShaderProgram(_gl, "surface", ShaderSources.SurfaceVertex, ShaderSources.SurfaceFragment);
        _edges = new ShaderProgram(_gl, "edge", ShaderSources.EdgeVertex, ShaderSources.EdgeFragment);
        _surfaceUniforms = new SurfaceUniforms(_surface);
        _edgeView = _edges.Uniform("uView");
        _edgeProjection = _edges.Uniform("uProjection");
        _edgeColor = _edges.Uniform("uColor");

        var kinds = Enum.GetValues<ColorMapKind>();
        _colorMapTextures = new uint[kinds.Length];
        Span<byte> table = stackalloc byte[ColorMap.EntryCount * 4];
        foreach (var kind in kinds)
        {
            ColorMap.FillTable(kind, table);
            _colorMapTextures[(int)kind] = CreateTableTexture(table);
        }

        CheckError("initialisation");
    }

    public string Vendor { get; }

    public string Renderer { get; }

    public string Version { get; }

    public string EglDescription { get; }

    /// <summary>Largest MSAA sample count of the driver (GL_MAX_SAMPLES), at least 1.</summary>
    public int MaxSamples { get; }

    /// <summary>Largest image width or height the offscreen target supports.</summary>
    public int MaxImageSize { get; }

    public GpuMesh Upload(PreparedMesh mesh, ScalarFieldDescription? field)
    {
        var gl = _gl;
        var vertexBuffer = gl.GenBuffer();
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, vertexBuffer);
        gl.BufferData<float>(BufferTargetARB.ArrayBuffer, mesh.Vertices, BufferUsageARB.StaticDraw);

        var scratch = new float[mesh.RenderVertexCount];
        FillScalars(scratch, mesh.SourceVertex, field is null ? default : field.Values);
        var scalarBuffer = gl.GenBuffer();
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, scalarBuffer);
        gl.BufferData<float>(BufferTargetARB.ArrayBuffer, scratch, BufferUsageARB.DynamicDraw);

        var triangleBuffer = gl.GenBuffer();
        var edgeBuffer = gl.GenBuffer();

        var surfaceArray = gl.GenVertexArray();
        gl.BindVertexArray(surfaceArray);
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, vertexBuffer);
        gl.EnableVertexAttribArray(0);
        gl.VertexAttribPointer(0, 3, VertexAttribPointerType.Float, false, FloatsPerVertex * sizeof(float), (void*)0);
        gl.EnableVertexAttribArray(1);
        gl.VertexAttribPointer(1, 3, VertexAttribPointerType.Float, false, FloatsPerVertex * sizeof(float), (void*)(3 * sizeof(float)));
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, scalarBuffer);
        gl.EnableVertexAttribArray(2);
        gl.VertexAttribPointer(2, 1, VertexAttribPointerType.Float, false, sizeof(float), (void*)0);
        gl.BindBuffer(BufferTargetARB.ElementArrayBuffer, triangleBuffer);
        gl.BufferData<int>(BufferTargetARB.ElementArrayBuffer, mesh.Triangles, BufferUsageARB.StaticDraw);

        var edgeArray = gl.GenVertexArray();
        gl.BindVertexArray(edgeArray);
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, vertexBuffer);
        gl.EnableVertexAttribArray(0);
        gl.VertexAttribPointer(0, 3, VertexAttribPointerType.Float, false, FloatsPerVertex * sizeof(float), (void*)0);
        gl.BindBuffer(BufferTargetARB.ElementArrayBuffer, edgeBuffer);
        var edgeBytes = (nuint)((mesh.FeatureEdges.Length + mesh.AllEdges.Length) * sizeof(int));
        gl.BufferData(BufferTargetARB.ElementArrayBuffer, edgeBytes, null, BufferUsageARB.StaticDraw);
        gl.BufferSubData<int>(BufferTargetARB.ElementArrayBuffer, 0, mesh.FeatureEdges);
        gl.BufferSubData<int>(BufferTargetARB.ElementArrayBuffer, mesh.FeatureEdges.Length * sizeof(int), mesh.AllEdges);

        gl.BindVertexArray(0);
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, 0);
        CheckError("mesh upload");

        var gpu = new GpuMesh
        {
            SurfaceVertexArray = surfaceArray,
            EdgeVertexArray = edgeArray,
            VertexBuffer = vertexBuffer,
            ScalarBuffer = scalarBuffer,
            TriangleBuffer = triangleBuffer,
            EdgeBuffer = edgeBuffer,
            RenderVertexCount = mesh.RenderVertexCount,
            TriangleIndexCount = mesh.Triangles.Length,
            FeatureEdgeIndexCount = mesh.FeatureEdges.Length,
            AllEdgeIndexCount = mesh.AllEdges.Length,
            ScalarScratch = scratch,
        };
        _ = _meshes.Add(gpu);
        return gpu;
    }

    /// <summary>Replaces the per-vertex scalars of a mesh (same vertex count), without allocating.</summary>
    public void UpdateScalars(GpuMesh mesh, int[] sourceVertex, ReadOnlySpan<double> values)
    {
        ThrowIfDeleted(mesh);
        FillScalars(mesh.ScalarScratch, sourceVertex, values);
        _gl.BindBuffer(BufferTargetARB.ArrayBuffer, mesh.ScalarBuffer);
        _gl.BufferSubData<float>(BufferTargetARB.ArrayBuffer, 0, mesh.ScalarScratch);
        _gl.BindBuffer(BufferTargetARB.ArrayBuffer, 0);
        CheckError("scalar update");
    }

    public void Delete(GpuMesh mesh)
    {
        if (mesh.IsDeleted)
        {
            return;
        }

        _gl.DeleteVertexArray(mesh.SurfaceVertexArray);
        _gl.DeleteVertexArray(mesh.EdgeVertexArray);
        _gl.DeleteBuffer(mesh.VertexBuffer);
        _gl.DeleteBuffer(mesh.ScalarBuffer);
        _gl.DeleteBuffer(mesh.TriangleBuffer);
        _gl.DeleteBuffer(mesh.EdgeBuffer);
        mesh.IsDeleted = true;
        _ = _meshes.Remove(mesh);
    }

    /// <summary>Draws the mesh and reads the image back into <paramref name="destination"/> (top row first).</summary>
    public void DrawFrame(GpuMesh mesh, in FrameParameters p, RgbaImage destination)
    {
        ThrowIfDeleted(mesh);
        var gl = _gl;
        var target = EnsureTarget(p.Width, p.Height, Math.Clamp(p.SampleCount, 1, MaxSamples));
        target.BindForDrawing();

        gl.Disable(EnableCap.ScissorTest);
        gl.Viewport(0, 0, (uint)p.Width, (uint)p.Height);
        gl.ClearColor(p.Background.R / 255f, p.Background.G / 255f, p.Background.B / 255f, p.Background.A / 255f);
        gl.ClearDepth(1.0);
        gl.DepthMask(true);
        gl.Clear(ClearBufferMask.ColorBufferBit | ClearBufferMask.DepthBufferBit);

        // GL's window origin is the bottom-left corner; the layout's is the top-left.
        var vp = p.Viewport;
        var glY = p.Height - vp.Bottom;
        gl.Viewport(vp.X, glY, (uint)vp.Width, (uint)vp.Height);
        gl.Scissor(vp.X, glY, (uint)vp.Width, (uint)vp.Height);
        gl.Enable(EnableCap.ScissorTest);
        gl.Enable(EnableCap.DepthTest);
        gl.DepthFunc(DepthFunction.Less);
        gl.Disable(EnableCap.CullFace);
        gl.Disable(EnableCap.Blend);

        var drawEdges = p.EdgeMode != EdgeOverlayMode.None;
        if (drawEdges)
        {
            // Push the surface back a little so lines on it win the depth test.
            gl.Enable(EnableCap.PolygonOffsetFill);
            gl.PolygonOffset(1f, 1f);
        }

        DrawSurface(mesh, p);
        gl.Disable(EnableCap.PolygonOffsetFill);
        if (drawEdges)
        {
            DrawEdges(mesh, p);
        }

        gl.Disable(EnableCap.ScissorTest);
        target.BindResolvedForReading();
        ReadBack(destination);
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
        CheckError("drawing a frame");
    }

    public void Dispose()
    {
        foreach (var mesh in _meshes.ToArray())
        {
            Delete(mesh);
        }

        _target?.Dispose();
        _target = null;
        foreach (var texture in _colorMapTextures)
        {
            _gl.DeleteTexture(texture);
        }

        _surface.Dispose();
        _edges.Dispose();
        _gl.Dispose();
    }

    private static void FillScalars(float[] destination, int[] sourceVertex, ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            Array.Clear(destination);
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)values[sourceVertex[i]];
        }
    }

    private static void ThrowIfDeleted(GpuMesh mesh)
    {
        if (mesh.IsDeleted)
        {
            throw new ObjectDisposedException(nameof(RenderMesh), "the mesh has been disposed");
        }
    }

    private void DrawSurface(GpuMesh mesh, in FrameParameters p)
    {
        var gl = _gl;
        var u = _surfaceUniforms;
        gl.UseProgram(_surface.Handle);
        SetMatrix(u.View, p.View);
        SetMatrix(u.Projection, p.Projection);
        var span = p.ScalarMaximum - p.ScalarMinimum;
        gl.Uniform2(u.ScalarMap, (float)p.ScalarMinimum, span > 0 ? (float)(1 / span) : 0f);
        gl.Uniform1(u.HasScalar, p.HasScalar ? 1 : 0);
        gl.Uniform1(u.Bands, (float)Math.Max(0, p.ColorBands));
        gl.Uniform3(u.SurfaceColor, p.SurfaceColor.R / 255f, p.SurfaceColor.G / 255f, p.SurfaceColor.B / 255f);
        gl.Uniform4(u.Lighting, p.Lighting);
        gl.Uniform1(u.Orthographic, p.Orthographic ? 1 : 0);
        gl.Uniform1(u.ColorMap, 0);
        gl.ActiveTexture(TextureUnit.Texture0);
        gl.BindTexture(TextureTarget.Texture2D, _colorMapTextures[(int)p.ColorMap]);
        gl.BindVertexArray(mesh.SurfaceVertexArray);
        gl.DrawElements(PrimitiveType.Triangles, (uint)mesh.TriangleIndexCount, DrawElementsType.UnsignedInt, (void*)0);
        gl.BindVertexArray(0);
    }

    private void DrawEdges(GpuMesh mesh, in FrameParameters p)
    {
        var gl = _gl;
        var all = p.EdgeMode == EdgeOverlayMode.AllEdges;
        var count = all ? mesh.AllEdgeIndexCount : mesh.FeatureEdgeIndexCount;
        if (count == 0)
        {
            return;
        }

        gl.UseProgram(_edges.Handle);
        SetMatrix(_edgeView, p.View);
        SetMatrix(_edgeProjection, p.Projection);
        gl.Uniform4(_edgeColor, p.EdgeColor);
        gl.Enable(EnableCap.Blend);

        // Blend colour only; the destination keeps its alpha, or the PNG would get see-through lines.
        gl.BlendFuncSeparate(BlendingFactor.SrcAlpha, BlendingFactor.OneMinusSrcAlpha, BlendingFactor.Zero, BlendingFactor.One);
        gl.DepthFunc(DepthFunction.Lequal);
        gl.DepthMask(false);
        gl.BindVertexArray(mesh.EdgeVertexArray);
        var offset = all ? mesh.FeatureEdgeIndexCount * sizeof(int) : 0;
        gl.DrawElements(PrimitiveType.Lines, (uint)count, DrawElementsType.UnsignedInt, (void*)offset);
        gl.BindVertexArray(0);
        gl.DepthMask(true);
        gl.Disable(EnableCap.Blend);
    }

    private void ReadBack(RgbaImage destination)
    {
        var gl = _gl;
        var width = destination.Width;
        var height = destination.Height;
        var stride = destination.StrideInBytes;
        gl.PixelStore(PixelStoreParameter.PackAlignment, 4);
        fixed (byte* pixels = destination.Pixels)
        {
            gl.ReadPixels(0, 0, (uint)width, (uint)height, PixelFormat.Rgba, PixelType.UnsignedByte, pixels);
        }

        // GL returns the bottom row first; flip in place so row 0 is the top.
        if (_rowScratch.Length < stride)
        {
            _rowScratch = new byte[stride];
        }

        var row = _rowScratch.AsSpan(0, stride);
        var data = destination.Pixels.AsSpan();
        for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--)
        {
            var a = data.Slice(top * stride, stride);
            var b = data.Slice(bottom * stride, stride);
            a.CopyTo(row);
            b.CopyTo(a);
            row.CopyTo(b);
        }
    }

    private RenderTarget EnsureTarget(int width, int height, int samples)
    {
        if (width > MaxImageSize || height > MaxImageSize)
        {
            throw new RenderingException($"a {width} x {height} image exceeds the driver's limit of {MaxImageSize} pixels per side");
        }

        if (_target is { } t && t.Width == width && t.Height == height && t.Samples == samples)
        {
            return t;
        }

        _target?.Dispose();
        _target = null;
        _target = new RenderTarget(_gl, width, height, samples);
        return _target;
    }

    private uint CreateTableTexture(ReadOnlySpan<byte> rgba)
    {
        var texture = _gl.GenTexture();
        _gl.BindTexture(TextureTarget.Texture2D, texture);
        _gl.PixelStore(PixelStoreParameter.UnpackAlignment, 1);
        fixed (byte* p = rgba)
        {
            _gl.TexImage2D(TextureTarget.Texture2D, 0, InternalFormat.Rgba8, (uint)ColorMap.EntryCount, 1, 0, PixelFormat.Rgba, PixelType.UnsignedByte, p);
        }

        _gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMinFilter, (int)TextureMinFilter.Linear);
        _gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMagFilter, (int)TextureMagFilter.Linear);
        _gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureWrapS, (int)TextureWrapMode.ClampToEdge);
        _gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureWrapT, (int)TextureWrapMode.ClampToEdge);
        _gl.BindTexture(TextureTarget.Texture2D, 0);
        return texture;
    }

    private void SetMatrix(int location, Matrix4x4 matrix) => _gl.UniformMatrix4(location, 1, false, &matrix.M11);

    private void CheckError(string during)
    {
        var error = _gl.GetError();
        if (error != GLEnum.NoError)
        {
            throw new RenderingException($"OpenGL reported {error} while {during} (renderer {Renderer}, {Version})");
        }
    }

    /// <summary>Uniform locations of the surface program, looked up once.</summary>
    private sealed class SurfaceUniforms(ShaderProgram program)
    {
        public int View { get; } = program.Uniform("uView");

        public int Projection { get; } = program.Uniform("uProjection");

        public int ScalarMap { get; } = program.Uniform("uScalarMap");

        public int HasScalar { get; } = program.Uniform("uHasScalar");

        public int Bands { get; } = program.Uniform("uBands");

        public int SurfaceColor { get; } = program.Uniform("uSurfaceColor");

        public int Lighting { get; } = program.Uniform("uLighting");

        public int Orthographic { get; } = program.Uniform("uOrthographic");

        public int ColorMap { get; } = program.Uniform("uColorMap");
    }
}

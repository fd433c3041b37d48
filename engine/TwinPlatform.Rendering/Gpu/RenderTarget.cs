using Silk.NET.OpenGL;

namespace TwinPlatform.Rendering.Gpu;

/// <summary>
/// The offscreen framebuffers of one image size: a multisampled colour + depth framebuffer drawn into,
/// and a single-sample colour framebuffer it is resolved into for readback. With one sample the draw
/// framebuffer is read directly. Kept between frames of the same size and sample count.
/// </summary>
internal sealed class RenderTarget : IDisposable
{
    private readonly GL _gl;
    private readonly uint _drawFramebuffer;
    private readonly uint _colorBuffer;
    private readonly uint _depthBuffer;
    private readonly uint _resolveFramebuffer;
    private readonly uint _resolveColorBuffer;

    public RenderTarget(GL gl, int width, int height, int samples)
    {
        _gl = gl;
        Width = width;
        Height = height;
        Samples = samples;
        var w = (uint)width;
        var h = (uint)height;

        _drawFramebuffer = gl.GenFramebuffer();
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, _drawFramebuffer);
        _colorBuffer = gl.GenRenderbuffer();
        gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, _colorBuffer);
        Storage(gl, samples, InternalFormat.Rgba8, w, h);
        gl.FramebufferRenderbuffer(FramebufferTarget.Framebuffer, FramebufferAttachment.ColorAttachment0, RenderbufferTarget.Renderbuffer, _colorBuffer);
        _depthBuffer = gl.GenRenderbuffer();
        gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, _depthBuffer);
        Storage(gl, samples, InternalFormat.DepthComponent24, w, h);
        gl.FramebufferRenderbuffer(FramebufferTarget.Framebuffer, FramebufferAttachment.DepthAttachment, RenderbufferTarget.Renderbuffer, _depthBuffer);
        CheckComplete(gl, "multisampled draw", width, height, samples);

        if (samples > 1)
        {
            _resolveFramebuffer = gl.GenFramebuffer();
            gl.BindFramebuffer(FramebufferTarget.Framebuffer, _resolveFramebuffer);
            _resolveColorBuffer = gl.GenRenderbuffer();
            gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, _resolveColorBuffer);
            gl.RenderbufferStorage(RenderbufferTarget.Renderbuffer, InternalFormat.Rgba8, w, h);
            gl.FramebufferRenderbuffer(FramebufferTarget.Framebuffer, FramebufferAttachment.ColorAttachment0, RenderbufferTarget.Renderbuffer, _resolveColorBuffer);
            CheckComplete(gl, "resolve", width, height, 1);
        }

        gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, 0);
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
    }

    public int Width { get; }

    public int Height { get; }

    public int Samples { get; }

    public void BindForDrawing() => _gl.BindFramebuffer(FramebufferTarget.Framebuffer, _drawFramebuffer);

    /// <summary>Resolves the samples (if any) and leaves the single-sample image bound for reading.</summary>
    public void BindResolvedForReading()
    {
        if (Samples > 1)
        {
            _gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, _drawFramebuffer);
            _gl.BindFramebuffer(FramebufferTarget.DrawFramebuffer, _resolveFramebuffer);
            _gl.BlitFramebuffer(0, 0, Width, Height, 0, 0, Width, Height, ClearBufferMask.ColorBufferBit, BlitFramebufferFilter.Nearest);
            _gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, _resolveFramebuffer);
        }
        else
        {
            _gl.BindFramebuffer(FramebufferTarget.ReadFramebuffer, _drawFramebuffer);
        }
    }

    public void Dispose()
    {
        _gl.DeleteFramebuffer(_drawFramebuffer);
        _gl.DeleteRenderbuffer(_colorBuffer);
        _gl.DeleteRenderbuffer(_depthBuffer);
        if (Samples > 1)
        {
            _gl.DeleteFramebuffer(_resolveFramebuffer);
            _gl.DeleteRenderbuffer(_resolveColorBuffer);
        }
    }

    /// <summary>Allocates the bound renderbuffer; one sample means a plain (readable) renderbuffer, not a 1-sample multisample one.</summary>
    private static void Storage(GL gl, int samples, InternalFormat format, uint width, uint height)
    {
        if (samples > 1)
        {
            gl.RenderbufferStorageMultisample(RenderbufferTarget.Renderbuffer, (uint)samples, format, width, height);
        }
        else
        {
            gl.RenderbufferStorage(RenderbufferTarget.Renderbuffer, format, width, height);
        }
    }

    private static void CheckComplete(GL gl, string which, int width, int height, int samples)
    {
        var status = gl.CheckFramebufferStatus(FramebufferTarget.Framebuffer);
        if (status != GLEnum.FramebufferComplete)
        {
            throw new RenderingException($"the {which} framebuffer ({width} x {height}, {samples} samples) is incomplete: {status}");
        }
    }
}

using TwinPlatform.Rendering;

namespace TwinPlatform.Rendering.Tests;

/// <summary>One renderer shared by the tests of a class; creation failures are kept and reported by each test.</summary>
/// <remarks>
/// The project's setup installs Mesa's EGL (libegl1 libegl-mesa0 libgl1-mesa-dri), so a missing EGL is a
/// failure, not a skip: <see cref="Renderer"/> fails the test with the probe's reason.
/// </remarks>
public sealed class RendererFixture : IDisposable
{
    private readonly HeadlessRenderer? _renderer;
    private readonly string _failure = string.Empty;

    public RendererFixture()
    {
        try
        {
            _renderer = HeadlessRenderer.Create();
        }
        catch (Exception e) when (e is RenderingException or DllNotFoundException)
        {
            _failure = $"headless OpenGL is required (the setup script installs it): {HeadlessRenderer.Probe().Reason}";
        }
    }

    /// <summary>The shared renderer; fails the calling test with the reason if EGL is unusable.</summary>
    public HeadlessRenderer Renderer
    {
        get
        {
            Assert.True(_renderer is not null, _failure);
            return _renderer!;
        }
    }

    public void Dispose() => _renderer?.Dispose();
}

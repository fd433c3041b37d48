namespace TwinPlatform.Rendering;

/// <summary>Whether headless OpenGL works on this machine, and why not if it does not.</summary>
/// <param name="IsAvailable">True when a context could be created and a shader program built.</param>
/// <param name="Reason">When available, the driver in use; otherwise the failed EGL call, its error code and what to install.</param>
public sealed record RendererAvailability(bool IsAvailable, string Reason)
{
    /// <summary>The GL_RENDERER string (for example "llvmpipe (LLVM 15.0.6, 256 bits)"), or null when unavailable.</summary>
    public string? GlRenderer { get; init; }

    /// <summary>The GL_VERSION string, or null when unavailable.</summary>
    public string? GlVersion { get; init; }

    /// <inheritdoc/>
    public override string ToString() => IsAvailable ? $"headless OpenGL available: {Reason}" : $"headless OpenGL unavailable: {Reason}";
}

namespace TwinPlatform.Rendering;

/// <summary>A rendering operation failed: a shader did not compile, a framebuffer is incomplete, or the GL context is unusable.</summary>
public class RenderingException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public RenderingException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public RenderingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public RenderingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

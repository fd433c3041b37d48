namespace TwinPlatform.Rendering.Egl;

/// <summary>An EGL call failed while creating or using the headless OpenGL context.</summary>
/// <remarks>The message names the EGL call, the EGL error code and a hint on what to install or check.</remarks>
public sealed class EglException : RenderingException
{
    /// <summary>Creates an exception with no details.</summary>
    public EglException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public EglException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public EglException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a failed EGL call.</summary>
    /// <param name="function">The EGL function that failed, for example <c>eglInitialize</c>.</param>
    /// <param name="errorCode">The value of <c>eglGetError()</c> after the call (0x3000 is EGL_SUCCESS).</param>
    /// <param name="message">The full message.</param>
    /// <param name="innerException">The cause, if any (for example a <see cref="DllNotFoundException"/>).</param>
    public EglException(string function, int errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Function = function;
        ErrorCode = errorCode;
    }

    /// <summary>The EGL function that failed, or null when the failure was not a single call.</summary>
    public string? Function { get; }

    /// <summary>The EGL error code (<c>eglGetError()</c>) after the failed call; 0 when unknown.</summary>
    public int ErrorCode { get; }
}

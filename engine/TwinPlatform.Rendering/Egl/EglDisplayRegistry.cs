namespace TwinPlatform.Rendering.Egl;

/// <summary>Reference counts eglInitialize / eglTerminate per EGL display.</summary>
/// <remarks>
/// EGL hands every caller in a process the same EGLDisplay for the same platform and native display,
/// and eglTerminate ends it for all of them (EGL 1.5 section 3.2). Several renderers may live side by
/// side (tests, a CLI render next to a live view), so the display is terminated only when the last
/// renderer using it is gone. This is process-wide by nature of EGL, hence static.
/// </remarks>
internal static class EglDisplayRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<nint, int> Counts = [];

    /// <summary>Initializes the display (first user) or counts one more user.</summary>
    public static void Acquire(nint display, out int major, out int minor)
    {
        lock (Gate)
        {
            // eglInitialize on an initialized display is harmless and returns the version again.
            if (EglNative.Initialize(display, out major, out minor) == 0)
            {
                EglThrowHelper.ThrowCallFailed("eglInitialize", "the surfaceless Mesa display could not be initialized; " + EglThrowHelper.InstallHint);
            }

            Counts[display] = Counts.GetValueOrDefault(display) + 1;
        }
    }

    /// <summary>Counts one user fewer and terminates the display when none remain.</summary>
    public static void Release(nint display)
    {
        lock (Gate)
        {
            var count = Counts.GetValueOrDefault(display) - 1;
            if (count > 0)
            {
                Counts[display] = count;
                return;
            }

            Counts.Remove(display);
            _ = EglNative.Terminate(display);
        }
    }
}

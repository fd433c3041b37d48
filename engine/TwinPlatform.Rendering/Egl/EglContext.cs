namespace TwinPlatform.Rendering.Egl;

/// <summary>An OpenGL 3.3 core context on Mesa's surfaceless EGL platform, current on the thread that created it.</summary>
/// <remarks>
/// No window, no pbuffer: the context is made current with EGL_NO_SURFACE (EGL_KHR_surfaceless_context)
/// and all drawing goes to framebuffer objects. Create, use and dispose on one thread.
/// </remarks>
internal sealed unsafe class EglContext : IDisposable
{
    private const string SurfacelessExtension = "EGL_MESA_platform_surfaceless";
    private const string PlatformBaseExtension = "EGL_EXT_platform_base";

    private readonly nint _display;
    private nint _context;

    private EglContext(nint display, nint context, string eglVersion, string eglVendor)
    {
        _display = display;
        _context = context;
        EglVersion = eglVersion;
        EglVendor = eglVendor;
    }

    /// <summary>The EGL version string of the display, for example "1.5".</summary>
    public string EglVersion { get; }

    /// <summary>The EGL vendor string, for example "Mesa Project".</summary>
    public string EglVendor { get; }

    /// <summary>Creates the context and makes it current on the calling thread.</summary>
    /// <exception cref="EglException">A library, extension or call is missing or failed; the message says which and what to install.</exception>
    public static EglContext CreateCurrent()
    {
        var display = GetSurfacelessDisplay();
        EglDisplayRegistry.Acquire(display, out var major, out var minor);
        try
        {
            return CreateOnDisplay(display, major, minor);
        }
        catch
        {
            EglDisplayRegistry.Release(display);
            throw;
        }
    }

    /// <summary>Looks up a GL or EGL function for the current context; 0 when unknown.</summary>
    public static nint GetProcAddress(string name) => EglNative.GetProcAddress(name);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_context == 0)
        {
            return;
        }

        _ = EglNative.MakeCurrent(_display, 0, 0, 0);
        _ = EglNative.DestroyContext(_display, _context);
        _context = 0;
        _ = EglNative.ReleaseThread();
        EglDisplayRegistry.Release(_display);
    }

    private static nint GetSurfacelessDisplay()
    {
        string? clientExtensions;
        try
        {
            // EGL_NO_DISPLAY asks for the client extensions (EGL_EXT_client_extensions).
            clientExtensions = EglNative.QueryText(0, EglNative.Extensions);
        }
        catch (DllNotFoundException e)
        {
            EglThrowHelper.ThrowLibraryMissing(e);
            return 0;
        }

        if (clientExtensions is null || !HasExtension(clientExtensions, PlatformBaseExtension))
        {
            EglThrowHelper.ThrowMissingExtension(PlatformBaseExtension, clientExtensions);
        }

        if (!HasExtension(clientExtensions, SurfacelessExtension))
        {
            EglThrowHelper.ThrowMissingExtension(SurfacelessExtension, clientExtensions);
        }

        // Not exported as a symbol by libglvnd's libEGL: it must come through eglGetProcAddress.
        var getPlatformDisplay = (delegate* unmanaged<int, nint, int*, nint>)EglNative.GetProcAddress("eglGetPlatformDisplayEXT");
        if (getPlatformDisplay == null)
        {
            EglThrowHelper.ThrowCallFailed("eglGetProcAddress(\"eglGetPlatformDisplayEXT\")", EglThrowHelper.InstallHint);
        }

        var display = getPlatformDisplay(EglNative.PlatformSurfacelessMesa, 0, null);
        if (display == 0)
        {
            EglThrowHelper.ThrowCallFailed("eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA)", EglThrowHelper.InstallHint);
        }

        return display;
    }

    private static EglContext CreateOnDisplay(nint display, int major, int minor)
    {
        if (EglNative.BindApi(EglNative.OpenGLApi) == 0)
        {
            EglThrowHelper.ThrowCallFailed("eglBindAPI(EGL_OPENGL_API)", "the EGL driver offers no desktop OpenGL; " + EglThrowHelper.InstallHint);
        }

        // EGL_SURFACE_TYPE 0 matches configs of any surface type: surfaceless configs may have none of
        // the window/pbuffer bits the default (EGL_WINDOW_BIT) would demand.
        var configAttributes = stackalloc int[]
        {
            EglNative.RenderableType, EglNative.OpenGLBit,
            EglNative.SurfaceType, 0,
            EglNative.None,
        };
        nint config;
        if (EglNative.ChooseConfig(display, configAttributes, &config, 1, out var configCount) == 0)
        {
            EglThrowHelper.ThrowCallFailed("eglChooseConfig", "no config could be chosen; " + EglThrowHelper.InstallHint);
        }

        if (configCount < 1)
        {
            throw new EglException(
                "eglChooseConfig",
                EglNative.Success,
                "eglChooseConfig found no config with EGL_RENDERABLE_TYPE = EGL_OPENGL_BIT; " + EglThrowHelper.InstallHint);
        }

        var contextAttributes = stackalloc int[]
        {
            EglNative.ContextMajorVersion, 3,
            EglNative.ContextMinorVersion, 3,
            EglNative.ContextOpenGLProfileMask, EglNative.ContextOpenGLCoreProfileBit,
            EglNative.None,
        };
        var context = EglNative.CreateContext(display, config, 0, contextAttributes);
        if (context == 0)
        {
            EglThrowHelper.ThrowCallFailed("eglCreateContext(OpenGL 3.3 core)", "the driver cannot create an OpenGL 3.3 core context; " + EglThrowHelper.InstallHint);
        }

        if (EglNative.MakeCurrent(display, 0, 0, context) == 0)
        {
            var code = EglNative.GetError();
            _ = EglNative.DestroyContext(display, context);
            throw new EglException(
                "eglMakeCurrent(EGL_NO_SURFACE)",
                code,
                $"eglMakeCurrent(EGL_NO_SURFACE) failed with {EglNative.ErrorName(code)} (0x{code:X4}); the driver needs EGL_KHR_surfaceless_context; {EglThrowHelper.InstallHint}");
        }

        var vendor = EglNative.QueryText(display, EglNative.Vendor) ?? "unknown vendor";
        return new EglContext(display, context, $"{major}.{minor}", vendor);
    }

    private static bool HasExtension(string extensions, string name)
    {
        foreach (var range in extensions.AsSpan().Split(' '))
        {
            if (extensions.AsSpan(range).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Runtime.InteropServices;

namespace TwinPlatform.Rendering.Egl;

/// <summary>The few libEGL entry points the headless renderer needs (EGL 1.4 plus EGL_EXT_platform_base).</summary>
/// <remarks>
/// Constants are from the Khronos registry headers (EGL/egl.h, EGL/eglext.h). EGLBoolean is a 32-bit
/// unsigned int; handles (EGLDisplay, EGLConfig, EGLContext, EGLSurface) are pointers.
/// </remarks>
internal static unsafe partial class EglNative
{
    public const string LibraryName = "libEGL.so.1";

    public const int Success = 0x3000;
    public const int None = 0x3038;
    public const int Vendor = 0x3053;
    public const int Version = 0x3054;
    public const int Extensions = 0x3055;
    public const int SurfaceType = 0x3033;
    public const int RenderableType = 0x3040;
    public const int OpenGLBit = 0x0008;
    public const int OpenGLApi = 0x30A2;
    public const int ContextMajorVersion = 0x3098;
    public const int ContextMinorVersion = 0x30FB;
    public const int ContextOpenGLProfileMask = 0x30FD;
    public const int ContextOpenGLCoreProfileBit = 0x0001;

    /// <summary>EGL_PLATFORM_SURFACELESS_MESA (EGL_MESA_platform_surfaceless): a display with no window system.</summary>
    public const int PlatformSurfacelessMesa = 0x31DD;

    [LibraryImport(LibraryName, EntryPoint = "eglGetError")]
    public static partial int GetError();

    [LibraryImport(LibraryName, EntryPoint = "eglGetProcAddress", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GetProcAddress(string procName);

    [LibraryImport(LibraryName, EntryPoint = "eglQueryString")]
    public static partial nint QueryString(nint display, int name);

    [LibraryImport(LibraryName, EntryPoint = "eglInitialize")]
    public static partial uint Initialize(nint display, out int major, out int minor);

    [LibraryImport(LibraryName, EntryPoint = "eglTerminate")]
    public static partial uint Terminate(nint display);

    [LibraryImport(LibraryName, EntryPoint = "eglBindAPI")]
    public static partial uint BindApi(int api);

    [LibraryImport(LibraryName, EntryPoint = "eglChooseConfig")]
    public static partial uint ChooseConfig(nint display, int* attributes, nint* configs, int configSize, out int configCount);

    [LibraryImport(LibraryName, EntryPoint = "eglCreateContext")]
    public static partial nint CreateContext(nint display, nint config, nint shareContext, int* attributes);

    [LibraryImport(LibraryName, EntryPoint = "eglDestroyContext")]
    public static partial uint DestroyContext(nint display, nint context);

    [LibraryImport(LibraryName, EntryPoint = "eglMakeCurrent")]
    public static partial uint MakeCurrent(nint display, nint draw, nint read, nint context);

    [LibraryImport(LibraryName, EntryPoint = "eglReleaseThread")]
    public static partial uint ReleaseThread();

    /// <summary>The string EGL returns for a query, or null.</summary>
    public static string? QueryText(nint display, int name)
    {
        var p = QueryString(display, name);
        return p == 0 ? null : Marshal.PtrToStringUTF8(p);
    }

    /// <summary>The symbolic name of an EGL error code, as in egl.h.</summary>
    public static string ErrorName(int code) => code switch
    {
        0x3000 => "EGL_SUCCESS",
        0x3001 => "EGL_NOT_INITIALIZED",
        0x3002 => "EGL_BAD_ACCESS",
        0x3003 => "EGL_BAD_ALLOC",
        0x3004 => "EGL_BAD_ATTRIBUTE",
        0x3005 => "EGL_BAD_CONFIG",
        0x3006 => "EGL_BAD_CONTEXT",
        0x3007 => "EGL_BAD_CURRENT_SURFACE",
        0x3008 => "EGL_BAD_DISPLAY",
        0x3009 => "EGL_BAD_MATCH",
        0x300A => "EGL_BAD_NATIVE_PIXMAP",
        0x300B => "EGL_BAD_NATIVE_WINDOW",
        0x300C => "EGL_BAD_PARAMETER",
        0x300D => "EGL_BAD_SURFACE",
        0x300E => "EGL_CONTEXT_LOST",
        _ => "unknown EGL error",
    };
}

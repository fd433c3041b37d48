using System.Diagnostics.CodeAnalysis;

namespace TwinPlatform.Rendering.Egl;

/// <summary>Cold throw paths of the EGL layer; every message carries the call, the error code and a hint.</summary>
internal static class EglThrowHelper
{
    public const string InstallHint = "install the Mesa EGL stack: apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri";

    [DoesNotReturn]
    public static void ThrowCallFailed(string function, string hint)
    {
        var code = SafeGetError();
        throw new EglException(function, code, $"{function} failed with {EglNative.ErrorName(code)} (0x{code:X4}); {hint}");
    }

    [DoesNotReturn]
    public static void ThrowLibraryMissing(Exception cause) =>
        throw new EglException(
            "dlopen",
            0,
            $"cannot load {EglNative.LibraryName} ({cause.Message}); {InstallHint}",
            cause);

    [DoesNotReturn]
    public static void ThrowMissingExtension(string extension, string? available) =>
        throw new EglException(
            "eglQueryString",
            EglNative.Success,
            $"the EGL client does not offer {extension} (client extensions: {(string.IsNullOrWhiteSpace(available) ? "none" : available)}); {InstallHint} (Mesa provides the surfaceless platform)");

    private static int SafeGetError()
    {
        try
        {
            return EglNative.GetError();
        }
        catch (DllNotFoundException)
        {
            return 0;
        }
    }
}

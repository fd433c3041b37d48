using TwinPlatform.Testing;

namespace TwinPlatform.Prognostics.Tests;

/// <summary>The shared C-MAPSS files and the committed model folder.</summary>
internal static class CmapssPaths
{
    public static string Data => RepoPaths.InSharedData("sensors", "cmapss");

    public static string Train => Path.Combine(Data, "train_FD001.txt");

    public static string Test => Path.Combine(Data, "test_FD001.txt");

    public static string Rul => Path.Combine(Data, "RUL_FD001.txt");

    public static string Model => RepoPaths.InRepo("models", "cmapss-fd001");

    public static string Scene => RepoPaths.InRepo("scenes", "turbofan");
}

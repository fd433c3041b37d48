namespace TwinPlatform.Testing;

/// <summary>Locates the repository root and the shared data folder beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding TwinPlatform.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>../shared/data beside the repository (real public datasets; never copied into the repo).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>A path below the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A path below ../shared/data.</summary>
    public static string InSharedData(params string[] parts) => Path.Combine([SharedData, .. parts]);

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string NewTempFolder(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), "twinplatform-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TwinPlatform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TwinPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}

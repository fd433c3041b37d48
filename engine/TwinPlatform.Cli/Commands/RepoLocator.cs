namespace TwinPlatform.Cli.Commands;

/// <summary>Finds the repository the command runs from (bundled scenes, models, out/).</summary>
internal static class RepoLocator
{
    /// <summary>The folder holding TwinPlatform.sln above the executable, else the current folder.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TwinPlatform.sln")))
                {
                    return dir.FullName;
                }

                dir = dir.Parent;
            }

            return Directory.GetCurrentDirectory();
        }
    }
}

namespace TwinPlatform.Plugins.CalculiX.Tests;

/// <summary>Files under Data/: decks and the .frd/.dat output ccx 2.20 wrote for them (ccx -i NAME).</summary>
internal static class TestData
{
    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>Fails with the install hint when ccx is not on PATH.</summary>
    public static void RequireCcx() =>
        Assert.True(CalculixSolver.IsAvailable(), "ccx is required (the setup installs it: apt-get install calculix-ccx)");
}

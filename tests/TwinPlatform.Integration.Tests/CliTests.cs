using TwinPlatform.Testing;

namespace TwinPlatform.Integration.Tests;

/// <summary>The `twin` command as a user runs it.</summary>
public sealed class CliTests
{
    private static readonly string Twin = Path.Combine(AppContext.BaseDirectory, "twin.dll");

    [Fact]
    public void Demo_WritesOutputsAndSummary()
    {
        var output = RepoPaths.NewTempFolder("cli-demo");
        var (code, text) = ExternalTool.Run("dotnet", $"\"{Twin}\" demo -o \"{output}\"");
        Assert.True(code == 0, text);
        foreach (var file in new[] { "report.json", "report.html", "bracket-A-von-mises.png", "passport-steel-scm440.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"missing {file}\n{text}");
        }

        Assert.Contains("calibrated E", text, StringComparison.Ordinal);
        Assert.Contains("verdict", text, StringComparison.Ordinal);
        Assert.Contains("inside the calibrated interval", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadScene_ReportsFileLineAndField()
    {
        var dir = RepoPaths.NewTempFolder("cli-bad");
        File.WriteAllText(Path.Combine(dir, "scene.yaml"), "schema: twinplatform.scene\nversion: 1\nname: bad\nmaterials:\n  - {id: m, name: m, composition: {Fe: 100}, colour: red}\n");
        var (code, text) = ExternalTool.Run("dotnet", $"\"{Twin}\" run \"{dir}\"");
        Assert.Equal(2, code);
        Assert.Contains("scene.yaml:5:", text, StringComparison.Ordinal);
        Assert.Contains("materials[0].colour: unknown field", text, StringComparison.Ordinal);
    }
}

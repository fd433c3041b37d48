using System.CommandLine;

namespace TwinPlatform.Cli.Commands;

/// <summary><c>twin demo</c>: the bundled bracket scene end to end, written to out/demo/.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output", "-o") { Description = "Output folder (default: out/demo)" };
        var command = new Command("demo", "Run the bundled bracket scene end to end: material -> component -> system -> sensors -> report") { output };
        command.SetAction((result, ct) =>
        {
            var root = RepoLocator.Root;
            return RunCommand.Execute(Path.Combine(root, "scenes", "bracket"), result.GetValue(output) ?? Path.Combine(root, "out", "demo"), ct);
        });
        return command;
    }
}

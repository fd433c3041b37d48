using System.CommandLine;
using TwinPlatform.Core;
using TwinPlatform.Twins.Reports;
using TwinPlatform.Twins.Runtime;

namespace TwinPlatform.Cli.Commands;

/// <summary><c>twin run SCENE [--source replay] [-o DIR]</c>: run a scene against a sensor source and write its report.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scene = new Argument<string>("scene") { Description = "Scene folder (holding scene.yaml) or scene file" };
        var source = new Option<string>("--source") { Description = "Sample source: replay (the scene's recorded feed)", DefaultValueFactory = _ => "replay" };
        source.AcceptOnlyFromAmong("replay");
        var output = new Option<string?>("--output", "-o") { Description = "Output folder (default: out/<scene name>)" };
        var command = new Command("run", "Run a twin scene against a sensor source and write the report") { scene, source, output };
        command.SetAction((result, ct) => Execute(result.GetValue(scene)!, result.GetValue(output), ct));
        return command;
    }

    internal static async Task<int> Execute(string scenePath, string? output, CancellationToken ct)
    {
        var progress = new ConsoleProgress();
        try
        {
            var root = RepoLocator.Root;
            var run = await ScenePipeline.RunReplayAsync(scenePath, Path.Combine(root, "out", "cache"), progress, ct).ConfigureAwait(false);
            var dir = output ?? Path.Combine(root, "out", run.Prepared.Scene.Name);
            var files = SceneReportWriter.Write(run, dir, progress);
            RunSummary.Print(run, files, progress.Seconds);
            return 0;
        }
        catch (InputFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}

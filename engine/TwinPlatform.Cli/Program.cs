using System.CommandLine;
using TwinPlatform.Cli.Commands;

// The `twin` command: wiring only. Each area registers its commands here, one line each.
var root = new RootCommand("TwinPlatform: material -> component -> system digital twins")
{
    DemoCommand.Create(),
    RunCommand.Create(),
    PublishCommand.Create(),
    SolveCommand.Create(),
    MaterialsCommand.Create(),
};

// Ctrl+C / SIGTERM cancel the command's token; a live run then stops reading, validates what it
// committed and writes its report, which takes a few seconds: allow it up to a minute.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
return await root.Parse(args).InvokeAsync(invocation).ConfigureAwait(false);

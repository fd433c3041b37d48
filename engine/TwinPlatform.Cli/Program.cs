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

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);

using TwinPlatform.Testing;
using TwinPlatform.Twins.Reports;
using TwinPlatform.Twins.Runtime;

namespace TwinPlatform.Integration.Tests;

/// <summary>Runs the bundled bracket scene once (in process) for the tests that read its results.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public SceneRunResult Run { get; private set; } = null!;

    public string Output { get; } = RepoPaths.NewTempFolder("demo");

    public IReadOnlyList<string> Files { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Run = await ScenePipeline.RunReplayAsync(RepoPaths.InRepo("scenes", "bracket"), RepoPaths.InRepo("out", "cache")).ConfigureAwait(false);
        Files = SceneReportWriter.Write(Run, Output);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

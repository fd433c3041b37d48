using TwinPlatform.Materials;
using TwinPlatform.Testing;
using TwinPlatform.Twins.Runtime;

namespace TwinPlatform.Integration.Tests;

/// <summary>The demo's figures are computed: changing the scene's material or load changes them.</summary>
public sealed class SceneVariationTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private static async Task<SceneRunResult> RunVariant(params (string Find, string Replace)[] edits)
    {
        var dir = RepoPaths.NewTempFolder("variant");
        foreach (var file in Directory.GetFiles(RepoPaths.InRepo("scenes", "bracket")))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        var scene = Path.Combine(dir, "scene.yaml");
        var text = File.ReadAllText(scene).Replace("../../models/nims-steel", RepoPaths.InRepo("models", "nims-steel"), StringComparison.Ordinal);
        var changed = text;
        foreach (var (find, replace) in edits)
        {
            var next = changed.Replace(find, replace, StringComparison.Ordinal);
            Assert.NotEqual(changed, next);
            changed = next;
        }

        File.WriteAllText(scene, changed);
        return await ScenePipeline.RunReplayAsync(dir, RepoPaths.InRepo("out", "cache"));
    }

    private static double PeakHoldPrediction(SceneRunResult run) => run.Verdict.Levels[1].Headline.Single().Simulation;

    [Fact]
    public async Task TemperingTemperature_ChangesPredictedStrength()
    {
        var run = await RunVariant(("{step: tempering, temperature: 600 degC}", "{step: tempering, temperature: 650 degC}"));
        var before = demo.Run.Prepared.Materials["steel-scm440"].Require(MaterialPropertyNames.TensileStrength).Value.Mean;
        var after = run.Prepared.Materials["steel-scm440"].Require(MaterialPropertyNames.TensileStrength).Value.Mean;
        Assert.True(after < before - 50e6, $"tempering hotter should soften the steel: {before / 1e6:F0} -> {after / 1e6:F0} MPa");
        Assert.NotEqual(demo.Run.Verdict.Levels[0].Points[0].Simulation, run.Verdict.Levels[0].Points[0].Simulation);
    }

    [Fact]
    public async Task ElasticTableEntry_ChangesTheFiniteElementInputs()
    {
        var run = await RunVariant(("elastic: low-alloy-steel-qt", "elastic: structural-steel-s355"));
        var rom = run.Prepared.Components["bracket-A"].Rom;
        Assert.Equal(210e9, rom.ReferenceModulusPa);

        // Same feed, stiffer nominal material: the prediction drops, the calibrated modulus stays with the physics.
        Assert.True(PeakHoldPrediction(run) < PeakHoldPrediction(demo.Run) * 0.99);
        var before = demo.Run.Runtime.Components["bracket-A"].Calibration!.Modulus();
        var after = run.Runtime.Components["bracket-A"].Calibration!.Modulus();
        Assert.Equal(before.Mean, after.Mean, before.Mean * 0.002);
    }

    [Fact]
    public async Task Span_ChangesTheBracketLoad()
    {
        var run = await RunVariant(("span: 3 m", "span: 2.5 m"), ("at: 3 m", "at: 2.5 m"));
        Assert.NotEqual(PeakHoldPrediction(demo.Run), PeakHoldPrediction(run));
    }
}

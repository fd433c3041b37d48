using System.Diagnostics;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Core.Units;
using TwinPlatform.Materials;
using TwinPlatform.Materials.Passports;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Validation;

namespace TwinPlatform.Twins.Runtime;

/// <summary>
/// Runs a scene end to end: prepare (passports, meshes, finite elements, ROMs), replay or receive
/// the feed through the twins, validate each level, and gather the in-service evidence.
/// </summary>
public static class ScenePipeline
{
    /// <summary>Runs a prepared scene against a source.</summary>
    public static async Task<SceneRunResult> RunAsync(PreparedScene prepared, ISensorSource source, double prepareSeconds, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        var runtime = new SceneRuntime(prepared.Scene, prepared.Materials, prepared.Roms);
        progress?.Report($"twins: running against {source.Description}");
        await runtime.RunAsync(source, progress, cancellationToken).ConfigureAwait(false);
        var feed = runtime.Feed;
        progress?.Report($"twins: {feed.Released} samples processed ({feed.Duplicates} duplicate, {feed.Reordered} out of order, {feed.Late} late, {feed.Bad} bad, {feed.Rejected} rejected, {feed.Gaps.Count} gap(s))");
        var verdict = SceneValidation.Evaluate(prepared, runtime);
        return new SceneRunResult(prepared, runtime, verdict, InServiceEvidence(runtime, source), source.Description, prepareSeconds, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Loads, prepares and runs a scene against its own recorded feed.</summary>
    public static async Task<SceneRunResult> RunReplayAsync(string scenePath, string cacheFolder, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var scene = SceneLoader.Load(scenePath);
        progress?.Report($"scene '{scene.Name}': {scene.Materials.Count} material(s), {scene.Components.Count} component(s), {scene.Systems.Count} system(s), {scene.Sensors.Count} sensor(s)");
        var prepared = ScenePreparation.Prepare(scene, cacheFolder, progress);
        var prepareSeconds = clock.Elapsed.TotalSeconds;
        var replay = scene.Feed.ReplayPath
            ?? throw new Core.InputFileException(scene.File, 0, 0, "feed.replay", "the scene names no recorded feed to replay");
        var source = new CsvFeedReader(replay, scene.Sensors);
        return await RunAsync(prepared, source, prepareSeconds, progress, cancellationToken).ConfigureAwait(false);
    }

    internal static Dictionary<string, MaterialPassport> InServiceEvidence(SceneRuntime runtime, ISensorSource source)
    {
        var evidence = new Dictionary<string, MaterialPassport>(StringComparer.Ordinal);
        foreach (var (id, twin) in runtime.Components)
        {
            if (twin.Calibration is not { Observations: > 0 } calibration)
            {
                continue;
            }

            var material = twin.Material.Definition;
            var gauges = string.Join(", ", twin.Gauges.Select(g => g.Id));
            var provenance = new Provenance(
                ProvenanceKind.InService,
                $"component twin {id}, gauge(s) {gauges}",
                new DateTimeOffset(runtime.EndTicks, TimeSpan.Zero),
                Method: "Bayesian recursive least squares on strain-gauge readings against the finite-element ROM (scale, zero offset, drift)",
                Data: source.Description);
            var modulus = new UncertainQuantity(calibration.Modulus(), Dimension.Pressure, provenance);
            var notes = new List<string>
            {
                $"{calibration.Observations} gauge samples; residual RMS {calibration.ResidualRms * 1e6:G3} microstrain; posterior widened x{Math.Sqrt(calibration.Inflation):G3} for misfit",
            };
            evidence[material.Id + "/" + id] = new MaterialPassport(material.Id, material.Name, [new(MaterialPropertyNames.YoungsModulus, modulus)], notes);
        }

        return evidence;
    }
}

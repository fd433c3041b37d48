using TwinPlatform.Simulation.Analysis;

namespace TwinPlatform.Simulation.Solving;

/// <content>Heat-transfer and frequency steps.</content>
public sealed partial class BuiltInSolver
{
    private static FeStepResult SolveHeat(StepContext c)
    {
        var step = c.Step;
        var model = new HeatTransferModel(c.Mesh.Mesh);
        c.AssignMaterials(model.AssignMaterial);
        foreach (var (key, value) in step.Boundaries)
        {
            if (key.Dof == 11)
            {
                model.FixTemperature(c.Deck.NodeIndex(key.Node), value);
            }
        }

        foreach (var (set, flux) in FaceGroups(c, step.SurfaceFluxes, "flux"))
        {
            model.AddSurfaceFlux(set, flux);
        }

        foreach (var (set, film) in FaceGroups(c, step.Films, "film"))
        {
            model.AddFilm(set, film.Coefficient, film.SinkTemperature);
        }

        var options = new HeatSolveOptions { MaxDegreeOfParallelism = c.Threads, Progress = c.Progress };
        var r = model.Solve(c.Options.RelativeTolerance is { } tolerance ? options with { RelativeTolerance = tolerance } : options);
        return new FeStepResult
        {
            StepNumber = step.Number,
            Kind = step.Kind,
            Temperatures = r.Temperatures,
            HeatFlux = r.Fluxes.NodalFluxes,
            ReactionHeatFlow = r.HeatFlows,
            PointHeatFlux = PointTable(c, "HFL", 3, r.Fluxes.PointOffsets, r.Fluxes.PointFluxes),
            Iterations = r.Iterations,
            RelativeResidual = r.RelativeResidual,
            SolveTime = r.SolveTime,
        };
    }

    private static FeStepResult SolveFrequency(StepContext c)
    {
        var step = c.Step;
        var model = new FrequencyModel(c.Mesh.Mesh);
        c.AssignMaterials(model.AssignMaterial);
        ApplyDisplacementBoundaries(c, (node, mask, _) => model.Fix(node, mask), prescribedValues: false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = model.Solve(step.ModeCount, new FrequencySolveOptions
        {
            MaxDegreeOfParallelism = c.Threads,
            Progress = c.Progress,
            MassIntegration = c.Options.MassIntegration,
        });
        var modes = new List<FeMode>(r.Modes.Count);
        foreach (var m in r.Modes)
        {
            modes.Add(new FeMode(m.Number, m.FrequencyHz, m.Shape));
        }

        return new FeStepResult
        {
            StepNumber = step.Number,
            Kind = step.Kind,
            Modes = modes,
            SolveTime = clock.Elapsed,
        };
    }
}

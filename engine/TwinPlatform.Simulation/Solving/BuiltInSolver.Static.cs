using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Analysis;

namespace TwinPlatform.Simulation.Solving;

/// <content>Static steps.</content>
public sealed partial class BuiltInSolver
{
    private static FeStepResult SolveStatic(StepContext c)
    {
        var deck = c.Deck;
        var step = c.Step;
        var model = new StaticModel(c.Mesh.Mesh);
        c.AssignMaterials(model.AssignMaterial);
        ApplyDisplacementBoundaries(c, model.Prescribe, prescribedValues: true);

        var load = model.AddLoadCase($"step {step.Number}");
        var forces = new Dictionary<int, Vector3d>();
        foreach (var (key, value) in step.NodalForces)
        {
            var n = deck.NodeIndex(key.Node);
            forces.TryGetValue(n, out var f);
            forces[n] = f + new Vector3d(key.Dof == 1 ? value : 0, key.Dof == 2 ? value : 0, key.Dof == 3 ? value : 0);
        }

        foreach (var (node, force) in forces)
        {
            load.AddNodalForce(node, force);
        }

        foreach (var (set, pressure) in FaceGroups(c, step.Pressures, "pressure"))
        {
            load.AddPressure(set, pressure);
        }

        if (WholeModel(c, step.Gravity, "GRAV") is { } g)
        {
            load.AddGravity(g);
        }

        if (WholeModel(c, step.Centrifugal, "CENTRIF") is { } centrifugal)
        {
            load.AddCentrifugal(centrifugal.AxisPoint, centrifugal.AxisDirection, Math.Sqrt(centrifugal.OmegaSquared));
        }

        if (step.Temperatures.Count > 0)
        {
            var initial = new double[deck.NodeCount];
            var current = new double[deck.NodeCount];
            for (var i = 0; i < initial.Length; i++)
            {
                var id = deck.NodeIds[i];
                initial[i] = deck.InitialTemperatures.TryGetValue(id, out var t0) ? t0 : 0;
                current[i] = step.Temperatures.TryGetValue(id, out var t) ? t : initial[i];
            }

            load.SetTemperatures(current, initial);
        }

        var options = new StaticSolveOptions { MaxDegreeOfParallelism = c.Threads, Progress = c.Progress };
        var results = model.Solve(c.Options.RelativeTolerance is { } tolerance ? options with { RelativeTolerance = tolerance } : options);
        var r = results[load];
        var stresses = r.Stresses;
        return new FeStepResult
        {
            StepNumber = step.Number,
            Kind = step.Kind,
            Displacements = r.Displacements,
            Reactions = r.Reactions,
            Stresses = stresses.NodalStresses,
            PointStresses = PointTable(c, "S", 6, stresses.PointOffsets, stresses.PointStresses),
            Iterations = r.Iterations,
            RelativeResidual = r.RelativeResidual,
            SolveTime = r.SolveTime,
        };
    }

    /// <summary>Applies dofs 1-3 of the step's boundary conditions node by node.</summary>
    private static void ApplyDisplacementBoundaries(StepContext c, Action<int, DofComponents, Vector3d> prescribe, bool prescribedValues)
    {
        var perNode = new Dictionary<int, (DofComponents Mask, double X, double Y, double Z)>();
        var nonZero = false;
        foreach (var (key, value) in c.Step.Boundaries)
        {
            if (key.Dof > 3)
            {
                continue;
            }

            var n = c.Deck.NodeIndex(key.Node);
            perNode.TryGetValue(n, out var e);
            nonZero |= value != 0;
            perNode[n] = key.Dof switch
            {
                1 => (e.Mask | DofComponents.X, value, e.Y, e.Z),
                2 => (e.Mask | DofComponents.Y, e.X, value, e.Z),
                _ => (e.Mask | DofComponents.Z, e.X, e.Y, value),
            };
        }

        if (nonZero && !prescribedValues)
        {
            c.Warnings.Add($"step {c.Step.Number} ({c.Step.Location}): prescribed non-zero displacements act as fixed supports in a *FREQUENCY step");
        }

        foreach (var (node, b) in perNode)
        {
            prescribe(node, b.Mask, prescribedValues ? new Vector3d(b.X, b.Y, b.Z) : default);
        }
    }

    /// <summary>The body load if every element carries the same one; null if none does; refused for part of the model.</summary>
    private static TValue? WholeModel<TValue>(StepContext c, IReadOnlyDictionary<int, TValue> loads, string label)
        where TValue : struct, IEquatable<TValue>
    {
        if (loads.Count == 0)
        {
            return null;
        }

        TValue? first = null;
        foreach (var e in c.Deck.Elements)
        {
            if (!loads.TryGetValue(e.Id, out var v) || (first is { } f && !f.Equals(v)))
            {
                throw new ModelException($"step {c.Step.Number} ({c.Step.Location}): the built-in solver applies {label} to the whole model only; element {e.Id} {(loads.ContainsKey(e.Id) ? "has a different " + label : "has no " + label)} load");
            }

            first ??= v;
        }

        return first;
    }
}

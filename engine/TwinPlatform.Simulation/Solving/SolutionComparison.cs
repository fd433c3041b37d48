namespace TwinPlatform.Simulation.Solving;

/// <summary>
/// Compares two solutions of the same deck node by node (matched by deck node number), step by step.
/// </summary>
/// <remarks>
/// A field's difference at a node is the largest absolute component difference; it is made relative by the
/// largest absolute component of the reference field over all nodes (a point-wise ratio would blow up where the
/// field passes through zero). Frequencies are compared mode by mode, relative to the reference. Use
/// <see cref="PointRelative"/> for the point-wise ratio at a chosen node.
/// </remarks>
public static class SolutionComparison
{
    /// <summary>Compares <paramref name="other"/> against <paramref name="reference"/>.</summary>
    public static IReadOnlyList<StepComparison> Compare(FeSolution reference, FeSolution other)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        var map = other.NodeIndexMap();
        var result = new List<StepComparison>();
        var steps = Math.Min(reference.Steps.Count, other.Steps.Count);
        for (var s = 0; s < steps; s++)
        {
            var a = reference.Steps[s];
            var b = other.Steps[s];
            var fields = new List<FieldDifference>();
            Add(fields, "displacement", 3, a.Displacements, b.Displacements, reference.NodeIds, map);
            Add(fields, "stress", 6, a.Stresses, b.Stresses, reference.NodeIds, map);
            Add(fields, "reaction", 3, a.Reactions, b.Reactions, reference.NodeIds, map);
            Add(fields, "temperature", 1, a.Temperatures, b.Temperatures, reference.NodeIds, map);
            Add(fields, "heat_flux", 3, a.HeatFlux, b.HeatFlux, reference.NodeIds, map);
            var frequencies = new List<FrequencyDifference>();
            for (var m = 0; m < Math.Min(a.Modes.Count, b.Modes.Count); m++)
            {
                frequencies.Add(new FrequencyDifference(a.Modes[m].Number, a.Modes[m].FrequencyHz, b.Modes[m].FrequencyHz));
            }

            var points = new List<PointDifference>();
            AddPoints(points, "stress", a.PointStresses, b.PointStresses);
            AddPoints(points, "heat_flux", a.PointHeatFlux, b.PointHeatFlux);
            result.Add(new StepComparison(a.StepNumber, a.Kind, fields, frequencies) { Points = points });
        }

        return result;
    }

    /// <summary>
    /// |other - reference| / |reference| of component <paramref name="component"/> of a field at node
    /// <paramref name="nodeId"/> (field names as in <see cref="FieldDifference.Field"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The field is missing in a solution or the node is unknown.</exception>
    public static double PointRelative(FeSolution reference, FeSolution other, int step, string field, int nodeId, int component)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        var r = Value(reference, step, field, nodeId, component);
        var o = Value(other, step, field, nodeId, component);
        return r == 0 ? Math.Abs(o) : Math.Abs(o - r) / Math.Abs(r);
    }

    /// <summary>Component <paramref name="component"/> of a field of step <paramref name="step"/> (0-based) at node <paramref name="nodeId"/>.</summary>
    public static double Value(FeSolution solution, int step, string field, int nodeId, int component)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var s = solution.Steps[step];
        var (values, components) = field switch
        {
            "displacement" => (s.Displacements, 3),
            "stress" => (s.Stresses, 6),
            "reaction" => (s.Reactions, 3),
            "temperature" => (s.Temperatures, 1),
            "heat_flux" => (s.HeatFlux, 3),
            _ => throw new ArgumentException($"unknown field '{field}'", nameof(field)),
        };
        if (values is null)
        {
            throw new ArgumentException($"{solution.SolverName} has no {field} in step {s.StepNumber}", nameof(field));
        }

        var index = solution.IndexOfNode(nodeId);
        return index < 0
            ? throw new ArgumentException($"{solution.SolverName} has no node {nodeId}", nameof(nodeId))
            : values[(components * index) + component];
    }

    private static void AddPoints(List<PointDifference> points, string name, IntegrationPointTable? a, IntegrationPointTable? b)
    {
        if (a is null || b is null || a.Components != b.Components)
        {
            return;
        }

        var other = new Dictionary<int, int>(b.ElementIds.Length);
        for (var i = 0; i < b.ElementIds.Length; i++)
        {
            other[b.ElementIds[i]] = i;
        }

        var k = a.Components;
        double scale = 0, max = -1, refValue = 0, otherValue = 0;
        int element = 0, point = 0, component = 0, compared = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < a.ElementIds.Length; i++)
            {
                if (!other.TryGetValue(a.ElementIds[i], out var j))
                {
                    continue;
                }

                var count = a.Offsets[i + 1] - a.Offsets[i];
                if (count != b.Offsets[j + 1] - b.Offsets[j])
                {
                    continue;
                }

                for (var p = 0; p < count; p++)
                {
                    for (var c = 0; c < k; c++)
                    {
                        var x = a.Values[(k * (a.Offsets[i] + p)) + c];
                        if (pass == 0)
                        {
                            scale = Math.Max(scale, Math.Abs(x));
                            continue;
                        }

                        var y = b.Values[(k * (b.Offsets[j] + p)) + c];
                        if (Math.Abs(y - x) > max)
                        {
                            (max, element, point, component, refValue, otherValue) = (Math.Abs(y - x), a.ElementIds[i], p + 1, c, x, y);
                        }
                    }

                    compared += pass;
                }
            }
        }

        if (compared > 0)
        {
            points.Add(new PointDifference(name, scale > 0 ? max / scale : max, element, point, component, refValue, otherValue, scale, compared));
        }
    }

    private static void Add(List<FieldDifference> fields, string name, int components, double[]? a, double[]? b, int[] ids, Dictionary<int, int> otherIndex)
    {
        if (a is null || b is null)
        {
            return;
        }

        var scale = 0.0;
        foreach (var v in a)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        double max = -1, refValue = 0, otherValue = 0;
        int node = 0, component = 0, compared = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (!otherIndex.TryGetValue(ids[i], out var j))
            {
                continue;
            }

            compared++;
            for (var k = 0; k < components; k++)
            {
                var d = Math.Abs(b[(components * j) + k] - a[(components * i) + k]);
                if (d > max)
                {
                    (max, node, component) = (d, ids[i], k);
                    (refValue, otherValue) = (a[(components * i) + k], b[(components * j) + k]);
                }
            }
        }

        if (compared > 0)
        {
            fields.Add(new FieldDifference(name, scale > 0 ? max / scale : max, node, component, refValue, otherValue, scale, compared));
        }
    }
}

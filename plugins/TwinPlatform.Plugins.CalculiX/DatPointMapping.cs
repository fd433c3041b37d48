using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Plugins.CalculiX;

/// <summary>Turns the .dat point tables of one step into the common <see cref="IntegrationPointTable"/> form.</summary>
internal static class DatPointMapping
{
    /// <summary>
    /// The rows of every <paramref name="quantity"/> table printed at the end of step <paramref name="stepNumber"/>,
    /// elements in ascending order, or null when there are none. Stress components are reordered from CalculiX's
    /// (xx, yy, zz, xy, xz, yz) to (xx, yy, zz, xy, yz, zx).
    /// </summary>
    /// <remarks>
    /// The deck the plugin writes gives every step CalculiX's default time period of 1, so step k ends at total time k;
    /// that is how tables are matched to steps (the .dat file does not name the step).
    /// </remarks>
    public static IntegrationPointTable? ForStep(IReadOnlyList<DatPointTable> tables, string quantity, int stepNumber)
    {
        // Element -> (point number -> values); the first table that lists an element wins.
        var rows = new SortedDictionary<int, SortedDictionary<int, double[]>>();
        var components = 0;
        foreach (var t in tables)
        {
            if (t.Quantity != quantity || Math.Abs(t.TotalTime - stepNumber) > 1e-6)
            {
                continue;
            }

            components = t.Components;
            var seen = new HashSet<int>();
            for (var r = 0; r < t.ElementIds.Length; r++)
            {
                var id = t.ElementIds[r];
                if (rows.TryGetValue(id, out var points) && !seen.Contains(id))
                {
                    continue;
                }

                seen.Add(id);
                if (points is null)
                {
                    points = [];
                    rows[id] = points;
                }

                var v = t.Values.AsSpan(r * t.Components, t.Components).ToArray();
                if (t.Components == 6)
                {
                    (v[4], v[5]) = (v[5], v[4]);
                }

                points[t.PointNumbers[r]] = v;
            }
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var ids = new int[rows.Count];
        var offsets = new int[rows.Count + 1];
        var values = new List<double>();
        var i = 0;
        foreach (var (id, points) in rows)
        {
            ids[i] = id;
            foreach (var (_, v) in points)
            {
                values.AddRange(v);
            }

            offsets[++i] = values.Count / components;
        }

        return new IntegrationPointTable(ids, offsets, components, [.. values]);
    }
}

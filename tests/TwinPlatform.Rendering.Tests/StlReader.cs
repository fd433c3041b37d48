using System.Globalization;
using TwinPlatform.Rendering;

namespace TwinPlatform.Rendering.Tests;

/// <summary>Reads an ASCII STL file (as gmsh writes it) into shared vertices and triangles.</summary>
internal static class StlReader
{
    /// <summary>Positions (scaled by <paramref name="scale"/>) with exact duplicates merged, and triangles.</summary>
    public static (double[] Positions, int[] Triangles) Read(string path, double scale)
    {
        var positions = new List<double>();
        var triangles = new List<int>();
        var index = new Dictionary<(double, double, double), int>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (!line.StartsWith("vertex ", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var key = (Parse(parts[1]), Parse(parts[2]), Parse(parts[3]));
            if (!index.TryGetValue(key, out var id))
            {
                id = positions.Count / 3;
                index.Add(key, id);
                positions.Add(key.Item1 * scale);
                positions.Add(key.Item2 * scale);
                positions.Add(key.Item3 * scale);
            }

            triangles.Add(id);
        }

        return ([.. positions], [.. triangles]);
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

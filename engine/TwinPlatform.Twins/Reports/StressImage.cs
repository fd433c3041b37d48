using TwinPlatform.Rendering;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Twins.Reports;

/// <summary>Renders a component's surface coloured by a nodal field (von Mises stress) to PNG, headless.</summary>
public static class StressImage
{
    /// <summary>
    /// Renders the skin of <paramref name="mesh"/> with the nodal values <paramref name="nodalValues"/>
    /// (one per mesh node) and writes a PNG.
    /// </summary>
    /// <param name="renderer">The renderer (one per process is enough).</param>
    /// <param name="mesh">The volume mesh.</param>
    /// <param name="nodalValues">Values per node in the display unit.</param>
    /// <param name="fieldName">Legend name.</param>
    /// <param name="unit">Legend unit.</param>
    /// <param name="title">Title line.</param>
    /// <param name="path">PNG path.</param>
    public static void Write(HeadlessRenderer renderer, Mesh mesh, ReadOnlySpan<double> nodalValues, string fieldName, string unit, string title, string path)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(mesh);
        var skin = mesh.ExtractSkinTriangles();

        // Keep only the nodes the skin uses, renumbered densely.
        var map = new int[mesh.NodeCount];
        Array.Fill(map, -1);
        var count = 0;
        foreach (var n in skin)
        {
            if (map[n] < 0)
            {
                map[n] = count++;
            }
        }

        var positions = new double[3 * count];
        var values = new double[count];
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            var v = map[n];
            if (v < 0)
            {
                continue;
            }

            positions[3 * v] = mesh.X[n];
            positions[(3 * v) + 1] = mesh.Y[n];
            positions[(3 * v) + 2] = mesh.Z[n];
            values[v] = nodalValues[n];
        }

        var triangles = new int[skin.Length];
        for (var i = 0; i < skin.Length; i++)
        {
            triangles[i] = map[skin[i]];
        }

        var surface = new SurfaceMeshDescription(positions, triangles, new ScalarFieldDescription(fieldName, unit, values));
        var image = renderer.Render(surface, RenderDescription.Default with
        {
            Title = title,
            Camera = new CameraDescription { AzimuthDegrees = -50, ElevationDegrees = 28 },
        });
        image.SavePng(path);
    }
}

using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Prognostics.Blades;

/// <summary>The structured 20-node hexahedral mesh of a <see cref="BladeDescription"/>.</summary>
internal static class BladeMesh
{
    /// <summary>Builds the mesh; returns the nodes of the root face and of its two symmetry lines (y = 0, z = 0).</summary>
    public static Mesh Create(BladeDescription d, out int[] rootNodes, out int[] rootLineY, out int[] rootLineZ)
    {
        int nx = d.SpanElements, ny = d.ThicknessElements, nz = d.ChordElements;
        var span = d.TipRadiusM - d.HubRadiusM;
        var mesh = StructuredMesh.Create(ElementType.Hex20, nx, ny, nz, (i, j, k) => (
            d.HubRadiusM + (span * i / nx),
            d.ThicknessM * (((double)j / ny) - 0.5),
            d.ChordM * (((double)k / nz) - 0.5)));
        var tol = 1e-9 * Math.Max(span, d.ChordM);
        var root = new List<int>();
        var lineY = new List<int>();
        var lineZ = new List<int>();
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            if (Math.Abs(mesh.X[n] - d.HubRadiusM) > tol)
            {
                continue;
            }

            root.Add(n);
            if (Math.Abs(mesh.Y[n]) <= tol)
            {
                lineY.Add(n);
            }

            if (Math.Abs(mesh.Z[n]) <= tol)
            {
                lineZ.Add(n);
            }
        }

        rootNodes = [.. root];
        rootLineY = [.. lineY];
        rootLineZ = [.. lineZ];
        mesh.AddNodeSet(new NodeSet("root", rootNodes));
        return mesh;
    }
}

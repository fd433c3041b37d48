using TwinPlatform.Core.Graph;

namespace TwinPlatform.Rendering.Geometry;

/// <summary>Turns a <see cref="SurfaceMeshDescription"/> into a <see cref="PreparedMesh"/>: crease-aware normals and edge lists.</summary>
/// <remarks>
/// Normals: each triangle corner gets the angle-weighted average of the unit normals of the triangles
/// around its vertex whose normal lies within the crease angle of the corner's own triangle (angle
/// weights after Thurmer and Wuthrich, "Computing vertex normals from polygonal facets", J. Graphics
/// Tools 3(1), 1998, so the result does not depend on how a face is tessellated). Corners of one vertex
/// with equal normals share a render vertex; a vertex on a sharp edge is split into one copy per side,
/// which keeps machined edges crisp while fillets and holes shade smoothly.
/// Runs once per upload, not per frame.
/// </remarks>
internal static class MeshPreprocessor
{
    // Normals closer than this (per component, unit vectors) are the same render vertex.
    private const double SameNormalTolerance = 1e-6;

    public static PreparedMesh Prepare(SurfaceMeshDescription mesh)
    {
        var positions = mesh.Positions;
        var triangles = mesh.Triangles;
        var vertexCount = mesh.VertexCount;
        var triangleCount = mesh.TriangleCount;
        var (origin, radius) = Bounds(positions);

        // cos of the crease angle, widened slightly so coplanar faces (dot = 1 - rounding) always merge.
        var crease = Math.Clamp(mesh.CreaseAngleDegrees, 0, 180);
        var cosCrease = crease >= 180 ? -2.0 : Math.Cos(crease * Math.PI / 180) - 1e-9;

        var faceNormals = new double[3 * triangleCount];
        var cornerAngles = new double[3 * triangleCount];
        FaceNormalsAndAngles(positions, triangles, faceNormals, cornerAngles);

        // Vertex -> corners (CSR). Corner c belongs to triangle c / 3.
        var cornerStart = new int[vertexCount + 1];
        for (var c = 0; c < triangles.Length; c++)
        {
            cornerStart[triangles[c] + 1]++;
        }

        for (var v = 0; v < vertexCount; v++)
        {
            cornerStart[v + 1] += cornerStart[v];
        }

        var cornerList = new int[triangles.Length];
        var fill = new int[vertexCount];
        for (var c = 0; c < triangles.Length; c++)
        {
            var v = triangles[c];
            cornerList[cornerStart[v] + fill[v]++] = c;
        }

        // Corner normals, then render vertices per (vertex, distinct normal).
        var cornerVertex = new int[triangles.Length];
        var vertices = new List<float>(6 * vertexCount);
        var source = new List<int>(vertexCount);
        Span<double> n = stackalloc double[3];
        var groupNormals = new List<(double X, double Y, double Z, int Id)>();
        for (var v = 0; v < vertexCount; v++)
        {
            groupNormals.Clear();
            for (var i = cornerStart[v]; i < cornerStart[v + 1]; i++)
            {
                var c = cornerList[i];
                CornerNormal(c / 3, cornerStart[v], cornerStart[v + 1], cornerList, faceNormals, cornerAngles, cosCrease, n);
                var id = -1;
                foreach (var g in groupNormals)
                {
                    if (Math.Abs(g.X - n[0]) < SameNormalTolerance && Math.Abs(g.Y - n[1]) < SameNormalTolerance && Math.Abs(g.Z - n[2]) < SameNormalTolerance)
                    {
                        id = g.Id;
                        break;
                    }
                }

                if (id < 0)
                {
                    id = source.Count;
                    groupNormals.Add((n[0], n[1], n[2], id));
                    source.Add(v);
                    vertices.Add((float)(positions[3 * v] - origin.X));
                    vertices.Add((float)(positions[(3 * v) + 1] - origin.Y));
                    vertices.Add((float)(positions[(3 * v) + 2] - origin.Z));
                    vertices.Add((float)n[0]);
                    vertices.Add((float)n[1]);
                    vertices.Add((float)n[2]);
                }

                cornerVertex[c] = id;
            }
        }

        var (renderTriangles, featureEdges, allEdges) = Connectivity(triangles, faceNormals, cornerVertex, cosCrease);
        return new PreparedMesh
        {
            Origin = origin,
            Radius = radius,
            Vertices = [.. vertices],
            SourceVertex = [.. source],
            Triangles = renderTriangles,
            FeatureEdges = featureEdges,
            AllEdges = allEdges,
        };
    }

    /// <summary>Bounding-box centre and half diagonal (at least a tiny positive length).</summary>
    public static (Vector3d Centre, double Radius) Bounds(ReadOnlySpan<double> positions)
    {
        if (positions.Length < 3)
        {
            return (new(0, 0, 0), 1);
        }

        double x0 = double.MaxValue, y0 = double.MaxValue, z0 = double.MaxValue;
        double x1 = double.MinValue, y1 = double.MinValue, z1 = double.MinValue;
        for (var i = 0; i < positions.Length; i += 3)
        {
            x0 = Math.Min(x0, positions[i]);
            x1 = Math.Max(x1, positions[i]);
            y0 = Math.Min(y0, positions[i + 1]);
            y1 = Math.Max(y1, positions[i + 1]);
            z0 = Math.Min(z0, positions[i + 2]);
            z1 = Math.Max(z1, positions[i + 2]);
        }

        var half = new Vector3d((x1 - x0) / 2, (y1 - y0) / 2, (z1 - z0) / 2);
        var radius = half.Length;
        if (!(radius > 0))
        {
            radius = Math.Max(1e-9, Math.Abs(x0) * 1e-6);
        }

        return (new((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2), radius);
    }

    private static void FaceNormalsAndAngles(ReadOnlySpan<double> p, ReadOnlySpan<int> triangles, Span<double> normals, Span<double> angles)
    {
        for (var t = 0; t < triangles.Length / 3; t++)
        {
            var a = 3 * triangles[3 * t];
            var b = 3 * triangles[(3 * t) + 1];
            var c = 3 * triangles[(3 * t) + 2];
            double abx = p[b] - p[a], aby = p[b + 1] - p[a + 1], abz = p[b + 2] - p[a + 2];
            double acx = p[c] - p[a], acy = p[c + 1] - p[a + 1], acz = p[c + 2] - p[a + 2];
            double bcx = p[c] - p[b], bcy = p[c + 1] - p[b + 1], bcz = p[c + 2] - p[b + 2];
            var nx = (aby * acz) - (abz * acy);
            var ny = (abz * acx) - (abx * acz);
            var nz = (abx * acy) - (aby * acx);
            var length = Math.Sqrt((nx * nx) + (ny * ny) + (nz * nz));
            if (!(length > 0))
            {
                // Degenerate (zero-area) triangle: no normal, no weight, dropped from drawing.
                continue;
            }

            normals[3 * t] = nx / length;
            normals[(3 * t) + 1] = ny / length;
            normals[(3 * t) + 2] = nz / length;
            angles[3 * t] = Angle(abx, aby, abz, acx, acy, acz);
            angles[(3 * t) + 1] = Angle(-abx, -aby, -abz, bcx, bcy, bcz);
            angles[(3 * t) + 2] = Math.PI - angles[3 * t] - angles[(3 * t) + 1];
        }
    }

    private static double Angle(double ux, double uy, double uz, double vx, double vy, double vz)
    {
        // atan2(|u x v|, u.v) is accurate for small and near-straight angles alike.
        var cx = (uy * vz) - (uz * vy);
        var cy = (uz * vx) - (ux * vz);
        var cz = (ux * vy) - (uy * vx);
        return Math.Atan2(Math.Sqrt((cx * cx) + (cy * cy) + (cz * cz)), (ux * vx) + (uy * vy) + (uz * vz));
    }

    private static void CornerNormal(
        int triangle,
        int first,
        int end,
        int[] cornerList,
        double[] faceNormals,
        double[] cornerAngles,
        double cosCrease,
        Span<double> result)
    {
        double fx = faceNormals[3 * triangle], fy = faceNormals[(3 * triangle) + 1], fz = faceNormals[(3 * triangle) + 2];
        double sx = 0, sy = 0, sz = 0;
        for (var i = first; i < end; i++)
        {
            var c = cornerList[i];
            var t = c / 3;
            double gx = faceNormals[3 * t], gy = faceNormals[(3 * t) + 1], gz = faceNormals[(3 * t) + 2];
            if ((fx * gx) + (fy * gy) + (fz * gz) >= cosCrease)
            {
                var w = cornerAngles[c];
                sx += w * gx;
                sy += w * gy;
                sz += w * gz;
            }
        }

        var length = Math.Sqrt((sx * sx) + (sy * sy) + (sz * sz));
        if (!(length > 1e-12))
        {
            // Only degenerate or exactly opposing faces: fall back to the own face normal (or +z).
            (sx, sy, sz, length) = (fx, fy, fz, Math.Sqrt((fx * fx) + (fy * fy) + (fz * fz)));
            if (!(length > 0))
            {
                (sx, sy, sz, length) = (0, 0, 1, 1);
            }
        }

        result[0] = sx / length;
        result[1] = sy / length;
        result[2] = sz / length;
    }

    private static (int[] Triangles, int[] FeatureEdges, int[] AllEdges) Connectivity(
        ReadOnlySpan<int> triangles,
        double[] faceNormals,
        int[] cornerVertex,
        double cosCrease)
    {
        var triangleCount = triangles.Length / 3;
        var renderTriangles = new List<int>(triangles.Length);
        var keys = new long[triangles.Length];
        var owners = new int[triangles.Length];
        var edgeCount = 0;
        for (var t = 0; t < triangleCount; t++)
        {
            var degenerate = faceNormals[3 * t] == 0 && faceNormals[(3 * t) + 1] == 0 && faceNormals[(3 * t) + 2] == 0;
            if (degenerate)
            {
                continue;
            }

            renderTriangles.Add(cornerVertex[3 * t]);
            renderTriangles.Add(cornerVertex[(3 * t) + 1]);
            renderTriangles.Add(cornerVertex[(3 * t) + 2]);
            for (var k = 0; k < 3; k++)
            {
                var a = triangles[(3 * t) + k];
                var b = triangles[(3 * t) + ((k + 1) % 3)];
                var (lo, hi) = a < b ? (a, b) : (b, a);
                keys[edgeCount] = ((long)lo << 32) | (uint)hi;

                // Owner: corner index of the edge's first endpoint, so its render vertices can be found.
                owners[edgeCount] = (3 * t) + k;
                edgeCount++;
            }
        }

        Array.Sort(keys, owners, 0, edgeCount);
        var feature = new List<int>();
        var all = new List<int>(edgeCount);
        for (var i = 0; i < edgeCount;)
        {
            var j = i + 1;
            while (j < edgeCount && keys[j] == keys[i])
            {
                j++;
            }

            var corner = owners[i];
            var t = corner / 3;
            var a = cornerVertex[corner];
            var b = cornerVertex[(3 * t) + (((corner % 3) + 1) % 3)];
            all.Add(a);
            all.Add(b);
            var isFeature = j - i != 2;
            if (!isFeature)
            {
                var u = owners[i + 1] / 3;
                var dot = (faceNormals[3 * t] * faceNormals[3 * u]) + (faceNormals[(3 * t) + 1] * faceNormals[(3 * u) + 1]) + (faceNormals[(3 * t) + 2] * faceNormals[(3 * u) + 2]);
                isFeature = dot < cosCrease;
            }

            if (isFeature)
            {
                feature.Add(a);
                feature.Add(b);
            }

            i = j;
        }

        return ([.. renderTriangles], [.. feature], [.. all]);
    }
}

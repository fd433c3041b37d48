using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>Integrals over boundary faces: ∫ N_a dA per node, ∫ N_a n dA, ∫ N_a N_b dA.</summary>
internal static class SurfaceIntegration
{
    /// <summary>
    /// Adds ∫ N_a dA of every face of <paramref name="faces"/> to <paramref name="nodalAreas"/> (per node,
    /// m^2) with the isoparametric area element |x_xi × x_eta| (degree-4 rule on triangles, Gauss on
    /// quadrilaterals), so curved quadratic faces are integrated accurately and flat ones exactly. Returns the
    /// total area.
    /// </summary>
    /// <remarks>
    /// On a flat 6-node triangle the corner integrals are 0 and the mid-edge ones A/3; on a 3-node triangle
    /// each node gets A/3; on a flat 8-node quadrilateral the corners get -A/12 and the mid-edge nodes A/3.
    /// </remarks>
    public static double NodalAreas(Mesh mesh, FaceSet faces, double[] nodalAreas)
    {
        Span<double> xyz = stackalloc double[3 * FaceShapes.MaxNodes];
        Span<double> shapes = stackalloc double[9 * FaceShapes.MaxNodes];
        Span<double> normals = stackalloc double[27];
        var total = 0.0;
        for (var f = 0; f < faces.Count; f++)
        {
            var nodes = faces.Nodes(f);
            ElementOperations.GatherCoordinates(mesh, nodes, xyz);
            var points = FaceShapes.AreaVectors(faces.TypeOf(f), xyz, shapes, normals);
            for (var q = 0; q < points; q++)
            {
                double nx = normals[3 * q], ny = normals[(3 * q) + 1], nz = normals[(3 * q) + 2];
                var w = Math.Sqrt((nx * nx) + (ny * ny) + (nz * nz));
                total += w;
                for (var a = 0; a < nodes.Length; a++)
                {
                    nodalAreas[nodes[a]] += w * shapes[(q * FaceShapes.MaxNodes) + a];
                }
            }
        }

        return total;
    }

    /// <summary>
    /// Adds ∫ N_a n dA (outward normal, 3 per node) of the element faces <paramref name="faces"/> to
    /// <paramref name="nodalVectors"/> scaled by <paramref name="scale"/>; returns the total area.
    /// </summary>
    public static double AddNormalIntegrals(Mesh mesh, IReadOnlyList<ElementFace> faces, double scale, double[] nodalVectors)
    {
        Span<double> xyz = stackalloc double[3 * FaceShapes.MaxNodes];
        Span<int> faceNodes = stackalloc int[FaceShapes.MaxNodes];
        Span<double> shapes = stackalloc double[9 * FaceShapes.MaxNodes];
        Span<double> normals = stackalloc double[27];
        var total = 0.0;
        foreach (var face in faces)
        {
            var type = FaceNodesOf(mesh, face, faceNodes, out var count);
            var nodes = faceNodes[..count];
            ElementOperations.GatherCoordinates(mesh, nodes, xyz);
            var points = FaceShapes.AreaVectors(type, xyz, shapes, normals);
            for (var q = 0; q < points; q++)
            {
                double nx = normals[3 * q], ny = normals[(3 * q) + 1], nz = normals[(3 * q) + 2];
                total += Math.Sqrt((nx * nx) + (ny * ny) + (nz * nz));
                for (var a = 0; a < count; a++)
                {
                    var w = scale * shapes[(q * FaceShapes.MaxNodes) + a];
                    var node = nodes[a];
                    nodalVectors[3 * node] += w * nx;
                    nodalVectors[(3 * node) + 1] += w * ny;
                    nodalVectors[(3 * node) + 2] += w * nz;
                }
            }
        }

        return total;
    }

    /// <summary>Global nodes of an element face (outward order) into <paramref name="nodes"/>; returns the face type.</summary>
    public static FaceType FaceNodesOf(Mesh mesh, ElementFace face, Span<int> nodes, out int count)
    {
        var block = mesh.BlockOf(face.Element, out var local);
        var elementNodes = block.Nodes(local);
        var localFace = block.Type.FaceNodes(face.Face);
        count = localFace.Length;
        for (var a = 0; a < count; a++)
        {
            nodes[a] = elementNodes[localFace[a]];
        }

        return block.Type.FaceTypeOf(face.Face);
    }

    /// <summary>
    /// ∫ N_a N_b dA (n x n, row-major) and ∫ N_a dA (n) of one face.
    /// </summary>
    public static void FaceProduct(FaceType type, ReadOnlySpan<double> xyz, Span<double> matrix, Span<double> shapeIntegrals)
    {
        Span<double> shapes = stackalloc double[9 * FaceShapes.MaxNodes];
        Span<double> normals = stackalloc double[27];
        var n = ElementTopology.NodesPerFace(type);
        matrix[..(n * n)].Clear();
        shapeIntegrals[..n].Clear();
        var points = FaceShapes.AreaVectors(type, xyz, shapes, normals);
        for (var q = 0; q < points; q++)
        {
            double nx = normals[3 * q], ny = normals[(3 * q) + 1], nz = normals[(3 * q) + 2];
            var w = Math.Sqrt((nx * nx) + (ny * ny) + (nz * nz));
            var shape = shapes.Slice(q * FaceShapes.MaxNodes, n);
            for (var a = 0; a < n; a++)
            {
                shapeIntegrals[a] += w * shape[a];
                for (var b = 0; b < n; b++)
                {
                    matrix[(a * n) + b] += w * shape[a] * shape[b];
                }
            }
        }
    }
}

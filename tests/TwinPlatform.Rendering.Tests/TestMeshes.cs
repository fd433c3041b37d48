using TwinPlatform.Rendering;

namespace TwinPlatform.Rendering.Tests;

/// <summary>Generated surfaces for the tests, with a scalar field along x.</summary>
internal static class TestMeshes
{
    /// <summary>
    /// An axis-aligned box centred at the origin with each face tessellated into n x n quads (two
    /// triangles each); faces do not share vertices, as a surface extracted per face would not.
    /// Outward winding. The field is x in metres.
    /// </summary>
    public static SurfaceMeshDescription Box(double sizeX, double sizeY, double sizeZ, int n, string fieldName = "x position", string unit = "m")
    {
        var positions = new List<double>();
        var triangles = new List<int>();
        var half = new[] { sizeX / 2, sizeY / 2, sizeZ / 2 };
        for (var axis = 0; axis < 3; axis++)
        {
            for (var sign = -1; sign <= 1; sign += 2)
            {
                var u = (axis + 1) % 3;
                var v = (axis + 2) % 3;
                var start = positions.Count / 3;
                for (var j = 0; j <= n; j++)
                {
                    for (var i = 0; i <= n; i++)
                    {
                        var p = new double[3];
                        p[axis] = sign * half[axis];
                        p[u] = -half[u] + (2 * half[u] * i / n);
                        p[v] = -half[v] + (2 * half[v] * j / n);
                        positions.AddRange(p);
                    }
                }

                for (var j = 0; j < n; j++)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var a = start + (j * (n + 1)) + i;
                        var b = a + 1;
                        var c = a + n + 1;
                        var d = c + 1;

                        // (u, v, axis) is right-handed, so u x v points along +axis: flip for the negative face.
                        if (sign > 0)
                        {
                            triangles.AddRange([a, b, d, a, d, c]);
                        }
                        else
                        {
                            triangles.AddRange([a, d, b, a, c, d]);
                        }
                    }
                }
            }
        }

        return WithFieldAlongX([.. positions], [.. triangles], fieldName, unit);
    }

    /// <summary>A UV sphere of the given radius centred at the origin, one vertex at each pole, closed; the field is x.</summary>
    public static SurfaceMeshDescription Sphere(double radius, int stacks, int slices)
    {
        var positions = new List<double> { 0, 0, radius };
        var triangles = new List<int>();
        for (var i = 1; i < stacks; i++)
        {
            var phi = Math.PI * i / stacks;
            for (var j = 0; j < slices; j++)
            {
                var theta = 2 * Math.PI * j / slices;
                positions.Add(radius * Math.Sin(phi) * Math.Cos(theta));
                positions.Add(radius * Math.Sin(phi) * Math.Sin(theta));
                positions.Add(radius * Math.Cos(phi));
            }
        }

        positions.AddRange([0, 0, -radius]);
        var south = (positions.Count / 3) - 1;

        // Ring i (1..stacks-1) starts at vertex 1 + (i - 1) * slices. Outward winding throughout.
        int Ring(int i, int j) => 1 + ((i - 1) * slices) + (j % slices);
        for (var j = 0; j < slices; j++)
        {
            triangles.AddRange([0, Ring(1, j), Ring(1, j + 1)]);
            triangles.AddRange([south, Ring(stacks - 1, j + 1), Ring(stacks - 1, j)]);
        }

        for (var i = 1; i < stacks - 1; i++)
        {
            for (var j = 0; j < slices; j++)
            {
                int a = Ring(i, j), b = Ring(i, j + 1), c = Ring(i + 1, j), d = Ring(i + 1, j + 1);
                triangles.AddRange([a, c, d, a, d, b]);
            }
        }

        return WithFieldAlongX([.. positions], [.. triangles], "x position", "m");
    }

    private static SurfaceMeshDescription WithFieldAlongX(double[] positions, int[] triangles, string name, string unit)
    {
        var values = new double[positions.Length / 3];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = positions[3 * i];
        }

        return new SurfaceMeshDescription(positions, triangles, new ScalarFieldDescription(name, unit, values));
    }
}

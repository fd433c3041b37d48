using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;
using Xunit.Abstractions;

namespace TwinPlatform.Simulation.Tests;

/// <summary>
/// Every element kernel on one distorted element: shape functions, stiffness (symmetry, rigid-body null space,
/// rank), consistent mass (total rho V, positive definite), stress extrapolation, and the CalculiX face numbering.
/// </summary>
public sealed class ElementLibraryTests(ITestOutputHelper output)
{
    public static TheoryData<ElementType> Types => [.. StructuredMeshes.AllTypes];

    [Theory]
    [MemberData(nameof(Types))]
    public void EvaluateShape_AtNodes_IsKroneckerAndDerivativesMatchFiniteDifferences(ElementType type)
    {
        var rules = ElementRules.Of(type);
        var n = rules.NodeCount;
        var natural = NaturalNodes(type);
        Span<double> shape = stackalloc double[n];
        Span<double> d = stackalloc double[3 * n];
        for (var a = 0; a < n; a++)
        {
            rules.Shape(natural[3 * a], natural[(3 * a) + 1], natural[(3 * a) + 2], shape, d);
            for (var b = 0; b < n; b++)
            {
                Assert.Equal(a == b ? 1 : 0, shape[b], 1e-14);
            }
        }

        // At an interior point: partition of unity, derivatives sum to zero and match central differences (1e-7).
        double r = 0.21, s = 0.17, t = type is ElementType.Tet4 or ElementType.Tet10 ? 0.23 : -0.31;
        rules.Shape(r, s, t, shape, d);
        Assert.Equal(1, Sum(shape), 1e-14);
        Span<double> plus = stackalloc double[n];
        Span<double> minus = stackalloc double[n];
        Span<double> scratch = stackalloc double[3 * n];
        const double h = 1e-6;
        for (var k = 0; k < 3; k++)
        {
            double dr = k == 0 ? h : 0, ds = k == 1 ? h : 0, dt = k == 2 ? h : 0;
            rules.Shape(r + dr, s + ds, t + dt, plus, scratch);
            rules.Shape(r - dr, s - ds, t - dt, minus, scratch);
            var sum = 0.0;
            for (var a = 0; a < n; a++)
            {
                Assert.Equal((plus[a] - minus[a]) / (2 * h), d[(3 * a) + k], 1e-7);
                sum += d[(3 * a) + k];
            }

            Assert.Equal(0, sum, 1e-13);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Stiffness_DistortedElement_SymmetricWithExactlySixZeroModes(ElementType type)
    {
        var xyz = DistortedElement(type);
        var n = type.NodesPerElement();
        var size = 3 * n;
        var ke = new double[size * size];

        Assert.True(Kernel(type, xyz, ke));

        var max = ke.Max(Math.Abs);
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                Assert.Equal(ke[(i * size) + j], ke[(j * size) + i], 1e-13 * max);
            }
        }

        // Rigid-body motions are in the null space to 1e-12 of |K| |r|.
        foreach (var mode in RigidModes(xyz, n))
        {
            for (var i = 0; i < size; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < size; j++)
                {
                    sum += ke[(i * size) + j] * mode[j];
                }

                Assert.True(Math.Abs(sum) < 1e-12 * max * size, $"row {i}: {sum:G3}");
            }
        }

        // Zero eigenvalues (below 1e-10 of the largest): the 6 rigid-body modes, plus the known spurious modes of the
        // under-integrated elements CalculiX uses as they are: a lone C3D20R has 6, a lone C3D6 (2 points) has 1. They
        // are not communicable through a mesh (patch, cantilever and frequency tests on C3D20R and C3D6 meshes).
        var values = new double[size];
        SymmetricEigen.Jacobi((double[])ke.Clone(), size, values, new double[size * size]);
        var largest = values.Max();
        var zero = values.Count(v => v < 1e-10 * largest);
        output.WriteLine($"{type}: {zero} zero eigenvalues of {size}");
        Assert.Equal(type switch { ElementType.Hex20Reduced => 12, ElementType.Wedge6 => 7, _ => 6 }, zero);
        Assert.True(values.Min() > -1e-10 * largest);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Mass_DistortedElement_TotalIsDensityTimesVolumeAndPositiveDefinite(ElementType type)
    {
        var xyz = DistortedElement(type);
        var rules = ElementRules.Of(type);
        var n = rules.NodeCount;
        var size = 3 * n;
        var me = new double[size * size];
        const double rho = 7850;

        Assert.True(ElementIntegrals.Mass(rules, xyz, rho, me));

        var integrals = new double[n];
        var volume = ElementIntegrals.ShapeIntegrals(rules, xyz, integrals);
        Assert.Equal(volume, integrals.Sum(), 1e-14);

        // u^T M u for a unit translation along each axis = rho V (invariant of the consistent mass), to 1e-12.
        for (var c = 0; c < 3; c++)
        {
            var total = 0.0;
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    total += me[(((3 * a) + c) * size) + (3 * b) + c];
                }
            }

            Assert.Equal(rho * volume, total, 1e-12 * rho * volume);
        }

        // No coupling between components; symmetric; positive definite.
        Assert.Equal(0, me[1], 0);
        var values = new double[size];
        SymmetricEigen.Jacobi((double[])me.Clone(), size, values, new double[size * size]);
        Assert.True(values.Min() > 0, $"smallest mass eigenvalue {values.Min():G3}");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Mass_ReferenceCubeOrTetrahedron_MatchesTheAnalyticConsistentMass(ElementType type)
    {
        // Straight reference element: M_ab = rho ∫ N_a N_b dV computed independently with a 5-point-per-direction rule.
        var rules = ElementRules.Of(type);
        var n = rules.NodeCount;
        var xyz = NaturalNodes(type);
        var me = new double[9 * n * n];
        Assert.True(ElementIntegrals.Mass(rules, xyz, 1, me));
        var reference = ReferenceMass(type);
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                Assert.Equal(reference[(a * n) + b], me[(3 * a * 3 * n) + (3 * b)], 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void ExtrapolateToCorners_LinearField_IsExact(ElementType type)
    {
        var rules = ElementRules.Of(type);
        var points = rules.Stiffness.PointCount;
        var natural = NaturalNodes(type);
        var values = new double[points];

        // f = 1 + 2 r - 3 s + 5 t is linear; the 2-point C3D6 rule only holds f = 1 + 5 t (constant over the
        // triangle) and the 1-point C3D4 rule a constant.
        var wedge6 = type == ElementType.Wedge6;
        var tet4 = type == ElementType.Tet4;
        for (var p = 0; p < points; p++)
        {
            var ip = rules.Stiffness.Points[p];
            values[p] = tet4 ? 1 : Field(ip.R, ip.S, ip.T, wedge6);
        }

        var corners = new double[rules.CornerCount];
        rules.Extrapolate(values, 1, corners);
        for (var c = 0; c < corners.Length; c++)
        {
            Assert.Equal(tet4 ? 1 : Field(natural[3 * c], natural[(3 * c) + 1], natural[(3 * c) + 2], wedge6), corners[c], 1e-12);
        }

        static double Field(double r, double s, double t, bool constantInPlane) => constantInPlane ? 1 + (5 * t) : 1 + (2 * r) - (3 * s) + (5 * t);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void FaceNodes_ReferenceElement_OutwardCorrectPlaneAndMidEdgeNodes(ElementType type)
    {
        var xyz = NaturalNodes(type);
        var n = type.NodesPerElement();
        double cx = 0, cy = 0, cz = 0;
        var corners = type.CornersPerElement();
        for (var a = 0; a < corners; a++)
        {
            cx += xyz[3 * a] / corners;
            cy += xyz[(3 * a) + 1] / corners;
            cz += xyz[(3 * a) + 2] / corners;
        }

        for (var f = 1; f <= type.FaceCount(); f++)
        {
            var nodes = type.FaceNodes(f).ToArray();
            var faceType = type.FaceTypeOf(f);
            var c = faceType is FaceType.Tri3 or FaceType.Tri6 ? 3 : 4;
            Assert.Equal(n > corners ? 2 * c : c, nodes.Length);

            // Newell normal of the corner polygon points away from the element centre.
            double nx = 0, ny = 0, nz = 0, fx = 0, fy = 0, fz = 0;
            for (var k = 0; k < c; k++)
            {
                int i = nodes[k], j = nodes[(k + 1) % c];
                nx += (xyz[(3 * i) + 1] - xyz[(3 * j) + 1]) * (xyz[(3 * i) + 2] + xyz[(3 * j) + 2]);
                ny += (xyz[(3 * i) + 2] - xyz[(3 * j) + 2]) * (xyz[3 * i] + xyz[3 * j]);
                nz += (xyz[3 * i] - xyz[3 * j]) * (xyz[(3 * i) + 1] + xyz[(3 * j) + 1]);
                fx += xyz[3 * i] / c;
                fy += xyz[(3 * i) + 1] / c;
                fz += xyz[(3 * i) + 2] / c;
            }

            Assert.True((nx * (fx - cx)) + (ny * (fy - cy)) + (nz * (fz - cz)) > 0, $"{type} S{f} normal points inward");

            // All face nodes on the face plane; mid-edge node k between corners k and k+1.
            foreach (var a in nodes)
            {
                var distance = (nx * (xyz[3 * a] - fx)) + (ny * (xyz[(3 * a) + 1] - fy)) + (nz * (xyz[(3 * a) + 2] - fz));
                Assert.Equal(0, distance, 1e-12);
            }

            for (var k = 0; k < nodes.Length - c; k++)
            {
                int a = nodes[k], b = nodes[(k + 1) % c], m = nodes[c + k];
                for (var i = 0; i < 3; i++)
                {
                    Assert.Equal(0.5 * (xyz[(3 * a) + i] + xyz[(3 * b) + i]), xyz[(3 * m) + i], 1e-14);
                }
            }
        }
    }

    [Fact]
    public void FaceNodes_CalculixNumbering_MatchesTheManualTables()
    {
        // CalculiX manual (1-based): C3D8 S3 = 1-5-6-2 face, i.e. nodes {1,2,5,6}; C3D6 S1 = 1-2-3, S3 = 1-2-5-4; C3D4 S4 = 1-4-3.
        Assert.Equal([0, 1, 5, 4], ElementType.Hex8.FaceNodes(3).ToArray());
        Assert.Equal([3, 2, 1, 0, 10, 9, 8, 11], ElementType.Hex20.FaceNodes(1).ToArray());
        Assert.Equal([0, 1, 4, 3, 6, 13, 9, 12], ElementType.Wedge15.FaceNodes(3).ToArray());
        Assert.Equal([0, 3, 2], ElementType.Tet4.FaceNodes(4).ToArray());
        Assert.Equal(FaceType.Tri6, ElementType.Wedge15.FaceTypeOf(2));
        Assert.Equal(FaceType.Quad4, ElementType.Wedge6.FaceTypeOf(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ElementType.Tet10.FaceNodes(5).ToArray());
    }

    [Fact]
    public void CalculixNames_RoundTripAndVtkTypes()
    {
        foreach (var type in StructuredMeshes.AllTypes)
        {
            Assert.True(ElementTypeExtensions.TryParseCalculix(type.CalculixName().ToLowerInvariant(), out var parsed));
            Assert.Equal(type, parsed);
        }

        Assert.False(ElementTypeExtensions.TryParseCalculix("C3D8R", out _));
        Assert.Equal(25, ElementType.Hex20Reduced.VtkCellType());
        Assert.Equal(13, ElementType.Wedge6.VtkCellType());
    }

    internal static double[] NaturalNodes(ElementType type)
    {
        var n = type.NodesPerElement();
        var source = type switch
        {
            ElementType.Tet4 or ElementType.Tet10 => TetrahedronShapes.NodeCoordinates,
            ElementType.Wedge6 or ElementType.Wedge15 => WedgeShapes.NodeCoordinates,
            _ => HexahedronShapes.NodeCoordinates,
        };
        return source[..(3 * n)].ToArray();
    }

    /// <summary>The reference element's nodes moved by up to 15 % (corners), mid-edge nodes at edge midpoints.</summary>
    internal static double[] DistortedElement(ElementType type)
    {
        var xyz = NaturalNodes(type);
        var random = new Random(17);
        var corners = type.CornersPerElement();
        for (var i = 0; i < 3 * corners; i++)
        {
            xyz[i] = (1.3 * xyz[i]) + (0.15 * ((2 * random.NextDouble()) - 1));
        }

        var edges = StructuredMeshes.EdgeCorners(type);
        for (var m = 0; m < edges.Length / 2; m++)
        {
            for (var i = 0; i < 3; i++)
            {
                xyz[(3 * (corners + m)) + i] = 0.5 * (xyz[(3 * edges[2 * m]) + i] + xyz[(3 * edges[(2 * m) + 1]) + i]);
            }
        }

        return xyz;
    }

    private static bool Kernel(ElementType type, double[] xyz, double[] ke) => type switch
    {
        ElementType.Tet4 => default(Tet4Kernel).Stiffness(xyz, 1.2e11, 0.8e11, ke),
        ElementType.Tet10 => default(Tet10Kernel).Stiffness(xyz, 1.2e11, 0.8e11, ke),
        ElementType.Hex8 => default(Hex8Kernel).Stiffness(xyz, 1.2e11, 0.8e11, ke),
        ElementType.Hex20 => default(Hex20Kernel).Stiffness(xyz, 1.2e11, 0.8e11, ke),
        ElementType.Hex20Reduced => default(Hex20ReducedKernel).Stiffness(xyz, 1.2e11, 0.8e11, ke),
        ElementType.Wedge6 => default(Wedge6Kernel).Stiffness(xyz, 1.2e11, 0.8e11, ke),
        _ => default(Wedge15Kernel).Stiffness(xyz, 1.2e11, 0.8e11, ke),
    };

    private static IEnumerable<double[]> RigidModes(double[] xyz, int n)
    {
        for (var mode = 0; mode < 6; mode++)
        {
            var r = new double[3 * n];
            for (var a = 0; a < n; a++)
            {
                double x = xyz[3 * a], y = xyz[(3 * a) + 1], z = xyz[(3 * a) + 2];
                switch (mode)
                {
                    case < 3:
                        r[(3 * a) + mode] = 1;
                        break;
                    case 3:
                        r[(3 * a) + 1] = -z;
                        r[(3 * a) + 2] = y;
                        break;
                    case 4:
                        r[3 * a] = z;
                        r[(3 * a) + 2] = -x;
                        break;
                    default:
                        r[3 * a] = -y;
                        r[(3 * a) + 1] = x;
                        break;
                }
            }

            yield return r;
        }
    }

    /// <summary>∫ N_a N_b over the reference element by a 5 x 5 x 5 Gauss rule on the cube (collapsed for tetrahedra and wedges).</summary>
    private static double[] ReferenceMass(ElementType type)
    {
        var rules = ElementRules.Of(type);
        var n = rules.NodeCount;
        double[] x = [-0.9061798459386640, -0.5384693101056831, 0, 0.5384693101056831, 0.9061798459386640];
        double[] w = [0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891];
        var m = new double[n * n];
        var shape = new double[n];
        var d = new double[3 * n];
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                for (var k = 0; k < 5; k++)
                {
                    double r, s, t, weight = w[i] * w[j] * w[k];
                    double u = 0.5 * (x[i] + 1), v = 0.5 * (x[j] + 1), q = 0.5 * (x[k] + 1);
                    switch (type)
                    {
                        case ElementType.Tet4 or ElementType.Tet10:
                            (r, s, t) = (u * (1 - v) * (1 - q), v * (1 - q), q);
                            weight *= 0.125 * (1 - v) * (1 - q) * (1 - q);
                            break;
                        case ElementType.Wedge6 or ElementType.Wedge15:
                            (r, s, t) = (u * (1 - v), v, x[k]);
                            weight *= 0.25 * (1 - v);
                            break;
                        default:
                            (r, s, t) = (x[i], x[j], x[k]);
                            break;
                    }

                    rules.Shape(r, s, t, shape, d);
                    for (var a = 0; a < n; a++)
                    {
                        for (var b = 0; b < n; b++)
                        {
                            m[(a * n) + b] += weight * shape[a] * shape[b];
                        }
                    }
                }
            }
        }

        return m;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var s = 0.0;
        foreach (var v in values)
        {
            s += v;
        }

        return s;
    }
}

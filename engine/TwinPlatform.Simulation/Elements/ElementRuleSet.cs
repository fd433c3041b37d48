using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// Everything tabulated for one element type: shape functions, the stiffness rule (also for strains,
/// stresses, conduction and thermal loads), the mass rule (exact for the consistent mass of an undistorted
/// element; also for body loads), the weights giving the temperature of the thermal strain at the stiffness
/// points, and the extrapolation from the stiffness points to the corners.
/// </summary>
internal sealed class ElementRuleSet
{
    /// <param name="type">Element type.</param>
    /// <param name="shape">Shape functions.</param>
    /// <param name="stiffnessPoints">Stiffness rule.</param>
    /// <param name="massPoints">Mass rule.</param>
    /// <param name="extrapolationBasis">One polynomial basis function per stiffness point, for the extrapolation to the corners; null with <paramref name="fitAllNodes"/>.</param>
    /// <param name="cornerCoordinates">Natural coordinates of the corners, 3 per corner.</param>
    /// <param name="thermalWeights">
    /// Temperature weights, NodeCount per stiffness point, for the thermal strain; null to interpolate the temperature
    /// with the shape functions.
    /// </param>
    /// <param name="fitAllNodes">
    /// True to take the values at every node from the least-squares fit of the point values by the element's own
    /// shape functions (needs more points than nodes); false to extrapolate to the corners with
    /// <paramref name="extrapolationBasis"/> and give each mid-edge node the mean of its edge's corners.
    /// </param>
    public ElementRuleSet(ElementType type, ShapeFunction shape, IntegrationPoint[] stiffnessPoints, IntegrationPoint[] massPoints, Action<double, double, double, double[]>? extrapolationBasis, ReadOnlySpan<double> cornerCoordinates, double[]? thermalWeights = null, bool fitAllNodes = false)
    {
        Type = type;
        NodeCount = type.NodesPerElement();
        CornerCount = type.CornersPerElement();
        Shape = shape;
        Stiffness = new ShapeTable(NodeCount, stiffnessPoints, shape);
        Mass = new ShapeTable(NodeCount, massPoints, shape);
        ThermalWeights = thermalWeights ?? Stiffness.Shapes;
        if (ThermalWeights.Length != stiffnessPoints.Length * NodeCount)
        {
            throw new ArgumentException("one temperature weight per node and stiffness point is needed", nameof(thermalWeights));
        }

        if (fitAllNodes)
        {
            NodeFit = BuildLeastSquaresFit(Stiffness);
            Extrapolation = NodeFit[..(CornerCount * stiffnessPoints.Length)];
        }
        else
        {
            ArgumentNullException.ThrowIfNull(extrapolationBasis);
            Extrapolation = BuildExtrapolation(stiffnessPoints, extrapolationBasis, cornerCoordinates, CornerCount);
        }
    }

    /// <summary>Element type.</summary>
    public ElementType Type { get; }

    /// <summary>Nodes per element.</summary>
    public int NodeCount { get; }

    /// <summary>Corners per element.</summary>
    public int CornerCount { get; }

    /// <summary>Shape functions.</summary>
    public ShapeFunction Shape { get; }

    /// <summary>Stiffness rule.</summary>
    public ShapeTable Stiffness { get; }

    /// <summary>Mass rule.</summary>
    public ShapeTable Mass { get; }

    /// <summary>
    /// dT at stiffness point p = sum_a ThermalWeights[p NodeCount + a] dT_a: the temperature that enters the thermal
    /// strain (shape functions unless the element type needs a lower-order temperature field, see <see cref="ElementRules"/>).
    /// </summary>
    public double[] ThermalWeights { get; }

    /// <summary>Temperature weights at stiffness point <paramref name="p"/>.</summary>
    public ReadOnlySpan<double> ThermalWeightsAt(int p) => new(ThermalWeights, p * NodeCount, NodeCount);

    /// <summary>Corner value c = sum_p E[c, p] v_p, row-major CornerCount x points.</summary>
    public double[] Extrapolation { get; }

    /// <summary>
    /// Value at node a = sum_p F[a, p] v_p, row-major NodeCount x points, with F = (Nᵀ N)^-1 Nᵀ and N[p, a] the shape
    /// functions at the stiffness points: the least-squares fit by the element's interpolation, evaluated at the nodes
    /// (C3D20: the same numbers as CalculiX's extrapolate.f). Null when mid-edge nodes take the mean of their corners.
    /// </summary>
    public double[]? NodeFit { get; }

    /// <summary>Extrapolates point values (<paramref name="components"/> per point) to the corners.</summary>
    public void Extrapolate(ReadOnlySpan<double> pointValues, int components, Span<double> cornerValues)
    {
        var points = Stiffness.PointCount;
        var e = Extrapolation;
        for (var c = 0; c < CornerCount; c++)
        {
            for (var k = 0; k < components; k++)
            {
                var sum = 0.0;
                for (var p = 0; p < points; p++)
                {
                    sum += e[(c * points) + p] * pointValues[(p * components) + k];
                }

                cornerValues[(c * components) + k] = sum;
            }
        }
    }

    /// <summary>
    /// E = B_c V^-1 where V[p, j] = basis_j(point p) is square (one basis function per point) and B_c[c, j] =
    /// basis_j(corner c): the polynomial through the point values evaluated at the corners.
    /// </summary>
    private static double[] BuildExtrapolation(IntegrationPoint[] points, Action<double, double, double, double[]> basis, ReadOnlySpan<double> corners, int cornerCount)
    {
        var n = points.Length;
        var v = new double[n * n];
        var row = new double[n];
        for (var p = 0; p < n; p++)
        {
            basis(points[p].R, points[p].S, points[p].T, row);
            Array.Copy(row, 0, v, p * n, n);
        }

        var inverse = DenseInverse(v, n);
        var e = new double[cornerCount * n];
        for (var c = 0; c < cornerCount; c++)
        {
            basis(corners[3 * c], corners[(3 * c) + 1], corners[(3 * c) + 2], row);
            for (var p = 0; p < n; p++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    sum += row[j] * inverse[(j * n) + p];
                }

                e[(c * n) + p] = sum;
            }
        }

        return e;
    }

    /// <summary>F = (Nᵀ N)^-1 Nᵀ, NodeCount x points, from the shape values of <paramref name="table"/>.</summary>
    private static double[] BuildLeastSquaresFit(ShapeTable table)
    {
        int n = table.NodeCount, points = table.PointCount;
        var normal = new double[n * n];
        for (var p = 0; p < points; p++)
        {
            var shape = table.ShapesAt(p);
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    normal[(a * n) + b] += shape[a] * shape[b];
                }
            }
        }

        var inverse = DenseInverse(normal, n);
        var fit = new double[n * points];
        for (var a = 0; a < n; a++)
        {
            for (var p = 0; p < points; p++)
            {
                var shape = table.ShapesAt(p);
                var sum = 0.0;
                for (var b = 0; b < n; b++)
                {
                    sum += inverse[(a * n) + b] * shape[b];
                }

                fit[(a * points) + p] = sum;
            }
        }

        return fit;
    }

    /// <summary>Inverse by Gauss-Jordan elimination with partial pivoting (setup only, n &lt;= 27).</summary>
    private static double[] DenseInverse(double[] a, int n)
    {
        var m = (double[])a.Clone();
        var inv = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            inv[(i * n) + i] = 1;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[(r * n) + col]) > Math.Abs(m[(pivot * n) + col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(m[(pivot * n) + col]) < 1e-14)
            {
                throw new InvalidOperationException("extrapolation basis is singular at the integration points");
            }

            for (var k = 0; k < n; k++)
            {
                (m[(col * n) + k], m[(pivot * n) + k]) = (m[(pivot * n) + k], m[(col * n) + k]);
                (inv[(col * n) + k], inv[(pivot * n) + k]) = (inv[(pivot * n) + k], inv[(col * n) + k]);
            }

            var d = 1 / m[(col * n) + col];
            for (var k = 0; k < n; k++)
            {
                m[(col * n) + k] *= d;
                inv[(col * n) + k] *= d;
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = m[(r * n) + col];
                if (f == 0)
                {
                    continue;
                }

                for (var k = 0; k < n; k++)
                {
                    m[(r * n) + k] -= f * m[(col * n) + k];
                    inv[(r * n) + k] -= f * inv[(col * n) + k];
                }
            }
        }

        return inv;
    }
}

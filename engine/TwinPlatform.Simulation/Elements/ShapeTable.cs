namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// A quadrature rule with the element's shape functions and natural derivatives tabulated at its points
/// (built once per element type; read-only afterwards, so shared by all threads).
/// </summary>
internal sealed class ShapeTable
{
    public ShapeTable(int nodeCount, IntegrationPoint[] points, ShapeFunction shape)
    {
        NodeCount = nodeCount;
        Points = points;
        Weights = new double[points.Length];
        Shapes = new double[points.Length * nodeCount];
        Derivatives = new double[points.Length * 3 * nodeCount];
        for (var p = 0; p < points.Length; p++)
        {
            Weights[p] = points[p].Weight;
            shape(points[p].R, points[p].S, points[p].T, Shapes.AsSpan(p * nodeCount, nodeCount), Derivatives.AsSpan(p * 3 * nodeCount, 3 * nodeCount));
        }
    }

    /// <summary>Nodes per element.</summary>
    public int NodeCount { get; }

    /// <summary>Number of points.</summary>
    public int PointCount => Points.Length;

    /// <summary>The points.</summary>
    public IntegrationPoint[] Points { get; }

    /// <summary>Weight of each point (they sum to the reference volume).</summary>
    public double[] Weights { get; }

    /// <summary>Shape-function values, <see cref="NodeCount"/> per point.</summary>
    public double[] Shapes { get; }

    /// <summary>Natural derivatives, 3 <see cref="NodeCount"/> per point.</summary>
    public double[] Derivatives { get; }

    /// <summary>Shape values at point <paramref name="p"/>.</summary>
    public ReadOnlySpan<double> ShapesAt(int p) => new(Shapes, p * NodeCount, NodeCount);

    /// <summary>Natural derivatives at point <paramref name="p"/>.</summary>
    public ReadOnlySpan<double> DerivativesAt(int p) => new(Derivatives, p * 3 * NodeCount, 3 * NodeCount);
}

namespace TwinPlatform.Simulation.Elements;

/// <summary>Gauss-Legendre points and weights on [-1, 1] (n points integrate degree 2n - 1 exactly).</summary>
internal static class GaussLegendre
{
    private static readonly double[] Point2 = [-0.57735026918962576, 0.57735026918962576];
    private static readonly double[] Weight2 = [1.0, 1.0];
    private static readonly double[] Point3 = [-0.77459666924148338, 0.0, 0.77459666924148338];
    private static readonly double[] Weight3 = [5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0];
    private static readonly double[] Point4 = [-0.86113631159405258, -0.33998104358485626, 0.33998104358485626, 0.86113631159405258];
    private static readonly double[] Weight4 = [0.34785484513745386, 0.65214515486254614, 0.65214515486254614, 0.34785484513745386];

    /// <summary>Points of the n-point rule, ascending.</summary>
    public static double[] Points(int n) => n switch
    {
        1 => [0.0],
        2 => Point2,
        3 => Point3,
        4 => Point4,
        _ => throw new ArgumentOutOfRangeException(nameof(n), n, "1 to 4 points"),
    };

    /// <summary>Weights of the n-point rule.</summary>
    public static double[] Weights(int n) => n switch
    {
        1 => [2.0],
        2 => Weight2,
        3 => Weight3,
        4 => Weight4,
        _ => throw new ArgumentOutOfRangeException(nameof(n), n, "1 to 4 points"),
    };
}

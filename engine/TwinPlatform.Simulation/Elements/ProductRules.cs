namespace TwinPlatform.Simulation.Elements;

/// <summary>Quadrature rules built as products: Gauss cubes, triangle x Gauss wedges, collapsed-cube tetrahedra.</summary>
internal static class ProductRules
{
    /// <summary>The n x n x n Gauss rule on [-1, 1]^3, r fastest, then s, then t (CalculiX's order).</summary>
    public static IntegrationPoint[] Hexahedron(int n)
    {
        var x = GaussLegendre.Points(n);
        var w = GaussLegendre.Weights(n);
        var points = new IntegrationPoint[n * n * n];
        var k = 0;
        for (var c = 0; c < n; c++)
        {
            for (var b = 0; b < n; b++)
            {
                for (var a = 0; a < n; a++)
                {
                    points[k++] = new IntegrationPoint(x[a], x[b], x[c], w[a] * w[b] * w[c]);
                }
            }
        }

        return points;
    }

    /// <summary>A triangle rule (xi, eta, weight triples, weights summing to 1/2) times the n-point Gauss rule in t; triangle points fastest.</summary>
    public static IntegrationPoint[] Wedge(ReadOnlySpan<double> triangle, int n)
    {
        var x = GaussLegendre.Points(n);
        var w = GaussLegendre.Weights(n);
        var count = triangle.Length / 3;
        var points = new IntegrationPoint[count * n];
        var k = 0;
        for (var c = 0; c < n; c++)
        {
            for (var q = 0; q < count; q++)
            {
                points[k++] = new IntegrationPoint(triangle[3 * q], triangle[(3 * q) + 1], x[c], triangle[(3 * q) + 2] * w[c]);
            }
        }

        return points;
    }

    /// <summary>
    /// Tetrahedron rule from Gauss rules on the cube collapsed by r = u (1 - v)(1 - w), s = v (1 - w), t = w with
    /// Jacobian (1 - v)(1 - w)^2 (Stroud's conical product with Legendre points): positive weights, exact for
    /// polynomials of degree 2 nu - 1 in r (and one degree less in s, two less in t, per direction count).
    /// </summary>
    public static IntegrationPoint[] CollapsedTetrahedron(int nu, int nv, int nw)
    {
        var xu = GaussLegendre.Points(nu);
        var wu = GaussLegendre.Weights(nu);
        var xv = GaussLegendre.Points(nv);
        var wv = GaussLegendre.Weights(nv);
        var xw = GaussLegendre.Points(nw);
        var ww = GaussLegendre.Weights(nw);
        var points = new IntegrationPoint[nu * nv * nw];
        var k = 0;
        for (var c = 0; c < nw; c++)
        {
            var w = 0.5 * (xw[c] + 1);
            for (var b = 0; b < nv; b++)
            {
                var v = 0.5 * (xv[b] + 1);
                for (var a = 0; a < nu; a++)
                {
                    var u = 0.5 * (xu[a] + 1);

                    // Map [-1, 1] to [0, 1] in each direction: factor 1/8 on the weights.
                    var weight = 0.125 * wu[a] * wv[b] * ww[c] * (1 - v) * (1 - w) * (1 - w);
                    points[k++] = new IntegrationPoint(u * (1 - v) * (1 - w), v * (1 - w), w, weight);
                }
            }
        }

        return points;
    }
}

using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Tests;

public sealed class SymmetricTensorTests
{
    [Fact]
    public void VonMises_UniaxialAndPureShear_MatchClosedForms()
    {
        Assert.Equal(250e6, new SymmetricTensor(-250e6, 0, 0, 0, 0, 0).VonMises, 1e-6);
        Assert.Equal(Math.Sqrt(3) * 100e6, new SymmetricTensor(0, 0, 0, 0, 100e6, 0).VonMises, 1e-6);

        // Hydrostatic stress has no von Mises part.
        Assert.Equal(0, new SymmetricTensor(5, 5, 5, 0, 0, 0).VonMises, 1e-12);
    }

    [Fact]
    public void Principal_RotatedDiagonalTensor_RecoversEigenvalues()
    {
        // R diag(3, -1, 2) R^T with R a rotation by 30 degrees about z.
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        var t = new SymmetricTensor((3 * c * c) + (-1 * s * s), (3 * s * s) + (-1 * c * c), 2, (3 + 1) * c * s, 0, 0);

        var p = t.Principal();

        // Closed-form eigenvalues to 1e-12.
        Assert.Equal(3, p.Max, 1e-12);
        Assert.Equal(2, p.Mid, 1e-12);
        Assert.Equal(-1, p.Min, 1e-12);
        Assert.Equal(t.Trace, p.Max + p.Mid + p.Min, 1e-12);
    }

    [Fact]
    public void Principal_RepeatedEigenvalues_AreStable()
    {
        var p = new SymmetricTensor(2, 2, 2, 0, 0, 0).Principal();
        Assert.Equal(2, p.Max, 1e-12);
        Assert.Equal(2, p.Min, 1e-12);

        var q = new SymmetricTensor(1, 1, 4, 0, 0, 0).Principal();
        Assert.Equal(4, q.Max, 1e-12);
        Assert.Equal(1, q.Mid, 1e-12);
        Assert.Equal(1, q.Min, 1e-12);
    }

    [Fact]
    public void Normal_Direction_IsDTransposeTD()
    {
        var t = new SymmetricTensor(1, 2, 3, 0.5, 0, 0);

        // Along (1, 1, 0)/sqrt 2: (1 + 2)/2 + 0.5 = 2; along z: 3. The direction is normalised first.
        Assert.Equal(2, t.Normal(new Vector3d(3, 3, 0)), 1e-14);
        Assert.Equal(3, t.Normal(new Vector3d(0, 0, -2)), 1e-14);
    }
}

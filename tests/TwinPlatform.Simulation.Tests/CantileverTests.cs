using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Gmsh;
using TwinPlatform.Simulation.Meshing;
using Xunit.Abstractions;

namespace TwinPlatform.Simulation.Tests;

/// <summary>
/// Cantilever 200 x 20 x 20 mm, E = 210 GPa, nu = 0.3, clamped at x = 0, end load P = 1 kN along -z
/// spread over the tip face. Reference: Timoshenko beam, tip deflection P L^3 / (3 E I) + P L / (k G A)
/// with k = 5/6, bending stress M c / I.
/// </summary>
public sealed class CantileverTests(ITestOutputHelper output)
{
    private const double L = 0.2;
    private const double B = 0.02;
    private const double H = 0.02;
    private const double E = 210e9;
    private const double Nu = 0.3;
    private const double P = 1000;

    private static readonly Lazy<Mesh> Tet10Mesh = new(() => Generate(2, 0.004));
    private static readonly Lazy<StaticResults> IcResults = new(() => SolveCantilever(Tet10Mesh.Value, PreconditionerKind.IncompleteCholesky));
    private static readonly Lazy<StaticResults> JacobiResults = new(() => SolveCantilever(Tet10Mesh.Value, PreconditionerKind.Jacobi));
    private static readonly Vector3d Tip = new(L, 0, 0);

    private static double I => B * H * H * H / 12;

    private static double ExpectedTipDeflection => (P * L * L * L / (3 * E * I)) + (P * L / (5.0 / 6.0 * (E / (2 * (1 + Nu))) * B * H));

    [Theory]
    [InlineData(PreconditionerKind.IncompleteCholesky)]
    [InlineData(PreconditionerKind.Jacobi)]
    public void Solve_Tet10EndLoad_TipDeflectionWithin2PercentOfTimoshenko(PreconditionerKind preconditioner)
    {
        var results = preconditioner == PreconditionerKind.Jacobi ? JacobiResults.Value : IcResults.Value;
        var deflection = -results.LoadCases[0].DisplacementAt(Tip).Z;
        var error = (deflection - ExpectedTipDeflection) / ExpectedTipDeflection;
        Report(results, $"tip deflection {deflection * 1e3:F5} mm vs {ExpectedTipDeflection * 1e3:F5} mm ({100 * error:+0.00;-0.00} %)");

        // Tolerance: 2 % of the Timoshenko value.
        Assert.InRange(error, -0.02, 0.02);
    }

    [Fact]
    public void Probe_Tet10MidSpanTopFibre_BendingStressWithin3PercentOfMcOverI()
    {
        var results = IcResults.Value;
        var x = L / 2;
        var expected = P * (L - x) * (H / 2) / I;
        var probe = results.LoadCases[0].Probe(new Vector3d(x, 0, H / 2));
        var error = (probe.Stress.XX - expected) / expected;
        output.WriteLine($"sigma_xx at mid-span top fibre: {probe.Stress.XX / 1e6:F3} MPa vs M c / I = {expected / 1e6:F3} MPa ({100 * error:+0.00;-0.00} %)");

        // Tolerance: 3 % of M c / I; the bottom fibre is in compression by the same amount.
        Assert.InRange(error, -0.03, 0.03);
        var bottom = results.LoadCases[0].Probe(new Vector3d(x, 0, -H / 2)).Stress.XX;
        Assert.InRange((bottom + expected) / expected, -0.03, 0.03);

        // The strain gauge reading along x matches sigma / E (uniaxial bending stress) within 3 %.
        var gauge = probe.NormalStrain(new Vector3d(1, 0, 0));
        Assert.InRange((gauge - (expected / E)) / (expected / E), -0.03, 0.03);
    }

    [Fact]
    public void Solve_Tet10EndLoad_ReactionsBalanceTheLoad()
    {
        var results = IcResults.Value;
        var reaction = results.LoadCases[0].ReactionForce("clamp");

        // Equilibrium: the clamp carries +P along z to 1e-6 relative (solver tolerance 1e-9).
        Assert.Equal(P, reaction.Z, P * 1e-6);
        Assert.Equal(0, reaction.X, P * 1e-6);
        Assert.Equal(0, reaction.Y, P * 1e-6);
    }

    private static Mesh Generate(int order, double sizeM) =>
        new GmshMesher().Generate(SimulationTestPaths.Geometry("cantilever.geo"), new GmshMeshOptions
        {
            ElementOrder = order,
            CharacteristicLengthM = sizeM,
            GeometryUnitM = 1e-3,
            CacheFolder = SimulationTestPaths.MeshCache,
        });

    private static StaticResults SolveCantilever(Mesh mesh, PreconditionerKind preconditioner)
    {
        var model = new StaticModel(mesh, new IsotropicElastic(E, Nu));
        model.Fix("clamp");
        model.AddSurfaceForce("tip", new Vector3d(0, 0, -1), P);
        return model.Solve(new StaticSolveOptions { Preconditioner = preconditioner, RelativeTolerance = 1e-9 });
    }

    private void Report(StaticResults results, string line)
    {
        var s = results.Statistics;
        output.WriteLine(line);
        output.WriteLine($"{s.NodeCount} nodes, {s.ElementCount} elements, {s.DofCount} dof, {s.NonZeroCount} nnz, {s.ColorCount} colours, {s.Threads} threads");
        output.WriteLine($"{s.Preconditioner}: setup {s.SetupTime.TotalMilliseconds:F0} ms, assembly {s.AssemblyTime.TotalMilliseconds:F0} ms, preconditioner {s.PreconditionerTime.TotalMilliseconds:F0} ms, solve {s.SolveTime.TotalMilliseconds:F0} ms, {s.TotalIterations} iterations, residual {results.LoadCases[0].RelativeResidual:G3}");
    }
}

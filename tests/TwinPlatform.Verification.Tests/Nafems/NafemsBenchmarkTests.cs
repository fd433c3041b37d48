using TwinPlatform.Simulation.Solving;
using Xunit.Abstractions;

namespace TwinPlatform.Verification.Tests.Nafems;

/// <summary>
/// NAFEMS benchmarks (R0015 LE1, LE10, LE11; thermal T4) meshed with gmsh from benchmarks/nafems/*.geo and solved
/// with quadratic tetrahedra (C3D10) by the built-in solver; the value at the benchmark's point is checked
/// against the published target, and the same deck solved by CalculiX is checked against the built-in solution.
/// </summary>
[Collection(SolverCollection.Name)]
public sealed class NafemsBenchmarkTests(ITestOutputHelper output)
{
    /// <summary>name, field, check-point set, component, target (deck units), relative tolerance.</summary>
    public static TheoryData<string, string, string, int, double, double> Targets => new()
    {
        { "le1", "stress", "D", 1, 92.7, 0.02 },       // sigma_yy at D, MPa
        { "le10", "stress", "D", 1, -5.38, 0.02 },     // sigma_yy at D, MPa
        { "le11", "stress", "A", 2, -105.0, 0.03 },    // sigma_zz at A, MPa
        { "t4", "temperature", "E", 0, 18.25, 0.01 },  // T at E, degC
    };

    /// <summary>name, whole-model field, check-point quantity, check-point set, component.</summary>
    public static TheoryData<string, string, string, string, int> Agreement => new()
    {
        { "le1", "displacement", "stress", "D", 1 },
        { "le10", "displacement", "stress", "D", 1 },
        { "le11", "displacement", "stress", "A", 2 },
        { "t4", "temperature", "temperature", "E", 0 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void BuiltIn_BenchmarkPoint_MatchesTheNafemsTarget(string name, string field, string point, int component, double target, double tolerance)
    {
        var c = BenchmarkCase.Get(name);

        var value = SolutionComparison.Value(c.BuiltIn, 0, field, c.NodeOf(point), component);

        var error = (value - target) / target;
        output.WriteLine($"{name}: {field}[{component}] at {point}: builtin {value:G6}, target {target}, error {100 * error:F2} % (tolerance {100 * tolerance} %); {c.Problem.Deck.NodeCount} nodes, {c.Problem.Deck.Elements.Count} elements");
        Assert.True(Math.Abs(error) <= tolerance, $"{name}: {field}[{component}] at {point} = {value:G6}, target {target}, error {100 * error:F2} % (tolerance {100 * tolerance} %)");
    }

    [Theory]
    [MemberData(nameof(Agreement))]
    public void Ccx_SameDeck_AgreesWithBuiltIn(string name, string field, string quantity, string point, int component)
    {
        var c = BenchmarkCase.Get(name);

        var steps = SolutionComparison.Compare(c.BuiltIn, c.Ccx);

        // The whole-model field within 0.1 % of its largest value, node by node.
        var whole = steps[0].Field(field)!;
        Assert.True(whole.MaxRelative < 1e-3, $"{name}: {field} differs by {100 * whole.MaxRelative:F4} % at node {whole.NodeId}");

        // The benchmark quantity at its check point within 0.5 %.
        var local = SolutionComparison.PointRelative(c.BuiltIn, c.Ccx, 0, quantity, c.NodeOf(point), component);
        var ccxValue = SolutionComparison.Value(c.Ccx, 0, quantity, c.NodeOf(point), component);
        output.WriteLine($"{name}: {field} max diff {100 * whole.MaxRelative:F4} % (node {whole.NodeId}); {quantity}[{component}] at {point}: ccx {ccxValue:G6}, diff {100 * local:F4} %");
        Assert.True(local < 5e-3, $"{name}: {quantity}[{component}] at {point} differs by {100 * local:F4} %");
    }
}

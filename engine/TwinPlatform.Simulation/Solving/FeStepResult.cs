using TwinPlatform.Simulation.Input;

namespace TwinPlatform.Simulation.Solving;

/// <summary>
/// Results of one deck step. Nodal arrays are parallel to <see cref="FeSolution.NodeIds"/>; a field is null
/// when the step does not produce it or the solver did not write it. Values are in deck units.
/// </summary>
public sealed record FeStepResult
{
    /// <summary>1-based deck step number.</summary>
    public required int StepNumber { get; init; }

    /// <summary>Procedure of the step.</summary>
    public required DeckStepKind Kind { get; init; }

    /// <summary>Displacements, 3 per node (x, y, z).</summary>
    public double[]? Displacements { get; init; }

    /// <summary>Stress tensors extrapolated from the integration points to the nodes and averaged over the elements sharing a node, 6 per node (xx, yy, zz, xy, yz, zx).</summary>
    public double[]? Stresses { get; init; }

    /// <summary>Reaction forces at constrained dofs (zero elsewhere), 3 per node.</summary>
    public double[]? Reactions { get; init; }

    /// <summary>Temperatures, 1 per node.</summary>
    public double[]? Temperatures { get; init; }

    /// <summary>Heat flux vectors q = -k grad T extrapolated and averaged at the nodes, 3 per node.</summary>
    public double[]? HeatFlux { get; init; }

    /// <summary>Reaction heat flow at nodes with a fixed temperature (heat leaving the body there counts negative), 1 per node.</summary>
    public double[]? ReactionHeatFlow { get; init; }

    /// <summary>Natural modes of a frequency step (empty for other steps).</summary>
    public IReadOnlyList<FeMode> Modes { get; init; } = [];

    /// <summary>Stresses at the integration points of the elements in <c>*EL PRINT</c> sets, when the solver provides them.</summary>
    public IntegrationPointTable? PointStresses { get; init; }

    /// <summary>Heat flux at the integration points of the elements in <c>*EL PRINT</c> sets, when the solver provides them.</summary>
    public IntegrationPointTable? PointHeatFlux { get; init; }

    /// <summary>Iterations of the iterative solver (0 for a direct solver or when unknown).</summary>
    public int Iterations { get; init; }

    /// <summary>Final relative residual (0 when unknown).</summary>
    public double RelativeResidual { get; init; }

    /// <summary>Time spent on this step (0 when the solver does not report it).</summary>
    public TimeSpan SolveTime { get; init; }

    /// <summary>Von Mises stress per node from <see cref="Stresses"/>, or null.</summary>
    public double[]? VonMises()
    {
        if (Stresses is not { } s)
        {
            return null;
        }

        var vm = new double[s.Length / 6];
        for (var n = 0; n < vm.Length; n++)
        {
            vm[n] = SymmetricTensor.FromSpan(s.AsSpan(6 * n, 6)).VonMises;
        }

        return vm;
    }

    /// <summary>Principal stresses per node (max, mid, min), 3 per node, from <see cref="Stresses"/>, or null.</summary>
    public double[]? PrincipalStresses()
    {
        if (Stresses is not { } s)
        {
            return null;
        }

        var p = new double[s.Length / 2];
        for (var n = 0; n < s.Length / 6; n++)
        {
            var v = SymmetricTensor.FromSpan(s.AsSpan(6 * n, 6)).Principal();
            p[3 * n] = v.Max;
            p[(3 * n) + 1] = v.Mid;
            p[(3 * n) + 2] = v.Min;
        }

        return p;
    }
}

using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Input;
using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Cli.Commands;

/// <summary>Known formulation differences between the built-in solver and CalculiX that explain parts of a comparison.</summary>
internal static class SolveNotes
{
    /// <summary>The notes that apply to this deck and comparison (none unless one solver is builtin and the other ccx).</summary>
    public static IEnumerable<string> For(InpDeck deck, FeSolution first, FeSolution second, IReadOnlyList<StepComparison> comparison, MassIntegration mass)
    {
        var names = new HashSet<string> { first.SolverName, second.SolverName };
        if (!names.SetEquals(["builtin", "ccx"]))
        {
            yield break;
        }

        var types = new HashSet<DeckElementType>();
        foreach (var e in deck.Elements)
        {
            types.Add(e.Type);
        }

        var reactions = false;
        var frequencies = false;
        var stresses = false;
        foreach (var s in comparison)
        {
            reactions |= s.Field("reaction") is not null;
            stresses |= s.Field("stress") is not null;
            frequencies |= s.Frequencies.Count > 0;
        }

        if (reactions)
        {
            yield return "reaction: ccx's RF is the internal nodal force, so at a constrained node it also holds the distributed loads (pressure, gravity, centrifugal) acting there; builtin reports K u - f";
        }

        if (frequencies && mass == MassIntegration.Exact && (types.Contains(DeckElementType.C3D4) || types.Contains(DeckElementType.C3D10) || types.Contains(DeckElementType.C3D20R) || types.Contains(DeckElementType.C3D6) || types.Contains(DeckElementType.C3D15)))
        {
            yield return "frequencies: builtin uses the exact consistent mass; ccx integrates the mass with the stiffness rule (C3D4 one point); --mass stiffness-rule compares like for like";
        }

        if (stresses && types.Contains(DeckElementType.C3D6))
        {
            yield return "stress: ccx extrapolates C3D6 stresses to the nodes with fixed weights that are not the linear extrapolation through its two points; compare C3D6 at the integration points (*EL PRINT, S)";
        }
    }
}

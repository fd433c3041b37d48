using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Twins.Components;

/// <summary>A component's finite-element solution and the reduced-order model taken from it.</summary>
/// <param name="Rom">The reduced-order model.</param>
/// <param name="Mesh">The fine mesh.</param>
/// <param name="Results">The fine solution, one result per unit load case.</param>
/// <param name="CoarseStatistics">Solver statistics of the coarse solve (numerical uncertainty), or null.</param>
/// <param name="MeshSeconds">Wall time of meshing, s.</param>
public sealed record ComponentModel(ComponentRom Rom, Mesh Mesh, StaticResults Results, SolverStatistics? CoarseStatistics, double MeshSeconds)
{
    /// <summary>Solver statistics of the fine solve.</summary>
    public SolverStatistics Statistics => Results.Statistics;
}

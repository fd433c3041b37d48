using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>Stiffness assembly for one isotropic material (the single-material shortcut of <see cref="MatrixAssembler"/>).</summary>
internal static class StiffnessAssembler
{
    public static void Assemble(StiffnessSystem system, Mesh mesh, ElementColoring coloring, double lambdaPa, double shearModulusPa, int maxDegreeOfParallelism) =>
        MatrixAssembler.Assemble(system, mesh, coloring, new StiffnessMatrix(new int[mesh.ElementCount], [lambdaPa], [shearModulusPa]), maxDegreeOfParallelism);
}

namespace TwinPlatform.Simulation.Solving;

/// <summary>A plugin that contributes solvers: it registers them in one place, <see cref="Configure"/>.</summary>
public interface ISolverModule
{
    /// <summary>Adds the module's solvers to <paramref name="registry"/>.</summary>
    void Configure(SolverRegistry registry);
}

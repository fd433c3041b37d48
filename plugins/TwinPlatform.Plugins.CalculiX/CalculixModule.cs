using TwinPlatform.Simulation.Solving;

namespace TwinPlatform.Plugins.CalculiX;

/// <summary>Registers <see cref="CalculixSolver"/> (name "ccx").</summary>
/// <param name="options">How to run ccx; defaults when null.</param>
public sealed class CalculixModule(CalculixOptions? options = null) : ISolverModule
{
    /// <inheritdoc/>
    public void Configure(SolverRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add(new CalculixSolver(options));
    }
}

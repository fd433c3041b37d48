namespace TwinPlatform.Simulation.Solving;

/// <summary>The solvers available to a command or a service, by name (case-insensitive).</summary>
/// <example>
/// <code>
/// var registry = SolverRegistry.CreateDefault();   // holds "builtin"
/// new CalculixModule().Configure(registry);        // adds "ccx"
/// var solution = registry.Get("ccx").Solve(problem, new FeSolveOptions());
/// </code>
/// </example>
public sealed class SolverRegistry
{
    private readonly Dictionary<string, IFeSolver> _solvers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registered solver names, in registration order.</summary>
    public IReadOnlyList<string> Names => [.. _solvers.Keys];

    /// <summary>A registry holding the built-in solver.</summary>
    public static SolverRegistry CreateDefault()
    {
        var registry = new SolverRegistry();
        registry.Add(new BuiltInSolver());
        return registry;
    }

    /// <summary>Registers (or replaces) a solver under its <see cref="IFeSolver.Name"/>.</summary>
    public SolverRegistry Add(IFeSolver solver)
    {
        ArgumentNullException.ThrowIfNull(solver);
        _solvers[solver.Name] = solver;
        return this;
    }

    /// <summary>Lets <paramref name="module"/> register its solvers.</summary>
    public SolverRegistry AddModule(ISolverModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        module.Configure(this);
        return this;
    }

    /// <summary>The solver named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such solver; the message lists the registered names.</exception>
    public IFeSolver Get(string name) =>
        _solvers.TryGetValue(name, out var s) ? s : throw new KeyNotFoundException($"no solver named '{name}'; available: {string.Join(", ", _solvers.Keys)}");
}

namespace TwinPlatform.Simulation.Analysis;

/// <summary>Results of <see cref="StaticModel.Solve"/>: one <see cref="LoadCaseResult"/> per load case, and solver figures.</summary>
public sealed class StaticResults
{
    internal StaticResults(IReadOnlyList<LoadCaseResult> loadCases, SolverStatistics statistics)
    {
        LoadCases = loadCases;
        Statistics = statistics;
    }

    /// <summary>Per load case, in <see cref="StaticModel.LoadCases"/> order.</summary>
    public IReadOnlyList<LoadCaseResult> LoadCases { get; }

    /// <summary>Sizes and times.</summary>
    public SolverStatistics Statistics { get; }

    /// <summary>The result of <paramref name="loadCase"/>.</summary>
    public LoadCaseResult this[LoadCase loadCase] => LoadCases[loadCase.Index];

    /// <summary>The result of the load case named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No load case has that name.</exception>
    public LoadCaseResult this[string name]
    {
        get
        {
            foreach (var r in LoadCases)
            {
                if (r.Name == name)
                {
                    return r;
                }
            }

            throw new KeyNotFoundException($"no load case named '{name}'");
        }
    }
}

namespace TwinPlatform.Simulation.Solving;

/// <summary>The results of one solver on one deck: every step, plus cost figures.</summary>
public sealed record FeSolution
{
    /// <summary>Solver name ("builtin", "ccx").</summary>
    public required string SolverName { get; init; }

    /// <summary>Solver version or build, when known.</summary>
    public string SolverVersion { get; init; } = string.Empty;

    /// <summary>Deck node numbers; every nodal array of the steps is parallel to this one.</summary>
    public required int[] NodeIds { get; init; }

    /// <summary>Per deck step, in deck order.</summary>
    public required IReadOnlyList<FeStepResult> Steps { get; init; }

    /// <summary>Wall-clock time of the whole solve (for an external solver: the process run, excluding deck writing and result reading).</summary>
    public TimeSpan WallTime { get; init; }

    /// <summary>Peak resident memory, bytes: of the solver process for an external solver (sampled), of this process for the built-in one; null when not measured.</summary>
    public long? PeakMemoryBytes { get; init; }

    /// <summary>Threads the solver was allowed.</summary>
    public int Threads { get; init; }

    /// <summary>Things the user should know (ignored options, skipped outputs).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Position of node number <paramref name="id"/> in <see cref="NodeIds"/>, or -1.</summary>
    public int IndexOfNode(int id)
    {
        for (var i = 0; i < NodeIds.Length; i++)
        {
            if (NodeIds[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A map from node number to position in <see cref="NodeIds"/>.</summary>
    public Dictionary<int, int> NodeIndexMap()
    {
        var map = new Dictionary<int, int>(NodeIds.Length);
        for (var i = 0; i < NodeIds.Length; i++)
        {
            map[NodeIds[i]] = i;
        }

        return map;
    }
}

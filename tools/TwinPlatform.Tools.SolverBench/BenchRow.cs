namespace TwinPlatform.Tools.SolverBench;

/// <summary>One mesh size of the scaling table.</summary>
internal sealed record BenchRow
{
    public double Scale { get; init; }

    public int Nodes { get; init; }

    public int Elements { get; init; }

    /// <summary>3 per node (what ccx counts before constraints).</summary>
    public int Dof => 3 * Nodes;

    public double MeshSeconds { get; init; }

    public double? CcxSeconds { get; init; }

    public double? CcxPeakMb { get; init; }

    /// <summary>User + system CPU seconds of the ccx process.</summary>
    public double? CcxCpuSeconds { get; init; }

    /// <summary>User + system CPU seconds of the TwinPlatform child.</summary>
    public double TpCpuSeconds { get; init; }

    public double? CcxSigmaYy { get; init; }

    public double TpSeconds { get; init; }

    public double TpPeakMb { get; init; }

    public double TpSigmaYy { get; init; }

    public int TpIterations { get; init; }

    public double? SpeedRatio => CcxSeconds / TpSeconds;

    public double? MemoryRatio => CcxPeakMb / TpPeakMb;

    /// <summary>|TP - ccx| / |ccx|, percent.</summary>
    public double? DifferencePercent => CcxSigmaYy is { } c ? 100 * Math.Abs(TpSigmaYy - c) / Math.Abs(c) : null;

    public IReadOnlyList<string> TpStages { get; init; } = [];
}

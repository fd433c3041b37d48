namespace TwinPlatform.Prognostics.Models;

/// <summary>The conformal interval bands in a manifest (see <see cref="ConformalBands"/>).</summary>
public sealed record ManifestInterval
{
    /// <summary>How the bands were calibrated, in words.</summary>
    public required string Method { get; init; }

    /// <summary>Nominal coverage.</summary>
    public required double Level { get; init; }

    /// <summary>Upper edges of the bins of predicted RUL but the last, cycles.</summary>
    public required IReadOnlyList<double> BinUpperEdges { get; init; }

    /// <summary>Lower residual quantile per bin, cycles.</summary>
    public required IReadOnlyList<double> Lower { get; init; }

    /// <summary>Upper residual quantile per bin, cycles.</summary>
    public required IReadOnlyList<double> Upper { get; init; }

    /// <summary>Calibration residuals per bin.</summary>
    public required IReadOnlyList<int> Counts { get; init; }
}

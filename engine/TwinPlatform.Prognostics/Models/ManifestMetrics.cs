using TwinPlatform.Prognostics.Evaluation;

namespace TwinPlatform.Prognostics.Models;

/// <summary>Metrics of a set of predictions in a manifest (see <see cref="FleetMetrics"/>).</summary>
public sealed record ManifestMetrics
{
    /// <summary>Predictions scored.</summary>
    public required int Count { get; init; }

    /// <summary>RMSE, cycles.</summary>
    public required double Rmse { get; init; }

    /// <summary>MAE, cycles.</summary>
    public required double Mae { get; init; }

    /// <summary>Mean predicted - true, cycles.</summary>
    public required double Bias { get; init; }

    /// <summary>Summed PHM08 score.</summary>
    public required double Phm08Score { get; init; }

    /// <summary>PHM08 score per 100 predictions.</summary>
    public required double Phm08ScorePer100 { get; init; }

    /// <summary>Fraction of true values inside the interval.</summary>
    public required double Coverage { get; init; }

    /// <summary>Mean interval width, cycles.</summary>
    public required double MeanIntervalWidth { get; init; }

    /// <summary>Converts fleet metrics.</summary>
    public static ManifestMetrics From(FleetMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new ManifestMetrics
        {
            Count = m.Count,
            Rmse = m.Rmse,
            Mae = m.Mae,
            Bias = m.Bias,
            Phm08Score = m.Phm08Score,
            Phm08ScorePer100 = m.Phm08ScorePer100,
            Coverage = m.Coverage,
            MeanIntervalWidth = m.MeanIntervalWidth,
        };
    }
}

namespace TwinPlatform.Twins.Validation;

/// <summary>A steady stretch of a comparison: means over the stretch and the scatter of the data.</summary>
/// <param name="StartTicks">First sample time (UTC ticks).</param>
/// <param name="EndTicks">Last sample time (UTC ticks).</param>
/// <param name="Count">Samples in the hold.</param>
/// <param name="MeanSimulation">Mean prediction.</param>
/// <param name="MeanData">Mean measurement.</param>
/// <param name="DataStandardDeviation">Sample standard deviation of the measurements within the hold.</param>
/// <param name="SimulationSampleStd">RMS of the per-sample input uncertainty of the prediction (from measured loads).</param>
public sealed record Hold(long StartTicks, long EndTicks, int Count, double MeanSimulation, double MeanData, double DataStandardDeviation, double SimulationSampleStd)
{
    /// <summary>The middle of the hold, UTC ticks.</summary>
    public long MidTicks => StartTicks + ((EndTicks - StartTicks) / 2);
}

namespace TwinPlatform.Simulation.Solving;

/// <summary>One mode's frequency in two solutions.</summary>
/// <param name="Mode">1-based mode number.</param>
/// <param name="ReferenceHz">Reference frequency.</param>
/// <param name="OtherHz">Other solver's frequency.</param>
public sealed record FrequencyDifference(int Mode, double ReferenceHz, double OtherHz)
{
    /// <summary>|other - reference| / |reference|.</summary>
    public double Relative => ReferenceHz == 0 ? Math.Abs(OtherHz) : Math.Abs(OtherHz - ReferenceHz) / Math.Abs(ReferenceHz);
}

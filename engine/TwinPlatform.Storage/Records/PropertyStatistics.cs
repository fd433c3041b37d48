namespace TwinPlatform.Storage.Records;

/// <summary>Statistics of a measured property when the source gives more than a single value (all SI).</summary>
/// <param name="StandardDeviation">Standard deviation between specimens, or null.</param>
/// <param name="Count">Number of specimens or tests, or null.</param>
/// <param name="Minimum">Smallest value, or null.</param>
/// <param name="Maximum">Largest value, or null.</param>
public sealed record PropertyStatistics(double? StandardDeviation = null, int? Count = null, double? Minimum = null, double? Maximum = null);

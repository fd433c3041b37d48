namespace TwinPlatform.Storage.Twins;

/// <summary>One step of a twin parameter's calibration history: the estimate after some observations.</summary>
/// <param name="TwinId">The twin.</param>
/// <param name="Parameter">The calibrated parameter (for example <c>youngs_modulus</c>).</param>
/// <param name="TimestampUtc">The time of the latest observation the estimate includes.</param>
/// <param name="Mean">The estimate's mean, in SI units.</param>
/// <param name="StandardDeviation">The estimate's standard deviation, in SI units.</param>
/// <param name="Lower">The lower bound of the estimate's interval, in SI units.</param>
/// <param name="Upper">The upper bound of the estimate's interval, in SI units.</param>
/// <param name="Observations">How many observations the estimate is based on.</param>
/// <remarks>NaN is allowed in every double and comes back as NaN.</remarks>
public sealed record CalibrationPoint(
    string TwinId,
    string Parameter,
    DateTimeOffset TimestampUtc,
    double Mean,
    double StandardDeviation,
    double Lower,
    double Upper,
    long Observations);

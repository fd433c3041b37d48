namespace TwinPlatform.Cli.Commands;

/// <summary>What a <see cref="TurbofanLiveRun"/> read and why it ended.</summary>
/// <param name="Deliveries">Deliveries read (and acknowledged).</param>
/// <param name="Samples">Accepted samples in them.</param>
/// <param name="RejectedMessages">Messages or payloads the source rejected in them.</param>
/// <param name="StateUpdates">State updates handed to the state publisher.</param>
/// <param name="Seconds">Wall time from the first delivery to the last one applied and acknowledged.</param>
/// <param name="EndReason">Why reading ended: <c>idle</c>, <c>max-samples</c>, <c>source ended</c>, <c>cancelled</c>.</param>
public sealed record TurbofanLiveResult(long Deliveries, long Samples, long RejectedMessages, long StateUpdates, double Seconds, string EndReason);

namespace TwinPlatform.Twins.Runtime;

/// <summary>What a durable run did besides the twins' own results.</summary>
/// <param name="RunId">The run's id in the store.</param>
/// <param name="Resumed">Samples replayed from the store before the source was read (0 for a new run).</param>
/// <param name="Committed">Samples newly committed in this process.</param>
/// <param name="Redelivered">Samples the source delivered again that the store already held.</param>
/// <param name="Acknowledged">Deliveries acknowledged to the source.</param>
/// <param name="EndReason">Why the run ended: source ended, idle, sample limit, cancelled.</param>
public sealed record DurableRunResult(string RunId, long Resumed, long Committed, long Redelivered, long Acknowledged, string EndReason);

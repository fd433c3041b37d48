using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TwinPlatform.Twins.Feeds;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>
/// Passes an acknowledged source through unchanged and times it: when the runtime read the first delivery
/// and when it acknowledged the last, and how many samples it acknowledged (applied, and for a durable run
/// committed).
/// </summary>
internal sealed class TimedSource(IAcknowledgedSensorSource inner) : IAcknowledgedSensorSource
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _firstTicks = -1;
    private long _lastAckTicks;
    private long _acknowledgedSamples;

    public string Description => inner.Description;

    public long AcknowledgedSamples => Interlocked.Read(ref _acknowledgedSamples);

    /// <summary>From the first delivery read to the last acknowledged.</summary>
    public double Seconds => TimeSpan.FromTicks(Interlocked.Read(ref _lastAckTicks) - Math.Max(0, Interlocked.Read(ref _firstTicks))).TotalSeconds;

    public async IAsyncEnumerable<SensorDelivery> ReadDeliveriesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var delivery in inner.ReadDeliveriesAsync(cancellationToken))
        {
            _ = Interlocked.CompareExchange(ref _firstTicks, _clock.Elapsed.Ticks, -1);
            var samples = MemoryMarshal.TryGetArray(delivery.Samples, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : delivery.Samples.ToArray();
            var count = samples.Length;
            yield return new SensorDelivery(delivery.Origin, samples, delivery.Rejections, async ct =>
            {
                await delivery.AcknowledgeAsync(ct);
                Interlocked.Add(ref _acknowledgedSamples, count);
                Interlocked.Exchange(ref _lastAckTicks, _clock.Elapsed.Ticks);
            });
        }
    }

    public IAsyncEnumerable<SensorSample> ReadAsync(CancellationToken cancellationToken = default) => this.ReadAndAcknowledgeAsync(cancellationToken);
}

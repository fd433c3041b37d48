using System.Runtime.CompilerServices;

namespace TwinPlatform.Twins.Feeds;

/// <summary>Reading an acknowledged source sample by sample.</summary>
public static class SensorDeliveryExtensions
{
    /// <summary>
    /// Yields every sample of every delivery and acknowledges a delivery when the consumer asks for
    /// the sample after its last one, so a delivery counts as done only once it was processed.
    /// </summary>
    /// <remarks>Deliveries with no accepted samples (all rejected) are acknowledged at once, so a malformed payload is not redelivered forever.</remarks>
    public static async IAsyncEnumerable<SensorSample> ReadAndAcknowledgeAsync(this IAcknowledgedSensorSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await foreach (var delivery in source.ReadDeliveriesAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < delivery.Samples.Length; i++)
            {
                yield return delivery.Samples.Span[i];
            }

            await delivery.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

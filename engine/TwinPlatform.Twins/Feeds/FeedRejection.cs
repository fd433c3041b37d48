namespace TwinPlatform.Twins.Feeds;

/// <summary>A payload, or one message in it, that a source rejected, and why.</summary>
/// <param name="Origin">Where it came from: an MQTT topic, a hub connection, a file and byte offset.</param>
/// <param name="Index">Index of the message within its batch, or -1 when the whole payload was rejected.</param>
/// <param name="Reason">What was wrong, in words a gateway author can act on.</param>
public sealed record FeedRejection(string Origin, int Index, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => Index < 0 ? $"{Origin}: {Reason}" : $"{Origin} [{Index}]: {Reason}";
}

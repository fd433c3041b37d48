namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>What a hub did with a batch a gateway published: how many messages it accepted and which it rejected, and why.</summary>
/// <param name="Accepted">Messages accepted into the feed.</param>
/// <param name="Rejections">Messages rejected (index within the batch, or -1 for the whole payload) with reasons.</param>
public sealed record PublishResult(int Accepted, IReadOnlyList<FeedRejection> Rejections)
{
    /// <summary>True when nothing was rejected.</summary>
    public bool AllAccepted => Rejections.Count == 0;
}

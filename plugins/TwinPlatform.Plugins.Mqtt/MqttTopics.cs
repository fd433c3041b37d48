using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Plugins.Mqtt;

/// <summary>
/// The topic layout for sensor payloads: <c>twin/{scene}/{twin}/{channel}</c>. A batch that mixes
/// twins or channels uses <c>multi</c> at that level. The payload is authoritative; the topic serves
/// routing, broker access rules and subscription filters.
/// </summary>
public static class MqttTopics
{
    /// <summary>The first topic level.</summary>
    public const string Root = "twin";

    /// <summary>The level used when a batch mixes twins or channels.</summary>
    public const string Multi = "multi";

    /// <summary>Topic for one twin's channel in a scene.</summary>
    public static string For(string scene, string twin, string channel) =>
        $"{Root}/{Level(scene)}/{Level(twin)}/{Level(channel)}";

    /// <summary>Topic for a batch: the common twin and channel, or <see cref="Multi"/> where they differ.</summary>
    public static string ForBatch(string scene, ReadOnlySpan<SensorMessage> batch)
    {
        if (batch.IsEmpty)
        {
            return For(scene, Multi, Multi);
        }

        string twin = batch[0].Twin, channel = batch[0].Channel;
        foreach (ref readonly var m in batch)
        {
            if (!string.Equals(m.Twin, twin, StringComparison.Ordinal))
            {
                twin = Multi;
            }

            if (!string.Equals(m.Channel, channel, StringComparison.Ordinal))
            {
                channel = Multi;
            }
        }

        return For(scene, twin, channel);
    }

    /// <summary>Subscription filter for every twin and channel of a scene: <c>twin/{scene}/+/+</c>.</summary>
    public static string SceneFilter(string scene) => $"{Root}/{Level(scene)}/+/+";

    /// <summary>Subscription filter for every scene: <c>twin/+/+/+</c>.</summary>
    public static string AllScenesFilter => $"{Root}/+/+/+";

    // A topic level must not contain the separator or the wildcards.
    private static string Level(string name) =>
        string.IsNullOrEmpty(name) ? "_" : name.Replace('/', '_').Replace('+', '_').Replace('#', '_');
}

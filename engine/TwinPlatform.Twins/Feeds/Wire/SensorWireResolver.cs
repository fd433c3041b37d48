using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace TwinPlatform.Twins.Feeds.Wire;

/// <summary>
/// Resolves the hand-written formatters of the sensor wire types (<see cref="SensorMessage"/>,
/// <see cref="PublishResult"/>, <see cref="TwinStateUpdate"/>); other types fall through to the next resolver.
/// </summary>
/// <remarks>
/// For the SignalR MessagePack hub protocol, on server and client alike:
/// <c>.AddMessagePackProtocol(o =&gt; o.SerializerOptions = SensorWireResolver.Extend(o.SerializerOptions))</c>.
/// </remarks>
public sealed class SensorWireResolver : IFormatterResolver
{
    /// <summary>The shared instance.</summary>
    public static readonly SensorWireResolver Instance = new();

    private SensorWireResolver()
    {
    }

    /// <summary>Standard options with the sensor wire formatters first.</summary>
    public static MessagePackSerializerOptions Options { get; } =
        MessagePackSerializerOptions.Standard.WithResolver(CompositeResolver.Create(Instance, StandardResolver.Instance));

    /// <summary>Returns <paramref name="options"/> with the sensor wire formatters placed before its resolver.</summary>
    public static MessagePackSerializerOptions Extend(MessagePackSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.WithResolver(CompositeResolver.Create(Instance, options.Resolver));
    }

    /// <inheritdoc/>
    public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

    private static class Cache<T>
    {
        public static readonly IMessagePackFormatter<T>? Formatter = (IMessagePackFormatter<T>?)Lookup(typeof(T));
    }

    private static object? Lookup(Type type)
    {
        if (type == typeof(SensorMessage))
        {
            return SensorMessageFormatter.Instance;
        }

        if (type == typeof(PublishResult))
        {
            return PublishResultFormatter.Instance;
        }

        return type == typeof(TwinStateUpdate) ? TwinStateUpdateFormatter.Instance : null;
    }
}

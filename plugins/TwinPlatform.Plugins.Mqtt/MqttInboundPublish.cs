namespace TwinPlatform.Plugins.Mqtt;

/// <summary>A PUBLISH packet as a subscriber received it.</summary>
/// <param name="Topic">Topic name.</param>
/// <param name="QualityOfService">0 or 1 (the subscription is at QoS 1, so the broker never sends 2).</param>
/// <param name="PacketId">Packet id to acknowledge (QoS 1); 0 at QoS 0.</param>
/// <param name="Duplicate">Whether the broker marked it as a redelivery.</param>
/// <param name="Payload">Application payload; valid only until the connection reads the next packet.</param>
public readonly record struct MqttInboundPublish(string Topic, byte QualityOfService, ushort PacketId, bool Duplicate, ReadOnlyMemory<byte> Payload);

using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Testing;

namespace TwinPlatform.Feeds.Tests;

/// <summary>
/// The subscriber's own MQTT 5 wire path: packet encoding against the specification, and the connection
/// against a scripted broker (a socket that plays exact bytes) and a real mosquitto.
/// </summary>
public sealed class MqttSubscriberConnectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void VarInt_MatchesTheSpecificationTable(int value, byte[] encoded)
    {
        var written = new List<byte>();
        MqttPackets.WriteVarInt(written, value);
        Assert.Equal(encoded, written);
        Assert.True(MqttPackets.TryReadVarInt(encoded, out var read, out var size));
        Assert.Equal(value, read);
        Assert.Equal(encoded.Length, size);
        Assert.False(MqttPackets.TryReadVarInt(encoded.AsSpan(0, encoded.Length - 1), out _, out _));
        Assert.False(MqttPackets.TryReadVarInt(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x01 }, out _, out _));
    }

    [Fact]
    public void Connect_EncodesLevel5WithSessionExpiryReceiveMaximumAndCredentials()
    {
        var packet = MqttPackets.Connect(new MqttSensorSourceOptions
        {
            ClientId = "rt",
            KeepAlive = TimeSpan.FromSeconds(15),
            SessionExpirySeconds = 86_400,
            ReceiveMaximum = 64,
            UserName = "u",
            Password = "p",
        });

        byte[] expected =
        [
            0x10, 29, // CONNECT, remaining length
            0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 5, // protocol name and level
            0xC0, // user name and password; no clean start (the session outlives the connection)
            0, 15, // keep-alive
            8, 0x11, 0x00, 0x01, 0x51, 0x80, 0x21, 0, 64, // properties: session expiry 86400, receive maximum 64
            0, 2, (byte)'r', (byte)'t', 0, 1, (byte)'u', 0, 1, (byte)'p',
        ];
        Assert.Equal(expected, packet);

        var clean = MqttPackets.Connect(new MqttSensorSourceOptions { ClientId = "c", SessionExpirySeconds = 0, ReceiveMaximum = ushort.MaxValue, KeepAlive = TimeSpan.Zero });
        Assert.Equal(new byte[] { 0x10, 14, 0, 4, 77, 81, 84, 84, 5, 0x02, 0, 0, 0, 0, 1, (byte)'c' }, clean);
    }

    [Fact]
    public void Subscribe_EncodesOneFilterAtQos1()
    {
        Assert.Equal(
            new byte[] { 0x82, 9, 0, 7, 0, 0, 3, (byte)'a', (byte)'/', (byte)'#', 0x01 },
            MqttPackets.Subscribe(7, "a/#"));
    }

    [Fact]
    public void ServerKeepAlive_FoundAmongOtherConnAckProperties()
    {
        // Properties: reason string "ok", user property ("a", "b"), receive maximum 20, server keep alive 5.
        byte[] properties = [18, 0x1F, 0, 2, (byte)'o', (byte)'k', 0x26, 0, 1, (byte)'a', 0, 1, (byte)'b', 0x21, 0, 20, 0x13, 0, 5];
        Assert.Equal((ushort)5, MqttPackets.ServerKeepAlive(properties));
        Assert.Null(MqttPackets.ServerKeepAlive([0]));
        Assert.Null(MqttPackets.ServerKeepAlive([]));
        Assert.Contains("0x01", Assert.Throws<MqttConnectionException>(() => MqttPackets.ServerKeepAlive([2, 0x01, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<MqttConnectionException>(() => MqttPackets.ServerKeepAlive([2, 0x13, 0])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerKeepAlive_ShorterThanAskedFor_IsTheOneUsed()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        var options = broker.Options("server-keepalive") with { KeepAlive = TimeSpan.FromSeconds(60) };
        var connecting = MqttSubscriberConnection.ConnectAsync(options, Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([0x20, 0x06, 0x00, 0x00, 0x03, 0x13, 0x00, 0x01, .. SubAck(1, 0x01)]);
        await using var connection = await connecting;
        var clock = Stopwatch.StartNew();

        Assert.Equal(TimeSpan.FromSeconds(1), connection.KeepAlive);
        Assert.Equal(new byte[] { 0xC0, 0x00 }, await broker.ReceivePacketAsync());
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.2, 5);
    }

    [Fact]
    public async Task Publish_SplitIntoSingleBytes_WithPropertiesAndALargePayload_ReadWhole()
    {
        var big = new byte[300_000];
        new Random(5).NextBytes(big);
        await using var broker = await ScriptedBroker.StartAsync();
        var connecting = MqttSubscriberConnection.ConnectAsync(broker.Options("split"), Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([.. ConnAck(0), .. SubAck(1, 0x01)]);
        await using var connection = await connecting;

        // The first PUBLISH trickles in byte by byte; the second carries properties (message expiry,
        // content type) and a payload larger than the connection's first buffer.
        foreach (var b in Publish("twin/s/a/x", 1, 10, [], "abc"u8.ToArray()))
        {
            await broker.SendAsync([b]);
        }

        await broker.SendAsync(Publish("twin/s/a/x", 1, 11, [0x02, 0, 0, 0, 60, 0x03, 0, 1, (byte)'x'], big));
        await broker.SendAsync(Publish("twin/s/a/y", 0, 0, [], [42]));

        Assert.True(await connection.ReadPublishAsync(Timeout()));
        var first = connection.Current;
        Assert.Equal(("twin/s/a/x", (byte)1, (ushort)10), (first.Topic, first.QualityOfService, first.PacketId));
        Assert.Equal("abc"u8.ToArray(), first.Payload.ToArray());
        Assert.True(await connection.ReadPublishAsync(Timeout()));
        Assert.Equal(11, connection.Current.PacketId);
        Assert.Equal(big, connection.Current.Payload.ToArray());
        Assert.Same(first.Topic, connection.Current.Topic);
        Assert.True(await connection.ReadPublishAsync(Timeout()));
        Assert.Equal(("twin/s/a/y", (byte)0), (connection.Current.Topic, connection.Current.QualityOfService));
        Assert.Equal(new byte[] { 42 }, connection.Current.Payload.ToArray());

        Assert.True(connection.Acknowledge(11));
        Assert.Equal(new byte[] { 0x40, 0x02, 0, 11 }, await broker.ReceivePacketAsync());
    }

    [Fact]
    public async Task HeldAcknowledgements_GoOutInOrder_WithTheNextAcknowledgeAtTheLimitOnFlushAndBeforeDisconnect()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        var connecting = MqttSubscriberConnection.ConnectAsync(broker.Options("held"), Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([.. ConnAck(0), .. SubAck(1, 0x01)]);
        var connection = await connecting;

        Assert.True(connection.AcknowledgeLater(1));
        Assert.True(connection.AcknowledgeLater(2));
        Assert.Equal(2, connection.HeldAcknowledgements);
        await Task.Delay(200);
        Assert.Equal(0, broker.Waiting);

        // The next plain acknowledgement takes the held ones with it, in the order given.
        Assert.True(connection.Acknowledge(3));
        Assert.Equal(0, connection.HeldAcknowledgements);
        Assert.Equal(PubAck(1), await broker.ReceivePacketAsync());
        Assert.Equal(PubAck(2), await broker.ReceivePacketAsync());
        Assert.Equal(PubAck(3), await broker.ReceivePacketAsync());

        // At the limit, all of them go out.
        Assert.True(connection.AcknowledgeLater(4, maxHeld: 3));
        Assert.True(connection.AcknowledgeLater(5, maxHeld: 3));
        Assert.Equal(2, connection.HeldAcknowledgements);
        Assert.True(connection.AcknowledgeLater(0x1234, maxHeld: 3));
        Assert.Equal(0, connection.HeldAcknowledgements);
        Assert.Equal(PubAck(4), await broker.ReceivePacketAsync());
        Assert.Equal(PubAck(5), await broker.ReceivePacketAsync());
        Assert.Equal(PubAck(0x1234), await broker.ReceivePacketAsync());

        // More than the first buffer holds, then an explicit flush.
        for (ushort id = 100; id < 140; id++)
        {
            Assert.True(connection.AcknowledgeLater(id));
        }

        Assert.True(connection.FlushAcknowledgements());
        for (ushort id = 100; id < 140; id++)
        {
            Assert.Equal(PubAck(id), await broker.ReceivePacketAsync());
        }

        // A clean close writes what is held before DISCONNECT; a closed connection takes no more.
        Assert.True(connection.AcknowledgeLater(7));
        await connection.DisposeAsync();
        Assert.Equal(PubAck(7), await broker.ReceivePacketAsync());
        Assert.Equal(new byte[] { 0xE0, 0x00 }, await broker.ReceivePacketAsync());
        Assert.False(connection.AcknowledgeLater(8));
        Assert.False(connection.FlushAcknowledgements());
    }

    [Fact]
    public async Task PublishBeforeSubAck_FromAResumedSession_IsReadFirst()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        var connecting = MqttSubscriberConnection.ConnectAsync(broker.Options("resumed"), Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([.. ConnAck(0, sessionPresent: true), .. Publish("t/1", 1, 5, [], [1]), .. SubAck(1, 0x01), .. Publish("t/2", 1, 6, [], [2])]);
        await using var connection = await connecting;

        Assert.True(connection.SessionPresent);
        Assert.True(connection.HasBufferedPacket);
        Assert.True(await connection.ReadPublishAsync(Timeout()));
        Assert.Equal(("t/1", (ushort)5), (connection.Current.Topic, connection.Current.PacketId));
        Assert.True(connection.HasBufferedPacket);
        Assert.True(await connection.ReadPublishAsync(Timeout()));
        Assert.Equal(("t/2", (ushort)6), (connection.Current.Topic, connection.Current.PacketId));
        Assert.False(connection.HasBufferedPacket);

        // Part of a packet is not a packet.
        var fourth = Publish("t/4", 1, 8, [], [4]);
        await broker.SendAsync([.. Publish("t/3", 1, 7, [], [3]), .. fourth[..4]]);
        Assert.True(await connection.ReadPublishAsync(Timeout()));
        Assert.Equal("t/3", connection.Current.Topic);
        Assert.False(connection.HasBufferedPacket);
        await broker.SendAsync(fourth[4..]);
        Assert.True(await connection.ReadPublishAsync(Timeout()));
        Assert.Equal("t/4", connection.Current.Topic);
    }

    [Fact]
    public async Task RefusedConnection_NamesTheReason()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        var connecting = MqttSubscriberConnection.ConnectAsync(broker.Options("refused"), Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync(ConnAck(0x87));

        var e = await Assert.ThrowsAsync<MqttConnectionException>(() => connecting);
        Assert.Contains("not authorized", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedSubscription_NamesTheFilterAndReason()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        var connecting = MqttSubscriberConnection.ConnectAsync(broker.Options("badfilter"), Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([.. ConnAck(0), .. SubAck(1, 0x87)]);

        var e = await Assert.ThrowsAsync<MqttConnectionException>(() => connecting);
        Assert.Contains("'twin/bracket/+/+'", e.Message, StringComparison.Ordinal);
        Assert.Contains("not authorized", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokerDisconnect_ClosesWithItsReasonAndAcknowledgementsStop()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        var connecting = MqttSubscriberConnection.ConnectAsync(broker.Options("kicked"), Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([.. ConnAck(0), .. SubAck(1, 0x00), 0xE0, 0x01, 0x8E]);
        await using var connection = await connecting;

        Assert.False(await connection.ReadPublishAsync(Timeout()));
        Assert.False(connection.IsOpen);
        Assert.Contains("session taken over", connection.CloseReason, StringComparison.Ordinal);
        Assert.False(connection.Acknowledge(1));
    }

    [Fact]
    public async Task MalformedPublish_IsAProtocolErrorThatClosesTheConnection()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        var connecting = MqttSubscriberConnection.ConnectAsync(broker.Options("malformed"), Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([.. ConnAck(0), .. SubAck(1, 0x01), 0x32, 0x04, 0x00, 0x09, (byte)'a', (byte)'b']);
        await using var connection = await connecting;

        var e = await Assert.ThrowsAsync<MqttConnectionException>(async () => await connection.ReadPublishAsync(Timeout()));
        Assert.Contains("topic of 9 bytes", e.Message, StringComparison.Ordinal);
        Assert.False(connection.IsOpen);
    }

    [Fact]
    public async Task SilentBroker_PingedThenGivenUpAfterOneAndAHalfKeepAlives()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        var options = broker.Options("silent") with { KeepAlive = TimeSpan.FromSeconds(1) };
        var connecting = MqttSubscriberConnection.ConnectAsync(options, Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([.. ConnAck(0), .. SubAck(1, 0x01)]);
        await using var connection = await connecting;
        var clock = Stopwatch.StartNew();

        // The broker reads the pings but never answers: the reader gives up.
        var read = connection.ReadPublishAsync(Timeout()).AsTask();
        Assert.Equal(new byte[] { 0xC0, 0x00 }, await broker.ReceivePacketAsync());
        Assert.False(await read);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.4, 5);
        Assert.Contains("no packet from the broker", connection.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_ProtocolErrorFromTheBroker_IsReportedAndTheSourceConnectsAfresh()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        var options = broker.Options("source-fault") with { ReconnectDelayMin = TimeSpan.FromMilliseconds(50) };
        await using var source = new MqttSensorSource(options, new TwinPlatform.Twins.Feeds.Wire.SensorMessageConverter());
        var started = source.StartAsync(Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([.. ConnAck(0), .. SubAck(1, 0x01)]);
        await started;

        // A PUBLISH whose topic runs past the packet: the connection is dropped with the reason.
        await broker.SendAsync([0x32, 0x04, 0x00, 0x09, (byte)'a', (byte)'b']);
        await broker.AcceptAsync();
        Assert.Contains("protocol error", source.LastError, StringComparison.Ordinal);
        await broker.SendAsync([.. ConnAck(0), .. SubAck(1, 0x01)]);
        await source.WaitUntilSubscribedAsync(Timeout());
        Assert.Equal(1, source.Counters.Reconnects);
    }

    [MosquittoFact]
    public async Task RealBroker_SendsNoMoreThanTheReceiveMaximumUntilAcknowledged()
    {
        using var broker = MosquittoProcess.Start(RepoPaths.NewTempFolder("mosquitto"), new MosquittoProcessOptions());
        var options = new MqttSensorSourceOptions { Port = broker.Port, ClientId = "receive-max", TopicFilter = "rm/#", SessionExpirySeconds = 0, ReceiveMaximum = 3 };
        await using var connection = await MqttSubscriberConnection.ConnectAsync(options, Timeout());
        await using var publisher = new MqttSensorPublisher(new MqttSensorPublisherOptions { Port = broker.Port, Scene = "rm" });
        for (var i = 0; i < 10; i++)
        {
            await publisher.PublishPayloadAsync($"rm/{i}", [(byte)i]);
        }

        var ids = new List<ushort>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await connection.ReadPublishAsync(Timeout()));
            Assert.Equal($"rm/{i}", connection.Current.Topic);
            ids.Add(connection.Current.PacketId);
        }

        // Three in flight: the fourth waits for an acknowledgement.
        using (var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await connection.ReadPublishAsync(wait.Token));
        }

        Assert.True(connection.Acknowledge(ids[0]));
        Assert.True(await connection.ReadPublishAsync(Timeout()));
        Assert.Equal("rm/3", connection.Current.Topic);
    }

    [Fact]
    public async Task BlockingReads_AfterABurst_WaitForTheLowWaterMarkAtMostTheWait_ThenWakeAtOnceAgain()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        await using var connection = await ConnectWithLowWaterAsync(broker, TimeSpan.FromMilliseconds(300));
        Assert.False(connection.IsLowWaterRaised);

        // A burst waiting in the socket: one read brings more than a quarter of the mark, which goes up.
        await broker.SendAsync([.. Publish("twin/s/a/x", 1, 1, [], new byte[6_000]), .. Publish("twin/s/a/x", 1, 2, [], new byte[6_000])]);
        Assert.True(await Task.Run(connection.ReadPublish).WaitAsync(Timeout()));
        Assert.True(await Task.Run(connection.ReadPublish).WaitAsync(Timeout()));
        Assert.Equal(2, connection.Current.PacketId);
        Assert.True(connection.IsLowWaterRaised);
        Assert.Equal(1, connection.LowWaterRaises);

        // The burst's tail, below the mark, is held until the wait ends, not longer; the short read lowers the mark.
        var clock = Stopwatch.StartNew();
        await broker.SendAsync(Publish("twin/s/a/x", 1, 3, [], new byte[100]));
        Assert.True(await Task.Run(connection.ReadPublish).WaitAsync(Timeout()));
        Assert.Equal(3, connection.Current.PacketId);
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 250, 10_000);
        Assert.False(connection.IsLowWaterRaised);

        // Lowered: a reader already waiting wakes at the next packet.
        var reading = Task.Run(connection.ReadPublish);
        await Task.Delay(100);
        clock.Restart();
        await broker.SendAsync(Publish("twin/s/a/x", 1, 4, [], new byte[100]));
        Assert.True(await reading.WaitAsync(Timeout()));
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 0, 200);
        Assert.Equal(4, connection.Current.PacketId);
    }

    [Fact]
    public async Task BlockingRead_NothingWithinTheWaitOfARaisedMark_LowersItAndTakesTheNextPacket()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        await using var connection = await ConnectWithRaisedMarkAsync(broker, TimeSpan.FromMilliseconds(100));

        // The read times out with nothing (the socket's receive time-out): the connection stays open, the mark
        // goes down and the read goes on waiting for the next packet.
        var reading = Task.Run(connection.ReadPublish);
        await Task.Delay(400);
        Assert.False(reading.IsCompleted);
        await broker.SendAsync(Publish("twin/s/a/x", 1, 2, [], new byte[100]));
        Assert.True(await reading.WaitAsync(Timeout()));
        Assert.Equal(2, connection.Current.PacketId);
        Assert.False(connection.IsLowWaterRaised);
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task AsynchronousRead_AfterTheMarkWentUp_LowersItAndIsNotHeld()
    {
        await using var broker = await ScriptedBroker.StartAsync();
        await using var connection = await ConnectWithRaisedMarkAsync(broker, TimeSpan.FromSeconds(30));

        // An asynchronous receive waiting on an empty socket has no time-out: with the mark still up it would
        // wait for 16 kB that never come.
        var reading = connection.ReadPublishAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token).AsTask();
        await Task.Delay(100);
        await broker.SendAsync(Publish("twin/s/a/x", 1, 2, [], new byte[100]));
        Assert.True(await reading);
        Assert.Equal(2, connection.Current.PacketId);
        Assert.False(connection.IsLowWaterRaised);
    }

    [MosquittoFact]
    public async Task RealBroker_BacklogReadWithTheLowWaterMark_EveryMessageArrivesAndTheLastIsNotHeld()
    {
        using var broker = MosquittoProcess.Start(RepoPaths.NewTempFolder("mosquitto"), new MosquittoProcessOptions());
        var options = new MqttSensorSourceOptions { Port = broker.Port, ClientId = "low-water", TopicFilter = "lw/#", SessionExpirySeconds = 0, ReceiveMaximum = ushort.MaxValue };
        await using var connection = await MqttSubscriberConnection.ConnectAsync(options, Timeout());
        await using var publisher = new MqttSensorPublisher(new MqttSensorPublisherOptions { Port = broker.Port, Scene = "lw" });
        const int Count = 300;
        for (var i = 0; i < Count; i++)
        {
            await publisher.PublishPayloadAsync($"lw/{i}", new byte[1_000]);
        }

        // The broker sends what its in-flight limit allows; each acknowledgement releases one more, so the
        // reads after the first find less than the mark and the wait ends them.
        var clock = Stopwatch.StartNew();
        var topics = await Task.Run(() =>
        {
            var seen = new List<string>();
            while (seen.Count < Count && connection.ReadPublish())
            {
                seen.Add(connection.Current.Topic);
                Assert.True(connection.Acknowledge(connection.Current.PacketId));
            }

            return seen;
        }).WaitAsync(Timeout());
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"lw/{i}"), topics);
        Assert.True(connection.LowWaterRaises >= 1);

        await publisher.PublishPayloadAsync("lw/last", [1]);
        Assert.True(await Task.Run(connection.ReadPublish).WaitAsync(Timeout()));
        Assert.Equal("lw/last", connection.Current.Topic);
        Assert.False(connection.IsLowWaterRaised);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 10);
    }

    /// <summary>Connects to the scripted broker with a low-water mark of 16 kB and the given wait.</summary>
    private static async Task<MqttSubscriberConnection> ConnectWithLowWaterAsync(ScriptedBroker broker, TimeSpan wait)
    {
        var options = broker.Options("low-water") with { ReceiveLowWater = 16 * 1024, ReceiveLowWaterWait = wait };
        var connecting = MqttSubscriberConnection.ConnectAsync(options, Timeout());
        await broker.AcceptAsync();
        await broker.SendAsync([.. ConnAck(0), .. SubAck(1, 0x01)]);
        return await connecting;
    }

    /// <summary>As <see cref="ConnectWithLowWaterAsync"/>, then a 10 kB packet read in one go, which raises the mark.</summary>
    private static async Task<MqttSubscriberConnection> ConnectWithRaisedMarkAsync(ScriptedBroker broker, TimeSpan wait)
    {
        var connection = await ConnectWithLowWaterAsync(broker, wait);
        await broker.SendAsync(Publish("twin/s/a/x", 1, 1, [], new byte[10_000]));
        Assert.True(await Task.Run(connection.ReadPublish).WaitAsync(Timeout()));
        Assert.True(connection.IsLowWaterRaised);
        return connection;
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    private static byte[] ConnAck(byte reason, bool sessionPresent = false) => [0x20, 0x03, (byte)(sessionPresent ? 1 : 0), reason, 0x00];

    private static byte[] PubAck(ushort packetId) => [0x40, 0x02, (byte)(packetId >> 8), (byte)packetId];

    private static byte[] SubAck(ushort packetId, byte code) => [0x90, 0x04, (byte)(packetId >> 8), (byte)packetId, 0x00, code];

    private static byte[] Publish(string topic, int qos, ushort packetId, byte[] properties, byte[] payload)
    {
        var body = new List<byte>();
        var t = Encoding.UTF8.GetBytes(topic);
        body.Add((byte)(t.Length >> 8));
        body.Add((byte)t.Length);
        body.AddRange(t);
        if (qos > 0)
        {
            body.Add((byte)(packetId >> 8));
            body.Add((byte)packetId);
        }

        MqttPackets.WriteVarInt(body, properties.Length);
        body.AddRange(properties);
        body.AddRange(payload);
        var packet = new List<byte> { (byte)(0x30 | (qos << 1)) };
        MqttPackets.WriteVarInt(packet, body.Count);
        packet.AddRange(body);
        return [.. packet];
    }

    /// <summary>A loopback listener that plays exact bytes to one client and reads what it sends.</summary>
    private sealed class ScriptedBroker : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private Socket? _client;

        private ScriptedBroker(TcpListener listener) => _listener = listener;

        public static Task<ScriptedBroker> StartAsync()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return Task.FromResult(new ScriptedBroker(listener));
        }

        public MqttSensorSourceOptions Options(string clientId) =>
            new() { Port = ((IPEndPoint)_listener.LocalEndpoint).Port, ClientId = clientId, TopicFilter = "twin/bracket/+/+", ConnectTimeout = TimeSpan.FromSeconds(10) };

        /// <summary>Accepts the client and reads its CONNECT and SUBSCRIBE.</summary>
        public async Task AcceptAsync()
        {
            _client = await _listener.AcceptSocketAsync(Timeout());
            Assert.Equal(0x10, (await ReceivePacketAsync())[0]);
            Assert.Equal(0x82, (await ReceivePacketAsync())[0]);
        }

        /// <summary>Bytes the client has sent that are not read yet.</summary>
        public int Waiting => _client!.Available;

        public async Task SendAsync(byte[] bytes) => _ = await _client!.SendAsync(bytes, SocketFlags.None, Timeout());

        public async Task<byte[]> ReceivePacketAsync()
        {
            var header = new List<byte> { await ReadByteAsync() };
            int length = 0, shift = 0;
            byte b;
            do
            {
                b = await ReadByteAsync();
                header.Add(b);
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            var body = new byte[length];
            for (var read = 0; read < length;)
            {
                read += await _client!.ReceiveAsync(body.AsMemory(read), SocketFlags.None, Timeout());
            }

            return [.. header, .. body];
        }

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            _listener.Stop();
            await Task.CompletedTask;
        }

        private async Task<byte> ReadByteAsync()
        {
            var one = new byte[1];
            if (await _client!.ReceiveAsync(one, SocketFlags.None, Timeout()) != 1)
            {
                throw new IOException("the client closed the connection");
            }

            return one[0];
        }
    }
}

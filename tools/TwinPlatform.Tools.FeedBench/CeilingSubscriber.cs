using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TwinPlatform.Plugins.Mqtt;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>
/// The broker's ceiling: a QoS 1 subscriber that does nothing with a payload (no decode) beyond counting
/// it; MQTTnet acknowledges automatically.
/// </summary>
internal sealed class CeilingSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _payloads;
    private long _lastTicks;
    private long _firstTicks = -1;

    public long Payloads => Interlocked.Read(ref _payloads);

    /// <summary>Stopwatch time of the last payload received.</summary>
    public TimeSpan Last => TimeSpan.FromTicks(Interlocked.Read(ref _lastTicks));

    /// <summary>Stopwatch time of the first payload received.</summary>
    public TimeSpan First => TimeSpan.FromTicks(Math.Max(0, Interlocked.Read(ref _firstTicks)));

    public async Task StartAsync(int port, string topicFilter, CancellationToken ct)
    {
        _client.ApplicationMessageReceivedAsync += _ =>
        {
            var now = _clock.Elapsed.Ticks;
            Interlocked.Increment(ref _payloads);
            Interlocked.CompareExchange(ref _firstTicks, now, -1);
            Interlocked.Exchange(ref _lastTicks, now);
            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithStreamProvider(new TcpStreamProvider()).WithClientId("feedbench-ceiling-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(true).Build();
        _ = await _client.ConnectAsync(options, ct);
        _ = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(topicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(), ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
    }
}

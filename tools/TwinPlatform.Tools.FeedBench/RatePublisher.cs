using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Tools.FeedBench;

/// <summary>
/// Publishes a workload's payloads at QoS 1 at an offered sample rate, with up to <see cref="Window"/> publishes awaiting their PUBACK, each
/// message stamped with the wall clock at publish.
/// </summary>
internal sealed class RatePublisher : IAsyncDisposable
{
    public const int Window = 64;

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Workload _workload;
    private long _next;

    public RatePublisher(Workload workload)
    {
        _workload = workload;
    }

    public async Task ConnectAsync(int port, CancellationToken ct)
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithStreamProvider(new TcpStreamProvider()).WithClientId("feedbench-publisher-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(true).WithTimeout(TimeSpan.FromSeconds(30)).Build();
        _ = await _client.ConnectAsync(options, ct);
    }

    /// <summary>Publishes for <paramref name="duration"/> at <paramref name="samplesPerSecond"/> (0: as fast as the window allows).</summary>
    /// <returns>Payloads and samples published and the wall time the publishing took.</returns>
    public async Task<(long Payloads, long Samples, double Seconds)> RunAsync(double samplesPerSecond, TimeSpan duration, CancellationToken ct)
    {
        var window = new SemaphoreSlim(Window, Window);
        var failures = 0L;
        var perPayload = _workload.SamplesPerPayload;
        var payloadsPerSecond = samplesPerSecond / perPayload;
        var clock = Stopwatch.StartNew();
        long payloads = 0;
        while (clock.Elapsed < duration)
        {
            if (payloadsPerSecond > 0)
            {
                var due = TimeSpan.FromSeconds(payloads / payloadsPerSecond);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, ct);
                }
            }

            await window.WaitAsync(ct);
            var message = Next();
            _ = PublishAsync(message, window, ct).ContinueWith(t => { if (!t.Result) { Interlocked.Increment(ref failures); } }, TaskScheduler.Default);
            payloads++;
        }

        for (var i = 0; i < Window; i++)
        {
            await window.WaitAsync(ct);
        }

        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} publishes failed");
        }

        return (payloads, payloads * perPayload, clock.Elapsed.TotalSeconds);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
    }

    private MqttApplicationMessage Next()
    {
        var batch = _workload.Payload(_next++, DateTime.UtcNow.Ticks);
        return new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.ForBatch(_workload.Scene, batch))
            .WithPayload(SensorMessageCodec.EncodeBatch(batch))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }

    private async Task<bool> PublishAsync(MqttApplicationMessage message, SemaphoreSlim window, CancellationToken ct)
    {
        try
        {
            var result = await _client.PublishAsync(message, ct);
            return result.IsSuccess;
        }
        finally
        {
            window.Release();
        }
    }
}

using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TwinPlatform.Core;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Plugins.Mqtt;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// <c>twin publish SCENE --to mqtt|signalr [...]</c>: plays a scene's recorded feed into a live
/// transport as a sensor gateway would, one payload per instant, in the recorded order (faults
/// included), at a chosen speed. A <c>kind: turbofan-fleet</c> scene publishes its C-MAPSS test engines,
/// one payload per engine cycle (<see cref="TurbofanPublish"/>).
/// </summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var scene = new Argument<string>("scene") { Description = "Scene folder (holding scene.yaml) or scene file" };
        var to = new Option<string>("--to") { Description = "Transport: mqtt (a broker) or signalr (a twin run's sensor hub)", DefaultValueFactory = _ => "mqtt" };
        to.AcceptOnlyFromAmong("mqtt", "signalr");
        var broker = new Option<string>("--broker") { Description = "MQTT broker host:port", DefaultValueFactory = _ => "127.0.0.1:1883" };
        var hub = new Option<string>("--hub") { Description = "SignalR hub URL", DefaultValueFactory = _ => "http://127.0.0.1:5180/hubs/sensors" };
        var speed = new Option<double>("--speed") { Description = "Feed seconds per wall-clock second (a turbofan-fleet scene: fleet cycles per second); 0 publishes as fast as the transport takes it", DefaultValueFactory = _ => 0 };
        var command = new Command("publish", "Play a scene's recorded feed into MQTT or a SignalR sensor hub, as a gateway would") { scene, to, broker, hub, speed };
        command.SetAction((result, ct) => Execute(result.GetValue(scene)!, result.GetValue(to)!, result.GetValue(broker)!, result.GetValue(hub)!, result.GetValue(speed), ct));
        return command;
    }

    private static async Task<int> Execute(string scenePath, string to, string broker, string hub, double speed, CancellationToken ct)
    {
        try
        {
            if (TurbofanPublish.IsTurbofanScene(scenePath))
            {
                return await PublishTurbofanAsync(scenePath, to, broker, hub, speed, ct).ConfigureAwait(false);
            }

            var scene = SceneLoader.Load(scenePath);
            var replay = scene.Feed.ReplayPath
                ?? throw new InputFileException(scene.File, 0, 0, "feed.replay", "the scene names no recorded feed to publish");
            var sensors = scene.Sensors.ToDictionary(s => s.Id, StringComparer.Ordinal);
            var reader = new CsvFeedReader(replay, scene.Sensors);
            Func<SensorMessage[], Task> send;
            IAsyncDisposable connection;
            if (to == "mqtt")
            {
                var colon = broker.LastIndexOf(':');
                var publisher = new MqttSensorPublisher(new MqttSensorPublisherOptions
                {
                    Host = broker[..colon],
                    Port = int.Parse(broker.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture),
                    Scene = scene.Name,
                });
                await publisher.ConnectAsync(ct).ConfigureAwait(false);
                send = batch => publisher.PublishAsync(batch, ct);
                connection = publisher;
            }
            else
            {
                var client = new HubConnectionBuilder().WithUrl(hub)
                    .AddMessagePackProtocol(o => o.SerializerOptions = SensorWireResolver.Extend(o.SerializerOptions))
                    .Build();
                await client.StartAsync(ct).ConfigureAwait(false);
                send = async batch =>
                {
                    var result = await client.InvokeAsync<PublishResult>("Publish", batch, ct).ConfigureAwait(false);
                    if (!result.AllAccepted)
                    {
                        Console.Error.WriteLine($"hub rejected {result.Rejections.Count} sample(s): {result.Rejections[0]}");
                    }
                };
                connection = client;
            }

            await using (connection.ConfigureAwait(false))
            {
                var clock = Stopwatch.StartNew();
                var batch = new List<SensorMessage>();
                long firstTicks = 0, batchTicks = 0, samples = 0, payloads = 0;
                await foreach (var sample in reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    if (batch.Count > 0 && sample.TimestampUtcTicks != batchTicks)
                    {
                        await Pace(firstTicks, batchTicks, speed, clock, ct).ConfigureAwait(false);
                        await send([.. batch]).ConfigureAwait(false);
                        payloads++;
                        batch.Clear();
                    }

                    if (firstTicks == 0)
                    {
                        firstTicks = sample.TimestampUtcTicks;
                    }

                    batchTicks = sample.TimestampUtcTicks;
                    var node = sensors[sample.Sensor];
                    batch.Add(SensorMessage.FromSample(node.Attachment.Twin.Value, sample, node.Unit));
                    samples++;
                }

                if (batch.Count > 0)
                {
                    await send([.. batch]).ConfigureAwait(false);
                    payloads++;
                }

                Console.Out.WriteLine($"published {samples} samples in {payloads} payloads to {(to == "mqtt" ? "mqtt " + broker + " " + MqttTopics.SceneFilter(scene.Name) : hub)} in {clock.Elapsed.TotalSeconds:F1} s ({reader.Rejected.Count} malformed row(s) of the recording skipped)");
            }

            return 0;
        }
        catch (InputFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> PublishTurbofanAsync(string scenePath, string to, string broker, string hub, double cyclesPerSecond, CancellationToken ct)
    {
        var scene = Prognostics.Fleet.TurbofanSceneLoader.Load(scenePath);
        Func<SensorMessage[], CancellationToken, Task> send;
        IAsyncDisposable connection;
        string target;
        if (to == "mqtt")
        {
            (string Host, int Port) endpoint;
            try
            {
                endpoint = RunCommand.Endpoint(broker, "--broker");
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }

            var publisher = new MqttSensorPublisher(new MqttSensorPublisherOptions { Host = endpoint.Host, Port = endpoint.Port, Scene = scene.Name });
            await publisher.ConnectAsync(ct).ConfigureAwait(false);
            send = (batch, token) => publisher.PublishAsync(batch, token);
            connection = publisher;
            target = $"mqtt {broker} {MqttTopics.SceneFilter(scene.Name)}";
        }
        else
        {
            var client = new HubConnectionBuilder().WithUrl(hub)
                .AddMessagePackProtocol(o => o.SerializerOptions = SensorWireResolver.Extend(o.SerializerOptions))
                .Build();
            await client.StartAsync(ct).ConfigureAwait(false);
            send = async (batch, token) =>
            {
                var result = await client.InvokeAsync<PublishResult>("Publish", batch, token).ConfigureAwait(false);
                if (!result.AllAccepted)
                {
                    Console.Error.WriteLine($"hub rejected {result.Rejections.Count} sample(s): {result.Rejections[0]}");
                }
            };
            connection = client;
            target = hub;
        }

        await using (connection.ConfigureAwait(false))
        {
            var (payloads, samples, rejected, seconds) = await TurbofanPublish.PublishAsync(scene.TestFile, send, cyclesPerSecond, ct).ConfigureAwait(false);
            Console.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"published {samples} samples of {Path.GetFileName(scene.TestFile)} in {payloads} payloads (one per engine cycle) to {target} in {seconds:F1} s ({rejected} malformed row(s) skipped)"));
        }

        return 0;
    }

    private static async Task Pace(long firstTicks, long ticks, double speed, Stopwatch clock, CancellationToken ct)
    {
        if (speed <= 0)
        {
            return;
        }

        var due = TimeSpan.FromTicks((long)((ticks - firstTicks) / speed));
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct).ConfigureAwait(false);
        }
    }
}

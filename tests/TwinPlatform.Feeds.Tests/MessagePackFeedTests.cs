using TwinPlatform.Core.Scenes;
using TwinPlatform.Testing;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Feeds.Tests;

public sealed class MessagePackFeedTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder("msgpack-feed");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReadAsync_RecordingOfTheBracketFeed_ReplaysTheSameSamples()
    {
        var scene = SceneLoader.Load(RepoPaths.InRepo("scenes", "bracket", "scene.yaml"));
        var csv = new CsvFeedReader(scene.Feed.ReplayPath!, scene.Sensors);
        var expected = new List<SensorSample>();
        await foreach (var s in csv.ReadAsync())
        {
            expected.Add(s);
        }

        // Record in batches of 50, as a gateway would send them.
        var path = Path.Combine(_folder, "feed.msgpack");
        await using (var writer = new MessagePackFeedWriter(path))
        {
            var batch = new List<SensorMessage>();
            foreach (var s in expected)
            {
                var sensor = scene.Sensors.Single(x => x.Id == s.Sensor);
                batch.Add(SensorMessage.FromSample(sensor.Attachment.Twin.Value, s, sensor.Unit));
                if (batch.Count == 50)
                {
                    writer.Write(batch.ToArray());
                    batch.Clear();
                }
            }

            writer.Write(batch.ToArray());
        }

        var reader = new MessagePackFeedReader(path, new SensorMessageConverter(scene.Sensors));
        var actual = new List<SensorSample>();
        await foreach (var s in reader.ReadAsync())
        {
            actual.Add(s);
        }

        Assert.Empty(reader.Rejected);
        Assert.True(expected.Count > 10_000);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Sensor, actual[i].Sensor);
            Assert.Equal(expected[i].Sequence, actual[i].Sequence);
            Assert.Equal(expected[i].TimestampUtcTicks, actual[i].TimestampUtcTicks);
            if (double.IsNaN(expected[i].ValueSI))
            {
                Assert.True(double.IsNaN(actual[i].ValueSI));
            }
            else
            {
                Assert.Equal(expected[i].ValueSI, actual[i].ValueSI, Math.Abs(expected[i].ValueSI) * 1e-14);
            }
        }
    }

    [Fact]
    public async Task ReadAsync_CorruptBatchAndTruncatedEnd_RejectedAndTheRestKept()
    {
        var path = Path.Combine(_folder, "faulty.msgpack");
        var first = SensorMessageCodec.EncodeBatch(TestMessages.Gauge(0, 10));
        var bad = SensorMessageCodec.EncodeBatch([TestMessages.Gauge(10, 1)[0] with { Unit = "cubits" }]);
        var third = SensorMessageCodec.EncodeBatch(TestMessages.Gauge(11, 10));
        var cut = SensorMessageCodec.EncodeBatch(TestMessages.Gauge(21, 10))[..^3];
        await File.WriteAllBytesAsync(path, [.. first, .. bad, .. third, .. cut]);

        var reader = new MessagePackFeedReader(path, new SensorMessageConverter());
        var sequences = new List<long>();
        await foreach (var s in reader.ReadAsync())
        {
            sequences.Add(s.Sequence);
        }

        Assert.Equal(Enumerable.Range(0, 10).Concat(Enumerable.Range(11, 10)).Select(i => (long)i), sequences);
        Assert.Equal(2, reader.Rejected.Count);
        Assert.Contains("cubits", reader.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Equal($"{path}@{first.Length}", reader.Rejected[0].Origin);
        Assert.Contains("truncated", reader.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal(2, reader.Counters.Rejected);
    }
}

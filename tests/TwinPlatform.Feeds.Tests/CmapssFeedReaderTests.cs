using TwinPlatform.Testing;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Feeds.Tests;

public sealed class CmapssFeedReaderTests
{
    private static readonly string TrainFd001 = RepoPaths.InSharedData("sensors", "cmapss", "train_FD001.txt");

    [Fact]
    public async Task ReadMessagesAsync_TrainFD001_OneBatchPerRowWith24Channels()
    {
        var reader = new CmapssFeedReader(TrainFd001, new CmapssFeedOptions { FleetTimeOrder = false, CyclePeriod = TimeSpan.FromMinutes(90) });
        var rows = 0;
        var engines = new HashSet<string>();
        var lastCycleOfEngine1 = 0L;
        SensorMessage[]? first = null;
        await foreach (var batch in reader.ReadMessagesAsync())
        {
            first ??= batch;
            rows++;
            Assert.Equal(24, batch.Length);
            engines.Add(batch[0].Twin);
            if (batch[0].Twin == "engine-1")
            {
                lastCycleOfEngine1 = batch[0].Sequence;
            }
        }

        // The data set's README: FD001 has 100 training trajectories; the file has 20631 rows.
        Assert.Equal(20631, rows);
        Assert.Equal(100, engines.Count);
        Assert.Equal(192, lastCycleOfEngine1);
        Assert.Empty(reader.Rejected);

        // First row: "1 1 -0.0007 -0.0004 100.0 518.67 641.82 1589.70 1400.60 14.62 21.61 554.36 2388.06 9046.19 1.30 47.47 ..."
        Assert.NotNull(first);
        var byName = first.ToDictionary(m => m.Channel);
        Assert.Equal(-0.0007, byName["setting1"].Value);
        Assert.Equal(641.82 * 5 / 9, byName["T24"].Value, 10);
        Assert.Equal("K", byName["T24"].Unit);
        Assert.Equal(21.61, byName["P15"].Value);
        Assert.Equal(554.36, byName["P30"].Value);
        Assert.Equal(47.47, byName["Ps30"].Value);
        Assert.Equal(2388.06, byName["Nf"].Value);
        Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, byName["T2"].TimestampUtcTicks);
        Assert.All(first, m => Assert.Equal(1, m.Sequence));
    }

    [Fact]
    public async Task ReadAsync_FleetTimeOrder_TimeNeverGoesBackAndEngineChannelsAreDistinct()
    {
        var reader = new CmapssFeedReader(TrainFd001);
        var conditioner = new FeedConditioner(new FeedConditionerOptions());
        var released = new List<SensorSample>();
        long lastTicks = 0, samples = 0;
        await foreach (var s in reader.ReadAsync())
        {
            Assert.True(s.TimestampUtcTicks >= lastTicks);
            lastTicks = s.TimestampUtcTicks;
            samples++;
            conditioner.Push(s, released);
        }

        conditioner.Flush(released);
        Assert.Equal(20631L * 24, samples);
        Assert.Equal(0, conditioner.Statistics.Duplicates);
        Assert.Equal(0, conditioner.Statistics.Late);
        Assert.Contains(released, s => s.Sensor == "engine-100/W32");
        Assert.Equal(0, reader.Counters.Rejected);
    }

    [Fact]
    public async Task ReadMessagesAsync_MalformedRow_RejectedWithLineAndTheRestKept()
    {
        var path = Path.Combine(RepoPaths.NewTempFolder("cmapss"), "bad.txt");
        var lines = File.ReadLines(TrainFd001).Take(3).ToList();
        lines.Insert(1, "1 2 0.0019 -0.0003 100.0 518.67 oops");
        lines[2] = lines[2].Replace(" 518.67 ", " 5x18.67 ", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(path, lines);

        var reader = new CmapssFeedReader(path);
        var batches = new List<SensorMessage[]>();
        await foreach (var b in reader.ReadMessagesAsync())
        {
            batches.Add(b);
        }

        Assert.Equal(2, batches.Count);
        Assert.Equal(2, reader.Rejected.Count);
        Assert.Equal(2, reader.Rejected[0].Line);
        Assert.Contains("expected 26 columns", reader.Rejected[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, reader.Rejected[1].Line);
        Assert.Contains("5x18.67", reader.Rejected[1].Message, StringComparison.Ordinal);
    }
}

using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Fleet;

namespace TwinPlatform.Prognostics.Tests;

public sealed class TurbofanCycleAssemblerTests
{
    private const int Channels = TurbofanCycleAssembler.ChannelCount;

    [Fact]
    public void Add_ChannelsShuffledEnginesInterleaved_EqualsDirectUpdates()
    {
        var engines = TurbofanFixtures.TestSet.Value.Engines.Take(4).ToArray();
        var direct = TurbofanFixtures.NewFleet();
        var assembled = TurbofanFixtures.NewFleet();
        var assembler = new TurbofanCycleAssembler(assembled);
        var random = new Random(5);
        var order = Enumerable.Range(0, Channels).ToArray();
        var longest = engines.Max(e => e.CycleCount);
        var row = new double[Channels];
        for (var k = 0; k < longest; k++)
        {
            foreach (var engine in engines.Where(e => k < e.CycleCount))
            {
                _ = direct.Update(engine.Unit, k + 1, engine.SettingsAt(k), engine.SensorsAt(k));
                Row(engine, k, row);
                random.Shuffle(order);
                for (var i = 0; i < Channels; i++)
                {
                    var updated = assembler.Add(engine.Unit, k + 1, order[i], row[order[i]]);
                    Assert.Equal(i == Channels - 1, updated is not null);
                }
            }
        }

        Assert.Equal(engines.Sum(e => e.CycleCount), assembler.CompleteCycles);
        Assert.Equal(0, assembler.HeldCycles + assembler.SkippedCycles + assembler.DroppedSamples);
        foreach (var engine in engines)
        {
            Assert.Equal(direct.Engine(engine.Unit)!.Prognosis.Current, assembled.Engine(engine.Unit)!.Prognosis.Current);
            Assert.Equal(direct.Engine(engine.Unit)!.Blade.Current, assembled.Engine(engine.Unit)!.Blade.Current);
        }
    }

    [Fact]
    public void Add_LaterCycleBeforeChannelsComplete_AppliesWithPreviousValuesHeld()
    {
        var engine = TurbofanFixtures.TestSet.Value.Engines[0];
        var assembled = TurbofanFixtures.NewFleet();
        var assembler = new TurbofanCycleAssembler(assembled);
        var row = new double[Channels];
        Row(engine, 0, row);
        for (var c = 0; c < Channels; c++)
        {
            _ = assembler.Add(engine.Unit, 1, c, row[c]);
        }

        // Cycle 2 lacks channel 5 (s3); the first sample of cycle 3 closes it.
        const int missing = CmapssColumns.SettingCount + 2;
        Row(engine, 1, row);
        for (var c = 0; c < Channels; c++)
        {
            if (c != missing)
            {
                Assert.Null(assembler.Add(engine.Unit, 2, c, row[c]));
            }
        }

        Row(engine, 2, row);
        Assert.NotNull(assembler.Add(engine.Unit, 3, 0, row[0]));

        var direct = TurbofanFixtures.NewFleet();
        _ = direct.Update(engine.Unit, 1, engine.SettingsAt(0), engine.SensorsAt(0));
        var held = engine.SensorsAt(1).ToArray();
        held[2] = engine.SensorsAt(0)[2];
        _ = direct.Update(engine.Unit, 2, engine.SettingsAt(1), held);
        Assert.Equal(1, assembler.CompleteCycles);
        Assert.Equal(1, assembler.HeldCycles);
        Assert.Equal(1, assembler.PendingCycles);
        Assert.Equal(direct.Engine(engine.Unit)!.Prognosis.Current, assembled.Engine(engine.Unit)!.Prognosis.Current);
        Assert.Equal(direct.Engine(engine.Unit)!.Blade.Current, assembled.Engine(engine.Unit)!.Blade.Current);
    }

    [Fact]
    public void Add_FirstCycleIncomplete_IsSkipped()
    {
        var assembler = new TurbofanCycleAssembler(TurbofanFixtures.NewFleet());
        for (var c = 1; c < Channels; c++)
        {
            _ = assembler.Add(7, 1, c, 1.0);
        }

        Assert.Null(assembler.Add(7, 2, 0, 1.0));
        Assert.Equal(1, assembler.SkippedCycles);
        Assert.Null(assembler.Fleet.Engine(7));
    }

    [Fact]
    public void Add_RepeatedChannelOrAppliedCycle_IsDroppedAndCounted()
    {
        var engine = TurbofanFixtures.TestSet.Value.Engines[0];
        var assembler = new TurbofanCycleAssembler(TurbofanFixtures.NewFleet());
        var row = new double[Channels];
        Row(engine, 0, row);
        for (var c = 0; c < Channels; c++)
        {
            _ = assembler.Add(engine.Unit, 1, c, row[c]);
        }

        Assert.Null(assembler.Add(engine.Unit, 1, 4, row[4]));
        Row(engine, 1, row);
        Assert.Null(assembler.Add(engine.Unit, 2, 0, row[0]));
        Assert.Null(assembler.Add(engine.Unit, 2, 0, 99.0));
        Assert.Equal(2, assembler.DroppedSamples);
        Assert.Equal(1, assembler.Fleet.Cycles);
        Assert.Equal(1, assembler.Flush());
        Assert.Equal(2, assembler.Fleet.Cycles);
        Assert.Equal(1, assembler.HeldCycles);
    }

    [Fact]
    public void Add_ChannelOutOfRange_Throws()
    {
        var assembler = new TurbofanCycleAssembler(TurbofanFixtures.NewFleet());
        Assert.Throws<ArgumentOutOfRangeException>(() => assembler.Add(1, 1, Channels, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => assembler.Add(1, 0, 0, 0));
    }

    private static void Row(CmapssEngine engine, int k, double[] row)
    {
        engine.SettingsAt(k).CopyTo(row);
        engine.SensorsAt(k).CopyTo(row.AsSpan(CmapssColumns.SettingCount));
    }
}

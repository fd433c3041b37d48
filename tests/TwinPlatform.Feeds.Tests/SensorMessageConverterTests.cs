using TwinPlatform.Core.Scenes;
using TwinPlatform.Testing;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Feeds.Tests;

public sealed class SensorMessageConverterTests
{
    private static readonly SceneDefinition Bracket = SceneLoader.Load(RepoPaths.InRepo("scenes", "bracket", "scene.yaml"));

    [Fact]
    public void TryConvert_SceneSensor_ValueInSIAndSceneId()
    {
        var converter = new SensorMessageConverter(Bracket.Sensors);
        var m = new SensorMessage("runway", "payload", TestMessages.Start.UtcTicks, 2.5, "kN", SampleQuality.Good, 9);

        Assert.True(converter.TryConvert(m, out var sample, out var reason), reason);

        Assert.Equal("payload", sample.Sensor);
        Assert.Equal(2500.0, sample.ValueSI, 12);
        Assert.Equal(9, sample.Sequence);
        Assert.Equal(m.TimestampUtcTicks, sample.TimestampUtcTicks);
    }

    [Fact]
    public void TryConvert_GaugeInMicrostrain_IsDimensionlessStrain()
    {
        var converter = new SensorMessageConverter(Bracket.Sensors);
        Assert.True(converter.TryConvert(TestMessages.Gauge(250, 1)[0], out var sample, out _));
        Assert.Equal(250e-6, sample.ValueSI, 15);
    }

    [Theory]
    [InlineData("runway", "SG2", "kN", "no sensor 'SG2'")]
    [InlineData("bracket-B", "SG1", "microstrain", "is on twin 'bracket-A'")]
    [InlineData("runway", "payload", "mm", "measures force")]
    [InlineData("runway", "payload", "parsecs", "unknown unit")]
    public void TryConvert_BreaksSceneRule_RejectedWithReason(string twin, string channel, string unit, string expected)
    {
        var converter = new SensorMessageConverter(Bracket.Sensors);
        var m = new SensorMessage(twin, channel, TestMessages.Start.UtcTicks, 1, unit, SampleQuality.Good, 0);

        Assert.False(converter.TryConvert(m, out _, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryConvert_TwinAndChannelMode_IdsSeparateEngines()
    {
        var converter = new SensorMessageConverter(null, SensorIdMode.TwinAndChannel);
        Assert.True(converter.TryConvert(new SensorMessage("engine-1", "T24", 0, 1, "K", SampleQuality.Good, 1), out var a, out _));
        Assert.True(converter.TryConvert(new SensorMessage("engine-2", "T24", 0, 1, "K", SampleQuality.Good, 1), out var b, out _));
        Assert.Equal("engine-1/T24", a.Sensor);
        Assert.Equal("engine-2/T24", b.Sensor);
    }

    [Fact]
    public void FromSample_ThenConvert_ReturnsTheSample()
    {
        var converter = new SensorMessageConverter(Bracket.Sensors);
        var lvdt = Bracket.Sensors.Single(s => s.Id == "LVDT");
        var sample = new SensorSample("LVDT", TestMessages.Start.UtcTicks, -3.2e-4, SampleQuality.Uncertain, 77);

        var message = SensorMessage.FromSample("runway", sample, lvdt.Unit);
        Assert.Equal("mm", message.Unit);
        Assert.Equal(-0.32, message.Value, 12);
        Assert.True(converter.TryConvert(message, out var back, out _));
        Assert.Equal(sample.ValueSI, back.ValueSI, 15);
        Assert.Equal(sample with { ValueSI = back.ValueSI }, back);
    }
}

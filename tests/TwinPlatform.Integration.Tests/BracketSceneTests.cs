using System.Text.Json.Nodes;
using TwinPlatform.Core.Graph;
using TwinPlatform.Materials;
using TwinPlatform.Testing;

namespace TwinPlatform.Integration.Tests;

public sealed class BracketSceneTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public void Calibration_RecoversSimulatorModulus_WithinStatedInterval()
    {
        var truth = JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("scenes", "bracket", "feed.truth.json")))!;
        var trueE = truth["youngs_modulus_true_pa"]!.GetValue<double>();
        var calibration = demo.Run.Runtime.Components["bracket-A"].Calibration!;
        var e = calibration.Modulus(0.90);
        Assert.True(e.Contains(trueE), $"simulator's E {trueE / 1e9:F3} GPa outside the 90% interval [{e.Lower / 1e9:F3}, {e.Upper / 1e9:F3}] GPa");

        // The interval must be informative, not wide enough to contain anything: narrower than the 4% difference.
        Assert.True(e.Width < 0.01 * trueE, $"interval width {e.Width / 1e9:F3} GPa");
        Assert.True(Math.Abs(e.Mean - 205e9) > 5 * e.StandardDeviation, "the calibration must tell the true modulus from the nominal one");
    }

    [Fact]
    public void Calibration_RecoversGaugeOffsetAndDrift()
    {
        var truth = JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("scenes", "bracket", "feed.truth.json")))!;
        var c = demo.Run.Runtime.Components["bracket-A"].Calibration!;
        var offset = truth["gauge_offset_at_start"]!.GetValue<double>();
        var drift = truth["gauge_drift_per_hour"]!.GetValue<double>();
        Assert.InRange(c.Offset(0, 0), offset - (4 * c.OffsetStd(0, 0)), offset + (4 * c.OffsetStd(0, 0)));
        var (rate, std) = c.DriftPerHour(0);
        Assert.InRange(rate, drift - (4 * std), drift + (4 * std));
    }

    [Fact]
    public void Feed_FaultsOfTheRecording_AreEachCounted()
    {
        var feed = demo.Run.Runtime.Feed;
        Assert.Equal(1, feed.Duplicates);
        Assert.Equal(1, feed.Reordered);
        Assert.Equal(1, feed.Bad);
        Assert.Equal(0, feed.Late);
        Assert.Equal(0, feed.Rejected);
        var gap = Assert.Single(feed.Gaps);
        Assert.Equal("SG1", gap.Sensor);
        Assert.InRange(gap.Seconds, 17.9, 18.5);
    }

    [Fact]
    public void Validation_HasEvidenceAtEveryLevel()
    {
        var levels = demo.Run.Verdict.Levels;
        Assert.Equal([TwinLevel.Material, TwinLevel.Component, TwinLevel.System], levels.Select(l => l.Level));
        Assert.All(levels, l => Assert.NotEmpty(l.Points));
        var tensile = levels[0].Points.Single(p => p.Quantity == MaterialPropertyNames.TensileStrength);
        Assert.Equal(1030, tensile.Data, 6);

        // The component is 4% more compliant than predicted: every hold's prediction is below the reading.
        Assert.All(levels[1].Points, p => Assert.True(p.ComparisonError < 0, p.Note));
        var peak = levels[1].Headline.Single();
        Assert.InRange(peak.RelativeError, -0.06, -0.02);
    }

    [Fact]
    public void Report_HasTheFourLevelsAndComputedFigures()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(demo.Output, "report.json")))!.AsObject();
        foreach (var key in new[] { "material", "component", "system", "validation" })
        {
            Assert.True(json.ContainsKey(key), $"report.json lacks '{key}'");
        }

        var passport = json["material"]!["steel-scm440"]!["passport"]!;
        Assert.NotNull(passport);
        var calibration = json["component"]!["bracket-A"]!["calibration"]!;
        Assert.Equal(demo.Run.Runtime.Components["bracket-A"].Calibration!.Modulus().Mean, calibration["mean_pa"]!.GetValue<double>(), 1e-3);
        Assert.NotNull(json["validation"]!["levels"]!["system"]!["headline"]);
    }

    [Fact]
    public void Html_HasPlotsAndTheImage()
    {
        var html = File.ReadAllText(Path.Combine(demo.Output, "report.html"));
        Assert.True(html.Split("<svg").Length - 1 >= 4, "expected at least four charts");
        Assert.Contains("predicted and measured strain", html, StringComparison.Ordinal);
        Assert.Contains("bracket-A-von-mises.png", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_IsRenderedAndNotBlank()
    {
        var path = Path.Combine(demo.Output, "bracket-A-von-mises.png");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var (width, height, rgba) = PngDecoder.Decode(path);
        Assert.Equal((1280, 960), (width, height));
        var background = BitConverter.ToUInt32(rgba, 0);
        var foreground = 0;
        var colours = new HashSet<uint>();
        for (var i = 0; i < width * height; i++)
        {
            var pixel = BitConverter.ToUInt32(rgba, 4 * i);
            foreground += pixel != background ? 1 : 0;
            colours.Add(pixel);
        }

        Assert.True(foreground > 0.15 * width * height, $"only {foreground} of {width * height} pixels differ from the background");
        Assert.True(colours.Count > 500, $"a stress field has many colours; found {colours.Count}");
    }
}

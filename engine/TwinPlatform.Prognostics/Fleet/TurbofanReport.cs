using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Models;

namespace TwinPlatform.Prognostics.Fleet;

/// <summary>
/// <c>turbofan-report.json</c>: the fleet's RUL figures against the truth, the model card's test
/// figures beside them, the blade ROM and its analytic check, and per-engine and per-cycle histories.
/// </summary>
public sealed record TurbofanReport
{
    /// <summary>Schema name.</summary>
    public string Schema { get; init; } = "twinplatform.turbofan-report";

    /// <summary>Schema version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Scene name.</summary>
    public required string Scene { get; init; }

    /// <summary>The replayed file.</summary>
    public required string ReplayFile { get; init; }

    /// <summary>Model id.</summary>
    public required string Model { get; init; }

    /// <summary>Cap applied to the true RUL, cycles.</summary>
    public required double CapCycles { get; init; }

    /// <summary>Metrics at each engine's last cycle from this replay.</summary>
    public required ManifestMetrics Rul { get; init; }

    /// <summary>The model card's test figures (should equal <see cref="Rul"/>).</summary>
    public ManifestMetrics? ModelCardTest { get; init; }

    /// <summary>The blade ROM and material.</summary>
    public required BladeSummary Blade { get; init; }

    /// <summary>Cycle samples replayed.</summary>
    public required int Cycles { get; init; }

    /// <summary>Replay wall time, seconds.</summary>
    public required double ReplaySeconds { get; init; }

    /// <summary>Per engine at its last cycle.</summary>
    public required IReadOnlyList<EngineRow> Engines { get; init; }

    /// <summary>Per-cycle histories of the engines the scene names.</summary>
    public required IReadOnlyList<HistoryRow> Histories { get; init; }

    /// <summary>Serializer settings: snake_case, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the report of a replay.</summary>
    public static TurbofanReport Create(TurbofanScene scene, RulModel model, BladeRom rom, BladeMaterial material, TurbofanFleetResult result)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rom);
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(result);
        var d = rom.Description;
        var analytic = BladeRom.AnalyticBarStressPa(rom.DensityKgPerM3, rom.ReferenceSpeedRadPerS, d.CheckPointRadiusM, d.TipRadiusM);
        var engines = new EngineRow[result.Engines.Count];
        for (var i = 0; i < engines.Length; i++)
        {
            var e = result.Engines[i];
            var r = e.Last.RemainingUsefulLifeCycles;
            engines[i] = new EngineRow(
                e.Unit, e.Cycles, Math.Min(e.TrueRemainingCycles, model.CapCycles), r.Mean, r.Lower, r.Upper, e.Last.HealthIndicator,
                e.Blade.StressPa, e.Blade.Margin, e.Blade.MarginLower, e.MinimumMargin, e.Blade.Damage);
        }

        var histories = new HistoryRow[result.Histories.Count];
        for (var i = 0; i < histories.Length; i++)
        {
            var h = result.Histories[i];
            var n = h.Prognosis.Count;
            var rul = new double[n];
            var lo = new double[n];
            var hi = new double[n];
            var hiIndicator = new double[n];
            var stress = new double[n];
            var margin = new double[n];
            var marginLower = new double[n];
            var damage = new double[n];
            var temperature = new double[n];
            var speed = new double[n];
            for (var k = 0; k < n; k++)
            {
                var p = h.Prognosis[k];
                var b = h.Blade[k];
                rul[k] = p.RemainingUsefulLifeCycles.Mean;
                lo[k] = p.RemainingUsefulLifeCycles.Lower;
                hi[k] = p.RemainingUsefulLifeCycles.Upper;
                hiIndicator[k] = p.HealthIndicator;
                stress[k] = b.StressPa;
                margin[k] = b.Margin;
                marginLower[k] = b.MarginLower;
                damage[k] = b.Damage;
                temperature[k] = b.TemperatureK;
                speed[k] = b.CoreSpeedRpm;
            }

            histories[i] = new HistoryRow(h.Unit, Math.Min(h.TrueRemainingCycles, model.CapCycles), rul, lo, hi, hiIndicator, speed, temperature, stress, margin, marginLower, damage);
        }

        return new TurbofanReport
        {
            Scene = scene.Name,
            ReplayFile = Path.GetFileName(scene.TestFile),
            Model = model.Id,
            CapCycles = model.CapCycles,
            Rul = ManifestMetrics.From(result.Metrics),
            ModelCardTest = model.Manifest.Test?.LastCycle,
            Blade = new BladeSummary(
                material.Passport.MaterialId,
                material.Passport.Name,
                rom.NodeCount,
                rom.ElementCount,
                rom.ReferenceSpeedRadPerS * 60.0 / (2.0 * Math.PI),
                d.CheckPointRadiusM,
                rom.ReferenceStressPa,
                analytic,
                (rom.ReferenceStressPa / analytic) - 1.0,
                rom.StressPerOmegaSquared,
                d.StressConcentrationFactor,
                scene.CoreSpeed.Name,
                scene.Temperature.Name),
            Cycles = result.Cycles,
            ReplaySeconds = result.ReplaySeconds,
            Engines = engines,
            Histories = histories,
        };
    }

    /// <summary>Writes the report as indented JSON.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
}

/// <summary>The blade ROM, its analytic check and the sensor mapping.</summary>
/// <param name="Material">Passport material id.</param>
/// <param name="MaterialName">Passport material name.</param>
/// <param name="Nodes">FE nodes.</param>
/// <param name="Elements">FE elements (Hex20).</param>
/// <param name="ReferenceSpeedRpm">Speed of the solve, rpm.</param>
/// <param name="CheckPointRadiusM">Radius of the check point, m.</param>
/// <param name="ReferenceStressPa">FE radial stress at the check point at the reference speed, Pa.</param>
/// <param name="AnalyticStressPa">Rotating-bar stress ρω²(R_tip² - r²)/2 at the same point, Pa.</param>
/// <param name="RelativeDifference">FE / analytic - 1.</param>
/// <param name="StressPerOmegaSquared">ROM coefficient, Pa s².</param>
/// <param name="StressConcentrationFactor">Root fillet factor applied in the twin.</param>
/// <param name="CoreSpeedSensor">Sensor mapped to core speed.</param>
/// <param name="TemperatureSensor">Sensor mapped to blade temperature.</param>
public sealed record BladeSummary(
    string Material,
    string MaterialName,
    int Nodes,
    int Elements,
    double ReferenceSpeedRpm,
    double CheckPointRadiusM,
    double ReferenceStressPa,
    double AnalyticStressPa,
    double RelativeDifference,
    double StressPerOmegaSquared,
    double StressConcentrationFactor,
    string CoreSpeedSensor,
    string TemperatureSensor);

/// <summary>One engine at its last cycle.</summary>
/// <param name="Unit">Unit number.</param>
/// <param name="Cycles">Cycles replayed.</param>
/// <param name="TrueRul">True RUL, capped.</param>
/// <param name="PredictedRul">Predicted RUL (mean).</param>
/// <param name="Lower">Lower end of the 90% interval.</param>
/// <param name="Upper">Upper end of the 90% interval.</param>
/// <param name="HealthIndicator">Health indicator.</param>
/// <param name="BladeStressPa">Blade peak stress at the last cycle, Pa.</param>
/// <param name="BladeMargin">Blade yield margin at the last cycle.</param>
/// <param name="BladeMarginLower">Blade yield margin with the 5% yield strength.</param>
/// <param name="BladeMinimumMargin">Smallest blade margin over the replay.</param>
/// <param name="BladeDamage">Miner damage accumulated over the replay.</param>
public sealed record EngineRow(int Unit, int Cycles, double TrueRul, double PredictedRul, double Lower, double Upper, double HealthIndicator, double BladeStressPa, double BladeMargin, double BladeMarginLower, double BladeMinimumMargin, double BladeDamage);

/// <summary>Per-cycle history of one engine (index k = cycle k + 1).</summary>
/// <param name="Unit">Unit number.</param>
/// <param name="TrueRulAtEnd">True RUL after the last cycle, capped.</param>
/// <param name="Rul">Predicted RUL.</param>
/// <param name="RulLower">Interval lower end.</param>
/// <param name="RulUpper">Interval upper end.</param>
/// <param name="HealthIndicator">Health indicator.</param>
/// <param name="CoreSpeedRpm">Core speed, rpm.</param>
/// <param name="TemperatureK">Blade temperature, K.</param>
/// <param name="BladeStressPa">Blade peak stress, Pa.</param>
/// <param name="BladeMargin">Yield margin.</param>
/// <param name="BladeMarginLower">Yield margin with the 5% yield strength.</param>
/// <param name="BladeDamage">Cumulative Miner damage.</param>
public sealed record HistoryRow(
    int Unit,
    double TrueRulAtEnd,
    IReadOnlyList<double> Rul,
    IReadOnlyList<double> RulLower,
    IReadOnlyList<double> RulUpper,
    IReadOnlyList<double> HealthIndicator,
    IReadOnlyList<double> CoreSpeedRpm,
    IReadOnlyList<double> TemperatureK,
    IReadOnlyList<double> BladeStressPa,
    IReadOnlyList<double> BladeMargin,
    IReadOnlyList<double> BladeMarginLower,
    IReadOnlyList<double> BladeDamage);

using TwinPlatform.Core;
using TwinPlatform.Core.Units;
using TwinPlatform.Core.Yaml;
using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Cmapss;

namespace TwinPlatform.Prognostics.Fleet;

/// <summary>
/// Reads a <c>kind: turbofan-fleet</c> scene file (see docs/prognostics.md). Every error names the
/// file, line and field.
/// </summary>
public static class TurbofanSceneLoader
{
    /// <summary>The scene kind this loader reads.</summary>
    public const string Kind = "turbofan-fleet";

    /// <summary>Loads <c>scene.yaml</c> from a scene folder (or a scene file path).</summary>
    /// <exception cref="InputFileException">The file is missing or malformed.</exception>
    public static TurbofanScene Load(string sceneFolderOrFile)
    {
        ArgumentNullException.ThrowIfNull(sceneFolderOrFile);
        var file = Directory.Exists(sceneFolderOrFile) ? Path.Combine(sceneFolderOrFile, "scene.yaml") : sceneFolderOrFile;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var root = YamlFile.Load(file).AsMapping().Only("schema", "version", "kind", "name", "description", "replay", "model", "sensors", "blade", "report");
        if (root.String("schema") != "twinplatform.scene")
        {
            throw root.Required("schema").Error("expected 'twinplatform.scene'");
        }

        if (root.Required("version").AsInt() != 1)
        {
            throw root.Required("version").Error("only version 1 is supported");
        }

        if (root.String("kind") != Kind)
        {
            throw root.Required("kind").Error($"expected '{Kind}'");
        }

        var replay = root.Required("replay").AsMapping().Only("data", "test", "rul");
        var data = Resolve(folder, replay.String("data"));
        var sensors = root.Required("sensors").AsMapping().Only("core_speed", "temperature");
        var coreSpeed = Channel(sensors.Required("core_speed"), Dimension.Frequency);
        var temperature = Channel(sensors.Required("temperature"), Dimension.Temperature);

        var b = root.Required("blade").AsMapping().Only("material", "hub_radius", "tip_radius", "chord", "thickness", "mesh", "check_point", "stress_concentration", "reference_speed");
        var blade = new BladeDescription
        {
            HubRadiusM = b.Required("hub_radius").AsSI(Dimension.Length),
            TipRadiusM = b.Required("tip_radius").AsSI(Dimension.Length),
            ChordM = b.Required("chord").AsSI(Dimension.Length),
            ThicknessM = b.Required("thickness").AsSI(Dimension.Length),
        };
        if (b.Optional("mesh") is { } meshField)
        {
            var mesh = meshField.AsMapping().Only("span", "thickness", "chord");
            blade = blade with
            {
                SpanElements = mesh.Optional("span")?.AsInt() ?? blade.SpanElements,
                ThicknessElements = mesh.Optional("thickness")?.AsInt() ?? blade.ThicknessElements,
                ChordElements = mesh.Optional("chord")?.AsInt() ?? blade.ChordElements,
            };
        }

        blade = blade with
        {
            CheckPointSpanFraction = b.Optional("check_point")?.AsDouble() ?? blade.CheckPointSpanFraction,
            StressConcentrationFactor = b.Optional("stress_concentration")?.AsDouble() ?? blade.StressConcentrationFactor,
        };
        try
        {
            blade.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw b.Self.Error(e.Message, e);
        }

        var referenceSpeed = b.Required("reference_speed").AsSI(Dimension.Frequency) * 60.0;
        if (!(referenceSpeed > 0))
        {
            throw b.Required("reference_speed").Error("the reference speed must be positive");
        }

        var history = new List<int>();
        if (root.Optional("report") is { } reportField)
        {
            var report = reportField.AsMapping().Only("history_engines");
            if (report.Optional("history_engines") is { } list)
            {
                foreach (var item in list.AsList())
                {
                    history.Add(item.AsInt());
                }
            }
        }

        return new TurbofanScene(
            root.String("name"),
            root.OptionalString("description") ?? string.Empty,
            Path.Combine(data, replay.String("test")),
            Path.Combine(data, replay.String("rul")),
            Resolve(folder, root.String("model")),
            coreSpeed,
            temperature,
            Resolve(folder, b.String("material")),
            blade,
            referenceSpeed,
            history);
    }

    private static string Resolve(string folder, string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(folder, path));

    /// <summary>A channel: <c>{sensor: s9, unit: rpm}</c>; speeds convert to rpm, temperatures to K (degR accepted).</summary>
    private static SensorChannel Channel(YamlField field, Dimension dimension)
    {
        var m = field.AsMapping().Only("sensor", "unit");
        var name = m.String("sensor");
        var sensor = -1;
        for (var i = 0; i < CmapssColumns.SensorCount; i++)
        {
            if (CmapssColumns.SensorName(i) == name)
            {
                sensor = i;
            }
        }

        if (sensor < 0)
        {
            throw m.Required("sensor").Error($"'{name}' is not a C-MAPSS sensor (s1..s21)");
        }

        var unit = m.String("unit");
        if (dimension == Dimension.Temperature)
        {
            // Rankine is absolute: K = 5/9 °R. Other units go through the unit catalogue.
            if (unit == "degR")
            {
                return new SensorChannel(sensor, unit, 5.0 / 9.0, 0.0);
            }

            var u = m.Required("unit").AsUnit(Dimension.Temperature);
            var offset = u.ToSI(0.0);
            return new SensorChannel(sensor, unit, u.ToSI(1.0) - offset, offset);
        }

        // Speeds: the twin works in rpm.
        var speed = m.Required("unit").AsUnit(Dimension.Frequency);
        return new SensorChannel(sensor, unit, speed.ToSI(1.0) * 60.0, 0.0);
    }
}

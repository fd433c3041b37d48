using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Core.Scenes;

/// <summary>
/// Loads a scene file (<c>scene.yaml</c>, schema <c>twinplatform.scene</c>, version 1), checks its
/// structure, units and cross-references, and reports any error with the file, line and field.
/// </summary>
public static class SceneLoader
{
    /// <summary>The schema name every scene file declares.</summary>
    public const string SchemaName = "twinplatform.scene";

    /// <summary>The name of the scene file inside a scene folder.</summary>
    public const string DefaultFileName = "scene.yaml";

    /// <summary>Loads a scene from a file or from a folder holding <c>scene.yaml</c>.</summary>
    /// <exception cref="InputFileException">Any error in the file; the message names file, line and field.</exception>
    public static SceneDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = System.IO.Directory.Exists(path) ? Path.Combine(path, DefaultFileName) : path;
        if (!File.Exists(file))
        {
            throw new InputFileException(file, 0, 0, string.Empty, "no such scene file");
        }

        return Read(YamlFile.Load(file), Path.GetDirectoryName(Path.GetFullPath(file))!);
    }

    /// <summary>Loads a scene from text, resolving relative paths against <paramref name="directory"/>.</summary>
    public static SceneDefinition Parse(string text, string displayName, string directory) =>
        Read(YamlFile.Parse(text, displayName), Path.GetFullPath(directory));

    private static SceneDefinition Read(YamlField root, string directory)
    {
        var top = root.AsMapping().Only("schema", "version", "name", "description", "materials", "components", "systems", "sensors", "feed", "twin");
        var schema = top.Required("schema");
        if (schema.AsString() != SchemaName)
        {
            throw schema.Error($"expected '{SchemaName}'");
        }

        var versionField = top.Required("version");
        var version = versionField.AsInt();
        if (version != SceneDefinition.CurrentVersion)
        {
            throw versionField.Error($"schema version {version} is not supported; this build reads version {SceneDefinition.CurrentVersion}");
        }

        var materials = ReadList(top.Required("materials"), ReadMaterial);
        var components = ReadList(top.Optional("components"), f => ReadComponent(f, directory));
        var systems = ReadList(top.Optional("systems"), ReadSystem);
        var sensors = ReadList(top.Optional("sensors"), ReadSensor);

        RequireUnique(top.Required("materials"), materials, m => m.Id);
        CheckReferences(materials, components, systems, sensors);

        return new SceneDefinition
        {
            File = root.File,
            Directory = directory,
            Version = version,
            Name = top.String("name"),
            Description = top.OptionalString("description")?.Trim() ?? string.Empty,
            Materials = materials,
            Components = components,
            Systems = systems,
            Sensors = [.. sensors.Select(s => s.Node)],
            Feed = ReadFeed(top.Optional("feed"), directory),
            Twin = ReadTwin(top.Optional("twin"), sensors),
        };
    }

    private static List<T> ReadList<T>(YamlField? field, Func<YamlField, T> read)
    {
        var list = new List<T>();
        if (field is { } f)
        {
            foreach (var item in f.AsList())
            {
                list.Add(read(item));
            }
        }

        return list;
    }

    private static MaterialDefinition ReadMaterial(YamlField field)
    {
        var m = field.AsMapping().Only("id", "name", "class", "composition", "process", "attributes", "properties", "lab");
        var process = new List<ProcessStep>();
        if (m.Optional("process") is { } p)
        {
            foreach (var step in p.AsList())
            {
                process.Add(ReadProcessStep(step));
            }
        }

        var attributes = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        if (m.Optional("attributes") is { } a)
        {
            foreach (var (key, value) in a.AsMapping().Entries)
            {
                attributes[key] = ParseAnyQuantity(value);
            }
        }

        return new MaterialDefinition
        {
            Id = ReadId(m.Required("id")),
            Name = m.String("name"),
            Class = m.OptionalString("class") ?? string.Empty,
            Composition = ReadComposition(m.Required("composition")),
            Process = process,
            Attributes = attributes,
            Properties = m.Optional("properties")?.AsMapping(),
            Lab = ReadList(m.Optional("lab"), ReadLab),
            Field = field,
        };
    }

    private static CompositionDefinition ReadComposition(YamlField field)
    {
        var m = field.AsMapping();
        var basis = m.Optional("basis")?.AsEnum<CompositionBasis>() ?? CompositionBasis.Mass;
        var unit = m.Optional("unit") is { } u ? u.AsUnit(Dimension.Dimensionless) : Unit.Parse("%");
        var balance = m.OptionalString("balance");
        var fractions = new List<KeyValuePair<string, double>>();
        double sum = 0;
        foreach (var (key, value) in m.Entries)
        {
            if (key is "basis" or "unit" or "balance")
            {
                continue;
            }

            if (!ChemicalElements.IsSymbol(key))
            {
                throw value.Error($"'{key}' is not a chemical element symbol");
            }

            var text = value.AsString();
            var q = Quantity.TryParse(text, Dimension.Dimensionless, out var parsed, out var error)
                ? parsed
                : throw value.Error(error!);
            var fraction = UnitParser.TrySplitNumber(text, out var number, out var unitText) && unitText.Length == 0
                ? unit.ToSI(number)
                : q.ValueSI;
            if (fraction is < 0 or > 1)
            {
                throw value.Error($"a fraction must lie between 0 and 100%, found {fraction * 100:G4}%");
            }

            fractions.Add(new(key, fraction));
            sum += fraction;
        }

        if (balance is not null)
        {
            if (!ChemicalElements.IsSymbol(balance))
            {
                throw m.Required("balance").Error($"'{balance}' is not a chemical element symbol");
            }

            if (sum > 1.0 + 1e-9)
            {
                throw field.Error($"the listed elements add up to {sum * 100:G5}%, leaving nothing for the balance {balance}");
            }

            fractions.Add(new(balance, 1.0 - sum));
        }
        else if (Math.Abs(sum - 1.0) > 0.005 && basis == CompositionBasis.Mass)
        {
            throw field.Error($"the fractions add up to {sum * 100:G5}%; give a 'balance' element or amounts that add to 100%");
        }

        return new CompositionDefinition(basis, fractions, balance);
    }

    private static ProcessStep ReadProcessStep(YamlField field)
    {
        var m = field.AsMapping();
        var name = m.String("step");
        var equipment = m.OptionalString("equipment") ?? m.OptionalString("medium");
        var setPoints = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var (key, value) in m.Entries)
        {
            if (key is "step" or "equipment" or "medium")
            {
                continue;
            }

            setPoints[key] = key.Contains("temperature", StringComparison.Ordinal) ? value.AsQuantity(Dimension.Temperature)
                : key.Contains("time", StringComparison.Ordinal) ? value.AsQuantity(Dimension.Time)
                : ParseAnyQuantity(value);
        }

        return new ProcessStep(name, setPoints, equipment);
    }

    private static LabMeasurement ReadLab(YamlField field)
    {
        var m = field.AsMapping().Only("property", "value", "std", "source", "kind", "date", "author", "institution", "method");
        var valueField = m.Required("value");
        var value = ParseAnyQuantity(valueField);
        var std = m.Required("std").AsQuantity(value.Dimension).ValueSI;
        if (std <= 0)
        {
            throw m.Required("std").Error("a measurement's standard uncertainty must be positive");
        }

        var date = DateTimeOffset.UnixEpoch;
        if (m.Optional("date") is { } d && !DateTimeOffset.TryParse(d.AsString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out date))
        {
            throw d.Error($"expected a date such as 2020-05-01, found '{d.AsString()}'");
        }

        var kind = m.Optional("kind")?.AsEnum<ProvenanceKind>() ?? ProvenanceKind.Experiment;
        var provenance = new Provenance(kind, m.String("source"), date, m.OptionalString("author"), m.OptionalString("institution"), m.OptionalString("method"));
        return new LabMeasurement(m.String("property"), value, std, provenance);
    }

    private static ComponentDefinition ReadComponent(YamlField field, string directory)
    {
        var m = field.AsMapping().Only("id", "name", "material", "geometry", "mesh", "fixed", "load_cases", "points");
        var geometryField = m.Required("geometry");
        var geometry = Path.GetFullPath(Path.Combine(directory, geometryField.AsString()));
        if (!File.Exists(geometry))
        {
            throw geometryField.Error($"no such file: {geometry}");
        }

        var mesh = m.Required("mesh").AsMapping().Only("order", "size", "refine");
        var orderField = mesh.Required("order");
        var order = orderField.AsInt();
        if (order is not (1 or 2))
        {
            throw orderField.Error("element order must be 1 or 2");
        }

        var size = RequirePositive(mesh.Required("size"), Dimension.Length);
        var refine = mesh.Optional("refine") is { } r ? RequirePositive(r, Dimension.Length) : 0.0;

        var fixedSurfaces = new List<string>();
        foreach (var f in m.Required("fixed").AsList())
        {
            fixedSurfaces.Add(f.AsString());
        }

        var loads = new List<LoadCaseDefinition>();
        foreach (var lc in m.Required("load_cases").AsList())
        {
            var lm = lc.AsMapping();
            var type = lm.Required("type").AsChoice("surface-force");
            lm.Only("name", "type", "surface", "direction");
            loads.Add(new LoadCaseDefinition(lm.String("name"), type, lm.String("surface"), ReadDirection(lm.Required("direction")), lc));
        }

        var points = new Dictionary<string, Vector3d>(StringComparer.Ordinal);
        if (m.Optional("points") is { } pts)
        {
            foreach (var (key, value) in pts.AsMapping().Entries)
            {
                var v = value.AsSIVector(Dimension.Length, 3);
                points[key] = new Vector3d(v[0], v[1], v[2]);
            }
        }

        return new ComponentDefinition
        {
            Id = ReadId(m.Required("id")),
            Name = m.String("name"),
            MaterialId = m.String("material"),
            GeometryPath = geometry,
            Mesh = new MeshOptions(order, size, refine),
            FixedSurfaces = fixedSurfaces,
            LoadCases = loads,
            Points = points,
            Field = field,
        };
    }

    private static SystemDefinition ReadSystem(YamlField field)
    {
        var m = field.AsMapping();
        var parts = new List<string>();
        if (m.Optional("components") is { } c)
        {
            foreach (var item in c.AsList())
            {
                parts.Add(item.AsString());
            }
        }

        return new SystemDefinition(ReadId(m.Required("id")), m.String("name"), m.String("kind"), parts, m);
    }

    private static (SensorNode Node, YamlField Field, string? Point, YamlField? PointField) ReadSensor(YamlField field)
    {
        var m = field.AsMapping().Only("id", "measures", "unit", "std", "component", "point", "direction", "system", "channel");
        var measuresField = m.Required("measures");
        var measures = measuresField.AsString();
        if (!SensorQuantities.TryGetDimension(measures, out var dimension))
        {
            throw measuresField.Error($"unknown measured quantity; known: {SensorQuantities.Known}");
        }

        var unit = m.Required("unit").AsUnit(dimension);
        var stdField = m.Required("std");
        var std = stdField.AsQuantity(dimension).ValueSI;
        if (std <= 0)
        {
            throw stdField.Error("a sensor's standard uncertainty must be positive");
        }

        var id = ReadId(m.Required("id"));
        SensorAttachment attachment;
        string? point = null;
        YamlField? pointField = null;
        if (m.Optional("component") is { } comp)
        {
            if (m.Has("system") || m.Has("channel"))
            {
                throw field.Error("a sensor sits on a component point or a system channel, not both");
            }

            pointField = m.Required("point");
            point = pointField.Value.AsString();
            var direction = m.Optional("direction") is { } d ? ReadDirection(d) : new Vector3d(1, 0, 0);

            // The position is resolved against the component's points in CheckReferences.
            attachment = new ComponentPoint(new TwinId(comp.AsString()), point, default, direction);
        }
        else if (m.Optional("system") is { } sys)
        {
            attachment = new SystemChannel(new TwinId(sys.AsString()), m.String("channel"));
        }
        else
        {
            throw field.Error("a sensor needs either 'component' and 'point', or 'system' and 'channel'");
        }

        return (new SensorNode(id, measures, unit, std, attachment), field, point, pointField);
    }

    private static FeedDefinition ReadFeed(YamlField? field, string directory)
    {
        if (field is not { } f)
        {
            return new FeedDefinition(null, null, 16);
        }

        var m = f.AsMapping().Only("replay", "truth", "reorder_window");
        string? Resolve(string key)
        {
            if (m.Optional(key) is not { } v)
            {
                return null;
            }

            // Existence is checked when the feed is opened: a simulator may be about to write it.
            return Path.GetFullPath(Path.Combine(directory, v.AsString()));
        }

        var window = m.Optional("reorder_window")?.AsInt() ?? 16;
        if (window is < 0 or > 100_000)
        {
            throw m.Required("reorder_window").Error("expected a window between 0 and 100000 samples");
        }

        return new FeedDefinition(Resolve("replay"), Resolve("truth"), window);
    }

    private static TwinOptions ReadTwin(YamlField? field, List<(SensorNode Node, YamlField Field, string? Point, YamlField? PointField)> sensors)
    {
        if (field is not { } f)
        {
            return new TwinOptions([], 2.0, []);
        }

        var m = f.AsMapping().Only("calibrate", "coverage_factor", "drift");
        var calibrate = new List<string>();
        if (m.Optional("calibrate") is { } c)
        {
            foreach (var item in c.AsList())
            {
                calibrate.Add(item.AsChoice("youngs_modulus"));
            }
        }

        var k = m.Optional("coverage_factor")?.AsDouble() ?? 2.0;
        if (k <= 0)
        {
            throw m.Required("coverage_factor").Error("the coverage factor must be positive");
        }

        var drift = new List<string>();
        if (m.Optional("drift") is { } d)
        {
            foreach (var item in d.AsList())
            {
                var id = item.AsString();
                if (!sensors.Exists(s => s.Node.Id == id))
                {
                    throw item.Error($"no sensor '{id}' in this scene");
                }

                drift.Add(id);
            }
        }

        return new TwinOptions(calibrate, k, drift);
    }

    private static void CheckReferences(
        List<MaterialDefinition> materials,
        List<ComponentDefinition> components,
        List<SystemDefinition> systems,
        List<(SensorNode Node, YamlField Field, string? Point, YamlField? PointField)> sensors)
    {
        var ids = new Dictionary<string, YamlField>(StringComparer.Ordinal);
        void Claim(string id, YamlField where)
        {
            if (ids.TryGetValue(id, out var first))
            {
                throw where.Error($"id '{id}' is already used at line {first.Node.Line}");
            }

            ids[id] = where;
        }

        foreach (var m in materials)
        {
            Claim(m.Id, m.Field);
        }

        foreach (var c in components)
        {
            Claim(c.Id, c.Field);
            if (!materials.Exists(m => m.Id == c.MaterialId))
            {
                throw c.Field.AsMapping().Required("material").Error($"no material '{c.MaterialId}' in this scene");
            }
        }

        foreach (var s in systems)
        {
            Claim(s.Id, s.Settings.Self);
            if (s.Settings.Optional("components") is { } list)
            {
                foreach (var item in list.AsList())
                {
                    var id = item.AsString();
                    if (!components.Exists(c => c.Id == id))
                    {
                        throw item.Error($"no component '{id}' in this scene");
                    }
                }
            }
        }

        for (var i = 0; i < sensors.Count; i++)
        {
            var (node, field, point, pointField) = sensors[i];
            Claim(node.Id, field);
            if (node.Attachment is ComponentPoint cp)
            {
                var comp = components.Find(c => c.Id == cp.Component.Value);
                if (comp is null)
                {
                    throw field.AsMapping().Required("component").Error($"no component '{cp.Component}' in this scene");
                }

                if (!comp.Points.TryGetValue(point!, out var position))
                {
                    throw pointField!.Value.Error($"component '{comp.Id}' has no point '{point}' (its points: {string.Join(", ", comp.Points.Keys)})");
                }

                sensors[i] = (node with { Attachment = cp with { PositionM = position } }, field, point, pointField);
            }
            else if (node.Attachment is SystemChannel sc && !systems.Exists(s => s.Id == sc.System.Value))
            {
                throw field.AsMapping().Required("system").Error($"no system '{sc.System}' in this scene");
            }
        }

    }

    private static void RequireUnique<T>(YamlField where, List<T> items, Func<T, string> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.Add(key(item)))
            {
                throw where.Error($"id '{key(item)}' appears twice");
            }
        }
    }

    private static string ReadId(YamlField field)
    {
        var id = field.AsString();
        foreach (var ch in id)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
            {
                throw field.Error($"an id may hold letters, digits, '-', '_' and '.', found '{ch}'");
            }
        }

        return id;
    }

    private static Vector3d ReadDirection(YamlField field)
    {
        var v = field.AsSIVector(Dimension.Dimensionless, 3);
        var d = new Vector3d(v[0], v[1], v[2]);
        return d.Length == 0 ? throw field.Error("a direction cannot be the zero vector") : d.Normalized();
    }

    private static double RequirePositive(YamlField field, Dimension dimension)
    {
        var v = field.AsSI(dimension);
        return v > 0 ? v : throw field.Error("must be positive");
    }

    private static Quantity ParseAnyQuantity(YamlField field)
    {
        try
        {
            return Quantity.Parse(field.AsString());
        }
        catch (UnitException e)
        {
            throw field.Error(e.Message, e);
        }
    }
}

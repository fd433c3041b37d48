using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Testing;

namespace TwinPlatform.Core.Tests;

public sealed class SceneLoaderTests
{
    private const string Valid = """
        schema: twinplatform.scene
        version: 1
        name: test
        materials:
          - id: steel
            name: Test steel
            composition: {basis: mass, unit: wt%, balance: Fe, C: 0.4, Cr: 1.0}
            process:
              - {step: tempering, temperature: 600 degC, time: 2 h}
            lab:
              - {property: tensile_strength, value: 1030 MPa, std: 10 MPa, source: test}
        components:
          - id: part
            name: Part
            material: steel
            geometry: part.geo
            mesh: {order: 2, size: 5 mm}
            fixed: [wall]
            load_cases:
              - {name: seat, type: surface-force, surface: seat, direction: [0, 0, -1]}
            points:
              gauge: [10 mm, 0 mm, 5 mm]
        systems:
          - id: frame
            name: Frame
            kind: simply-supported-beam
            components: [part]
            span: 3 m
        sensors:
          - {id: SG1, measures: strain, unit: microstrain, std: 2 microstrain, component: part, point: gauge, direction: [1, 0, 0]}
          - {id: load, measures: force, unit: kN, std: 0.02 kN, system: frame, channel: payload}
        twin:
          calibrate: [youngs_modulus]
          coverage_factor: 2
          drift: [SG1]
        """;

    private readonly string _dir;

    public SceneLoaderTests()
    {
        _dir = RepoPaths.NewTempFolder("scene");
        File.WriteAllText(Path.Combine(_dir, "part.geo"), "// geometry");
    }

    [Fact]
    public void Parse_ValidScene_ReadsEverythingInSI()
    {
        var scene = SceneLoader.Parse(Valid, "scene.yaml", _dir);
        var steel = scene.Material("steel");
        Assert.Equal(0.004, steel.Composition["C"], 1e-12);
        Assert.Equal(1.0 - 0.004 - 0.010, steel.Composition["Fe"], 1e-12);
        Assert.Equal(873.15, steel.SetPoint("tempering", "temperature")!.Value.ValueSI, 1e-9);
        Assert.Equal(7200.0, steel.SetPoint("tempering", "time")!.Value.ValueSI, 1e-9);
        Assert.Equal(1030e6, steel.Lab[0].Value.ValueSI, 1e-3);
        var part = scene.Component("part");
        Assert.Equal(0.005, part.Mesh.SizeM, 1e-12);
        Assert.Equal(new Vector3d(0.010, 0, 0.005), part.Points["gauge"]);
        Assert.Equal(-1.0, part.LoadCases[0].Direction.Z);
        var sg = Assert.IsType<ComponentPoint>(scene.Sensors[0].Attachment);
        Assert.Equal(0.010, sg.PositionM.X, 1e-12);
        Assert.Equal(2e-6, scene.Sensors[0].StandardUncertaintySI, 1e-15);
        Assert.Equal(20.0, scene.Sensors[1].StandardUncertaintySI, 1e-9);
        Assert.Equal(3.0, scene.System("frame").Settings.Required("span").AsSI(Units.Dimension.Length));
        Assert.Equal(["SG1"], scene.Twin.DriftChannels);
    }

    [Fact]
    public void BuildGraph_LinksThreeLevelsAndSensors()
    {
        var graph = SceneLoader.Parse(Valid, "scene.yaml", _dir).BuildGraph();
        Assert.Equal("steel", graph.MaterialOf(new TwinId("part")).Id.Value);
        Assert.Equal("frame", graph.SystemOf(new TwinId("part"))!.Id.Value);
        Assert.Single(graph.SensorsOn(new TwinId("part")));
        Assert.Single(graph.SensorsOn(new TwinId("frame")));
    }

    [Theory]
    [InlineData("size: 5 mm", "size: 5 MPa", 17, "components[0].mesh.size", "is a pressure/stress")]
    [InlineData("version: 1", "version: 2", 2, "version", "schema version 2 is not supported")]
    [InlineData("    material: steel\n", "    material: iron\n", 15, "components[0].material", "no material 'iron'")]
    [InlineData("point: gauge", "point: gage", 30, "sensors[0].point", "has no point 'gage'")]
    [InlineData("std: 2 microstrain", "std: 2 mm", 30, "sensors[0].std", "is a length")]
    [InlineData("C: 0.4,", "Xx: 0.4,", 7, "materials[0].composition.Xx", "not a chemical element")]
    [InlineData("temperature: 600 degC", "temperature: 600 s", 9, "materials[0].process[0].temperature", "expected a temperature")]
    [InlineData("    fixed: [wall]\n", "    fixd: [wall]\n", 18, "components[0].fixd", "unknown field")]
    [InlineData("order: 2", "order: 3", 17, "components[0].mesh.order", "must be 1 or 2")]
    [InlineData("drift: [SG1]", "drift: [SG9]", 35, "twin.drift[0]", "no sensor 'SG9'")]
    [InlineData("type: surface-force", "type: magic", 20, "components[0].load_cases[0].type", "not one of")]
    [InlineData("direction: [0, 0, -1]", "direction: [0, 0]", 20, "components[0].load_cases[0].direction", "expected 3 values")]
    public void Parse_BadField_NamesFileLineAndField(string find, string replace, int line, string field, string reason)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);
        var e = Assert.Throws<InputFileException>(() => SceneLoader.Parse(text, "scenes/x/scene.yaml", _dir));
        Assert.Equal("scenes/x/scene.yaml", e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(field, e.Field);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"scenes/x/scene.yaml:{line}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredField_NamesIt()
    {
        var text = Valid.Replace("name: test\n", string.Empty, StringComparison.Ordinal);
        var e = Assert.Throws<InputFileException>(() => SceneLoader.Parse(text, "s.yaml", _dir));
        Assert.Equal("name", e.Field);
        Assert.Contains("required field is missing", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingGeometryFile_NamesThePath()
    {
        var text = Valid.Replace("part.geo", "nothere.geo", StringComparison.Ordinal);
        var e = Assert.Throws<InputFileException>(() => SceneLoader.Parse(text, "s.yaml", _dir));
        Assert.Equal("components[0].geometry", e.Field);
        Assert.Contains("nothere.geo", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntaxError_NamesFileAndLine()
    {
        var e = Assert.Throws<InputFileException>(() => SceneLoader.Parse("schema: a\n  bad: indent\n", "s.yaml", _dir));
        Assert.Equal(2, e.Line);
        Assert.StartsWith("s.yaml:2:3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BundledBracketScene_Loads()
    {
        var scene = SceneLoader.Load(RepoPaths.InRepo("scenes", "bracket"));
        Assert.Equal("bracket", scene.Name);
        Assert.NotEmpty(scene.Sensors);
    }
}

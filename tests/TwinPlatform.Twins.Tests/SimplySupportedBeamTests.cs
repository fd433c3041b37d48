using TwinPlatform.Core.Scenes;
using TwinPlatform.Testing;
using TwinPlatform.Twins.Systems;

namespace TwinPlatform.Twins.Tests;

public sealed class SimplySupportedBeamTests
{
    private static SimplySupportedBeam Beam()
    {
        var dir = RepoPaths.NewTempFolder("beam");
        File.WriteAllText(Path.Combine(dir, "p.geo"), string.Empty);
        const string text = """
            schema: twinplatform.scene
            version: 1
            name: beam
            materials:
              - {id: m, name: m, composition: {Fe: 100}}
            components:
              - {id: a, name: a, material: m, geometry: p.geo, mesh: {order: 2, size: 1 mm}, fixed: [w], load_cases: [{name: seat, type: surface-force, surface: s, direction: [0, 0, -1]}], points: {seat: [0 m, 0 m, 0 m]}}
              - {id: b, name: b, material: m, geometry: p.geo, mesh: {order: 2, size: 1 mm}, fixed: [w], load_cases: [{name: seat, type: surface-force, surface: s, direction: [0, 0, -1]}], points: {seat: [0 m, 0 m, 0 m]}}
            systems:
              - id: beam
                name: beam
                kind: simply-supported-beam
                components: [a, b]
                span: 3 m
                supports:
                  - {component: a, at: 0 m, load_case: seat, point: seat}
                  - {component: b, at: 3 m, load_case: seat, point: seat}
                beam: {youngs_modulus: 210 GPa, youngs_modulus_std: 4.2 GPa, second_moment: 3892 cm^4}
            """;
        var scene = SceneLoader.Parse(text, "beam.yaml", dir);
        return (SimplySupportedBeam)SystemModels.Create(scene.System("beam"));
    }

    private sealed class FixedCompliance(double c) : IComponentCompliance
    {
        public (double ComplianceMPerN, double RelativeStd) Compliance(string componentId, string loadCase, string point) => (c, 0.02);
    }

    [Fact]
    public void Reactions_SumToPayloadAndBalanceMoments()
    {
        var beam = Beam();
        var (r0, r1) = beam.Reactions(10_000, 0.9);
        Assert.Equal(10_000, r0 + r1, 1e-9);
        Assert.Equal(10_000 * 0.9, r1 * 3.0, 1e-9);
    }

    [Fact]
    public void BeamDeflection_AtMidspanUnderCentralLoad_IsPL3Over48EI()
    {
        var beam = Beam();
        var ei = 210e9 * 3892e-8;
        Assert.Equal(20_000 * 27 / (48 * ei), beam.BeamDeflection(1.5, 20_000, 1.5), 1e-12);
    }

    [Fact]
    public void BeamDeflection_IsSymmetricUnderMirroredLoad()
    {
        var beam = Beam();
        Assert.Equal(beam.BeamDeflection(1.0, 5000, 0.7), beam.BeamDeflection(2.0, 5000, 2.3), 1e-15);
        Assert.Equal(beam.BeamDeflection(0.7, 5000, 1.0), beam.BeamDeflection(1.0, 5000, 0.7), 1e-15);   // Maxwell reciprocity
    }

    [Fact]
    public void Predict_AddsMeanSupportSettlement()
    {
        var beam = Beam();
        beam.SetInput("payload", 12_000, 20);
        beam.SetInput("position", 1.5, 0.001);
        var rigid = beam.BeamDeflection(1.5, 12_000, 1.5);
        var p = beam.Predict("midspan_deflection", new FixedCompliance(1e-9));
        Assert.Equal(rigid + (1e-9 * 12_000 / 2), p.ValueSI, 1e-12);
        Assert.True(p.InputStdSI > 0.019 * rigid);
    }

    [Fact]
    public void Create_UnknownKind_NamesTheField()
    {
        var dir = RepoPaths.NewTempFolder("beam");
        const string text = "schema: twinplatform.scene\nversion: 1\nname: x\nmaterials: []\nsystems:\n  - {id: s, name: s, kind: crane}\n";
        var scene = SceneLoader.Parse(text, "x.yaml", dir);
        var e = Assert.Throws<TwinPlatform.Core.InputFileException>(() => SystemModels.Create(scene.System("s")));
        Assert.Equal("systems[0].kind", e.Field);
        Assert.Equal(6, e.Line);
    }
}

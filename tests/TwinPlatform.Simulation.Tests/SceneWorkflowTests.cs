using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Gmsh;
using TwinPlatform.Simulation.Output;
using TwinPlatform.Testing;
using Xunit.Abstractions;

namespace TwinPlatform.Simulation.Tests;

/// <summary>The scene runner's path on the bundled wall bracket: mesh, unit load case, solve, probe, render fields.</summary>
public sealed class SceneWorkflowTests(ITestOutputHelper output)
{
    [Fact]
    public void Solve_BracketUnitSeatLoad_GivesGaugeStrainPerNewtonAndFieldsForRendering()
    {
        var progress = new List<string>();
        var mesh = new GmshMesher().Generate(RepoPaths.InRepo("scenes", "bracket", "bracket.geo"), new GmshMeshOptions
        {
            ElementOrder = 2,
            CharacteristicLengthM = 0.008,
            GeometryUnitM = 1e-3,
            CacheFolder = SimulationTestPaths.MeshCache,
        });
        var model = new StaticModel(mesh, new IsotropicElastic(210e9, 0.3));
        model.Fix("wall");
        var seat = model.AddSurfaceForce("seat", new Vector3d(0, 0, -1), 1.0);

        var results = model.Solve(new StaticSolveOptions { Progress = new ListProgress(progress) });

        var unit = results[seat];
        foreach (var line in progress)
        {
            output.WriteLine(line);
        }

        // Equilibrium: the wall carries the 1 N seat load, to 1e-6 N.
        var reaction = unit.ReactionForce("wall");
        Assert.Equal(1.0, reaction.Z, 1e-6);
        Assert.Equal(0.0, reaction.X, 1e-6);

        // A gauge on top of the arm near the wall reads tension along the arm under the downward seat load.
        var gauge = new Vector3d(0.030, 0.0, 0.016);
        var strainPerNewton = unit.NormalStrain(gauge, new Vector3d(1, 0, 0));
        output.WriteLine($"gauge strain per newton: {strainPerNewton:G4} /N; seat deflection {unit.DisplacementAt(new Vector3d(0.12, 0, 0.020)).Z:G4} m/N");
        Assert.True(strainPerNewton > 0 && strainPerNewton < 1e-6, $"strain per newton {strainPerNewton:G3}");
        Assert.True(unit.DisplacementAt(new Vector3d(0.12, 0, 0.020)).Z < 0);

        // Fields for rendering: one von Mises value per node, skin triangles over existing nodes, a VTU file.
        Assert.Equal(mesh.NodeCount, unit.NodalVonMises.Length);
        Assert.All(unit.NodalVonMises, v => Assert.True(double.IsFinite(v) && v >= 0));
        var skin = mesh.ExtractSkinTriangles();
        Assert.NotEmpty(skin);
        Assert.All(skin, n => Assert.InRange(n, 0, mesh.NodeCount - 1));
        var vtu = Path.Combine(RepoPaths.NewTempFolder("bracket"), "bracket.vtu");
        VtuWriter.WriteResult(vtu, unit, VtuEncoding.Base64);
        Assert.True(new FileInfo(vtu).Length > 1000);

        Assert.Contains(progress, line => line.StartsWith("load case 'seat'", StringComparison.Ordinal));
        Assert.Equal(results.Statistics.DofCount + results.Statistics.ConstrainedDofCount, 3 * mesh.NodeCount);
    }

    private sealed class ListProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}

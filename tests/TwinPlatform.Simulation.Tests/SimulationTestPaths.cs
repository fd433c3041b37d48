using TwinPlatform.Testing;

namespace TwinPlatform.Simulation.Tests;

/// <summary>Paths of the test geometry and the shared gmsh mesh cache.</summary>
internal static class SimulationTestPaths
{
    /// <summary>A .geo file under tests/TwinPlatform.Simulation.Tests/Meshes.</summary>
    public static string Geometry(string name) => RepoPaths.InRepo("tests", "TwinPlatform.Simulation.Tests", "Meshes", name);

    /// <summary>Mesh cache reused across test runs (keyed by geometry and options, so always consistent).</summary>
    public static string MeshCache => Path.Combine(Path.GetTempPath(), "twinplatform-tests", "gmsh-cache");
}

using TwinPlatform.Simulation.Gmsh;
using TwinPlatform.Testing;

namespace TwinPlatform.Simulation.Tests;

public sealed class GmshMesherTests
{
    [Fact]
    public void MeshFile_SecondCall_ComesFromTheCache()
    {
        var cache = RepoPaths.NewTempFolder("gmsh-cache");
        var options = new GmshMeshOptions { ElementOrder = 1, CharacteristicLengthM = 0.01, CacheFolder = cache };
        var messages = new List<string>();
        var progress = new SyncProgress(messages);
        var mesher = new GmshMesher();

        var first = mesher.MeshFile(SimulationTestPaths.Geometry("block.geo"), options, progress);
        var written = File.GetLastWriteTimeUtc(first);
        var second = mesher.MeshFile(SimulationTestPaths.Geometry("block.geo"), options, progress);

        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second));
        Assert.Contains(messages, m => m.StartsWith("mesh cache hit", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(cache));

        // Another size is another cache entry.
        var third = mesher.MeshFile(SimulationTestPaths.Geometry("block.geo"), options with { CharacteristicLengthM = 0.008 });
        Assert.NotEqual(first, third);
    }

    [Fact]
    public void MeshFile_SameGeometryAndOptions_IsDeterministic()
    {
        var options = new GmshMeshOptions { ElementOrder = 2, CharacteristicLengthM = 0.008, CacheFolder = RepoPaths.NewTempFolder("gmsh-a") };
        var a = new GmshMesher().MeshFile(SimulationTestPaths.Geometry("block.geo"), options);
        var b = new GmshMesher().MeshFile(SimulationTestPaths.Geometry("block.geo"), options with { CacheFolder = RepoPaths.NewTempFolder("gmsh-b") });

        // Single-threaded gmsh: identical meshes (the $MeshFormat.. $Elements text, ignoring nothing).
        Assert.Equal(File.ReadAllText(a), File.ReadAllText(b));
    }

    [Fact]
    public void MeshFile_BrokenGeometry_ThrowsWithGmshOutput()
    {
        var folder = RepoPaths.NewTempFolder("gmsh-bad");
        var geo = Path.Combine(folder, "broken.geo");
        File.WriteAllText(geo, "SetFactory(\"OpenCASCADE\");\nBox(1) = {0, 0, 0, 1, 1;\n");

        var ex = Assert.Throws<MeshingException>(() => new GmshMesher().MeshFile(geo, new GmshMeshOptions { CharacteristicLengthM = 1e-3, CacheFolder = folder }));

        Assert.Contains("gmsh failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Error", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.msh"));
    }

    [Fact]
    public void MeshFile_MissingExecutable_ThrowsSayingSo()
    {
        var ex = Assert.Throws<MeshingException>(() => new GmshMesher("/nonexistent/gmsh").MeshFile(
            SimulationTestPaths.Geometry("block.geo"),
            new GmshMeshOptions { CharacteristicLengthM = 0.01, CacheFolder = RepoPaths.NewTempFolder("gmsh-missing") }));

        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(List<string> messages) : IProgress<string>
    {
        public void Report(string value) => messages.Add(value);
    }
}

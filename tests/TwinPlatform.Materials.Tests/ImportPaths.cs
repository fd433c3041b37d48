using TwinPlatform.Materials.Import;
using TwinPlatform.Testing;

namespace TwinPlatform.Materials.Tests;

/// <summary>The committed mapping files and the shared data sets they read, imported once per test run.</summary>
internal static class ImportPaths
{
    private static readonly Lazy<ImportResult> LazyNims = new(() => RecordImporter.Import(Mapping("nims_fatigue"), Data("nims_fatigue.csv")));
    private static readonly Lazy<ImportResult> LazyMatbench = new(() => RecordImporter.Import(Mapping("matbench_steels"), Data("matbench_steels.json")));
    private static readonly Lazy<ImportResult> LazyMpea = new(() => RecordImporter.Import(Mapping("mpea"), Data("MPEA_dataset.csv")));

    public static ImportResult Nims => LazyNims.Value;

    public static ImportResult Matbench => LazyMatbench.Value;

    public static ImportResult Mpea => LazyMpea.Value;

    public static string Mapping(string name) => RepoPaths.InRepo("models", "mappings", name + ".yaml");

    public static string Data(string file) => RepoPaths.InSharedData("materials", file);
}

using System.Text.Json;

namespace TwinPlatform.Tools.SolverBench;

internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

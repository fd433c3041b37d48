using TwinPlatform.Materials.Passports;
using TwinPlatform.Twins.Validation;

namespace TwinPlatform.Twins.Runtime;

/// <summary>Everything a finished run produced, for reports and tests.</summary>
/// <param name="Prepared">The prepared scene (passports, component models).</param>
/// <param name="Runtime">The runtime with every twin's final state.</param>
/// <param name="Verdict">Validation at each level.</param>
/// <param name="InService">In-service evidence per material (the calibrated modulus), as passports with in-service provenance.</param>
/// <param name="Source">Where the samples came from.</param>
/// <param name="PrepareSeconds">Wall time to prepare (passports, meshing, solving), s.</param>
/// <param name="RunSeconds">Wall time to run the feed, s.</param>
public sealed record SceneRunResult(
    PreparedScene Prepared,
    SceneRuntime Runtime,
    ChainVerdict Verdict,
    IReadOnlyDictionary<string, MaterialPassport> InService,
    string Source,
    double PrepareSeconds,
    double RunSeconds);

using Microsoft.ML;

namespace TwinPlatform.Prognostics.Training;

/// <summary>A model fitted in memory: the runtime model and the ML.NET transformers it was compiled from (for saving).</summary>
/// <param name="Model">The runtime model.</param>
/// <param name="Transformers">One trained ML.NET model per ensemble member.</param>
/// <param name="InputSchema">The input schema the transformers were trained on.</param>
public sealed record FittedRulModel(RulModel Model, IReadOnlyList<ITransformer> Transformers, DataViewSchema InputSchema);

namespace TwinPlatform.Core.Lineage;

/// <summary>Where a record or value came from: kind, source, date and who.</summary>
/// <param name="Kind">Experiment, computation, prediction, sensor, in-service or handbook.</param>
/// <param name="Source">A DOI, file, model id, handbook citation or sensor id.</param>
/// <param name="Date">When the value was produced (UTC).</param>
/// <param name="Author">Who produced it, if known.</param>
/// <param name="Institution">Which organisation, if known.</param>
/// <param name="Method">Test standard, solver or model family, if relevant.</param>
/// <param name="Data">For predictions and calibrations: the data the model was fitted to.</param>
public sealed record Provenance(
    ProvenanceKind Kind,
    string Source,
    DateTimeOffset Date,
    string? Author = null,
    string? Institution = null,
    string? Method = null,
    string? Data = null)
{
    /// <summary>A computation by this software, dated now.</summary>
    public static Provenance Computed(string method, TimeProvider? clock = null) =>
        new(ProvenanceKind.Computation, "TwinPlatform", (clock ?? TimeProvider.System).GetUtcNow(), Method: method);
}

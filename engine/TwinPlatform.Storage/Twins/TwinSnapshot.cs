namespace TwinPlatform.Storage.Twins;

/// <summary>A twin's serialised state after it had consumed the run's samples up to an ordinal.</summary>
/// <param name="TwinId">The twin.</param>
/// <param name="Ordinal">The run's sample ordinal the state includes; resume by replaying samples after it.</param>
/// <param name="SavedUtc">When the snapshot was saved.</param>
/// <param name="StateJson">The twin's state, as JSON chosen by the twin runtime (opaque to the store).</param>
public sealed record TwinSnapshot(string TwinId, long Ordinal, DateTimeOffset SavedUtc, string StateJson);

namespace TwinPlatform.Storage.Twins;

/// <summary>Something a twin noticed during a run.</summary>
/// <param name="TwinId">The twin.</param>
/// <param name="Kind">What happened; see <see cref="TwinEventKinds"/>.</param>
/// <param name="TimestampUtc">When it happened (sample time, not wall-clock time of writing).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">A human-readable description.</param>
public sealed record TwinEvent(string TwinId, string Kind, DateTimeOffset TimestampUtc, TwinEventSeverity Severity, string Message);

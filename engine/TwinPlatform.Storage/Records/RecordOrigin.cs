namespace TwinPlatform.Storage.Records;

/// <summary>Where an imported record was read: file and line. Not part of the record's identity.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line (0 if unknown).</param>
public sealed record RecordOrigin(string File, int Line);

namespace TwinPlatform.Simulation.Input;

/// <summary>A data line split at commas.</summary>
/// <param name="Location">File and line.</param>
/// <param name="Fields">Trimmed fields; a trailing comma adds no empty field.</param>
/// <param name="Columns">1-based column where each field starts.</param>
/// <param name="EndsWithComma">The line ended with a comma (a continued element line).</param>
internal sealed record InpDataLine(DeckLocation Location, string[] Fields, int[] Columns, bool EndsWithComma);

namespace TwinPlatform.Simulation.Input;

/// <summary>A keyword-line parameter: <c>KEY=value</c> or a bare <c>KEY</c>.</summary>
/// <param name="Key">Upper-case key with single spaces (<c>STEADY STATE</c>).</param>
/// <param name="Value">Value as written (trimmed, quotes removed), or null for a bare key.</param>
/// <param name="Column">1-based column of the key on its line.</param>
internal sealed record InpParameter(string Key, string? Value, int Column);

namespace TwinPlatform.Core.Graph;

/// <summary>The address of a twin: a non-empty id unique within a scene.</summary>
/// <param name="Value">The id text, for example <c>bracket-A</c>.</param>
public readonly record struct TwinId(string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}

namespace TwinPlatform.Core.Yaml;

/// <summary>A node of a parsed YAML document with the 1-based line and column it starts at.</summary>
/// <param name="Line">1-based line of the node's first character.</param>
/// <param name="Column">1-based column of the node's first character.</param>
public abstract record YamlNode(int Line, int Column);

/// <summary>A scalar: the text as written (quotes removed, escapes resolved).</summary>
/// <param name="Value">The text; empty for an empty value.</param>
/// <param name="IsQuoted">True if written in quotes (then never null, never a number by accident).</param>
/// <param name="Line">Line.</param>
/// <param name="Column">Column.</param>
public sealed record YamlScalar(string Value, bool IsQuoted, int Line, int Column) : YamlNode(Line, Column)
{
    /// <summary>True for an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => !IsQuoted && (Value.Length == 0 || Value == "~" || Value == "null");
}

/// <summary>A sequence of nodes.</summary>
/// <param name="Items">The items in order.</param>
/// <param name="Line">Line.</param>
/// <param name="Column">Column.</param>
public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

/// <summary>A mapping with its keys in document order; keys are unique.</summary>
/// <param name="Entries">Key, key position and value, in order.</param>
/// <param name="Line">Line.</param>
/// <param name="Column">Column.</param>
public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, int Line, int Column) : YamlNode(Line, Column)
{
    /// <summary>The value for a key, or null when absent.</summary>
    public YamlEntry? Find(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Key == key)
            {
                return e;
            }
        }

        return null;
    }
}

/// <summary>One key of a mapping.</summary>
/// <param name="Key">The key text.</param>
/// <param name="Line">Line of the key.</param>
/// <param name="Column">Column of the key.</param>
/// <param name="Value">The value node.</param>
public sealed record YamlEntry(string Key, int Line, int Column, YamlNode Value);

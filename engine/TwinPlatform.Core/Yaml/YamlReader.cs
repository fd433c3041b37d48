namespace TwinPlatform.Core.Yaml;

/// <summary>
/// Reads the block-structured subset of YAML 1.2 that scene and mapping files use: mappings,
/// sequences (block and flow), plain and quoted scalars, literal and folded block scalars, and
/// comments. Every node keeps its line and column so that readers can point at the field.
/// </summary>
/// <remarks>
/// Anchors, aliases, tags, multi-line quoted scalars and several documents per file are refused
/// with the line where they occur, rather than read approximately.
/// </remarks>
public static class YamlReader
{
    /// <summary>Parses a document; an empty document is an empty mapping.</summary>
    /// <exception cref="YamlException">The text is not in the accepted subset; line and column say where.</exception>
    public static YamlNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new YamlBlockParser(text).ParseDocument();
    }
}

namespace TwinPlatform.Core.Yaml;

/// <summary>Loads a YAML configuration file as a root <see cref="YamlField"/>.</summary>
public static class YamlFile
{
    /// <summary>Reads and parses a file; syntax errors name the file, line and column.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="displayName">How the file is named in errors; defaults to <paramref name="path"/>.</param>
    /// <exception cref="InputFileException">Missing file or malformed YAML.</exception>
    public static YamlField Load(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(name, 0, 0, string.Empty, $"cannot read the file: {e.Message}", e);
        }

        return Parse(text, name);
    }

    /// <summary>Parses text that came from <paramref name="displayName"/>.</summary>
    /// <exception cref="InputFileException">Malformed YAML.</exception>
    public static YamlField Parse(string text, string displayName)
    {
        try
        {
            return new YamlField(displayName, string.Empty, YamlReader.Parse(text));
        }
        catch (YamlException e)
        {
            throw new InputFileException(displayName, e.Line, e.Column, string.Empty, e.Reason, e);
        }
    }
}

using TwinPlatform.Testing;

namespace TwinPlatform.Verification.Tests;

/// <summary>A temporary folder holding deck files written by a test.</summary>
internal sealed class DeckFolder
{
    public DeckFolder(string prefix = "deck")
    {
        Path = RepoPaths.NewTempFolder(prefix);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> (trimmed raw string) to <paramref name="name"/> and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text.ReplaceLineEndings("\n") + "\n");
        return file;
    }
}

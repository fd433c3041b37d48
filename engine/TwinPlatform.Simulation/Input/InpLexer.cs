using System.Text;

namespace TwinPlatform.Simulation.Input;

/// <summary>
/// Turns a deck and the files it includes into keyword cards: comments (<c>**</c>) and blank lines dropped,
/// continued keyword lines (ending with a comma) joined, <c>*INCLUDE</c> expanded in place (paths relative to
/// the including file), data lines split at commas.
/// </summary>
internal static class InpLexer
{
    public static List<InpCard> Read(string path)
    {
        var cards = new List<InpCard>();
        InpCard? current = null;
        ReadFile(path, null, [], cards, ref current);
        return cards;
    }

    public static List<InpCard> Read(TextReader reader, string fileName, string baseDirectory)
    {
        var cards = new List<InpCard>();
        InpCard? current = null;
        ReadLines(reader, fileName, baseDirectory, [Path.GetFullPath(Path.Combine(baseDirectory, Path.GetFileName(fileName)))], cards, ref current);
        return cards;
    }

    /// <summary>Splits <paramref name="text"/> at commas outside double quotes; fields are trimmed, columns 1-based.</summary>
    public static void Split(string text, List<string> fields, List<int> columns, int columnOffset = 0)
    {
        fields.Clear();
        columns.Clear();
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '"')
            {
                quoted = !quoted;
                continue;
            }

            if (i == text.Length || (text[i] == ',' && !quoted))
            {
                var lead = start;
                while (lead < i && char.IsWhiteSpace(text[lead]))
                {
                    lead++;
                }

                fields.Add(text[start..i].Trim());
                columns.Add(lead + 1 + columnOffset);
                start = i + 1;
            }
        }
    }

    private static void ReadFile(string path, DeckLocation? includedFrom, List<string> stack, List<InpCard> cards, ref InpCard? current)
    {
        var full = Path.GetFullPath(path);
        if (stack.Contains(full))
        {
            throw InpReader.Error(includedFrom!.Value, 0, "*INCLUDE", $"'{path}' includes itself (include cycle: {string.Join(" -> ", stack.Select(Path.GetFileName))} -> {Path.GetFileName(full)})");
        }

        if (!File.Exists(full))
        {
            if (includedFrom is { } where)
            {
                throw InpReader.Error(where, 0, "*INCLUDE", $"included file '{path}' does not exist");
            }

            throw new FileNotFoundException($"deck '{path}' does not exist", path);
        }

        stack.Add(full);
        using var reader = new StreamReader(full);
        ReadLines(reader, path, Path.GetDirectoryName(path) ?? string.Empty, stack, cards, ref current);
        stack.RemoveAt(stack.Count - 1);
    }

    private static void ReadLines(TextReader reader, string fileName, string directory, List<string> stack, List<InpCard> cards, ref InpCard? current)
    {
        var fields = new List<string>();
        var columns = new List<int>();
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("**", StringComparison.Ordinal))
            {
                continue;
            }

            var location = new DeckLocation(fileName, lineNumber);
            if (trimmed[0] != '*')
            {
                if (current is null)
                {
                    throw InpReader.Error(location, 1, string.Empty, "data line before the first keyword: a deck starts with a *KEYWORD line");
                }

                if (current.MeshPath is not null)
                {
                    throw InpReader.Error(location, 1, current.Title, "a mesh *INCLUDE takes no data lines; start a new keyword first");
                }

                Split(line, fields, columns);
                var endsWithComma = trimmed.EndsWith(',');
                if (endsWithComma)
                {
                    fields.RemoveAt(fields.Count - 1);
                    columns.RemoveAt(columns.Count - 1);
                }

                current.Data.Add(new InpDataLine(location, [.. fields], [.. columns], endsWithComma));
                continue;
            }

            // A keyword line ending with a comma continues on the next non-comment line.
            var text = new StringBuilder(trimmed);
            while (text[^1] == ',')
            {
                string? next;
                do
                {
                    next = reader.ReadLine();
                    lineNumber++;
                }
                while (next is not null && (next.Trim().Length == 0 || next.TrimStart().StartsWith("**", StringComparison.Ordinal)));

                if (next is null)
                {
                    break;
                }

                text.Append(next.Trim());
            }

            var card = ParseKeyword(text.ToString().TrimEnd(','), location, fields, columns);
            if (card.Keyword == "INCLUDE")
            {
                card.Allow("INPUT");
                var input = card.Required("INPUT");
                var target = Path.Combine(directory, input);
                if (target.EndsWith(".msh", StringComparison.OrdinalIgnoreCase))
                {
                    if (!File.Exists(target))
                    {
                        throw InpReader.Error(location, 0, "*INCLUDE", $"included mesh '{target}' does not exist");
                    }

                    current = new InpCard(card.Keyword, card.Parameters, location) { MeshPath = target };
                    cards.Add(current);
                }
                else
                {
                    ReadFile(target, location, stack, cards, ref current);
                }

                continue;
            }

            current = card;
            cards.Add(card);
        }
    }

    private static InpCard ParseKeyword(string text, DeckLocation location, List<string> fields, List<int> columns)
    {
        Split(text, fields, columns);
        var keyword = Normalize(fields[0].TrimStart('*'));
        if (keyword.Length == 0)
        {
            throw InpReader.Error(location, 1, string.Empty, "a keyword line needs a keyword after '*'");
        }

        var parameters = new List<InpParameter>();
        for (var i = 1; i < fields.Count; i++)
        {
            var f = fields[i];
            if (f.Length == 0)
            {
                continue;
            }

            var eq = f.IndexOf('=', StringComparison.Ordinal);
            var key = Normalize(eq < 0 ? f : f[..eq]);
            var value = eq < 0 ? null : f[(eq + 1)..].Trim().Trim('"');
            parameters.Add(new InpParameter(key, value, columns[i]));
        }

        return new InpCard(keyword, parameters, location);
    }

    /// <summary>Upper case, single spaces.</summary>
    private static string Normalize(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (b.Length > 0 && b[^1] != ' ')
                {
                    b.Append(' ');
                }
            }
            else
            {
                b.Append(char.ToUpperInvariant(c));
            }
        }

        return b.ToString();
    }
}

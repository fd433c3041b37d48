using System.Globalization;

namespace TwinPlatform.Simulation.Input;

/// <summary>
/// Writes an <see cref="InpDeck"/> back as a single self-contained CalculiX deck: node, element, set and
/// surface data regenerated from the model (so a gmsh <c>*INCLUDE</c> becomes plain CalculiX cards), then every
/// other card as written in the original deck, includes expanded.
/// </summary>
/// <remarks>
/// Surface-based films (<c>surface, F, sink, h</c>, Abaqus syntax that CalculiX 2.20 refuses) are written as one
/// <c>element, Fn, sink, h</c> line per face of the surface; everything else is verbatim.
/// Numbers are written with at most 12 significant digits ("G12", at most 19 characters): CalculiX silently
/// truncates numeric fields after 20 characters. Lines stay below CalculiX's 132-character limit (element
/// lines continue after a trailing comma, set lines hold 8 numbers).
/// </remarks>
public static class InpWriter
{
    private const int SetNumbersPerLine = 8;
    private const int ElementNodesPerLine = 15;

    /// <summary>Writes the whole deck.</summary>
    /// <param name="deck">The deck.</param>
    /// <param name="writer">Destination.</param>
    /// <param name="beforeEndStep">Optional extra cards (text, newline-terminated) to insert before each step's <c>*END STEP</c>.</param>
    public static void Write(InpDeck deck, TextWriter writer, Func<DeckStep, string>? beforeEndStep = null)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("** Written by TwinPlatform from " + deck.SourceFile);
        if (deck.Title.Length > 0)
        {
            writer.WriteLine("*HEADING");
            writer.WriteLine(deck.Title);
        }

        WriteMesh(deck, writer);
        var step = 0;
        foreach (var card in deck.OtherCards)
        {
            if (card.Keyword == "END STEP" && beforeEndStep is not null)
            {
                writer.Write(beforeEndStep(deck.Steps[step]));
            }

            if (card.Keyword == "END STEP")
            {
                step++;
            }

            writer.Write('*');
            writer.Write(card.Keyword);
            foreach (var p in card.Parameters)
            {
                writer.Write(", ");
                writer.Write(p.Key);
                if (p.Value is not null)
                {
                    writer.Write('=');
                    writer.Write(p.Value.Contains(' ', StringComparison.Ordinal) ? $"\"{p.Value}\"" : p.Value);
                }
            }

            writer.WriteLine();
            foreach (var line in card.Data)
            {
                if (card.Keyword == "FILM" && line.Fields.Length > 1 && line.Fields[1].Equals("F", StringComparison.OrdinalIgnoreCase))
                {
                    // CalculiX 2.20 refuses surface-based films ('surface, F, ...'): write one line per element face.
                    var rest = string.Join(", ", line.Fields[2..]);
                    foreach (var face in deck.Surfaces[line.Fields[0]].Faces)
                    {
                        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{face.Element}, F{face.Face}, {rest}"));
                    }

                    continue;
                }

                writer.WriteLine(string.Join(", ", line.Fields));
            }
        }
    }

    /// <summary>Writes nodes, elements (grouped by type, in deck order within a type), node sets, element sets and surfaces.</summary>
    public static void WriteMesh(InpDeck deck, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(writer);
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine("*NODE");
        for (var i = 0; i < deck.NodeCount; i++)
        {
            writer.Write(deck.NodeIds[i].ToString(c));
            writer.Write(", ");
            writer.Write(Format(deck.X[i]));
            writer.Write(", ");
            writer.Write(Format(deck.Y[i]));
            writer.Write(", ");
            writer.WriteLine(Format(deck.Z[i]));
        }

        foreach (var type in Enum.GetValues<DeckElementType>())
        {
            var any = false;
            foreach (var e in deck.Elements)
            {
                if (e.Type != type)
                {
                    continue;
                }

                if (!any)
                {
                    writer.WriteLine("*ELEMENT, TYPE=" + type);
                    any = true;
                }

                writer.Write(e.Id.ToString(c));
                for (var k = 0; k < e.Nodes.Length; k++)
                {
                    writer.Write(k > 0 && k % ElementNodesPerLine == 0 ? ",\n" : ", ");
                    writer.Write(e.Nodes[k].ToString(c));
                }

                writer.WriteLine();
            }
        }

        foreach (var set in deck.NodeSets.Values)
        {
            WriteSet(writer, "*NSET, NSET=", set);
        }

        foreach (var set in deck.ElementSets.Values)
        {
            WriteSet(writer, "*ELSET, ELSET=", set);
        }

        foreach (var surface in deck.Surfaces.Values)
        {
            writer.WriteLine($"*SURFACE, NAME={Name(surface.Name)}, TYPE=ELEMENT");
            foreach (var f in surface.Faces)
            {
                writer.WriteLine(string.Create(c, $"{f.Element}, S{f.Face}"));
            }
        }
    }

    /// <summary>A number in at most 19 characters that reads back to within 1e-12 relative.</summary>
    public static string Format(double value) => value.ToString("G12", CultureInfo.InvariantCulture);

    private static void WriteSet(TextWriter writer, string keyword, DeckSet set)
    {
        writer.WriteLine(keyword + Name(set.Name));
        for (var i = 0; i < set.Ids.Length; i += SetNumbersPerLine)
        {
            var end = Math.Min(set.Ids.Length, i + SetNumbersPerLine);
            for (var j = i; j < end; j++)
            {
                writer.Write(set.Ids[j].ToString(CultureInfo.InvariantCulture));
                writer.Write(j + 1 < end ? ", " : ",");
            }

            writer.WriteLine();
        }
    }

    private static string Name(string name) => name.Contains(' ', StringComparison.Ordinal) ? $"\"{name}\"" : name;
}

using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Yaml;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Import;

/// <summary>
/// The provenance a mapping gives its records: kind (<c>experiment</c>, <c>computation</c>,
/// <c>prediction</c>, <c>in_service</c>), source (a DOI or file; may come from a column), institution,
/// author, date (a date, or a column with a year or date) and method.
/// </summary>
public sealed record ProvenanceMapping
{
    /// <summary>The kind.</summary>
    public required ProvenanceKind Kind { get; init; }

    /// <summary>The source.</summary>
    public ValueSource? Source { get; init; }

    /// <summary>The institution.</summary>
    public ValueSource? Institution { get; init; }

    /// <summary>The author(s).</summary>
    public ValueSource? Author { get; init; }

    /// <summary>The date: <c>2020-05-01</c>, or a column holding a year or date.</summary>
    public ValueSource? Date { get; init; }

    /// <summary>The test method or computation.</summary>
    public ValueSource? Method { get; init; }

    internal static ProvenanceMapping Read(YamlField field, ProvenanceMapping? parent)
    {
        var m = field.AsMapping().Only("kind", "source", "institution", "author", "date", "method");
        ProvenanceKind kind;
        if (m.Optional("kind") is { } k)
        {
            try
            {
                kind = MaterialRecordJson.ParseKind(k.AsString());
            }
            catch (FormatException e)
            {
                throw k.Error(e.Message, e);
            }
        }
        else
        {
            kind = parent?.Kind ?? throw m.Required("kind").Error("required field is missing");
        }

        ValueSource? Opt(string key) => m.Optional(key) is { } f ? ValueSource.Read(f, text: true) : null;
        return new ProvenanceMapping
        {
            Kind = kind,
            Source = Opt("source") ?? parent?.Source,
            Institution = Opt("institution") ?? parent?.Institution,
            Author = Opt("author") ?? parent?.Author,
            Date = Opt("date") ?? parent?.Date,
            Method = Opt("method") ?? parent?.Method,
        };
    }
}

using TwinPlatform.Core.Units;
using TwinPlatform.Core.Yaml;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Import;

/// <summary>
/// How a mapping reads a composition: one column per element (<c>columns: {C: C, Si: Si}</c>) in a
/// unit (<c>wt%</c>, <c>at%</c>, <c>fraction</c>) with an optional balance element, or a formula
/// column (<c>Fe0.62C0.00095...</c>, <c>Al0.25 Co1 Fe1 Ni1</c>) whose amounts are normalised.
/// </summary>
public sealed record CompositionMapping
{
    /// <summary>Mass, atom or volume basis.</summary>
    public required CompositionBasisKind Basis { get; init; }

    /// <summary>Scale of the element columns to a fraction (wt% = 0.01, fraction = 1).</summary>
    public required double Scale { get; init; }

    /// <summary>The balance element, or null.</summary>
    public string? Balance { get; init; }

    /// <summary>Element to source, for column-per-element tables.</summary>
    public required IReadOnlyList<KeyValuePair<string, ValueSource>> Elements { get; init; }

    /// <summary>The formula source, for formula tables.</summary>
    public ValueSource? Formula { get; init; }

    /// <summary>True if an empty element cell means zero (else it makes the row bad).</summary>
    public bool EmptyIsZero { get; init; }

    /// <summary>Where it is written.</summary>
    public required YamlField Field { get; init; }

    internal static CompositionMapping Read(YamlField field)
    {
        var m = field.AsMapping().Only("basis", "unit", "balance", "columns", "formula", "empty_is_zero");
        var unitText = m.OptionalString("unit");
        var basis = m.Optional("basis")?.AsEnum<CompositionBasisKind>() ?? unitText switch
        {
            "wt%" => CompositionBasisKind.Mass,
            "vol%" => CompositionBasisKind.Volume,
            _ => CompositionBasisKind.Atom,
        };
        var scale = 1.0;
        if (m.Optional("unit") is { } u)
        {
            scale = u.AsUnit(Dimension.Dimensionless).Scale;
        }

        var elements = new List<KeyValuePair<string, ValueSource>>();
        if (m.Optional("columns") is { } columns)
        {
            foreach (var (element, source) in columns.AsMapping().Entries)
            {
                if (!Core.Scenes.ChemicalElements.IsSymbol(element))
                {
                    throw new Core.InputFileException(source.File, source.Node.Line, source.Node.Column, source.Path, $"'{element}' is not a chemical element symbol");
                }

                elements.Add(new(element, source.Node is YamlScalar ? ValueSource.Read(Wrap(source), text: false) : ValueSource.Read(source, text: false)));
            }
        }

        var formula = m.Optional("formula") is { } f ? ValueSource.Read(f, text: true, required: true) : null;
        if ((formula is null) == (elements.Count == 0))
        {
            throw field.Error("give either 'columns' (element: column) or 'formula' (a formula column)");
        }

        return new CompositionMapping
        {
            Basis = basis,
            Scale = scale,
            Balance = m.OptionalString("balance"),
            Elements = elements,
            Formula = formula,
            EmptyIsZero = m.Optional("empty_is_zero")?.AsBool() ?? false,
            Field = field,
        };
    }

    /// <summary><c>C: C</c> names a column; turn the scalar into <c>{column: C}</c>.</summary>
    private static YamlField Wrap(YamlField scalar)
    {
        var node = (YamlScalar)scalar.Node;
        var mapping = new YamlMapping([new YamlEntry("column", node.Line, node.Column, node)], node.Line, node.Column);
        return new YamlField(scalar.File, scalar.Path, mapping);
    }
}

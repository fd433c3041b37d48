using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Core.Units;
using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Materials.Import;

/// <summary>
/// Where one field of a record comes from in a mapping file: a data column (with its unit, or a map
/// of codes to words), a constant, or a text template over columns.
/// </summary>
/// <remarks>
/// YAML forms: <c>name: a constant</c>; <c>{column: 'Tensile Strength', unit: MPa}</c>;
/// <c>{column: Type, map: {C: compression, T: tension}}</c>; <c>{value: 25 degC}</c>;
/// <c>{template: 'doi:{REFERENCE: doi}'}</c>. A column's cell may also carry its own unit
/// (<c>600 degC</c>) when it has the mapping unit's dimension.
/// </remarks>
public sealed class ValueSource
{
    private ValueSource(YamlField field, string? column, string? constant, string? template, IReadOnlyDictionary<string, string>? map, Unit? unit, bool isText, bool required)
    {
        Field = field;
        Column = column;
        Constant = constant;
        Template = template;
        Map = map;
        Unit = unit;
        IsText = isText;
        Required = required;
    }

    /// <summary>Where the source is written in the mapping file.</summary>
    public YamlField Field { get; }

    /// <summary>The data column, or null.</summary>
    public string? Column { get; }

    /// <summary>A constant value (text, number or quantity with unit), or null.</summary>
    public string? Constant { get; }

    /// <summary>A template with <c>{column}</c> placeholders, or null.</summary>
    public string? Template { get; }

    /// <summary>Codes to words (<c>C: compression</c>); a code not in the map is a bad cell.</summary>
    public IReadOnlyDictionary<string, string>? Map { get; }

    /// <summary>The unit of a numeric column's values, or null for pure numbers and text.</summary>
    public Unit? Unit { get; }

    /// <summary>True when the value is text, not a number.</summary>
    public bool IsText { get; }

    /// <summary>True when a missing value makes the row bad (else the field is left out).</summary>
    public bool Required { get; }

    /// <summary>Reads a value source from a mapping field.</summary>
    /// <param name="field">The field.</param>
    /// <param name="text">True if the value is text unless the YAML says <c>unit</c>.</param>
    /// <param name="required">Default of <c>required</c>.</param>
    /// <exception cref="InputFileException">Malformed source; names the mapping file, line and field.</exception>
    public static ValueSource Read(YamlField field, bool text, bool required = false)
    {
        if (field.Node is YamlScalar)
        {
            return new ValueSource(field, null, field.AsString(), null, null, null, text, required);
        }

        var m = field.AsMapping().Only("column", "value", "template", "unit", "map", "text", "required");
        var column = m.OptionalString("column");
        var constant = m.OptionalString("value");
        var template = m.OptionalString("template");
        var given = (column is null ? 0 : 1) + (constant is null ? 0 : 1) + (template is null ? 0 : 1);
        if (given != 1)
        {
            throw field.Error("give exactly one of 'column', 'value' or 'template'");
        }

        Unit? unit = null;
        if (m.Optional("unit") is { } u)
        {
            try
            {
                unit = Core.Units.Unit.Parse(u.AsString());
            }
            catch (UnitException e)
            {
                throw u.Error(e.Message, e);
            }
        }

        Dictionary<string, string>? map = null;
        if (m.Optional("map") is { } mapField)
        {
            map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in mapField.AsMapping().Entries)
            {
                map[key] = value.AsString();
            }
        }

        var isText = m.Optional("text")?.AsBool() ?? (map is not null || template is not null || (text && unit is null));
        if (isText && unit is not null)
        {
            throw m.Required("unit").Error("a text value has no unit; remove 'unit' or 'text: true'");
        }

        return new ValueSource(field, column, constant, template, map, unit, isText, m.Optional("required")?.AsBool() ?? required);
    }

    /// <summary>Binds the source to a table: checks that every column it names exists.</summary>
    /// <exception cref="InputFileException">A column the table lacks; names the mapping file, line and field and lists the columns.</exception>
    internal BoundSource Bind(TabularData table)
    {
        var column = -1;
        if (Column is not null)
        {
            column = table.IndexOf(Column);
            if (column < 0)
            {
                throw Field.Error($"no column '{Column}' in {table.File} (columns: {string.Join(", ", table.Columns)})");
            }
        }

        var parts = new List<(string Text, int Column)>();
        if (Template is not null)
        {
            var pos = 0;
            while (pos < Template.Length)
            {
                var open = Template.IndexOf('{', pos);
                if (open < 0)
                {
                    parts.Add((Template[pos..], -1));
                    break;
                }

                var close = Template.IndexOf('}', open);
                if (close < 0)
                {
                    throw Field.Error($"unclosed '{{' in template '{Template}'");
                }

                if (open > pos)
                {
                    parts.Add((Template[pos..open], -1));
                }

                var name = Template[(open + 1)..close];
                var index = table.IndexOf(name);
                if (index < 0)
                {
                    throw Field.Error($"template names column '{name}', which {table.File} does not have (columns: {string.Join(", ", table.Columns)})");
                }

                parts.Add((name, index));
                pos = close + 1;
            }
        }

        return new BoundSource(this, column, parts);
    }

    /// <summary>A constant quantity: <c>25 degC</c>, or a number in <see cref="Unit"/>, or a pure number.</summary>
    internal static bool TryQuantity(string text, Unit? unit, out Quantity quantity, out string? error)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (!double.IsFinite(number))
            {
                quantity = default;
                error = $"'{text}' is not a finite number";
                return false;
            }

            quantity = unit is null ? new Quantity(number, Dimension.Dimensionless) : Quantity.From(number, unit);
            error = null;
            return true;
        }

        if (unit is not null)
        {
            return Quantity.TryParse(text, unit.Dimension, out quantity, out error);
        }

        try
        {
            quantity = Quantity.Parse(text);
            error = null;
            return true;
        }
        catch (UnitException e)
        {
            quantity = default;
            error = $"expected a number, found '{text}' ({e.Message})";
            return false;
        }
    }
}

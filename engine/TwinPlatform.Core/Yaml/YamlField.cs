using System.Globalization;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Core.Yaml;

/// <summary>
/// A node of a configuration file together with its file and dotted field path, with typed
/// accessors that fail with an <see cref="InputFileException"/> naming the file, line and field.
/// </summary>
/// <param name="File">The file, as the user named it.</param>
/// <param name="Path">Dotted path of this node (<c>components[0].mesh</c>).</param>
/// <param name="Node">The node.</param>
public readonly record struct YamlField(string File, string Path, YamlNode Node)
{
    /// <summary>An error at this node.</summary>
    public InputFileException Error(string reason, Exception? inner = null) =>
        new(File, Node.Line, Node.Column, Path, reason, inner);

    /// <summary>This node as a mapping.</summary>
    public YamlFieldMapping AsMapping() => Node is YamlMapping m
        ? new YamlFieldMapping(this, m)
        : throw Error($"expected a mapping of 'key: value' lines, found {Describe(Node)}");

    /// <summary>This node as a list of fields.</summary>
    public IReadOnlyList<YamlField> AsList()
    {
        if (Node is not YamlSequence s)
        {
            throw Error($"expected a list, found {Describe(Node)}");
        }

        var list = new YamlField[s.Items.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new YamlField(File, $"{Path}[{i}]", s.Items[i]);
        }

        return list;
    }

    /// <summary>The scalar text.</summary>
    public string AsString()
    {
        if (Node is not YamlScalar s)
        {
            throw Error($"expected a single value, found {Describe(Node)}");
        }

        return s.IsNull ? throw Error("a value is required here") : s.Value;
    }

    /// <summary>A number without unit.</summary>
    public double AsDouble()
    {
        var text = AsString();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw Error($"expected a number, found '{text}'");
    }

    /// <summary>An integer.</summary>
    public int AsInt()
    {
        var text = AsString();
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"expected a whole number, found '{text}'");
    }

    /// <summary>true/false (also yes/no, on/off).</summary>
    public bool AsBool() => AsString().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        var t => throw Error($"expected true or false, found '{t}'"),
    };

    /// <summary>A quantity with a unit of the expected dimension, for example <c>210 GPa</c>.</summary>
    public Quantity AsQuantity(Dimension expected)
    {
        var text = AsString();
        return Quantity.TryParse(text, expected, out var q, out var error) ? q : throw Error(error!);
    }

    /// <summary>The value of <see cref="AsQuantity"/> in SI.</summary>
    public double AsSI(Dimension expected) => AsQuantity(expected).ValueSI;

    /// <summary>A unit expression of the expected dimension.</summary>
    public Unit AsUnit(Dimension expected)
    {
        var text = AsString();
        try
        {
            return Unit.Parse(text, expected);
        }
        catch (UnitException e)
        {
            throw Error(e.Message, e);
        }
    }

    /// <summary>A list of quantities of one dimension, as SI values; optionally of a fixed length.</summary>
    public double[] AsSIVector(Dimension expected, int length = -1)
    {
        var items = AsList();
        if (length >= 0 && items.Count != length)
        {
            throw Error($"expected {length} values, found {items.Count}");
        }

        var v = new double[items.Count];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = expected.IsDimensionless ? items[i].AsDouble() : items[i].AsSI(expected);
        }

        return v;
    }

    /// <summary>One of the names of an enum (case-insensitive; '-' and '_' ignored).</summary>
    public T AsEnum<T>()
        where T : struct, Enum
    {
        var text = AsString();
        var key = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (Enum.TryParse<T>(key, ignoreCase: true, out var v) && Enum.IsDefined(v))
        {
            return v;
        }

        var names = string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant();
        throw Error($"'{text}' is not one of: {names}");
    }

    /// <summary>One of the allowed words.</summary>
    public string AsChoice(params string[] allowed)
    {
        var text = AsString();
        return Array.IndexOf(allowed, text) >= 0 ? text : throw Error($"'{text}' is not one of: {string.Join(", ", allowed)}");
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar s when s.IsNull => "nothing",
        YamlScalar s => $"the value '{s.Value}'",
        YamlSequence => "a list",
        YamlMapping => "a mapping",
        _ => "an unknown node",
    };
}

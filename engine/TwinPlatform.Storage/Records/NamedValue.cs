using TwinPlatform.Core.Units;

namespace TwinPlatform.Storage.Records;

/// <summary>
/// A named value of a record: a process set-point, a test condition or a characterisation attribute.
/// Either a quantity in SI (<c>temperature = 873.15 K</c>) or a text (<c>test_type = compression</c>).
/// </summary>
public sealed record NamedValue
{
    private NamedValue(string name, Quantity? quantity, string? text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Quantity = quantity;
        Text = text;
    }

    /// <summary>The name (snake case: <c>temperature</c>, <c>test_temperature</c>).</summary>
    public string Name { get; }

    /// <summary>The value in SI when numeric, else null.</summary>
    public Quantity? Quantity { get; }

    /// <summary>The value when textual, else null.</summary>
    public string? Text { get; }

    /// <summary>A numeric value.</summary>
    public static NamedValue Of(string name, Quantity value)
    {
        if (!double.IsFinite(value.ValueSI))
        {
            throw new ArgumentException($"'{name}' must be finite", nameof(value));
        }

        return new(name, value, null);
    }

    /// <summary>A textual value.</summary>
    public static NamedValue OfText(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(name, null, text);
    }

    /// <summary>The value as text for display: SI number and dimension, or the text.</summary>
    public override string ToString() => Quantity is { } q ? $"{Name} = {q}" : $"{Name} = {Text}";
}

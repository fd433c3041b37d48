using System.Diagnostics.CodeAnalysis;

namespace TwinPlatform.Core.Units;

/// <summary>Cold throw paths for unit parsing and conversion.</summary>
internal static class UnitThrowHelper
{
    public static UnitException WrongDimension(string text, Dimension actual, Dimension expected) =>
        new($"'{text}' is a {actual.Name} ({actual}); expected a {expected.Name} ({expected})");

    public static UnitException UnknownUnit(string expression, string symbol) =>
        new($"unknown unit '{symbol}' in '{expression}'; known units include {UnitCatalog.Examples}");

    public static UnitException Malformed(string expression, string reason) =>
        new($"cannot read unit '{expression}': {reason}");

    [DoesNotReturn]
    public static void ThrowNoNumber(string text) =>
        throw new UnitException($"'{text}' does not start with a number (expected for example '210 GPa')");

    [DoesNotReturn]
    public static void ThrowMissingUnit(string text, Dimension expected) =>
        throw new UnitException($"'{text}' has no unit; expected a {expected.Name} such as {UnitCatalog.ExampleFor(expected)}");
}

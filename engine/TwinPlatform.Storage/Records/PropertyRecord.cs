using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Storage.Records;

/// <summary>One property of a record: what was measured (or computed), on what, how, under which conditions.</summary>
/// <param name="Name">Property name (<c>yield_strength</c>, <c>fatigue_strength</c>).</param>
/// <param name="Value">The value in SI.</param>
/// <param name="Conditions">Test conditions such as <c>test_temperature</c> (SI) or <c>test_type</c> (text).</param>
/// <param name="Specimen">Specimen description, if known.</param>
/// <param name="Method">Test method or standard, or the computation, if known.</param>
/// <param name="Statistics">Scatter statistics, if the source gives them.</param>
/// <param name="Provenance">This property's provenance when it differs from the record's (a computed value in an experimental record), else null.</param>
/// <param name="SourceUnit">The unit the source used (<c>MPa</c>), for display only; not part of the identity.</param>
public sealed record PropertyRecord(
    string Name,
    Quantity Value,
    IReadOnlyList<NamedValue> Conditions,
    string? Specimen = null,
    string? Method = null,
    PropertyStatistics? Statistics = null,
    Provenance? Provenance = null,
    string? SourceUnit = null)
{
    /// <summary>A condition by name, or null.</summary>
    public NamedValue? Condition(string name)
    {
        foreach (var c in Conditions)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        return null;
    }
}

namespace TwinPlatform.Storage.Records;

/// <summary>One step of a record's process route, in the order applied.</summary>
/// <param name="Name">Step name (<c>normalizing</c>, <c>quenching</c>, <c>tempering</c>, <c>casting</c>).</param>
/// <param name="SetPoints">Set-points such as temperature and time, in SI.</param>
/// <param name="Equipment">Equipment or medium, if known.</param>
public sealed record ProcessStepRecord(string Name, IReadOnlyList<NamedValue> SetPoints, string? Equipment = null)
{
    /// <summary>A set-point by name, or null.</summary>
    public NamedValue? SetPoint(string name)
    {
        foreach (var s in SetPoints)
        {
            if (s.Name == name)
            {
                return s;
            }
        }

        return null;
    }
}

namespace TwinPlatform.Materials.Design;

/// <summary>Which side of a goal's threshold is wanted.</summary>
public enum GoalDirection
{
    /// <summary>The property must be at least the threshold.</summary>
    AtLeast,

    /// <summary>The property must be at most the threshold.</summary>
    AtMost,
}

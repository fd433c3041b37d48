namespace TwinPlatform.Simulation.Analysis;

/// <summary>Displacement components a support or prescribed displacement acts on.</summary>
[Flags]
public enum DofComponents
{
    /// <summary>No component.</summary>
    None = 0,

    /// <summary>x displacement.</summary>
    X = 1,

    /// <summary>y displacement.</summary>
    Y = 2,

    /// <summary>z displacement.</summary>
    Z = 4,

    /// <summary>All three components.</summary>
    All = X | Y | Z,
}

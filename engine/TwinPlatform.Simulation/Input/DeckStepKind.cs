namespace TwinPlatform.Simulation.Input;

/// <summary>The procedure of a <c>*STEP</c>.</summary>
public enum DeckStepKind
{
    /// <summary><c>*STATIC</c>: linear elastic statics.</summary>
    Static,

    /// <summary><c>*HEAT TRANSFER, STEADY STATE</c>: linear steady conduction.</summary>
    HeatTransfer,

    /// <summary><c>*FREQUENCY</c>: natural frequencies and mode shapes.</summary>
    Frequency,
}

namespace TwinPlatform.Storage.Twins;

/// <summary>How much a <see cref="TwinEvent"/> matters.</summary>
public enum TwinEventSeverity
{
    /// <summary>Noted for the record; no action needed.</summary>
    Info,

    /// <summary>Worth a look: the twin may be drifting from the asset.</summary>
    Warning,

    /// <summary>Needs action: the twin's predictions or the asset are out of bounds.</summary>
    Alarm,
}

namespace TwinPlatform.Simulation.Input;

/// <summary>
/// Output selection of a step: <c>*NODE FILE</c> / <c>*EL FILE</c> choose the whole-model fields written to
/// result.json and the .vtu; <c>*NODE PRINT</c> / <c>*EL PRINT</c> add tables over sets to result.json.
/// </summary>
/// <remarks>As in CalculiX, requests carry over to later steps until a step gives a new card of the same kind.</remarks>
public sealed record DeckOutputRequests
{
    /// <summary>Nodal file variables (U, RF, NT, RFL), or null when no <c>*NODE FILE</c> applies.</summary>
    public IReadOnlyList<string>? NodeFile { get; init; }

    /// <summary>Element file variables (S, E, HFL), or null when no <c>*EL FILE</c> applies.</summary>
    public IReadOnlyList<string>? ElementFile { get; init; }

    /// <summary>Node print tables.</summary>
    public IReadOnlyList<DeckPrintRequest> NodePrint { get; init; } = [];

    /// <summary>Element print tables (values at integration points).</summary>
    public IReadOnlyList<DeckPrintRequest> ElementPrint { get; init; } = [];

    /// <summary>True when the deck asked for no output at all (the solver then writes every field of the step).</summary>
    public bool IsEmpty => NodeFile is null && ElementFile is null && NodePrint.Count == 0 && ElementPrint.Count == 0;

    /// <summary>True when <paramref name="variable"/> is in <see cref="NodeFile"/> or <see cref="ElementFile"/>, or no output was requested at all.</summary>
    public bool WantsField(string variable) =>
        IsEmpty || (NodeFile?.Contains(variable) ?? false) || (ElementFile?.Contains(variable) ?? false);
}

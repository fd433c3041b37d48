namespace TwinPlatform.Simulation.Input;

/// <summary>The mutable collections the parser fills before it freezes them into an <see cref="InpDeck"/>.</summary>
internal sealed class InpDeckContent
{
    public required string SourceFile { get; init; }

    public string Title { get; set; } = string.Empty;

    public List<int> NodeIds { get; } = [];

    public List<double> X { get; } = [];

    public List<double> Y { get; } = [];

    public List<double> Z { get; } = [];

    public Dictionary<int, int> NodeIndex { get; } = [];

    public List<DeckLocation> NodeLocations { get; } = [];

    public List<DeckElement> Elements { get; } = [];

    public Dictionary<int, DeckElement> ElementById { get; } = [];

    public Dictionary<string, DeckSet> NodeSets { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, DeckSet> ElementSets { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, DeckSurface> Surfaces { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, DeckMaterial> Materials { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<DeckSection> Sections { get; } = [];

    public Dictionary<int, double> InitialTemperatures { get; } = [];

    public List<DeckStep> Steps { get; } = [];

    public List<string> Warnings { get; } = [];

    public Dictionary<int, DeckMaterial> MaterialOfElement { get; } = [];

    /// <summary>Cards other than mesh and set data, kept for writing the deck back (<see cref="InpWriter"/>).</summary>
    public List<InpCard> OtherCards { get; } = [];

    public int MaxNodeId { get; set; }

    public int MaxElementId { get; set; }
}

namespace TwinPlatform.Simulation.Input;

/// <summary>
/// A parsed and checked CalculiX/Abaqus input deck: nodes, elements, sets, surfaces, materials, sections,
/// initial conditions and steps, in the deck's own numbering and units.
/// </summary>
/// <remarks>
/// The reader does not convert units: CalculiX is unit-agnostic, and so is a deck. Results come out in the
/// deck's consistent units (for example mm, N, MPa, tonne/mm^3). Every reference in the deck has been resolved
/// and checked: elements refer to existing nodes, every element has a section, sets and surfaces exist, and each
/// step's materials carry the constants the step needs.
/// </remarks>
public sealed class InpDeck
{
    private readonly Dictionary<int, int> _nodeIndex;
    private readonly Dictionary<int, DeckElement> _elements;
    private readonly Dictionary<int, DeckMaterial> _materialOfElement;

    internal InpDeck(InpDeckContent content)
    {
        SourceFile = content.SourceFile;
        Title = content.Title;
        NodeIds = [.. content.NodeIds];
        X = [.. content.X];
        Y = [.. content.Y];
        Z = [.. content.Z];
        _nodeIndex = content.NodeIndex;
        Elements = content.Elements;
        _elements = content.ElementById;
        NodeSets = content.NodeSets;
        ElementSets = content.ElementSets;
        Surfaces = content.Surfaces;
        Materials = content.Materials;
        Sections = content.Sections;
        InitialTemperatures = content.InitialTemperatures;
        Steps = content.Steps;
        Warnings = content.Warnings;
        _materialOfElement = content.MaterialOfElement;
        OtherCards = content.OtherCards;
    }

    /// <summary>The deck file as given to the reader.</summary>
    public string SourceFile { get; }

    /// <summary>The <c>*HEADING</c> text (empty when none).</summary>
    public string Title { get; }

    /// <summary>Node numbers in definition order.</summary>
    public int[] NodeIds { get; }

    /// <summary>Node x coordinates, parallel to <see cref="NodeIds"/>.</summary>
    public double[] X { get; }

    /// <summary>Node y coordinates, parallel to <see cref="NodeIds"/>.</summary>
    public double[] Y { get; }

    /// <summary>Node z coordinates, parallel to <see cref="NodeIds"/>.</summary>
    public double[] Z { get; }

    /// <summary>Elements in definition order.</summary>
    public IReadOnlyList<DeckElement> Elements { get; }

    /// <summary>Node sets by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, DeckSet> NodeSets { get; }

    /// <summary>Element sets by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, DeckSet> ElementSets { get; }

    /// <summary>Element-face surfaces by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, DeckSurface> Surfaces { get; }

    /// <summary>Materials by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, DeckMaterial> Materials { get; }

    /// <summary>Solid sections in deck order.</summary>
    public IReadOnlyList<DeckSection> Sections { get; }

    /// <summary>Initial nodal temperatures (<c>*INITIAL CONDITIONS, TYPE=TEMPERATURE</c>); unlisted nodes start at 0.</summary>
    public IReadOnlyDictionary<int, double> InitialTemperatures { get; }

    /// <summary>Steps in deck order.</summary>
    public IReadOnlyList<DeckStep> Steps { get; }

    /// <summary>Things the reader accepted but a user should know (<c>file:line: message</c>).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Every card except node, element, set and surface data, in deck order (includes expanded).</summary>
    internal IReadOnlyList<InpCard> OtherCards { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => NodeIds.Length;

    /// <summary>Position of node number <paramref name="id"/> in <see cref="NodeIds"/>, or -1.</summary>
    public int NodeIndex(int id) => _nodeIndex.TryGetValue(id, out var i) ? i : -1;

    /// <summary>The element numbered <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such element.</exception>
    public DeckElement Element(int id) => _elements[id];

    /// <summary>The material of element number <paramref name="id"/> (through its section).</summary>
    /// <exception cref="KeyNotFoundException">No such element.</exception>
    public DeckMaterial MaterialOf(int id) => _materialOfElement[id];
}

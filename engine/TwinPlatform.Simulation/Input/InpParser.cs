using System.Globalization;
using TwinPlatform.Core;

namespace TwinPlatform.Simulation.Input;

/// <summary>Interprets keyword cards into deck content; split by concern into partial files.</summary>
internal sealed partial class InpParser
{
    private readonly InpDeckContent _deck;
    private readonly Dictionary<string, SetBuilder> _nodeSets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SetBuilder> _elementSets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<DeckFace>> _surfaceFaces = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DeckLocation> _surfaceLocations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DeckMaterial> _materials = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<NodeDof, double> _modelBoundaries = [];
    private string? _material;
    private InpStepState? _step;
    private InpStepState? _lastStep;

    public InpParser(string sourceFile)
    {
        _deck = new InpDeckContent { SourceFile = sourceFile };
    }

    public InpDeck Parse(List<InpCard> cards)
    {
        foreach (var card in cards)
        {
            if (card.Keyword != "MATERIAL" && !IsMaterialProperty(card.Keyword))
            {
                _material = null;
            }

            Dispatch(card);
            if (card.Keyword is not ("NODE" or "ELEMENT" or "NSET" or "ELSET" or "SURFACE" or "INCLUDE" or "HEADING"))
            {
                _deck.OtherCards.Add(card);
            }
        }

        if (_step is not null)
        {
            throw _step.Card.Error(0, "*STEP without *END STEP: the deck ends inside the step");
        }

        Finish();
        return new InpDeck(_deck);
    }

    private static bool IsMaterialProperty(string keyword) =>
        keyword is "ELASTIC" or "DENSITY" or "EXPANSION" or "CONDUCTIVITY" or "SPECIFIC HEAT";

    private void Dispatch(InpCard card)
    {
        switch (card.Keyword)
        {
            case "HEADING":
                card.Allow();
                _deck.Title = string.Join(" ", card.Data.Select(static d => string.Join(", ", d.Fields)));
                break;
            case "INCLUDE":
                ReadMeshInclude(card);
                break;
            case "NODE":
                ReadNodes(card);
                break;
            case "ELEMENT":
                ReadElements(card);
                break;
            case "NSET":
                ReadSet(card, "NSET", _nodeSets, isNodeSet: true);
                break;
            case "ELSET":
                ReadSet(card, "ELSET", _elementSets, isNodeSet: false);
                break;
            case "SURFACE":
                ReadSurface(card);
                break;
            case "MATERIAL":
                ReadMaterial(card);
                break;
            case "ELASTIC":
            case "DENSITY":
            case "EXPANSION":
            case "CONDUCTIVITY":
            case "SPECIFIC HEAT":
                ReadMaterialProperty(card);
                break;
            case "SOLID SECTION":
                ReadSection(card);
                break;
            case "INITIAL CONDITIONS":
                ReadInitialConditions(card);
                break;
            case "BOUNDARY":
                ReadBoundary(card);
                break;
            case "STEP":
                BeginStep(card);
                break;
            case "STATIC":
            case "HEAT TRANSFER":
            case "FREQUENCY":
                ReadProcedure(card);
                break;
            case "CLOAD":
                ReadCload(card);
                break;
            case "DLOAD":
                ReadDload(card);
                break;
            case "TEMPERATURE":
                ReadTemperature(card);
                break;
            case "DFLUX":
                ReadDflux(card);
                break;
            case "FILM":
                ReadFilm(card);
                break;
            case "NODE PRINT":
            case "EL PRINT":
            case "NODE FILE":
            case "EL FILE":
                ReadOutput(card);
                break;
            case "END STEP":
                EndStep(card);
                break;
            default:
                throw card.Error(1, $"keyword {card.Title} is not supported; see docs/solver.md for the supported keywords");
        }
    }

    private void Warn(DeckLocation location, string message) => _deck.Warnings.Add($"{location}: {message}");

    private static InputFileException FieldError(InpDataLine line, int index, string keyword, string reason) =>
        InpReader.Error(line.Location, index < line.Columns.Length ? line.Columns[index] : 0, keyword, reason);

    private static string Field(InpDataLine line, int index) => index < line.Fields.Length ? line.Fields[index] : string.Empty;

    private static double Number(InpDataLine line, int index, string keyword, string what)
    {
        var text = Field(line, index);
        if (text.Length == 0)
        {
            throw FieldError(line, index, keyword, $"{what} is missing (field {index + 1})");
        }

        // Fortran decks write 1.0D+03.
        var normalized = text.Replace('D', 'E').Replace('d', 'e');
        if (!double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw FieldError(line, index, keyword, $"{what} '{text}' is not a number");
        }

        return value;
    }

    private static double OptionalNumber(InpDataLine line, int index, string keyword, string what, double fallback) =>
        Field(line, index).Length == 0 ? fallback : Number(line, index, keyword, what);

    private static int Integer(InpDataLine line, int index, string keyword, string what)
    {
        var text = Field(line, index);
        if (text.Length == 0)
        {
            throw FieldError(line, index, keyword, $"{what} is missing (field {index + 1})");
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw FieldError(line, index, keyword, $"{what} '{text}' is not an integer");
        }

        return value;
    }

    private static bool IsInteger(string text) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>A set being assembled from one or more cards.</summary>
    private sealed class SetBuilder(string name, DeckLocation location)
    {
        public string Name { get; } = name;

        public DeckLocation Location { get; } = location;

        public List<int> Ids { get; } = [];

        public List<DeckLocation> IdLocations { get; } = [];

        public void Add(int id, DeckLocation where)
        {
            Ids.Add(id);
            IdLocations.Add(where);
        }
    }
}

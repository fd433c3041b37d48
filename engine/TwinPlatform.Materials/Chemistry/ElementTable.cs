using System.Globalization;

namespace TwinPlatform.Materials.Chemistry;

/// <summary>
/// The element property table the composition featurisers draw on: atomic number, atomic mass,
/// group, period, covalent radius, Pauling electronegativity, melting point and valence electrons
/// (s, p, d, f) of 66 elements, read from the embedded data file <c>Chemistry/elements.csv</c>,
/// whose header cites the source of every column.
/// </summary>
/// <remarks>
/// Sources: IUPAC standard atomic weights 2021 (Prohaska et al., Pure Appl. Chem. 94 (2022) 573);
/// covalent radii of Cordero et al., Dalton Trans. (2008) 2832; Pauling electronegativities and
/// melting points from the CRC Handbook of Chemistry and Physics, 97th ed.; valence electron counts
/// from ground-state configurations, counted as in Magpie (Ward et al., npj Comput. Mater. 2 (2016) 16028).
/// Immutable; thread-safe.
/// </remarks>
public sealed class ElementTable
{
    /// <summary>The names of the numeric properties <see cref="Value"/> returns, in order.</summary>
    public static readonly IReadOnlyList<string> PropertyNames =
    [
        "atomic_number", "atomic_mass", "group", "period", "covalent_radius", "electronegativity", "melting_point",
        "valence_electrons", "s_valence", "p_valence", "d_valence", "f_valence",
    ];

    /// <summary>The units of <see cref="PropertyNames"/>, in order.</summary>
    public static readonly IReadOnlyList<string> PropertyUnits = ["1", "u", "1", "1", "pm", "1", "K", "1", "1", "1", "1", "1"];

    private readonly Dictionary<string, ElementData> _elements;

    private ElementTable(Dictionary<string, ElementData> elements)
    {
        _elements = elements;
    }

    /// <summary>The table shipped with the platform.</summary>
    public static ElementTable Default { get; } = Load();

    /// <summary>The citation of the table, for model manifests and documents.</summary>
    public static string Citation =>
        "TwinPlatform element table (engine/TwinPlatform.Materials/Chemistry/elements.csv): IUPAC standard atomic weights 2021; " +
        "covalent radii of Cordero et al., Dalton Trans. (2008) 2832; Pauling electronegativities and melting points from the CRC Handbook of Chemistry and Physics, 97th ed.; " +
        "valence electrons from ground-state configurations as in Magpie (Ward et al., npj Comput. Mater. 2 (2016) 16028)";

    /// <summary>The symbols in the table, in order of atomic number.</summary>
    public IReadOnlyList<string> Symbols => [.. _elements.Values.OrderBy(e => e.AtomicNumber).Select(e => e.Symbol)];

    /// <summary>An element by symbol, or false.</summary>
    public bool TryGet(string symbol, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ElementData? element) =>
        _elements.TryGetValue(symbol, out element);

    /// <summary>An element by symbol.</summary>
    /// <exception cref="KeyNotFoundException">The element is not in the table; the message says which are.</exception>
    public ElementData this[string symbol] => _elements.TryGetValue(symbol, out var e)
        ? e
        : throw new KeyNotFoundException($"element '{symbol}' is not in the element property table (it has {string.Join(" ", Symbols)})");

    /// <summary>Property <paramref name="index"/> (see <see cref="PropertyNames"/>) of an element.</summary>
    public static double Value(ElementData element, int index)
    {
        ArgumentNullException.ThrowIfNull(element);
        return index switch
        {
            0 => element.AtomicNumber,
            1 => element.AtomicMass,
            2 => element.Group,
            3 => element.Period,
            4 => element.CovalentRadiusPm,
            5 => element.Electronegativity,
            6 => element.MeltingPointK,
            7 => element.Valence,
            8 => element.SValence,
            9 => element.PValence,
            10 => element.DValence,
            11 => element.FValence,
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"there are {PropertyNames.Count} element properties"),
        };
    }

    private static ElementTable Load()
    {
        var assembly = typeof(ElementTable).Assembly;
        using var stream = assembly.GetManifestResourceStream("TwinPlatform.Materials.Chemistry.elements.csv")
            ?? throw new InvalidOperationException("the embedded element table is missing from " + assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        var elements = new Dictionary<string, ElementData>(StringComparer.Ordinal);
        string? header = null;
        var c = CultureInfo.InvariantCulture;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header is null)
            {
                header = line;
                continue;
            }

            var f = line.Split(',');
            if (f.Length != 12)
            {
                throw new InvalidDataException($"elements.csv:{lineNumber}: expected 12 values, found {f.Length}");
            }

            var e = new ElementData(f[0], int.Parse(f[1], c), double.Parse(f[2], c), int.Parse(f[3], c), int.Parse(f[4], c),
                double.Parse(f[5], c), double.Parse(f[6], c), double.Parse(f[7], c), int.Parse(f[8], c), int.Parse(f[9], c),
                int.Parse(f[10], c), int.Parse(f[11], c));
            elements.Add(e.Symbol, e);
        }

        return new ElementTable(elements);
    }
}

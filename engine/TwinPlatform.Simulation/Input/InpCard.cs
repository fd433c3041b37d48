using TwinPlatform.Core;

namespace TwinPlatform.Simulation.Input;

/// <summary>A keyword line, its parameters and the data lines that follow it.</summary>
internal sealed class InpCard
{
    public InpCard(string keyword, IReadOnlyList<InpParameter> parameters, DeckLocation location)
    {
        Keyword = keyword;
        Parameters = parameters;
        Location = location;
    }

    /// <summary>Upper-case keyword without the star, single-spaced (<c>NODE PRINT</c>).</summary>
    public string Keyword { get; }

    public IReadOnlyList<InpParameter> Parameters { get; }

    public DeckLocation Location { get; }

    public List<InpDataLine> Data { get; } = [];

    /// <summary>For a mesh include: the resolved .msh path.</summary>
    public string? MeshPath { get; init; }

    public string Title => "*" + Keyword;

    public InpParameter? Find(string key)
    {
        foreach (var p in Parameters)
        {
            if (p.Key == key)
            {
                return p;
            }
        }

        return null;
    }

    public bool Has(string key) => Find(key) is not null;

    /// <summary>The value of <paramref name="key"/>; throws when the parameter is missing or has no value.</summary>
    public string Required(string key)
    {
        var p = Find(key) ?? throw Error(0, $"{Title} needs the parameter {key}=");
        return string.IsNullOrWhiteSpace(p.Value) ? throw Error(p.Column, $"{Title}: {key}= has no value") : p.Value;
    }

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public string? Optional(string key)
    {
        var p = Find(key);
        if (p is null)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(p.Value) ? throw Error(p.Column, $"{Title}: {key}= has no value") : p.Value;
    }

    /// <summary>Refuses any parameter not in <paramref name="allowed"/>.</summary>
    public void Allow(params string[] allowed)
    {
        foreach (var p in Parameters)
        {
            if (Array.IndexOf(allowed, p.Key) < 0)
            {
                var known = allowed.Length == 0 ? "it takes no parameters" : "supported: " + string.Join(", ", allowed);
                throw Error(p.Column, $"{Title}: parameter {p.Key} is not supported ({known})");
            }
        }
    }

    /// <summary>Refuses data lines (for keywords that take none).</summary>
    public void NoData()
    {
        if (Data.Count > 0)
        {
            throw InpReader.Error(Data[0].Location, 1, Title, $"{Title} takes no data lines");
        }
    }

    public InputFileException Error(int column, string reason) => InpReader.Error(Location, column, Title, reason);
}

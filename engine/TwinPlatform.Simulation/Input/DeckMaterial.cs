namespace TwinPlatform.Simulation.Input;

/// <summary>A <c>*MATERIAL</c> and the constants given for it (null when not given). Values in deck units.</summary>
public sealed record DeckMaterial
{
    /// <summary>Material name as written.</summary>
    public required string Name { get; init; }

    /// <summary>The <c>*MATERIAL</c> line.</summary>
    public required DeckLocation Location { get; init; }

    /// <summary>Young's modulus (<c>*ELASTIC</c>).</summary>
    public double? YoungsModulus { get; init; }

    /// <summary>Poisson's ratio (<c>*ELASTIC</c>).</summary>
    public double? PoissonsRatio { get; init; }

    /// <summary>Mass density (<c>*DENSITY</c>).</summary>
    public double? Density { get; init; }

    /// <summary>Secant coefficient of thermal expansion (<c>*EXPANSION</c>).</summary>
    public double? Expansion { get; init; }

    /// <summary>Reference temperature of <see cref="Expansion"/> (<c>ZERO=</c>, default 0).</summary>
    public double ExpansionZero { get; init; }

    /// <summary>Thermal conductivity (<c>*CONDUCTIVITY</c>).</summary>
    public double? Conductivity { get; init; }

    /// <summary>Specific heat (<c>*SPECIFIC HEAT</c>).</summary>
    public double? SpecificHeat { get; init; }
}

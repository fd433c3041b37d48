namespace TwinPlatform.Prognostics.Blades;

/// <summary>
/// Geometry and mesh of a simple compressor blade: a straight prismatic plate from the hub radius to
/// the tip radius, meshed with a structured grid of 20-node hexahedra. The rotation axis is the z axis
/// through the origin; the span runs along x, the thickness along y (circumferential) and the chord
/// along z (axial).
/// </summary>
/// <remarks>
/// Immutable creation parameters. The root face (x = hub radius) is held radially on every node and
/// on two symmetry lines (uy = 0 along y = 0, uz = 0 along z = 0), so the blade is free to contract
/// laterally and the stress state away from the tip is the uniaxial one of a rotating bar.
/// </remarks>
public sealed record BladeDescription
{
    /// <summary>Radius of the blade root (hub), metres. Default 0.20 m.</summary>
    public double HubRadiusM { get; init; } = 0.20;

    /// <summary>Radius of the blade tip, metres. Default 0.25 m.</summary>
    public double TipRadiusM { get; init; } = 0.25;

    /// <summary>Chord (axial width), metres. Default 30 mm.</summary>
    public double ChordM { get; init; } = 0.030;

    /// <summary>Thickness, metres. Default 4 mm.</summary>
    public double ThicknessM { get; init; } = 0.004;

    /// <summary>Elements along the span. Default 16.</summary>
    public int SpanElements { get; init; } = 16;

    /// <summary>Elements through the thickness (even, so a node line lies on y = 0). Default 2.</summary>
    public int ThicknessElements { get; init; } = 2;

    /// <summary>Elements along the chord (even, so a node line lies on z = 0). Default 6.</summary>
    public int ChordElements { get; init; } = 6;

    /// <summary>
    /// Radial distance of the root check section from the hub, as a fraction of the span; the ROM averages
    /// the radial stress over this section. Default 0.05: just outboard of the root face.
    /// </summary>
    public double CheckPointSpanFraction { get; init; } = 0.05;

    /// <summary>
    /// Stress concentration factor of the root fillet applied to the nominal (ROM) stress when the blade
    /// twin checks its allowables. Default 1 (nominal stress).
    /// </summary>
    public double StressConcentrationFactor { get; init; } = 1.0;

    /// <summary>Radius of the check section, metres.</summary>
    public double CheckPointRadiusM => HubRadiusM + (CheckPointSpanFraction * (TipRadiusM - HubRadiusM));

    /// <summary>Throws if a dimension or count is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (!(HubRadiusM >= 0) || !(TipRadiusM > HubRadiusM))
        {
            throw new ArgumentOutOfRangeException(nameof(TipRadiusM), TipRadiusM, "the tip radius must exceed a non-negative hub radius");
        }

        if (!(ChordM > 0) || !(ThicknessM > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ChordM), "chord and thickness must be positive");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(SpanElements, 1, nameof(SpanElements));
        if (ThicknessElements < 2 || ThicknessElements % 2 != 0 || ChordElements < 2 || ChordElements % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ChordElements), "thickness and chord element counts must be even and at least 2");
        }

        if (CheckPointSpanFraction is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CheckPointSpanFraction), CheckPointSpanFraction, "the check point lies in [0, 1) of the span");
        }

        if (!(StressConcentrationFactor >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(StressConcentrationFactor), StressConcentrationFactor, "a stress concentration factor is at least 1");
        }
    }
}

namespace TwinPlatform.Simulation.Gmsh;

/// <summary>How <see cref="GmshMesher"/> meshes a .geo file.</summary>
public sealed record GmshMeshOptions
{
    /// <summary>Element order: 1 (Tet4) or 2 (Tet10).</summary>
    public int ElementOrder { get; init; } = 2;

    /// <summary>Largest element size, metres (passed to gmsh as -clmax in geometry units).</summary>
    public required double CharacteristicLengthM { get; init; }

    /// <summary>Length of one geometry unit of the .geo file in metres: 1e-3 for a model written in millimetres.</summary>
    public double GeometryUnitM { get; init; } = 1e-3;

    /// <summary>Further gmsh command-line arguments (for example <c>-optimize_ho</c> or <c>-clmin 0.5</c>), passed verbatim.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Folder of cached meshes (created if missing).</summary>
    public required string CacheFolder { get; init; }

    /// <summary>How long gmsh may run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}

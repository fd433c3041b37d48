namespace TwinPlatform.Rendering;

/// <summary>An immutable triangle surface to render: vertex positions, triangles and an optional per-vertex scalar field.</summary>
/// <remarks>
/// Positions are xyz triples in metres (any consistent length unit works, the renderer only needs
/// ratios). Triangles index vertices, three per triangle. Both sides of a triangle are lit, but normals are
/// only averaged across an edge whose two triangles are wound the same way, as on a boundary surface
/// extracted from a solid mesh. Inputs are copied and validated at construction.
/// </remarks>
public sealed class SurfaceMeshDescription
{
    private readonly double[] _positions;
    private readonly int[] _triangles;

    /// <summary>Creates a mesh from double-precision positions.</summary>
    /// <param name="positions">x, y, z per vertex, in metres.</param>
    /// <param name="triangles">Three vertex indices per triangle.</param>
    /// <param name="field">Per-vertex scalar field to colour by, or null for a plain surface.</param>
    /// <exception cref="ArgumentException">Lengths are not multiples of three, an index is out of range, a position is not finite, or the field has the wrong length.</exception>
    public SurfaceMeshDescription(ReadOnlySpan<double> positions, ReadOnlySpan<int> triangles, ScalarFieldDescription? field = null)
    {
        _positions = positions.ToArray();
        _triangles = triangles.ToArray();
        Field = field;
        Validate();
    }

    /// <summary>Creates a mesh from single-precision positions.</summary>
    /// <param name="positions">x, y, z per vertex, in metres.</param>
    /// <param name="triangles">Three vertex indices per triangle.</param>
    /// <param name="field">Per-vertex scalar field to colour by, or null for a plain surface.</param>
    /// <exception cref="ArgumentException">Lengths are not multiples of three, an index is out of range, a position is not finite, or the field has the wrong length.</exception>
    public SurfaceMeshDescription(ReadOnlySpan<float> positions, ReadOnlySpan<int> triangles, ScalarFieldDescription? field = null)
    {
        _positions = new double[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            _positions[i] = positions[i];
        }

        _triangles = triangles.ToArray();
        Field = field;
        Validate();
    }

    /// <summary>x, y, z per vertex, in metres.</summary>
    public ReadOnlySpan<double> Positions => _positions;

    /// <summary>Three vertex indices per triangle.</summary>
    public ReadOnlySpan<int> Triangles => _triangles;

    /// <summary>The scalar field to colour by, or null.</summary>
    public ScalarFieldDescription? Field { get; }

    /// <summary>Number of vertices.</summary>
    public int VertexCount => _positions.Length / 3;

    /// <summary>Number of triangles.</summary>
    public int TriangleCount => _triangles.Length / 3;

    /// <summary>
    /// Normals are averaged across an edge only where the faces meet at less than this angle; sharper
    /// edges stay sharp (machined edges, fillet boundaries). 0 gives flat facets, 180 smooths everything.
    /// The same angle picks the feature edges drawn by <see cref="EdgeOverlayMode.FeatureEdges"/>. Default 30 degrees.
    /// </summary>
    public double CreaseAngleDegrees { get; init; } = 30;

    /// <summary>A copy of this mesh with another scalar field (positions and triangles shared, not copied).</summary>
    /// <param name="field">The new field, or null.</param>
    public SurfaceMeshDescription WithField(ScalarFieldDescription? field) => new(this, field);

    private SurfaceMeshDescription(SurfaceMeshDescription source, ScalarFieldDescription? field)
    {
        _positions = source._positions;
        _triangles = source._triangles;
        CreaseAngleDegrees = source.CreaseAngleDegrees;
        Field = field;
        Validate();
    }

    private void Validate()
    {
        if (_positions.Length % 3 != 0)
        {
            throw new ArgumentException($"positions hold {_positions.Length} numbers; expected x, y, z per vertex (a multiple of 3)", "positions");
        }

        if (_triangles.Length % 3 != 0)
        {
            throw new ArgumentException($"triangles hold {_triangles.Length} indices; expected 3 per triangle", "triangles");
        }

        for (var i = 0; i < _positions.Length; i++)
        {
            if (!double.IsFinite(_positions[i]))
            {
                throw new ArgumentException($"coordinate {i % 3} of vertex {i / 3} is {_positions[i]}", "positions");
            }
        }

        var vertexCount = VertexCount;
        for (var i = 0; i < _triangles.Length; i++)
        {
            if ((uint)_triangles[i] >= (uint)vertexCount)
            {
                throw new ArgumentException($"triangle {i / 3} refers to vertex {_triangles[i]}; the mesh has {vertexCount} vertices", "triangles");
            }
        }

        if (Field is not null && Field.Count != vertexCount)
        {
            throw new ArgumentException($"field '{Field.Name}' has {Field.Count} values for {vertexCount} vertices", "field");
        }
    }
}

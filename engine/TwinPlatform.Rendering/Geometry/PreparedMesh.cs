using TwinPlatform.Core.Graph;

namespace TwinPlatform.Rendering.Geometry;

/// <summary>A surface ready for upload: vertices split at creases, with normals, edge lists and the map back to input vertices.</summary>
/// <remarks>Struct-of-arrays; positions are single precision relative to <see cref="Origin"/> so large model coordinates keep their resolution.</remarks>
internal sealed class PreparedMesh
{
    public required Vector3d Origin { get; init; }

    /// <summary>Half the bounding-box diagonal, metres; positive.</summary>
    public required double Radius { get; init; }

    /// <summary>Interleaved x, y, z, nx, ny, nz per render vertex (positions relative to <see cref="Origin"/>).</summary>
    public required float[] Vertices { get; init; }

    /// <summary>The input vertex each render vertex was copied from.</summary>
    public required int[] SourceVertex { get; init; }

    /// <summary>Three render-vertex indices per triangle (degenerate triangles dropped).</summary>
    public required int[] Triangles { get; init; }

    /// <summary>Render-vertex index pairs of the feature edges (boundary, non-manifold, sharper than the crease angle).</summary>
    public required int[] FeatureEdges { get; init; }

    /// <summary>Render-vertex index pairs of every distinct triangle edge.</summary>
    public required int[] AllEdges { get; init; }

    public int RenderVertexCount => SourceVertex.Length;
}

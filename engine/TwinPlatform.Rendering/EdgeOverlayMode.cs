namespace TwinPlatform.Rendering;

/// <summary>Which mesh edges are drawn as lines over the shaded surface.</summary>
public enum EdgeOverlayMode
{
    /// <summary>No lines.</summary>
    None,

    /// <summary>Boundary edges, non-manifold edges and edges sharper than the mesh's crease angle: the part's outline.</summary>
    FeatureEdges,

    /// <summary>Every triangle edge (wireframe over the surface), to show the element mesh.</summary>
    AllEdges,
}

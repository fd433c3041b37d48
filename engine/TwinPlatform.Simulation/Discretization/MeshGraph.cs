using System.Runtime.CompilerServices;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>
/// Node adjacency, reverse Cuthill-McKee order and element colouring of a mesh, built once per mesh and
/// shared by every model on it (kept beside the mesh while it lives).
/// </summary>
internal sealed class MeshGraph
{
    private static readonly ConditionalWeakTable<Mesh, MeshGraph> Cache = [];

    private readonly Mesh _mesh;
    private NodeAdjacency? _adjacency;
    private int[]? _order;
    private ElementColoring? _coloring;
    private bool[]? _active;

    private MeshGraph(Mesh mesh)
    {
        _mesh = mesh;
    }

    /// <summary>Node-to-node and node-to-element incidence.</summary>
    public NodeAdjacency Adjacency => _adjacency ??= NodeAdjacency.Build(_mesh);

    /// <summary>Equation order of the nodes.</summary>
    public int[] Order => _order ??= NodeOrdering.ReverseCuthillMcKee(Adjacency);

    /// <summary>Element colours for lock-free parallel assembly.</summary>
    public ElementColoring Coloring => _coloring ??= ElementColoring.Build(_mesh);

    /// <summary>Per node: used by some element.</summary>
    public bool[] ActiveNodes
    {
        get
        {
            if (_active is null)
            {
                var active = new bool[_mesh.NodeCount];
                for (var n = 0; n < active.Length; n++)
                {
                    active[n] = Adjacency.IsActive(n);
                }

                _active = active;
            }

            return _active;
        }
    }

    /// <summary>The graph of <paramref name="mesh"/> (created on first use; not thread-safe while being built).</summary>
    public static MeshGraph Of(Mesh mesh) => Cache.GetValue(mesh, static m => new MeshGraph(m));
}

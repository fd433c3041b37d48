using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>
/// A named set of loads solved as one right-hand side. Created by <see cref="StaticModel.AddLoadCase"/>
/// or <see cref="StaticModel.AddSurfaceForce"/>; the Add methods return the load case for chaining and
/// check set names immediately.
/// </summary>
public sealed class LoadCase
{
    private readonly StaticModel _model;
    private readonly List<LoadTerm> _terms = [];

    internal LoadCase(StaticModel model, string name, int index)
    {
        _model = model;
        Name = name;
        Index = index;
    }

    /// <summary>Load-case name.</summary>
    public string Name { get; }

    /// <summary>Position in <see cref="StaticModel.LoadCases"/> and in the results.</summary>
    public int Index { get; }

    /// <summary>
    /// A total force <paramref name="totalForceN"/> along <paramref name="direction"/> (normalised here),
    /// spread as a uniform traction over face set <paramref name="faceSet"/> with consistent nodal loads.
    /// </summary>
    public LoadCase AddSurfaceForce(string faceSet, Vector3d direction, double totalForceN)
    {
        RequireFaceSet(faceSet);
        if (!double.IsFinite(totalForceN))
        {
            throw new ArgumentOutOfRangeException(nameof(totalForceN), totalForceN, "force must be finite");
        }

        _terms.Add(new LoadTerm(LoadTerm.LoadKind.SurfaceForce, faceSet, totalForceN * NormalizedDirection(direction)));
        return this;
    }

    /// <summary>A uniform traction vector <paramref name="tractionPa"/> (force per area, Pa) on face set <paramref name="faceSet"/>.</summary>
    public LoadCase AddSurfaceTraction(string faceSet, Vector3d tractionPa)
    {
        RequireFaceSet(faceSet);
        _terms.Add(new LoadTerm(LoadTerm.LoadKind.SurfaceTraction, faceSet, tractionPa));
        return this;
    }

    /// <summary>A total force split equally over the nodes of set <paramref name="nodeSet"/> (not consistent for quadratic elements; prefer surface loads).</summary>
    public LoadCase AddNodalForce(string nodeSet, Vector3d totalForceN)
    {
        _ = _model.Mesh.NodesOf(nodeSet);
        _terms.Add(new LoadTerm(LoadTerm.LoadKind.NodalForce, nodeSet, totalForceN));
        return this;
    }

    /// <summary>Body force density × <paramref name="accelerationMps2"/> on every element (gravity: (0, 0, -9.81)).</summary>
    /// <exception cref="InvalidOperationException">The material has no density.</exception>
    public LoadCase AddBodyAcceleration(Vector3d accelerationMps2)
    {
        if (!(_model.Material.DensityKgPerM3 > 0))
        {
            throw new InvalidOperationException("a body acceleration needs a material density; create IsotropicElastic with densityKgPerM3 > 0");
        }

        _terms.Add(new LoadTerm(LoadTerm.LoadKind.BodyAcceleration, string.Empty, accelerationMps2));
        return this;
    }

    /// <summary>Adds the consistent nodal forces of all terms to <paramref name="forces"/> (3 per node).</summary>
    internal void Assemble(double[] forces)
    {
        foreach (var term in _terms)
        {
            switch (term.Kind)
            {
                case LoadTerm.LoadKind.SurfaceForce:
                case LoadTerm.LoadKind.SurfaceTraction:
                    AssembleSurface(term, forces);
                    break;
                case LoadTerm.LoadKind.NodalForce:
                    AssembleNodal(term, forces);
                    break;
                case LoadTerm.LoadKind.BodyAcceleration:
                    AssembleBody(term, forces);
                    break;
                default:
                    throw new InvalidOperationException($"unknown load kind {term.Kind}");
            }
        }
    }

    private void AssembleSurface(LoadTerm term, double[] forces)
    {
        var mesh = _model.Mesh;
        var areas = new double[mesh.NodeCount];
        var total = SurfaceIntegration.NodalAreas(mesh, mesh.FaceSets[term.Set], areas);
        if (!(total > 0))
        {
            throw new ModelException($"load case '{Name}': surface '{term.Set}' has zero area");
        }

        // A total force becomes the uniform traction F / A; consistent nodal loads t ∫ N_a dA.
        var traction = term.Kind == LoadTerm.LoadKind.SurfaceForce ? (1.0 / total) * term.Vector : term.Vector;
        AddWeighted(forces, areas, traction);
    }

    private void AssembleNodal(LoadTerm term, double[] forces)
    {
        var nodes = _model.Mesh.NodesOf(term.Set);
        var share = (1.0 / nodes.Length) * term.Vector;
        foreach (var n in nodes)
        {
            forces[3 * n] += share.X;
            forces[(3 * n) + 1] += share.Y;
            forces[(3 * n) + 2] += share.Z;
        }
    }

    private void AssembleBody(LoadTerm term, double[] forces)
    {
        var mesh = _model.Mesh;
        var volumes = new double[mesh.NodeCount];
        foreach (var block in mesh.Blocks)
        {
            switch (block.Type)
            {
                case ElementType.Tet4:
                    AddShapeIntegrals(default(Tet4Kernel), mesh, block, volumes);
                    break;
                case ElementType.Tet10:
                    AddShapeIntegrals(default(Tet10Kernel), mesh, block, volumes);
                    break;
                default:
                    throw new NotSupportedException($"no element kernel for {block.Type} yet");
            }
        }

        // f_a = rho g ∫ N_a dV.
        AddWeighted(forces, volumes, _model.Material.DensityKgPerM3 * term.Vector);
    }

    private static void AddWeighted(double[] forces, double[] weights, Vector3d v)
    {
        for (var n = 0; n < weights.Length; n++)
        {
            var w = weights[n];
            if (w != 0)
            {
                forces[3 * n] += w * v.X;
                forces[(3 * n) + 1] += w * v.Y;
                forces[(3 * n) + 2] += w * v.Z;
            }
        }
    }

    private static void AddShapeIntegrals<TKernel>(TKernel kernel, Mesh mesh, ElementBlock block, double[] volumes)
        where TKernel : struct, IElementKernel
    {
        Span<double> xyz = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> integrals = stackalloc double[ElementOperations.MaxNodes];
        for (var e = 0; e < block.Count; e++)
        {
            var nodes = block.Nodes(e);
            ElementOperations.GatherCoordinates(mesh, nodes, xyz);
            if (double.IsNaN(ElementOperations.IntegrateShape(kernel, xyz, integrals)))
            {
                throw new ModelException($"element {block.FirstElement + e} has a non-positive Jacobian determinant: it is inverted or degenerate");
            }

            for (var a = 0; a < nodes.Length; a++)
            {
                volumes[nodes[a]] += integrals[a];
            }
        }
    }

    private static Vector3d NormalizedDirection(Vector3d direction)
    {
        if (!(direction.Length > 0) || !double.IsFinite(direction.Length))
        {
            throw new ArgumentException($"load direction {direction} has no direction", nameof(direction));
        }

        return direction.Normalized();
    }

    private void RequireFaceSet(string faceSet)
    {
        if (!_model.Mesh.FaceSets.ContainsKey(faceSet))
        {
            throw new ArgumentException($"the mesh has no surface (face set) named '{faceSet}'; known sets: {_model.Mesh.KnownSetNames()}", nameof(faceSet));
        }
    }
}

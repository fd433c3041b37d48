using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;
using TwinPlatform.Simulation.Results;
using TwinPlatform.Simulation.Solvers;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>
/// Fields of one load case: nodal displacements and forces, reactions, recovered stresses (computed on
/// first use), and point probes.
/// </summary>
/// <remarks>Vectors are interleaved, 3 per node (x, y, z), metres or newtons.</remarks>
public sealed class LoadCaseResult
{
    private readonly StaticModel _model;
    private readonly ElasticProperties _properties;
    private readonly double[]? _temperatureChange;
    private StressField? _stresses;

    internal LoadCaseResult(StaticModel model, LoadCase loadCase, ElasticProperties properties, double[] displacements, double[] forces, double[] reactions, double[]? temperatureChange, LinearSolveResult solve)
    {
        _model = model;
        _properties = properties;
        _temperatureChange = temperatureChange;
        LoadCase = loadCase;
        Displacements = displacements;
        Forces = forces;
        Reactions = reactions;
        Iterations = solve.Iterations;
        RelativeResidual = solve.RelativeResidual;
        SolveTime = solve.Elapsed;
    }

    /// <summary>The load case.</summary>
    public LoadCase LoadCase { get; }

    /// <summary>The mesh the fields live on.</summary>
    public Mesh Mesh => _model.Mesh;

    /// <summary>Load-case name.</summary>
    public string Name => LoadCase.Name;

    /// <summary>Nodal displacements, 3 per node, metres.</summary>
    public double[] Displacements { get; }

    /// <summary>Applied consistent nodal forces, 3 per node, N.</summary>
    public double[] Forces { get; }

    /// <summary>Reaction forces K u - f at constrained components (zero elsewhere), 3 per node, N.</summary>
    public double[] Reactions { get; }

    /// <summary>Solver iterations.</summary>
    public int Iterations { get; }

    /// <summary>Final relative residual.</summary>
    public double RelativeResidual { get; }

    /// <summary>Solve time of this load case.</summary>
    public TimeSpan SolveTime { get; }

    /// <summary>Nodal temperatures of the case, K, or null without a thermal load.</summary>
    public double[]? Temperatures => LoadCase.Temperatures;

    /// <summary>Integration-point and nodal strains and stresses (computed on first use; thermal strain subtracted).</summary>
    public StressField Stresses => _stresses ??= StressRecovery.Compute(_model.Mesh, _properties, Displacements, _temperatureChange);

    /// <summary>Recovered von Mises stress per node, Pa (for rendering).</summary>
    public double[] NodalVonMises => Stresses.NodalVonMises;

    /// <summary>Displacement of node <paramref name="node"/>, metres.</summary>
    public Vector3d Displacement(int node) => new(Displacements[3 * node], Displacements[(3 * node) + 1], Displacements[(3 * node) + 2]);

    /// <summary>Sum of the reaction forces over the nodes of set <paramref name="setName"/>, N.</summary>
    public Vector3d ReactionForce(string setName)
    {
        double x = 0, y = 0, z = 0;
        foreach (var n in _model.Mesh.NodesOf(setName))
        {
            x += Reactions[3 * n];
            y += Reactions[(3 * n) + 1];
            z += Reactions[(3 * n) + 2];
        }

        return new Vector3d(x, y, z);
    }

    /// <summary>Displacement, strain and stress at <paramref name="point"/> (metres) from the containing element's shape functions.</summary>
    /// <exception cref="PointOutsideMeshException">The point is outside the mesh.</exception>
    public ProbeResult Probe(Vector3d point)
    {
        var location = _model.Locator.Locate(point);
        var mesh = _model.Mesh;
        var block = mesh.BlockOf(location.Element, out var local);
        var nodes = block.Nodes(local);
        Span<double> xyz = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> ue = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> u = stackalloc double[3];
        Span<double> eps = stackalloc double[6];
        ElementOperations.GatherCoordinates(mesh, nodes, xyz);
        ElementOperations.GatherVector(Displacements, nodes, ue);
        var rules = ElementRules.Of(block.Type);
        if (!ElementOperations.EvaluateAt(rules, xyz, ue, location.R, location.S, location.T, u, eps))
        {
            throw new ModelException($"element {location.Element} has a non-positive Jacobian determinant at the probe point", location.Element);
        }

        var strain = SymmetricTensor.FromSpan(eps);
        var m = _properties.MaterialOf[location.Element];
        var mechanical = strain;
        if (_temperatureChange is not null && _properties.Alpha[m] != 0)
        {
            Span<double> dT = stackalloc double[ElementOperations.MaxNodes];
            for (var a = 0; a < nodes.Length; a++)
            {
                dT[a] = _temperatureChange[nodes[a]];
            }

            var th = _properties.Alpha[m] * ElementOperations.Interpolate(rules, dT, location.R, location.S, location.T);
            mechanical = strain with { XX = strain.XX - th, YY = strain.YY - th, ZZ = strain.ZZ - th };
        }

        return new ProbeResult(point, location, new Vector3d(u[0], u[1], u[2]), strain, _properties.Laws[m]!.Stress(mechanical));
    }

    /// <summary>Displacement at <paramref name="point"/>, metres.</summary>
    public Vector3d DisplacementAt(Vector3d point) => Probe(point).Displacement;

    /// <summary>Normal strain d·eps·d at <paramref name="point"/> along <paramref name="direction"/> (normalised).</summary>
    public double NormalStrain(Vector3d point, Vector3d direction) => Probe(point).NormalStrain(direction);
}

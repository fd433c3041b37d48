using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Elements;

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
    private readonly List<(int Node, Vector3d Force)> _nodeForces = [];
    private readonly List<(Vector3d Point, Vector3d Axis, double OmegaSquared)> _centrifugal = [];

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

    /// <summary>A concentrated force <paramref name="forceN"/> at node <paramref name="node"/> (CalculiX *CLOAD).</summary>
    public LoadCase AddNodalForce(int node, Vector3d forceN)
    {
        _model.CheckNode(node);
        CheckFinite(forceN, nameof(forceN));
        _nodeForces.Add((node, forceN));
        return this;
    }

    /// <summary>
    /// A uniform pressure <paramref name="pressurePa"/> on face set <paramref name="faceSet"/>, acting along the
    /// inward normal: positive pressure pushes into the body (CalculiX *DLOAD Pn). Consistent nodal loads
    /// -p ∫ N_a n dA with the outward normal n of each element face (faces of a mesh-file set are matched to
    /// their elements to find it).
    /// </summary>
    public LoadCase AddPressure(string faceSet, double pressurePa)
    {
        RequireFaceSet(faceSet);
        if (!double.IsFinite(pressurePa))
        {
            throw new ArgumentOutOfRangeException(nameof(pressurePa), pressurePa, "pressure must be finite, Pa");
        }

        _terms.Add(new LoadTerm(LoadTerm.LoadKind.Pressure, faceSet, new Vector3d(pressurePa, 0, 0)));
        return this;
    }

    /// <summary>
    /// Gravity: body force density × <paramref name="accelerationMPerS2"/> on every element (CalculiX *DLOAD GRAV
    /// with magnitude times unit direction); every material needs a density.
    /// </summary>
    public LoadCase AddGravity(Vector3d accelerationMPerS2)
    {
        CheckFinite(accelerationMPerS2, nameof(accelerationMPerS2));
        _terms.Add(new LoadTerm(LoadTerm.LoadKind.Gravity, string.Empty, accelerationMPerS2));
        return this;
    }

    /// <summary>
    /// Centrifugal load of a rotation at <paramref name="omegaRadPerS"/> about the axis through
    /// <paramref name="axisPoint"/> along <paramref name="axisDirection"/>: body force rho omega^2 r, r the
    /// position's distance vector from the axis (CalculiX *DLOAD CENTRIF gives omega^2, point and direction).
    /// Every material needs a density.
    /// </summary>
    public LoadCase AddCentrifugal(Vector3d axisPoint, Vector3d axisDirection, double omegaRadPerS)
    {
        CheckFinite(axisPoint, nameof(axisPoint));
        var axis = NormalizedDirection(axisDirection);
        if (!double.IsFinite(omegaRadPerS))
        {
            throw new ArgumentOutOfRangeException(nameof(omegaRadPerS), omegaRadPerS, "the rotational speed must be finite, rad/s");
        }

        _centrifugal.Add((axisPoint, axis, omegaRadPerS * omegaRadPerS));
        return this;
    }

    /// <summary>
    /// Nodal temperatures of this load case, K (CalculiX *TEMPERATURE): thermal strain alpha (T - T0) with T0
    /// the model's initial temperatures (<see cref="StaticModel.SetInitialTemperatures"/>), interpolated to the
    /// integration points with the shape functions. Stresses are computed from the strain minus the thermal strain.
    /// </summary>
    public LoadCase SetTemperatures(ReadOnlySpan<double> temperatureK)
    {
        Temperatures = _model.CheckedField(temperatureK, nameof(temperatureK));
        return this;
    }

    /// <summary>Nodal temperatures <paramref name="temperatureK"/> and this case's own initial temperatures <paramref name="initialTemperatureK"/>, K.</summary>
    public LoadCase SetTemperatures(ReadOnlySpan<double> temperatureK, ReadOnlySpan<double> initialTemperatureK)
    {
        Temperatures = _model.CheckedField(temperatureK, nameof(temperatureK));
        InitialTemperatures = _model.CheckedField(initialTemperatureK, nameof(initialTemperatureK));
        return this;
    }

    /// <summary>Nodal temperatures of the case, K, or null without a thermal load.</summary>
    public double[]? Temperatures { get; private set; }

    /// <summary>The case's own initial temperatures, K, or null to use the model's.</summary>
    public double[]? InitialTemperatures { get; private set; }

    /// <summary>Body force density × <paramref name="accelerationMps2"/> on every element (gravity: (0, 0, -9.81)); the same as <see cref="AddGravity"/>.</summary>
    /// <exception cref="InvalidOperationException">The model was created with one material that has no density.</exception>
    public LoadCase AddBodyAcceleration(Vector3d accelerationMps2)
    {
        if (_model.SingleMaterial is { } single && !(single.DensityKgPerM3 > 0))
        {
            throw new InvalidOperationException("a body acceleration needs a material density; create IsotropicElastic with densityKgPerM3 > 0");
        }

        return AddGravity(accelerationMps2);
    }

    /// <summary>T - T0 per node, or null if the case has no temperatures.</summary>
    /// <exception cref="ModelException">The case has temperatures but neither it nor the model has initial temperatures.</exception>
    internal double[]? TemperatureChange()
    {
        if (Temperatures is null)
        {
            return null;
        }

        var initial = InitialTemperatures ?? _model.InitialTemperatures ?? throw new ModelException(
            $"load case '{Name}' has temperatures but there are no initial (stress-free) temperatures; " +
            "set them with StaticModel.SetInitialTemperatures (CalculiX *INITIAL CONDITIONS, TYPE=TEMPERATURE)");
        var delta = new double[Temperatures.Length];
        for (var n = 0; n < delta.Length; n++)
        {
            delta[n] = Temperatures[n] - initial[n];
        }

        return delta;
    }

    /// <summary>Adds the consistent nodal forces of all loads to <paramref name="forces"/> (3 per node).</summary>
    /// <exception cref="ModelException">A load needs a material property that is absent, or an element is inverted.</exception>
    internal void Assemble(double[] forces, ElasticProperties properties)
    {
        var mesh = _model.Mesh;
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
                case LoadTerm.LoadKind.Pressure:
                    // f_a = -p ∫ N_a n dA: positive pressure pushes against the outward normal.
                    SurfaceIntegration.AddNormalIntegrals(mesh, mesh.ElementFacesOf(mesh.FaceSets[term.Set]), -term.Vector.X, forces);
                    break;
                case LoadTerm.LoadKind.BodyAcceleration:
                case LoadTerm.LoadKind.Gravity:
                    AssembleGravity(term.Vector, forces, properties);
                    break;
                default:
                    throw new InvalidOperationException($"unknown load kind {term.Kind}");
            }
        }

        foreach (var (node, force) in _nodeForces)
        {
            forces[3 * node] += force.X;
            forces[(3 * node) + 1] += force.Y;
            forces[(3 * node) + 2] += force.Z;
        }

        foreach (var (point, axis, omegaSquared) in _centrifugal)
        {
            AssembleCentrifugal(point, axis, omegaSquared, forces, properties);
        }

        if (TemperatureChange() is { } deltaT)
        {
            AssembleThermal(deltaT, forces, properties);
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

    /// <summary>f_a = rho g ∫ N_a dV per element (mass rule).</summary>
    private void AssembleGravity(Vector3d acceleration, double[] forces, ElasticProperties properties)
    {
        var densities = Densities(properties, "gravity");
        var mesh = _model.Mesh;
        Span<double> xyz = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> integrals = stackalloc double[ElementOperations.MaxNodes];
        foreach (var block in mesh.Blocks)
        {
            var rules = ElementRules.Of(block.Type);
            for (var e = 0; e < block.Count; e++)
            {
                var id = block.FirstElement + e;
                var nodes = block.Nodes(e);
                ElementOperations.GatherCoordinates(mesh, nodes, xyz);
                if (double.IsNaN(ElementIntegrals.ShapeIntegrals(rules, xyz, integrals)))
                {
                    throw MatrixAssembler.InvertedElement(mesh, id);
                }

                var rho = densities[properties.MaterialOf[id]];
                for (var a = 0; a < nodes.Length; a++)
                {
                    var w = rho * integrals[a];
                    forces[3 * nodes[a]] += w * acceleration.X;
                    forces[(3 * nodes[a]) + 1] += w * acceleration.Y;
                    forces[(3 * nodes[a]) + 2] += w * acceleration.Z;
                }
            }
        }
    }

    private void AssembleCentrifugal(Vector3d point, Vector3d axis, double omegaSquared, double[] forces, ElasticProperties properties)
    {
        var densities = Densities(properties, "centrifugal");
        var mesh = _model.Mesh;
        Span<double> xyz = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> fe = stackalloc double[3 * ElementOperations.MaxNodes];
        foreach (var block in mesh.Blocks)
        {
            var rules = ElementRules.Of(block.Type);
            for (var e = 0; e < block.Count; e++)
            {
                var id = block.FirstElement + e;
                var nodes = block.Nodes(e);
                ElementOperations.GatherCoordinates(mesh, nodes, xyz);
                fe.Clear();
                if (!ElementIntegrals.AddCentrifugal(rules, xyz, densities[properties.MaterialOf[id]] * omegaSquared, point, axis, fe))
                {
                    throw MatrixAssembler.InvertedElement(mesh, id);
                }

                Scatter(nodes, fe, forces);
            }
        }
    }

    /// <summary>f_a = ∫ (3 lambda + 2 mu) alpha dT grad N_a dV per element (stiffness rule, consistent with K).</summary>
    private void AssembleThermal(double[] deltaT, double[] forces, ElasticProperties properties)
    {
        var mesh = _model.Mesh;
        Span<double> xyz = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> fe = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> dT = stackalloc double[ElementOperations.MaxNodes];
        foreach (var block in mesh.Blocks)
        {
            var rules = ElementRules.Of(block.Type);
            for (var e = 0; e < block.Count; e++)
            {
                var id = block.FirstElement + e;
                var nodes = block.Nodes(e);
                var any = false;
                for (var a = 0; a < nodes.Length; a++)
                {
                    dT[a] = deltaT[nodes[a]];
                    any |= dT[a] != 0;
                }

                if (!any)
                {
                    continue;
                }

                var m = properties.MaterialOf[id];
                var material = properties.Materials[m];
                var alpha = material.Require(material.ThermalExpansionPerK, "thermal expansion coefficient (*EXPANSION)", $"static (temperatures of load case '{Name}')");
                ElementOperations.GatherCoordinates(mesh, nodes, xyz);
                fe.Clear();
                var bulk3 = (3 * properties.Lambda[m]) + (2 * properties.Mu[m]);
                if (!ElementIntegrals.AddThermalForces(rules, xyz, bulk3 * alpha, dT[..nodes.Length], fe))
                {
                    throw MatrixAssembler.InvertedElement(mesh, id);
                }

                Scatter(nodes, fe, forces);
            }
        }
    }

    /// <summary>Density per material; throws naming a used material without one.</summary>
    private double[] Densities(ElasticProperties properties, string load)
    {
        var used = new bool[properties.Materials.Count];
        foreach (var m in properties.MaterialOf)
        {
            used[m] = true;
        }

        var densities = new double[used.Length];
        for (var m = 0; m < used.Length; m++)
        {
            if (used[m])
            {
                var material = properties.Materials[m];
                densities[m] = material.Require(material.DensityKgPerM3, "density (*DENSITY)", $"static ({load} load of load case '{Name}')");
            }
        }

        return densities;
    }

    private static void Scatter(ReadOnlySpan<int> nodes, ReadOnlySpan<double> fe, double[] forces)
    {
        for (var a = 0; a < nodes.Length; a++)
        {
            forces[3 * nodes[a]] += fe[3 * a];
            forces[(3 * nodes[a]) + 1] += fe[(3 * a) + 1];
            forces[(3 * nodes[a]) + 2] += fe[(3 * a) + 2];
        }
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

    private static void CheckFinite(Vector3d v, string name)
    {
        if (!double.IsFinite(v.X) || !double.IsFinite(v.Y) || !double.IsFinite(v.Z))
        {
            throw new ArgumentOutOfRangeException(name, v, "must be finite");
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

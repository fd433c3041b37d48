using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;
using TwinPlatform.Simulation.Results;
using TwinPlatform.Simulation.Solvers;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>
/// Steady-state heat conduction: conductivity per element set, fixed temperatures, surface heat flux,
/// convection (film) and volumetric heat; one symmetric positive definite solve.
/// </summary>
/// <example>
/// <code>
/// var heat = new HeatTransferModel(mesh);
/// heat.AssignMaterial(new SolidMaterial("AL") { ConductivityWPerMK = 200 });
/// heat.FixTemperature("hot", 373.15);
/// heat.AddFilm("skin", 25, 293.15);          // h W/(m^2 K), sink K
/// heat.AddSurfaceFlux("heater", 1e4);         // W/m^2 into the body
/// var result = heat.Solve();
/// double[] t = result.Temperatures;           // K per node
/// </code>
/// </example>
/// <remarks>
/// Signs as CalculiX: a surface flux (*DFLUX Sn) is positive into the body; a film (*FILM Fn) removes
/// h (T - T_sink) per unit area; volumetric heat (*DFLUX BF) is positive when generated. Fixed temperatures
/// are eliminated. Without any fixed temperature the films must make the problem definite. Not thread-safe
/// while being set up.
/// </remarks>
public sealed class HeatTransferModel
{
    private readonly ElementMaterials _materials;
    private readonly bool[] _fixed;
    private readonly double[] _fixedValues;
    private readonly List<(string Set, double Flux)> _fluxes = [];
    private readonly List<(string Set, double Coefficient, double Sink)> _films = [];
    private readonly List<(string? Set, double Power)> _volumetric = [];
    private readonly List<(int Node, double Power)> _nodal = [];
    private MeshLocator? _locator;

    /// <summary>Creates the model; assign materials with <see cref="AssignMaterial(string, SolidMaterial)"/>.</summary>
    public HeatTransferModel(Mesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.ElementCount == 0)
        {
            throw new ArgumentException("the mesh has no volume elements", nameof(mesh));
        }

        Mesh = mesh;
        _materials = new ElementMaterials(mesh);
        _fixed = new bool[mesh.NodeCount];
        _fixedValues = new double[mesh.NodeCount];
    }

    /// <summary>The mesh.</summary>
    public Mesh Mesh { get; }

    /// <summary>The distinct materials assigned so far.</summary>
    public IReadOnlyList<SolidMaterial> Materials => _materials.Materials;

    /// <summary>Point locator of the mesh (built on first use).</summary>
    public MeshLocator Locator => _locator ??= new MeshLocator(Mesh);

    /// <summary>Assigns <paramref name="material"/> (needs a conductivity) to the elements of <paramref name="elementSet"/>.</summary>
    public void AssignMaterial(string elementSet, SolidMaterial material) => _materials.Assign(elementSet, material);

    /// <summary>Assigns <paramref name="material"/> to every element.</summary>
    public void AssignMaterial(SolidMaterial material) => _materials.AssignAll(material);

    /// <summary>Holds the nodes of set <paramref name="setName"/> (node, face or element set) at <paramref name="temperatureK"/>.</summary>
    public void FixTemperature(string setName, double temperatureK)
    {
        CheckTemperature(temperatureK);
        foreach (var n in Mesh.NodesOf(setName))
        {
            _fixed[n] = true;
            _fixedValues[n] = temperatureK;
        }
    }

    /// <summary>Holds node <paramref name="node"/> at <paramref name="temperatureK"/>.</summary>
    public void FixTemperature(int node, double temperatureK)
    {
        CheckNode(node);
        CheckTemperature(temperatureK);
        _fixed[node] = true;
        _fixedValues[node] = temperatureK;
    }

    /// <summary>A uniform heat flux <paramref name="fluxWPerM2"/> into the body through face set <paramref name="faceSet"/> (CalculiX *DFLUX Sn).</summary>
    public void AddSurfaceFlux(string faceSet, double fluxWPerM2)
    {
        RequireFaceSet(faceSet);
        CheckFinite(fluxWPerM2, nameof(fluxWPerM2));
        _fluxes.Add((faceSet, fluxWPerM2));
    }

    /// <summary>Convection on face set <paramref name="faceSet"/>: heat leaves at h (T - T_sink) per unit area (CalculiX *FILM Fn).</summary>
    public void AddFilm(string faceSet, double coefficientWPerM2K, double sinkTemperatureK)
    {
        RequireFaceSet(faceSet);
        if (!(coefficientWPerM2K >= 0) || !double.IsFinite(coefficientWPerM2K))
        {
            throw new ArgumentOutOfRangeException(nameof(coefficientWPerM2K), coefficientWPerM2K, "a film coefficient is zero or positive, W/(m^2 K)");
        }

        CheckTemperature(sinkTemperatureK);
        _films.Add((faceSet, coefficientWPerM2K, sinkTemperatureK));
    }

    /// <summary>Heat generated at <paramref name="powerWPerM3"/> in the elements of <paramref name="elementSet"/> (CalculiX *DFLUX BF).</summary>
    public void AddVolumetricHeat(string elementSet, double powerWPerM3)
    {
        if (!Mesh.ElementSets.ContainsKey(elementSet))
        {
            throw new ArgumentException($"the mesh has no element set named '{elementSet}'; known sets: {Mesh.KnownSetNames()}", nameof(elementSet));
        }

        CheckFinite(powerWPerM3, nameof(powerWPerM3));
        _volumetric.Add((elementSet, powerWPerM3));
    }

    /// <summary>Heat generated at <paramref name="powerWPerM3"/> in every element.</summary>
    public void AddVolumetricHeat(double powerWPerM3)
    {
        CheckFinite(powerWPerM3, nameof(powerWPerM3));
        _volumetric.Add((null, powerWPerM3));
    }

    /// <summary>A concentrated heat input <paramref name="powerW"/> at node <paramref name="node"/> (CalculiX *CFLUX).</summary>
    public void AddNodalHeat(int node, double powerW)
    {
        CheckNode(node);
        CheckFinite(powerW, nameof(powerW));
        _nodal.Add((node, powerW));
    }

    /// <summary>Assembles and solves.</summary>
    /// <exception cref="ModelException">No temperature is fixed and no film is given, an element lacks a material or conductivity, or an element is inverted.</exception>
    /// <exception cref="Solvers.ConvergenceException">The solve did not converge; the message gives the residual reached.</exception>
    public HeatTransferResult Solve(HeatSolveOptions? options = null)
    {
        options ??= new HeatSolveOptions();
        var progress = options.Progress;
        var threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        _materials.RequireAll("heat transfer");
        var conductivity = _materials.Require(static m => m.ConductivityWPerMK, "conductivity (*CONDUCTIVITY)", "heat transfer");
        var graph = MeshGraph.Of(Mesh);
        var dofs = DofMap.Create(Mesh, graph.ActiveNodes, _fixed, _fixedValues, graph.Order, dofsPerNode: 1);
        if (dofs.ConstrainedCount == 0 && !HasFilm())
        {
            throw new ModelException(
                "the heat-transfer model has no fixed temperature and no film (convection) condition, so the temperature level is undetermined; " +
                "fix a temperature (FixTemperature, CalculiX *BOUNDARY dof 11) or add a film (AddFilm, *FILM)");
        }

        var system = StiffnessSystem.CreatePattern(graph.Adjacency, dofs);
        MatrixAssembler.Assemble(system, Mesh, graph.Coloring, new ConductivityMatrix(_materials.MaterialOf, conductivity), threads);
        var loads = new double[Mesh.NodeCount];
        AssembleFilms(system, loads);
        AssembleLoads(loads);
        progress?.Report($"heat: {dofs.FreeCount} equations, {system.Free.Pattern.NonZeroCount} stored entries");

        var free = new double[dofs.FreeCount];
        for (var n = 0; n < loads.Length; n++)
        {
            var e = dofs.Equations[n];
            if (e >= 0)
            {
                free[e] = loads[n];
            }
        }

        system.SubtractPrescribedLift(free);
        var preconditioner = PreconditionerFactory.Create(options.Preconditioner);
        preconditioner.Initialize(system.Free);
        ILinearSolver solver = new ConjugateGradientSolver(threads);
        var x = new double[dofs.FreeCount];
        LinearSolveResult solved;
        try
        {
            solved = solver.Solve(system.Free, free, x, preconditioner, new ResidualStopCriterion(options.RelativeTolerance, options.MaxIterations));
        }
        catch (ConvergenceException ex)
        {
            throw new ConvergenceException($"heat transfer: {ex.Message}", ex.Iterations, ex.RelativeResidual);
        }

        progress?.Report($"heat: {solved.Iterations} iterations, relative residual {solved.RelativeResidual:G3} ({solved.Elapsed.TotalSeconds:F2} s)");
        var temperatures = new double[Mesh.NodeCount];
        for (var n = 0; n < temperatures.Length; n++)
        {
            var e = dofs.Equations[n];
            temperatures[n] = e >= 0 ? x[e] : e == DofMap.Inactive ? 0 : dofs.PrescribedValues[-1 - e];
        }

        var heatFlows = new double[Mesh.NodeCount];
        system.Reactions(temperatures, loads, heatFlows);
        var fluxes = FluxRecovery.Compute(Mesh, _materials.MaterialOf, conductivity, temperatures);
        return new HeatTransferResult(this, temperatures, heatFlows, fluxes, solved.Iterations, solved.RelativeResidual, solved.Elapsed);
    }

    /// <summary>A nodal scalar field interpolated at a point.</summary>
    internal double InterpolateAt(double[] nodal, Vector3d point)
    {
        var location = Locator.Locate(point);
        var block = Mesh.BlockOf(location.Element, out var local);
        var nodes = block.Nodes(local);
        Span<double> values = stackalloc double[ElementOperations.MaxNodes];
        for (var a = 0; a < nodes.Length; a++)
        {
            values[a] = nodal[nodes[a]];
        }

        return ElementOperations.Interpolate(ElementRules.Of(block.Type), values, location.R, location.S, location.T);
    }

    private bool HasFilm()
    {
        foreach (var film in _films)
        {
            if (film.Coefficient > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Film terms: h ∫ N_a N_b dA into the matrix and h T_sink ∫ N_a dA into the loads.</summary>
    private void AssembleFilms(StiffnessSystem system, double[] loads)
    {
        Span<double> xyz = stackalloc double[3 * FaceShapes.MaxNodes];
        Span<double> matrix = stackalloc double[FaceShapes.MaxNodes * FaceShapes.MaxNodes];
        Span<double> integrals = stackalloc double[FaceShapes.MaxNodes];
        foreach (var (setName, h, sink) in _films)
        {
            var set = Mesh.FaceSets[setName];
            for (var f = 0; f < set.Count; f++)
            {
                var nodes = set.Nodes(f);
                var n = nodes.Length;
                ElementOperations.GatherCoordinates(Mesh, nodes, xyz);
                SurfaceIntegration.FaceProduct(set.TypeOf(f), xyz, matrix, integrals);
                for (var k = 0; k < n * n; k++)
                {
                    matrix[k] *= h;
                }

                MatrixAssembler.Scatter(system, nodes, matrix[..(n * n)]);
                for (var a = 0; a < n; a++)
                {
                    loads[nodes[a]] += h * sink * integrals[a];
                }
            }
        }
    }

    /// <summary>Surface fluxes, volumetric and nodal heat into the loads (W per node).</summary>
    private void AssembleLoads(double[] loads)
    {
        foreach (var (setName, flux) in _fluxes)
        {
            var areas = new double[Mesh.NodeCount];
            SurfaceIntegration.NodalAreas(Mesh, Mesh.FaceSets[setName], areas);
            for (var n = 0; n < areas.Length; n++)
            {
                loads[n] += flux * areas[n];
            }
        }

        Span<double> xyz = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> integrals = stackalloc double[ElementOperations.MaxNodes];
        foreach (var (setName, power) in _volumetric)
        {
            var elements = setName is null ? null : Mesh.ElementSets[setName].Elements;
            var count = elements?.Length ?? Mesh.ElementCount;
            for (var k = 0; k < count; k++)
            {
                var e = elements?[k] ?? k;
                var block = Mesh.BlockOf(e, out var local);
                var nodes = block.Nodes(local);
                ElementOperations.GatherCoordinates(Mesh, nodes, xyz);
                if (double.IsNaN(ElementIntegrals.ShapeIntegrals(ElementRules.Of(block.Type), xyz, integrals)))
                {
                    throw MatrixAssembler.InvertedElement(Mesh, e);
                }

                for (var a = 0; a < nodes.Length; a++)
                {
                    loads[nodes[a]] += power * integrals[a];
                }
            }
        }

        foreach (var (node, power) in _nodal)
        {
            loads[node] += power;
        }
    }

    private static void CheckTemperature(double temperatureK)
    {
        if (!double.IsFinite(temperatureK))
        {
            throw new ArgumentOutOfRangeException(nameof(temperatureK), temperatureK, "a temperature must be finite, K");
        }
    }

    private static void CheckFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be finite");
        }
    }

    private void CheckNode(int node)
    {
        if ((uint)node >= (uint)Mesh.NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"the mesh has {Mesh.NodeCount} nodes (numbered from 0)");
        }
    }

    private void RequireFaceSet(string faceSet)
    {
        if (!Mesh.FaceSets.ContainsKey(faceSet))
        {
            throw new ArgumentException($"the mesh has no surface (face set) named '{faceSet}'; known sets: {Mesh.KnownSetNames()}", nameof(faceSet));
        }
    }
}

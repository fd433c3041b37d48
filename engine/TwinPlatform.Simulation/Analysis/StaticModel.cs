using System.Diagnostics;
using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Meshing;
using TwinPlatform.Simulation.Results;
using TwinPlatform.Simulation.Solvers;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>
/// Linear-elastic static analysis of one mesh and material: supports, load cases, one assembly and one
/// preconditioner shared by all load cases.
/// </summary>
/// <example>
/// <code>
/// var model = new StaticModel(mesh, new IsotropicElastic(210e9, 0.3));
/// model.Fix("wall");
/// var seat = model.AddSurfaceForce("seat", new Vector3d(0, 0, -1), 1.0);
/// var results = model.Solve(new StaticSolveOptions { Progress = progress });
/// var strainPerNewton = results[seat].NormalStrain(gaugePoint, gaugeDirection);
/// </code>
/// </example>
/// <remarks>
/// Supports are applied by elimination: constrained degrees of freedom leave the system, which stays
/// symmetric positive definite; prescribed non-zero values move to the right-hand side. Before assembly the
/// supports are checked to restrain all six rigid-body modes. Not thread-safe while being set up.
/// </remarks>
public sealed class StaticModel
{
    private readonly bool[] _constrained;
    private readonly double[] _prescribed;
    private readonly List<LoadCase> _loadCases = [];
    private readonly ElementMaterials _materials;
    private readonly IsotropicElastic? _single;
    private double[]? _initialTemperatures;
    private MeshLocator? _locator;

    /// <summary>Creates a model with one material for every element.</summary>
    public StaticModel(Mesh mesh, IsotropicElastic material)
        : this(mesh)
    {
        ArgumentNullException.ThrowIfNull(material);
        _single = material;
        _materials.AssignAll(SolidMaterial.FromElastic(material));
    }

    /// <summary>Creates a model without materials; assign them with <see cref="AssignMaterial(string, SolidMaterial)"/>.</summary>
    public StaticModel(Mesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.ElementCount == 0)
        {
            throw new ArgumentException("the mesh has no volume elements", nameof(mesh));
        }

        Mesh = mesh;
        _materials = new ElementMaterials(mesh);
        _constrained = new bool[3 * mesh.NodeCount];
        _prescribed = new double[3 * mesh.NodeCount];
    }

    /// <summary>The mesh.</summary>
    public Mesh Mesh { get; }

    /// <summary>The material of every element, for a model created with one <see cref="IsotropicElastic"/> material.</summary>
    /// <exception cref="InvalidOperationException">The model was created without one material (see <see cref="Materials"/>).</exception>
    public IsotropicElastic Material => _single ?? throw new InvalidOperationException("this model has materials per element set; see Materials");

    /// <summary>The distinct materials assigned so far.</summary>
    public IReadOnlyList<SolidMaterial> Materials => _materials.Materials;

    /// <summary>The one material of a model created with an <see cref="IsotropicElastic"/>, or null.</summary>
    internal IsotropicElastic? SingleMaterial => _single;

    /// <summary>Initial (stress-free) nodal temperatures, K, or null (then a load case's temperatures need their own initial field).</summary>
    public double[]? InitialTemperatures => _initialTemperatures;

    /// <summary>Load cases in creation order.</summary>
    public IReadOnlyList<LoadCase> LoadCases => _loadCases;

    /// <summary>Point locator of the mesh (built on first use).</summary>
    public MeshLocator Locator => _locator ??= new MeshLocator(Mesh);

    /// <summary>Assigns <paramref name="material"/> to the elements of <paramref name="elementSet"/> (later assignments win).</summary>
    /// <exception cref="ArgumentException">No element set has that name.</exception>
    /// <exception cref="ModelException">A property of the material is out of range.</exception>
    public void AssignMaterial(string elementSet, SolidMaterial material) => _materials.Assign(elementSet, material);

    /// <summary>Assigns <paramref name="material"/> to every element.</summary>
    public void AssignMaterial(SolidMaterial material) => _materials.AssignAll(material);

    /// <summary>
    /// Sets the initial (stress-free) temperature of every node, K (CalculiX *INITIAL CONDITIONS, TYPE=TEMPERATURE);
    /// a load case's thermal strain is alpha (T - T0).
    /// </summary>
    public void SetInitialTemperatures(ReadOnlySpan<double> temperatureK) => _initialTemperatures = CheckedField(temperatureK, nameof(temperatureK));

    /// <summary>Sets one initial (stress-free) temperature for every node, K.</summary>
    public void SetInitialTemperature(double temperatureK)
    {
        if (!double.IsFinite(temperatureK))
        {
            throw new ArgumentOutOfRangeException(nameof(temperatureK), temperatureK, "a temperature must be finite, K");
        }

        _initialTemperatures = new double[Mesh.NodeCount];
        Array.Fill(_initialTemperatures, temperatureK);
    }

    /// <summary>Holds node <paramref name="node"/> fixed in the given components.</summary>
    public void Fix(int node, DofComponents components = DofComponents.All) => Prescribe(node, components, default);

    /// <summary>Prescribes displacement <paramref name="displacementM"/> (metres; only the selected components count) at node <paramref name="node"/>.</summary>
    public void Prescribe(int node, DofComponents components, Vector3d displacementM)
    {
        CheckNode(node);
        Set(node, components, displacementM);
    }

    /// <summary>Holds the nodes of set <paramref name="setName"/> (node, face or element set) fixed in the given components.</summary>
    /// <exception cref="ArgumentException">No set has that name.</exception>
    public void Fix(string setName, DofComponents components = DofComponents.All) =>
        Prescribe(setName, components, default);

    /// <summary>Prescribes displacement <paramref name="displacementM"/> (metres; only the selected components count) on the nodes of a set.</summary>
    public void Prescribe(string setName, DofComponents components, Vector3d displacementM)
    {
        foreach (var node in Mesh.NodesOf(setName))
        {
            Set(node, components, displacementM);
        }
    }

    /// <summary>Prescribes all three components from a field evaluated at each node of the set (for example a linear patch-test field).</summary>
    public void Prescribe(string setName, Func<Vector3d, Vector3d> displacementAt)
    {
        ArgumentNullException.ThrowIfNull(displacementAt);
        foreach (var node in Mesh.NodesOf(setName))
        {
            Set(node, DofComponents.All, displacementAt(Mesh.Node(node)));
        }
    }

    /// <summary>Adds an empty load case; add loads to it with its Add methods.</summary>
    public LoadCase AddLoadCase(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var lc in _loadCases)
        {
            if (lc.Name == name)
            {
                throw new ArgumentException($"a load case named '{name}' exists already", nameof(name));
            }
        }

        var loadCase = new LoadCase(this, name, _loadCases.Count);
        _loadCases.Add(loadCase);
        return loadCase;
    }

    /// <summary>
    /// Adds a load case of one total force <paramref name="totalForceN"/> along <paramref name="direction"/>
    /// spread uniformly over surface <paramref name="faceSet"/> (a unit load case when the force is 1 N).
    /// </summary>
    /// <param name="faceSet">Face set name.</param>
    /// <param name="direction">Force direction (normalised here).</param>
    /// <param name="totalForceN">Total force, N.</param>
    /// <param name="name">Load-case name; defaults to the face set name (made unique).</param>
    public LoadCase AddSurfaceForce(string faceSet, Vector3d direction, double totalForceN, string? name = null)
    {
        var caseName = name ?? UniqueName(faceSet);
        return AddLoadCase(caseName).AddSurfaceForce(faceSet, direction, totalForceN);
    }

    /// <summary>Assembles once, builds the preconditioner once and solves every load case.</summary>
    /// <exception cref="ModelException">The supports leave a rigid-body motion free, or an element is inverted.</exception>
    /// <exception cref="ConvergenceException">A load case did not converge; the message gives the residual reached.</exception>
    public StaticResults Solve(StaticSolveOptions? options = null)
    {
        options ??= new StaticSolveOptions();
        var progress = options.Progress;
        var threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();

        var graph = MeshGraph.Of(Mesh);
        _materials.RequireAll("static");
        var properties = new ElasticProperties(_materials.Materials, _materials.MaterialOf, _materials.RequireElastic("static"));
        var dofs = DofMap.Create(Mesh, graph.ActiveNodes, _constrained, _prescribed, graph.Order);
        RigidBodyCheck.Verify(Mesh, dofs);
        var coloring = graph.Coloring;
        var system = StiffnessSystem.CreatePattern(graph.Adjacency, dofs);
        var setup = clock.Elapsed;
        progress?.Report($"pattern: {dofs.FreeCount} equations, {system.Free.Pattern.NonZeroCount} stored entries, {coloring.ColorCount} element colours ({setup.TotalSeconds:F2} s)");

        clock.Restart();
        MatrixAssembler.Assemble(system, Mesh, coloring, new StiffnessMatrix(properties.MaterialOf, properties.Lambda, properties.Mu), threads);
        var assembly = clock.Elapsed;
        progress?.Report($"assembly: {Mesh.ElementCount} elements on {threads} threads ({assembly.TotalSeconds:F2} s)");

        clock.Restart();
        var preconditioner = PreconditionerFactory.Create(options.Preconditioner, Mesh, dofs, threads, out var used);
        preconditioner.Initialize(system.Free);
        var preconditionerTime = clock.Elapsed;
        var shift = PreconditionerFactory.Shift(preconditioner);
        progress?.Report($"preconditioner: {used}{PreconditionerFactory.Describe(preconditioner)}{(shift > 0 ? $" (diagonal shift {shift:G3})" : string.Empty)} ({preconditionerTime.TotalSeconds:F2} s)");

        ILinearSolver solver = new ConjugateGradientSolver(threads);
        var stop = new ResidualStopCriterion(options.RelativeTolerance, options.MaxIterations);
        var results = new List<LoadCaseResult>(_loadCases.Count);
        var solveTime = TimeSpan.Zero;
        var totalIterations = 0;
        var free = new double[dofs.FreeCount];
        var x = new double[dofs.FreeCount];
        foreach (var loadCase in _loadCases)
        {
            var forces = new double[3 * Mesh.NodeCount];
            loadCase.Assemble(forces, properties);
            Array.Clear(free);
            for (var dof = 0; dof < forces.Length; dof++)
            {
                var e = dofs.Equations[dof];
                if (e >= 0)
                {
                    free[e] = forces[dof];
                }
            }

            system.SubtractPrescribedLift(free);
            Array.Clear(x);
            LinearSolveResult solved;
            try
            {
                solved = solver.Solve(system.Free, free, x, preconditioner, stop);
            }
            catch (ConvergenceException ex)
            {
                throw new ConvergenceException($"load case '{loadCase.Name}': {ex.Message}", ex.Iterations, ex.RelativeResidual);
            }

            solveTime += solved.Elapsed;
            totalIterations += solved.Iterations;
            progress?.Report($"load case '{loadCase.Name}': {solved.Iterations} iterations, relative residual {solved.RelativeResidual:G3} ({solved.Elapsed.TotalSeconds:F2} s)");

            var u = new double[3 * Mesh.NodeCount];
            for (var dof = 0; dof < u.Length; dof++)
            {
                var e = dofs.Equations[dof];
                u[dof] = e >= 0 ? x[e] : e == DofMap.Inactive ? 0 : dofs.PrescribedValues[-1 - e];
            }

            var reactions = new double[u.Length];
            system.Reactions(u, forces, reactions);
            results.Add(new LoadCaseResult(this, loadCase, properties, u, forces, reactions, loadCase.TemperatureChange(), solved));
        }

        var types = new List<ElementType>();
        foreach (var block in Mesh.Blocks)
        {
            if (!types.Contains(block.Type))
            {
                types.Add(block.Type);
            }
        }

        var statistics = new SolverStatistics
        {
            NodeCount = Mesh.NodeCount,
            ElementCount = Mesh.ElementCount,
            ElementTypes = types,
            DofCount = dofs.FreeCount,
            ConstrainedDofCount = dofs.ConstrainedCount,
            NonZeroCount = system.Free.Pattern.NonZeroCount,
            MatrixBytes = system.Free.SizeInBytes + system.ConstrainedRows.SizeInBytes,
            PreconditionerBytes = PreconditionerFactory.SizeInBytes(preconditioner, dofs.FreeCount),
            ColorCount = coloring.ColorCount,
            Threads = threads,
            Preconditioner = used,
            PreconditionerShift = shift,
            SetupTime = setup,
            AssemblyTime = assembly,
            PreconditionerTime = preconditionerTime,
            SolveTime = solveTime,
            TotalIterations = totalIterations,
        };
        return new StaticResults(results, statistics);
    }

    /// <summary>A copy of a per-node field after checking its length and values.</summary>
    internal double[] CheckedField(ReadOnlySpan<double> values, string name)
    {
        if (values.Length != Mesh.NodeCount)
        {
            throw new ArgumentException($"{values.Length} values for {Mesh.NodeCount} nodes; give one per node", name);
        }

        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("temperatures must be finite, K", name);
            }
        }

        return values.ToArray();
    }

    internal void CheckNode(int node)
    {
        if ((uint)node >= (uint)Mesh.NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"the mesh has {Mesh.NodeCount} nodes (numbered from 0)");
        }
    }

    private void Set(int node, DofComponents components, Vector3d value)
    {
        if ((components & DofComponents.X) != 0)
        {
            _constrained[3 * node] = true;
            _prescribed[3 * node] = value.X;
        }

        if ((components & DofComponents.Y) != 0)
        {
            _constrained[(3 * node) + 1] = true;
            _prescribed[(3 * node) + 1] = value.Y;
        }

        if ((components & DofComponents.Z) != 0)
        {
            _constrained[(3 * node) + 2] = true;
            _prescribed[(3 * node) + 2] = value.Z;
        }
    }

    private string UniqueName(string baseName)
    {
        var name = baseName;
        for (var k = 2; ; k++)
        {
            var taken = false;
            foreach (var lc in _loadCases)
            {
                taken |= lc.Name == name;
            }

            if (!taken)
            {
                return name;
            }

            name = $"{baseName}#{k}";
        }
    }
}

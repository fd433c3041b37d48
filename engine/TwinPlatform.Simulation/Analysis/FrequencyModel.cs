using System.Diagnostics;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Discretization;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;
using TwinPlatform.Simulation.Solvers;
using TwinPlatform.Simulation.Sparse;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>
/// Natural frequencies and mode shapes: the lowest eigenpairs of K phi = omega^2 M phi with the consistent
/// mass matrix, supports by elimination.
/// </summary>
/// <example>
/// <code>
/// var modal = new FrequencyModel(mesh);
/// modal.AssignMaterial(new SolidMaterial("STEEL") { YoungsModulusPa = 210e9, PoissonRatio = 0.3, DensityKgPerM3 = 7850 });
/// modal.Fix("clamp");
/// var modes = modal.Solve(10);
/// double f1 = modes.Modes[0].FrequencyHz;
/// </code>
/// </example>
/// <remarks>
/// Eigensolver: block Krylov subspace of the shift-inverted operator (K - sigma M)^-1 M built with inner
/// preconditioned conjugate-gradient solves (the <see cref="Solvers.ILinearSolver"/> seam), full
/// M-orthogonalisation, Rayleigh-Ritz on K and M, restarts from the best Ritz vectors; blocks find repeated
/// eigenvalues (symmetric structures). A model whose supports leave some rigid-body motion free fails with a
/// <see cref="ModelException"/> naming it; a model without any support is solved with a negative shift and
/// returns its 6 rigid-body modes (about 0 Hz, <see cref="VibrationMode.IsRigidBody"/>) before the elastic ones.
/// </remarks>
public sealed class FrequencyModel
{
    private readonly ElementMaterials _materials;
    private readonly bool[] _constrained;

    /// <summary>Creates the model; assign materials with <see cref="AssignMaterial(string, SolidMaterial)"/>.</summary>
    public FrequencyModel(Mesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.ElementCount == 0)
        {
            throw new ArgumentException("the mesh has no volume elements", nameof(mesh));
        }

        Mesh = mesh;
        _materials = new ElementMaterials(mesh);
        _constrained = new bool[3 * mesh.NodeCount];
    }

    /// <summary>The mesh.</summary>
    public Mesh Mesh { get; }

    /// <summary>The distinct materials assigned so far.</summary>
    public IReadOnlyList<SolidMaterial> Materials => _materials.Materials;

    /// <summary>Assigns <paramref name="material"/> (needs E, nu and density) to the elements of <paramref name="elementSet"/>.</summary>
    public void AssignMaterial(string elementSet, SolidMaterial material) => _materials.Assign(elementSet, material);

    /// <summary>Assigns <paramref name="material"/> to every element.</summary>
    public void AssignMaterial(SolidMaterial material) => _materials.AssignAll(material);

    /// <summary>Holds the nodes of set <paramref name="setName"/> (node, face or element set) fixed in the given components.</summary>
    public void Fix(string setName, DofComponents components = DofComponents.All)
    {
        foreach (var node in Mesh.NodesOf(setName))
        {
            Fix(node, components);
        }
    }

    /// <summary>Holds node <paramref name="node"/> fixed in the given components.</summary>
    public void Fix(int node, DofComponents components = DofComponents.All)
    {
        if ((uint)node >= (uint)Mesh.NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"the mesh has {Mesh.NodeCount} nodes (numbered from 0)");
        }

        for (var c = 0; c < 3; c++)
        {
            if (((int)components & (1 << c)) != 0)
            {
                _constrained[(3 * node) + c] = true;
            }
        }
    }

    /// <summary>The lowest <paramref name="modeCount"/> modes (rigid-body modes included for a model without supports).</summary>
    /// <exception cref="ModelException">Supports leave a rigid-body motion free, a material lacks E, nu or density, or an element is inverted.</exception>
    /// <exception cref="Solvers.ConvergenceException">An inner solve or the eigensolver did not converge; the message gives the residuals.</exception>
    public FrequencyResults Solve(int modeCount, FrequencySolveOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(modeCount);
        options ??= new FrequencySolveOptions();
        var progress = options.Progress;
        var threads = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        _materials.RequireAll("frequency");
        var laws = _materials.RequireElastic("frequency");
        var density = _materials.Require(static m => m.DensityKgPerM3, "density (*DENSITY)", "frequency");
        var properties = new ElasticProperties(_materials.Materials, _materials.MaterialOf, laws);
        var graph = MeshGraph.Of(Mesh);
        var dofs = DofMap.Create(Mesh, graph.ActiveNodes, _constrained, new double[_constrained.Length], graph.Order);
        var freeFree = dofs.ConstrainedCount == 0;
        if (!freeFree)
        {
            RigidBodyCheck.Verify(Mesh, dofs);
        }

        var stiffness = StiffnessSystem.CreatePattern(graph.Adjacency, dofs);
        MatrixAssembler.Assemble(stiffness, Mesh, graph.Coloring, new StiffnessMatrix(properties.MaterialOf, properties.Lambda, properties.Mu), threads);
        var mass = stiffness.WithZeroValues();
        if (options.MassIntegration == MassIntegration.StiffnessRule)
        {
            MatrixAssembler.Assemble(mass, Mesh, graph.Coloring, new StiffnessRuleMassMatrix(properties.MaterialOf, density), threads);
        }
        else
        {
            MatrixAssembler.Assemble(mass, Mesh, graph.Coloring, new MassMatrix(properties.MaterialOf, density), threads);
        }

        var totalMass = TotalMass(density);

        // A model without supports: shift below the rigid-body modes so that K - sigma M is positive definite.
        var shift = freeFree ? -FreeFreeShift(laws, density) : 0.0;
        var operatorMatrix = stiffness.Free;
        if (shift != 0)
        {
            var values = new double[operatorMatrix.Values.Length];
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = stiffness.Free.Values[k] - (shift * mass.Free.Values[k]);
            }

            operatorMatrix = new CsrMatrix(stiffness.Free.Pattern, values);
        }

        var assembly = clock.Elapsed;
        progress?.Report($"frequency: {dofs.FreeCount} equations, {stiffness.Free.Pattern.NonZeroCount} stored entries, total mass {totalMass:G6} kg ({assembly.TotalSeconds:F2} s)");
        clock.Restart();
        var preconditioner = PreconditionerFactory.Create(options.Preconditioner);
        preconditioner.Initialize(operatorMatrix);
        var preconditionerTime = clock.Elapsed;
        clock.Restart();

        var blockSize = options.BlockSize > 0 ? options.BlockSize : Math.Clamp(modeCount, 2, 4);
        var maxBasis = options.MaxBasisSize > 0 ? options.MaxBasisSize : Math.Max(3 * modeCount, modeCount + 24) + (freeFree ? 6 : 0);
        var eigen = new BlockDavidsonEigensolver(
            stiffness.Free,
            mass.Free,
            operatorMatrix,
            shift,
            preconditioner,
            new ConjugateGradientSolver(threads),
            new ResidualStopCriterion(options.LinearTolerance, options.MaxLinearIterations),
            threads);
        EigenSolveResult solved;
        try
        {
            solved = eigen.Solve(modeCount, blockSize, maxBasis, options.Tolerance, options.MaxRestarts, options.Seed, freeFree ? RigidBodyModes(dofs) : null, progress);
        }
        catch (ConvergenceException ex) when (ex.Message.StartsWith("conjugate", StringComparison.Ordinal))
        {
            throw new ConvergenceException($"frequency analysis, inner solve: {ex.Message}", ex.Iterations, ex.RelativeResidual);
        }

        var modes = new List<VibrationMode>(solved.Values.Length);
        for (var k = 0; k < solved.Values.Length; k++)
        {
            var shape = new double[3 * Mesh.NodeCount];
            var x = solved.Vectors[k];
            for (var dof = 0; dof < shape.Length; dof++)
            {
                var e = dofs.Equations[dof];
                if (e >= 0)
                {
                    shape[dof] = x[e];
                }
            }

            modes.Add(new VibrationMode(k + 1, solved.Values[k], shape, solved.Residuals[k], freeFree && k < 6));
        }

        var statistics = new FrequencyStatistics
        {
            DofCount = dofs.FreeCount,
            NonZeroCount = stiffness.Free.Pattern.NonZeroCount,
            ShiftRad2PerS2 = shift,
            BlockSize = blockSize,
            BasisSize = solved.BasisSize,
            Restarts = solved.Restarts,
            LinearSolves = solved.LinearSolves,
            LinearIterations = solved.LinearIterations,
            LinearSolveTime = solved.LinearSolveTime,
            AssemblyTime = assembly,
            PreconditionerTime = preconditionerTime,
            EigenTime = clock.Elapsed,
        };
        progress?.Report($"frequency: {modes.Count} modes, {solved.LinearSolves} solves, {solved.LinearIterations} CG iterations ({statistics.EigenTime.TotalSeconds:F2} s)");
        return new FrequencyResults(Mesh, modes, totalMass, freeFree ? Math.Min(6, modes.Count) : 0, statistics);
    }

    /// <summary>sum rho V over the elements, kg.</summary>
    private double TotalMass(double[] density)
    {
        Span<double> xyz = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> integrals = stackalloc double[ElementOperations.MaxNodes];
        var total = 0.0;
        foreach (var block in Mesh.Blocks)
        {
            var rules = ElementRules.Of(block.Type);
            for (var e = 0; e < block.Count; e++)
            {
                ElementOperations.GatherCoordinates(Mesh, block.Nodes(e), xyz);
                total += density[_materials.MaterialOf[block.FirstElement + e]] * ElementIntegrals.ShapeIntegrals(rules, xyz, integrals);
            }
        }

        return total;
    }

    /// <summary>
    /// |sigma| for a model without supports: 1 % of (E / rho) / D^2 (D the bounding-box diagonal), well below
    /// the first elastic eigenvalue of compact bodies yet keeping K - sigma M well conditioned.
    /// </summary>
    private double FreeFreeShift(IsotropicElastic?[] laws, double[] density)
    {
        var speed = double.MaxValue;
        for (var m = 0; m < laws.Length; m++)
        {
            if (laws[m] is { } law && density[m] > 0)
            {
                speed = Math.Min(speed, law.YoungsModulusPa / density[m]);
            }
        }

        var d = Mesh.Bounds().Diagonal;
        return 0.01 * speed / (d * d);
    }

    /// <summary>The 6 rigid-body motions (translations, rotations about the centroid) over the free dofs.</summary>
    private double[][] RigidBodyModes(DofMap dofs)
    {
        var center = Mesh.Bounds().Center;
        var modes = new double[6][];
        for (var m = 0; m < 6; m++)
        {
            modes[m] = new double[dofs.FreeCount];
        }

        for (var node = 0; node < Mesh.NodeCount; node++)
        {
            var d = Mesh.Node(node) - center;
            for (var c = 0; c < 3; c++)
            {
                var e = dofs.Equations[(3 * node) + c];
                if (e < 0)
                {
                    continue;
                }

                modes[c][e] = 1;

                // Rotation about axis k: u = e_k x d.
                modes[3][e] = c == 1 ? -d.Z : c == 2 ? d.Y : 0;
                modes[4][e] = c == 0 ? d.Z : c == 2 ? -d.X : 0;
                modes[5][e] = c == 0 ? -d.Y : c == 1 ? d.X : 0;
            }
        }

        return modes;
    }
}

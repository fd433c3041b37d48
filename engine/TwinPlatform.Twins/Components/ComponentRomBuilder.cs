using System.Diagnostics;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Simulation.Analysis;
using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Gmsh;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Twins.Components;

/// <summary>
/// Builds a component's reduced-order model: meshes its geometry with gmsh, solves its unit load
/// cases with the built-in finite-element solver at the material's nominal properties, and probes
/// the strain and displacement at its named points. A second, coarser mesh gives the numerical
/// uncertainty. Identical components (same geometry, mesh, supports, loads and material) are solved once.
/// </summary>
public sealed class ComponentRomBuilder
{
    private readonly string _cacheFolder;
    private readonly IProgress<string>? _progress;
    private readonly GmshMesher _mesher = new();
    private readonly Dictionary<string, (Mesh Mesh, StaticResults Results, double MeshSeconds)> _solved = new(StringComparer.Ordinal);

    /// <summary>Creates a builder that keeps generated meshes under <paramref name="cacheFolder"/>.</summary>
    public ComponentRomBuilder(string cacheFolder, IProgress<string>? progress = null)
    {
        _cacheFolder = cacheFolder;
        _progress = progress;
    }

    /// <summary>Coarse-to-fine element size ratio of the numerical-uncertainty estimate.</summary>
    public double RefinementRatio { get; init; } = 1.5;

    /// <summary>Solver settings.</summary>
    public StaticSolveOptions SolveOptions { get; init; } = new();

    /// <summary>Builds the model of one component at its material's nominal modulus and Poisson's ratio.</summary>
    public ComponentModel Build(ComponentDefinition component, double youngsModulusPa, double poissonRatio)
    {
        ArgumentNullException.ThrowIfNull(component);
        var (mesh, fine, meshSeconds) = Solve(component, component.Mesh.SizeM, youngsModulusPa, poissonRatio);
        var responses = Probe(component, fine);
        Dictionary<(string, string), PointResponse> coarseResponses = [];
        SolverStatistics? coarseStatistics = null;
        if (RefinementRatio > 1)
        {
            var (_, coarse, _) = Solve(component, component.Mesh.SizeM * RefinementRatio, youngsModulusPa, poissonRatio);
            coarseResponses = Probe(component, coarse);
            coarseStatistics = coarse.Statistics;
        }

        var rom = new ComponentRom(component.Id, youngsModulusPa, poissonRatio, responses, coarseResponses, RefinementRatio);
        return new ComponentModel(rom, mesh, fine, coarseStatistics, meshSeconds);
    }

    private (Mesh Mesh, StaticResults Results, double MeshSeconds) Solve(ComponentDefinition component, double sizeM, double modulusPa, double poissonRatio)
    {
        var key = string.Join('|', component.GeometryPath, component.Mesh.Order, sizeM.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            string.Join(',', component.FixedSurfaces), string.Join(',', component.LoadCases.Select(l => $"{l.Name}:{l.Surface}:{l.Direction}")),
            modulusPa.ToString("R", System.Globalization.CultureInfo.InvariantCulture), poissonRatio.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        if (_solved.TryGetValue(key, out var cached))
        {
            _progress?.Report($"{component.Id}: same model as an earlier component at {sizeM * 1e3:G3} mm, reusing its solution");
            return cached;
        }

        var clock = Stopwatch.StartNew();
        _progress?.Report($"{component.Id}: meshing {Path.GetFileName(component.GeometryPath)} with gmsh (order {component.Mesh.Order}, size {sizeM * 1e3:G3} mm)");
        Mesh mesh;
        try
        {
            mesh = _mesher.Generate(component.GeometryPath, new GmshMeshOptions
            {
                ElementOrder = component.Mesh.Order,
                CharacteristicLengthM = sizeM,
                CacheFolder = _cacheFolder,
            }, _progress);
        }
        catch (MeshingException e)
        {
            throw component.Field.AsMapping().Required("geometry").Error(e.Message, e);
        }

        var meshSeconds = clock.Elapsed.TotalSeconds;
        var model = new StaticModel(mesh, new IsotropicElastic(modulusPa, poissonRatio));
        var fields = component.Field.AsMapping();
        foreach (var surface in component.FixedSurfaces)
        {
            if (!mesh.FaceSets.ContainsKey(surface) && !mesh.NodeSets.ContainsKey(surface))
            {
                throw fields.Required("fixed").Error($"the mesh of {Path.GetFileName(component.GeometryPath)} has no surface '{surface}' (its surfaces: {string.Join(", ", mesh.FaceSets.Keys)})");
            }

            model.Fix(surface);
        }

        foreach (var lc in component.LoadCases)
        {
            if (!mesh.FaceSets.ContainsKey(lc.Surface))
            {
                throw lc.Field.AsMapping().Required("surface").Error($"the mesh of {Path.GetFileName(component.GeometryPath)} has no surface '{lc.Surface}' (its surfaces: {string.Join(", ", mesh.FaceSets.Keys)})");
            }

            model.AddSurfaceForce(lc.Surface, lc.Direction, 1.0, lc.Name);
        }

        var results = model.Solve(SolveOptions with { Progress = _progress });
        var s = results.Statistics;
        _progress?.Report($"{component.Id}: {s.NodeCount} nodes, {s.ElementCount} elements, {s.DofCount} unknowns; solved {component.LoadCases.Count} load case(s) in {s.TotalIterations} iterations, {(s.AssemblyTime + s.PreconditionerTime + s.SolveTime).TotalSeconds:F1} s");
        var entry = (mesh, results, meshSeconds);
        _solved[key] = entry;
        return entry;
    }

    private static Dictionary<(string, string), PointResponse> Probe(ComponentDefinition component, StaticResults results)
    {
        var responses = new Dictionary<(string, string), PointResponse>();
        foreach (var lc in component.LoadCases)
        {
            var result = results[lc.Name];
            foreach (var (name, position) in component.Points)
            {
                var probe = result.Probe(position);
                responses[(lc.Name, name)] = new PointResponse(probe.Strain, probe.Displacement, probe.VonMisesPa);
            }
        }

        return responses;
    }
}

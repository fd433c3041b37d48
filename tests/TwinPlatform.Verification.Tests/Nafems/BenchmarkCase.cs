using System.Globalization;
using TwinPlatform.Plugins.CalculiX;
using TwinPlatform.Simulation.Gmsh;
using TwinPlatform.Simulation.Solving;
using TwinPlatform.Testing;

namespace TwinPlatform.Verification.Tests.Nafems;

/// <summary>
/// A benchmark of benchmarks/nafems: its deck copied to a fresh folder next to the gmsh mesh of its .geo
/// (meshed once, cached by content), solved once by the built-in solver and once by ccx.
/// </summary>
internal sealed class BenchmarkCase
{
    private static readonly Dictionary<string, BenchmarkCase> Cases = [];
    private readonly Lazy<FeSolution> _builtIn;
    private readonly Lazy<FeSolution> _ccx;

    private BenchmarkCase(string name)
    {
        Name = name;
        Folder = RepoPaths.NewTempFolder("nafems-" + name);
        var source = RepoPaths.InRepo("benchmarks", "nafems");
        File.Copy(Path.Combine(source, name + ".inp"), Path.Combine(Folder, name + ".inp"));
        var geo = Path.Combine(source, name + ".geo");
        if (File.Exists(geo))
        {
            // Sizes are set by the fields in the .geo; -clmax only caps them.
            var mesh = new GmshMesher().MeshFile(geo, new GmshMeshOptions
            {
                ElementOrder = 2,
                GeometryUnitM = 1,
                CharacteristicLengthM = 1000,
                CacheFolder = Path.Combine(Path.GetTempPath(), "twinplatform-tests", "gmsh-cache"),
            });
            File.Copy(mesh, Path.Combine(Folder, name + ".msh"));
        }

        if (name == "le11")
        {
            WriteLe11Temperatures();
        }

        Problem = FeProblem.FromFile(Path.Combine(Folder, name + ".inp"));
        _builtIn = new(() => new BuiltInSolver().Solve(Problem, new FeSolveOptions { Threads = 2 }));
        _ccx = new(() => new CalculixSolver().Solve(Problem, new FeSolveOptions { Threads = 2, WorkingDirectory = Path.Combine(Folder, "ccx") }));
    }

    public string Name { get; }

    public string Folder { get; }

    public FeProblem Problem { get; }

    public FeSolution BuiltIn => _builtIn.Value;

    public FeSolution Ccx => _ccx.Value;

    /// <summary>The case named <paramref name="name"/> (le1, le10, le11, t4, cantilever_modes), prepared once per test run.</summary>
    public static BenchmarkCase Get(string name)
    {
        lock (Cases)
        {
            if (!Cases.TryGetValue(name, out var c))
            {
                c = new BenchmarkCase(name);
                Cases[name] = c;
            }

            return c;
        }
    }

    /// <summary>The single node of node set <paramref name="set"/> (a gmsh physical point).</summary>
    public int NodeOf(string set) => Problem.Deck.NodeSets[set].Ids.Single();

    /// <summary>
    /// LE11's temperature field T = (x^2 + y^2)^0.5 + z (metres, degC), evaluated at every node of the mesh in
    /// millimetres, as the <c>*TEMPERATURE</c> data le11.inp includes.
    /// </summary>
    private void WriteLe11Temperatures()
    {
        // Read the mesh alone (a deck without steps) to learn the node numbers the include gives.
        var meshOnly = Path.Combine(Folder, "mesh-only.inp");
        File.WriteAllText(meshOnly, "*INCLUDE, INPUT=le11.msh\n");
        var deck = Simulation.Input.InpReader.Read(meshOnly);
        using var w = new StreamWriter(Path.Combine(Folder, "le11_temperature.inp"));
        for (var i = 0; i < deck.NodeCount; i++)
        {
            var t = (Math.Sqrt((deck.X[i] * deck.X[i]) + (deck.Y[i] * deck.Y[i])) + deck.Z[i]) / 1000;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{deck.NodeIds[i]}, {t:G12}"));
        }
    }
}

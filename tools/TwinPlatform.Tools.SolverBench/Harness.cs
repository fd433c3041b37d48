using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TwinPlatform.Plugins.CalculiX;
using TwinPlatform.Simulation.Input;

namespace TwinPlatform.Tools.SolverBench;

/// <summary>Meshes, writes decks, runs both solvers per size and writes the table.</summary>
internal sealed class Harness(BenchOptions options)
{
    public int Run()
    {
        var rows = new List<BenchRow>();
        Directory.CreateDirectory(options.WorkFolder);
        var machine = Machine.Describe();
        Console.Error.WriteLine($"machine: {machine}");
        foreach (var scale in options.Scales)
        {
            rows.Add(RunSize(scale));
            Report.Write(options, machine, rows);
        }

        Console.WriteLine(Report.Markdown(options, machine, rows));
        return 0;
    }

    private BenchRow RunSize(double scale)
    {
        var c = CultureInfo.InvariantCulture;
        var folder = Path.GetFullPath(Path.Combine(options.WorkFolder, "clscale-" + scale.ToString("0.###", c)));
        Directory.CreateDirectory(folder);

        // Mesh (kept between runs of the same geometry and scale).
        var msh = Path.Combine(folder, "le10.msh");
        var meshClock = Stopwatch.StartNew();
        if (!File.Exists(msh) || File.GetLastWriteTimeUtc(msh) < File.GetLastWriteTimeUtc(options.Geometry))
        {
            Console.Error.WriteLine($"== clscale {scale}: meshing");
            Exec("gmsh", [Path.GetFullPath(options.Geometry), "-3", "-order", "2", "-format", "msh41", "-clscale", scale.ToString(c), "-nt", options.Threads.ToString(c), "-o", msh], folder);
        }

        var meshSeconds = meshClock.Elapsed.TotalSeconds;

        // One deck for both solvers: the gmsh include expanded into plain *NODE/*ELEMENT cards.
        File.Copy(options.Deck, Path.Combine(folder, "le10.inp"), overwrite: true);
        var deck = InpReader.Read(Path.Combine(folder, "le10.inp"));
        var job = Path.Combine(folder, "job.inp");
        using (var writer = new StreamWriter(job, false, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            InpWriter.Write(deck, writer, CalculixSolver.OutputCards);
        }

        var d = deck.NodeSets["D"].Ids[0];
        Console.Error.WriteLine($"== clscale {scale}: {deck.NodeCount} nodes, {deck.Elements.Count} elements, {3 * deck.NodeCount} dof");
        var threads = options.Threads.ToString(c);

        double? ccxSeconds = null, ccxPeak = null, ccxSigma = null, ccxCpu = null;
        if (!options.SkipCcx)
        {
            foreach (var stale in new[] { "job.frd", "job.dat", "job.sta", "job.cvg" })
            {
                File.Delete(Path.Combine(folder, stale));
            }

            var environment = new Dictionary<string, string> { ["OMP_NUM_THREADS"] = threads, ["CCX_NPROC_EQUATION_SOLVER"] = threads };
            var (wall, peak, cpu, output) = ChildRun.Run("/usr/bin/ccx", ["-i", "job"], folder, environment);
            File.WriteAllText(Path.Combine(folder, "ccx.log"), output);
            var frd = FrdReader.Read(Path.Combine(folder, "job.frd"));
            var stress = frd.Blocks.Last(b => b.Name == "STRESS");
            var row = Array.IndexOf(stress.NodeIds, d);
            var syy = stress.Values[(row * stress.Components.Count) + IndexOf(stress.Components, "SYY")];
            (ccxSeconds, ccxPeak, ccxSigma, ccxCpu) = (wall.TotalSeconds, peak / 1048576.0, syy, cpu);
            Console.Error.WriteLine($"   ccx: {wall.TotalSeconds:F2} s, {peak / 1048576.0:F0} MB, sigma_yy(D) = {syy:G6}");
        }

        var resultPath = Path.Combine(folder, "tp.json");
        var (self, prefix) = SelfCommand();
        var (tpWall, tpPeak, tpCpu, tpOutput) = ChildRun.Run(self, [.. prefix, "--solve-only", job, "--result", resultPath, "--threads", threads], folder, new Dictionary<string, string>());
        File.WriteAllText(Path.Combine(folder, "tp.log"), tpOutput);
        var tp = JsonSerializer.Deserialize<SolveOnlyResult>(File.ReadAllText(resultPath), BenchJson.Options)!;
        Console.Error.WriteLine($"   TwinPlatform: {tpWall.TotalSeconds:F2} s, {tpPeak / 1048576.0:F0} MB, sigma_yy(D) = {tp.SigmaYyAtD:G6}, {tp.Iterations} iterations");
        return new BenchRow
        {
            Scale = scale,
            Nodes = deck.NodeCount,
            Elements = deck.Elements.Count,
            MeshSeconds = meshSeconds,
            CcxSeconds = ccxSeconds,
            CcxPeakMb = ccxPeak,
            CcxSigmaYy = ccxSigma,
            CcxCpuSeconds = ccxCpu,
            TpCpuSeconds = tpCpu,
            TpSeconds = tpWall.TotalSeconds,
            TpPeakMb = tpPeak / 1048576.0,
            TpSigmaYy = tp.SigmaYyAtD,
            TpIterations = tp.Iterations,
            TpStages = tp.Stages,
        };
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new InvalidDataException($"no component {name} in [{string.Join(", ", names)}]");
    }

    /// <summary>How to start this tool again: its apphost, or dotnet with the entry assembly.</summary>
    private static (string Executable, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("unknown process path");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [typeof(Harness).Assembly.Location])
            : (process, []);
    }

    private static void Exec(string executable, IReadOnlyList<string> arguments, string folder)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} failed ({p.ExitCode}): {output.Result}{error.Result}");
        }
    }
}

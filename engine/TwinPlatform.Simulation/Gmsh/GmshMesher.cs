using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Gmsh;

/// <summary>
/// Meshes a gmsh .geo script with the gmsh command line into a cached MSH 4.1 file and reads it.
/// </summary>
/// <remarks>
/// <para>Command: <c>gmsh FILE.geo -3 -order N -clmax L -format msh41 -nt 1 [extra...] -o OUT.msh</c>, run in the
/// .geo file's folder. <c>-nt 1</c> keeps meshing single-threaded, hence deterministic. Gmsh meshes in
/// geometry units: <c>-clmax</c> is <see cref="GmshMeshOptions.CharacteristicLengthM"/> /
/// <see cref="GmshMeshOptions.GeometryUnitM"/>, and the reader multiplies coordinates by
/// <see cref="GmshMeshOptions.GeometryUnitM"/> so the <see cref="Mesh"/> is in metres.</para>
/// <para>Cache: <c>CacheFolder/NAME-KEY.msh</c>, KEY a SHA-256 of the .geo text and the options. Files the
/// .geo merges or includes are not part of the key, nor is the gmsh version: clear the folder when they
/// change. The mesh is written to a temporary file and moved into place, so concurrent runs are safe.</para>
/// </remarks>
public sealed class GmshMesher
{
    /// <summary>Creates a mesher.</summary>
    /// <param name="executable">The gmsh program: a name looked up on PATH, or a path.</param>
    public GmshMesher(string executable = "gmsh")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        Executable = executable;
    }

    /// <summary>The gmsh program.</summary>
    public string Executable { get; }

    /// <summary>Meshes <paramref name="geoPath"/> (or takes the cached mesh) and reads it in metres.</summary>
    /// <exception cref="MeshingException">Gmsh is missing or failed.</exception>
    public Mesh Generate(string geoPath, GmshMeshOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = MeshFile(geoPath, options, progress);
        return GmshReader.Read(file, options.GeometryUnitM);
    }

    /// <summary>Path of the .msh file for <paramref name="geoPath"/> and <paramref name="options"/>, running gmsh on a cache miss.</summary>
    /// <exception cref="MeshingException">Gmsh is missing or failed.</exception>
    public string MeshFile(string geoPath, GmshMeshOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(geoPath);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        if (!File.Exists(geoPath))
        {
            throw new FileNotFoundException($"geometry file {geoPath} does not exist", geoPath);
        }

        var geoFull = Path.GetFullPath(geoPath);
        var key = CacheKey(File.ReadAllText(geoFull), options);
        Directory.CreateDirectory(options.CacheFolder);
        var target = Path.Combine(Path.GetFullPath(options.CacheFolder), $"{Path.GetFileNameWithoutExtension(geoFull)}-{key}.msh");
        if (File.Exists(target))
        {
            progress?.Report($"mesh cache hit: {target}");
            return target;
        }

        var temp = target + $".{Guid.NewGuid():N}.tmp.msh";
        var arguments = new List<string>
        {
            geoFull,
            "-3",
            "-order",
            options.ElementOrder.ToString(CultureInfo.InvariantCulture),
            "-clmax",
            (options.CharacteristicLengthM / options.GeometryUnitM).ToString("R", CultureInfo.InvariantCulture),
            "-format",
            "msh41",
            "-nt",
            "1",
        };
        arguments.AddRange(options.ExtraArguments);
        arguments.Add("-o");
        arguments.Add(temp);
        progress?.Report($"meshing {geoFull} with gmsh (order {options.ElementOrder}, size {options.CharacteristicLengthM:G3} m)");
        var clock = Stopwatch.StartNew();
        var (exitCode, output) = Run(arguments, Path.GetDirectoryName(geoFull)!, options.Timeout);
        try
        {
            var errorLine = FirstErrorLine(output);
            if (exitCode != 0 || errorLine is not null || !File.Exists(temp) || new FileInfo(temp).Length == 0)
            {
                var why = exitCode != 0 ? $"exit code {exitCode}" : errorLine ?? "no mesh file written";
                throw new MeshingException($"gmsh failed on {geoFull} ({why}). Command: {Executable} {string.Join(' ', arguments)}\ngmsh output (last lines):\n{Tail(output, 30)}");
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        progress?.Report($"meshed in {clock.Elapsed.TotalSeconds:F1} s: {target}");
        return target;
    }

    /// <summary>Hex SHA-256 of the geometry text and every option that changes the mesh.</summary>
    internal static string CacheKey(string geoText, GmshMeshOptions options)
    {
        var text = new StringBuilder();
        text.Append("twinplatform-gmsh-cache-v1\n");
        text.Append(geoText.ReplaceLineEndings("\n"));
        text.Append("\norder=").Append(options.ElementOrder.ToString(CultureInfo.InvariantCulture));
        text.Append("\nclmax=").Append((options.CharacteristicLengthM / options.GeometryUnitM).ToString("R", CultureInfo.InvariantCulture));
        foreach (var a in options.ExtraArguments)
        {
            text.Append("\narg=").Append(a);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash)[..24];
    }

    private static void Validate(GmshMeshOptions options)
    {
        if (options.ElementOrder is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ElementOrder, "element order must be 1 or 2");
        }

        if (!(options.CharacteristicLengthM > 0) || !double.IsFinite(options.CharacteristicLengthM))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.CharacteristicLengthM, "characteristic length must be a positive number of metres");
        }

        if (!(options.GeometryUnitM > 0) || !double.IsFinite(options.GeometryUnitM))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.GeometryUnitM, "geometry unit must be a positive number of metres");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.CacheFolder);
    }

    private static string? FirstErrorLine(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("Error", StringComparison.Ordinal))
            {
                return line.Trim();
            }
        }

        return null;
    }

    private static string Tail(string output, int lines)
    {
        var all = output.TrimEnd().Split('\n');
        return string.Join('\n', all[Math.Max(0, all.Length - lines)..]);
    }

    private (int ExitCode, string Output) Run(List<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new MeshingException($"could not start {Executable}");
        }
        catch (Win32Exception ex)
        {
            throw new MeshingException($"gmsh was not found or could not start ('{Executable}': {ex.Message}); install gmsh (apt-get install gmsh) or pass its path to GmshMesher", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new MeshingException($"gmsh did not finish within {timeout.TotalSeconds:F0} s; raise GmshMeshOptions.Timeout or coarsen the mesh");
            }

            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}

using System.Globalization;

namespace TwinPlatform.Plugins.CalculiX;

/// <summary>Reads the eigenvalue tables from a CalculiX .dat file (one table per *FREQUENCY step, in step order).</summary>
/// <remarks>
/// A table starts after the line <c>E I G E N V A L U E   O U T P U T</c>; its rows hold the mode number, the
/// eigenvalue, omega (rad/time), the frequency (cycles/time) and the imaginary part. Other .dat content (node and
/// element print tables) is not read: the .frd file carries the fields.
/// </remarks>
public static class DatReader
{
    /// <summary>The eigenvalue tables of the .dat file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<DatEigenvalue>> ReadEigenvalues(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return ReadEigenvalues(reader);
    }

    /// <summary>The eigenvalue tables read from <paramref name="reader"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<DatEigenvalue>> ReadEigenvalues(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tables = new List<IReadOnlyList<DatEigenvalue>>();
        List<DatEigenvalue>? current = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Contains("E I G E N V A L U E   O U T P U T", StringComparison.Ordinal))
            {
                current = [];
                tables.Add(current);
                continue;
            }

            if (current is null)
            {
                continue;
            }

            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 5
                && int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var mode)
                && double.TryParse(tokens[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var eigenvalue)
                && double.TryParse(tokens[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var frequency))
            {
                current.Add(new DatEigenvalue(mode, eigenvalue, frequency));
            }
            else if (current.Count > 0 && tokens.Length > 0)
            {
                // The first non-row line after the rows ends the table.
                current = null;
            }
        }

        return tables;
    }
}

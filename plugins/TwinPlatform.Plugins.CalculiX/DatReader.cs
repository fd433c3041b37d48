using System.Globalization;

namespace TwinPlatform.Plugins.CalculiX;

/// <summary>
/// Reads a CalculiX .dat file: the eigenvalue tables (one per *FREQUENCY step, in step order) and the
/// integration-point tables of <c>*EL PRINT</c> requests for S and HFL.
/// </summary>
/// <remarks>
/// An eigenvalue table starts after the line <c>E I G E N V A L U E   O U T P U T</c>; its rows hold the mode
/// number, the eigenvalue, omega (rad/time), the frequency (cycles/time) and the imaginary part. A point table starts
/// with a header such as <c>stresses (elem, integ.pnt.,sxx,syy,szz,sxy,sxz,syz) for set EALL and time 0.1E+01</c>;
/// its rows hold the element, the point and the values. Node print tables are not read: the .frd file carries the
/// nodal fields.
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

    /// <summary>The <c>*EL PRINT</c> tables of stresses and heat flux in the .dat file at <paramref name="path"/>, in file order.</summary>
    public static IReadOnlyList<DatPointTable> ReadPointTables(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return ReadPointTables(reader);
    }

    /// <summary>The <c>*EL PRINT</c> tables of stresses and heat flux read from <paramref name="reader"/>, in file order.</summary>
    public static IReadOnlyList<DatPointTable> ReadPointTables(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tables = new List<DatPointTable>();
        string? line;
        (string Quantity, string Set, double Time, int Components)? header = null;
        List<int> elements = [], points = [];
        List<double> values = [];
        void Close()
        {
            if (header is { } h && elements.Count > 0)
            {
                tables.Add(new DatPointTable(h.Quantity, h.Set, h.Time, [.. elements], [.. points], h.Components, [.. values]));
            }

            header = null;
            elements = [];
            points = [];
            values = [];
        }

        while ((line = reader.ReadLine()) is not null)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (PointHeader(trimmed) is { } h)
            {
                Close();
                header = h;
                continue;
            }

            if (header is not { } current)
            {
                continue;
            }

            var tokens = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 2 + current.Components
                && int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var element)
                && int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var point))
            {
                elements.Add(element);
                points.Add(point);
                for (var k = 0; k < current.Components; k++)
                {
                    values.Add(double.Parse(tokens[2 + k], NumberStyles.Float, CultureInfo.InvariantCulture));
                }
            }
            else
            {
                // Any other line ends the table.
                Close();
            }
        }

        Close();
        return tables;
    }

    /// <summary>Quantity, set, time and component count of a point-table header line, or null.</summary>
    private static (string Quantity, string Set, double Time, int Components)? PointHeader(string line)
    {
        string quantity;
        int components;
        if (line.StartsWith("stresses (elem, integ.pnt.", StringComparison.Ordinal))
        {
            (quantity, components) = ("stresses", 6);
        }
        else if (line.StartsWith("heat flux (elem, integ.pnt.", StringComparison.Ordinal))
        {
            (quantity, components) = ("heat flux", 3);
        }
        else
        {
            return null;
        }

        // ccx 2.20 writes "for set EALL" for stresses and "for setEALL" for heat flux.
        const string setMarker = " for set";
        const string timeMarker = " and time ";
        var s = line.IndexOf(setMarker, StringComparison.Ordinal);
        var t = line.IndexOf(timeMarker, StringComparison.Ordinal);
        if (s < 0 || t < s
            || !double.TryParse(line[(t + timeMarker.Length)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var time))
        {
            return null;
        }

        return (quantity, line[(s + setMarker.Length)..t].Trim(), time, components);
    }
}

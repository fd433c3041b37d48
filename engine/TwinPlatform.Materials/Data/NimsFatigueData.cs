using System.Globalization;
using System.Text;
using TwinPlatform.Core;
using TwinPlatform.Materials.Features;

namespace TwinPlatform.Materials.Data;

/// <summary>
/// Reads the cleaned NIMS MatNavi fatigue data set (<c>nims_fatigue.csv</c>, 360 rows: process,
/// composition, reduction ratio, inclusions -> fatigue strength at 1e7 cycles, tensile strength, ...).
/// </summary>
public static class NimsFatigueData
{
    /// <summary>The citation every model trained on this table carries.</summary>
    public const string Citation =
        "NIMS MatNavi fatigue data set (National Institute for Materials Science, Japan), cleaned as published by " +
        "J. Xiong, T. Y. Zhang, S. Q. Shi, Sci. China Tech. Sci. 63 (2020) 1247-1255 (George-JieXIONG/Materials-Dataset)";

    /// <summary>The properties read from the table, in MPa.</summary>
    public static IReadOnlyList<PropertyDescription> Properties { get; } =
    [
        new(MaterialPropertyNames.FatigueStrength, "MPa", "Fatigue Strength (10E7 Cycles)",
            "rotating-bending fatigue strength at 1e7 cycles (NIMS fatigue data sheets)"),
        new(MaterialPropertyNames.TensileStrength, "MPa", "Tensile Strength", "ultimate tensile strength"),
    ];

    /// <summary>
    /// Loads the table with the features of <see cref="NimsSteelFeaturizer"/>. Rows are grouped by
    /// heat: identical composition, reduction ratio and inclusion ratings (each heat was tempered at
    /// several temperatures).
    /// </summary>
    /// <exception cref="InputFileException">Missing file or column, or a bad cell; names file, line, column and header.</exception>
    public static MaterialDataset Load(string path)
    {
        var table = CsvTable.Load(path);
        var features = new NimsSteelFeaturizer().Features;
        var featureColumns = new int[features.Count];
        for (var j = 0; j < features.Count; j++)
        {
            featureColumns[j] = table.ColumnIndex(features[j].SourceColumn);
        }

        var targetColumns = new int[Properties.Count];
        for (var j = 0; j < Properties.Count; j++)
        {
            targetColumns[j] = table.ColumnIndex(Properties[j].SourceColumn);
        }

        var rows = new double[table.RowCount][];
        var keys = new string[table.RowCount];
        var lines = new int[table.RowCount];
        var targets = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var p in Properties)
        {
            targets[p.Name] = new double[table.RowCount];
        }

        var key = new StringBuilder();
        for (var i = 0; i < table.RowCount; i++)
        {
            var x = new double[features.Count];
            key.Clear();
            for (var j = 0; j < features.Count; j++)
            {
                x[j] = table.Number(i, featureColumns[j]);
                if (x[j] < 0)
                {
                    throw table.Error(i, featureColumns[j], $"a {features[j].Name} cannot be negative");
                }

                // Process temperatures (the first three features) vary within a heat; the rest identify it.
                if (j >= 3)
                {
                    key.Append(x[j].ToString("R", CultureInfo.InvariantCulture)).Append(';');
                }
            }

            for (var k = 0; k < Properties.Count; k++)
            {
                var v = table.Number(i, targetColumns[k]);
                if (v <= 0)
                {
                    throw table.Error(i, targetColumns[k], "a strength must be positive");
                }

                targets[Properties[k].Name][i] = v;
            }

            rows[i] = x;
            keys[i] = key.ToString();
            lines[i] = table.Line(i);
        }

        return new MaterialDataset(path, features, Properties, rows, targets, keys, lines);
    }
}

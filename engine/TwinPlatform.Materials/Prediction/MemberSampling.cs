namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// What every bagged or cross-fitted tree ensemble shares: which groups each member trains on, the out-of-bag centre and
/// spread of every training row, and the normalised conformal calibration on those out-of-bag predictions.
/// </summary>
internal static class MemberSampling
{
    /// <summary>Consecutive group numbers 0..Count-1 in order of first appearance.</summary>
    public static (int[] GroupOf, int Count) Renumber(IReadOnlyList<int> groups)
    {
        var map = new Dictionary<int, int>();
        var result = new int[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            if (!map.TryGetValue(groups[i], out var g))
            {
                g = map.Count;
                map[groups[i]] = g;
            }

            result[i] = g;
        }

        return (result, map.Count);
    }

    /// <summary>
    /// How many copies of each group every member trains on (a grouped bootstrap, or with <see cref="EnsembleOptions.CrossFitFolds"/>
    /// K &gt;= 2 every group but one fold of a fresh shuffle every K members) and each member's seed, all drawn up front from one
    /// generator so the result does not depend on the order in which members are trained.
    /// </summary>
    public static (int[][] Counts, int[] Seeds) Draw(EnsembleOptions options, int groupCount)
    {
        var b = options.EnsembleSize;
        var rng = new Random(options.Seed);
        var counts = new int[b][];
        var seeds = new int[b];
        var folds = options.CrossFitFolds;
        var foldOf = new int[groupCount];
        for (var m = 0; m < b; m++)
        {
            counts[m] = new int[groupCount];
            if (folds >= 2)
            {
                if (m % folds == 0)
                {
                    // A fresh split: shuffle the groups (Fisher-Yates) and deal them to the folds in turn.
                    var order = Enumerable.Range(0, groupCount).ToArray();
                    for (var k = groupCount - 1; k > 0; k--)
                    {
                        var swap = rng.Next(k + 1);
                        (order[k], order[swap]) = (order[swap], order[k]);
                    }

                    for (var k = 0; k < groupCount; k++)
                    {
                        foldOf[order[k]] = k % folds;
                    }
                }

                for (var k = 0; k < groupCount; k++)
                {
                    counts[m][k] = foldOf[k] == m % folds ? 0 : 1;
                }
            }
            else
            {
                for (var k = 0; k < groupCount; k++)
                {
                    counts[m][rng.Next(groupCount)]++;
                }
            }

            seeds[m] = rng.Next();
        }

        return (counts, seeds);
    }

    /// <summary>
    /// The out-of-bag centre (mean or median) and spread of every row over the members that left its group out; NaN where fewer
    /// than two did.
    /// </summary>
    /// <param name="predictions">Every member's prediction of every training row: [member][row].</param>
    /// <param name="counts">Copies of each group in each member's training set: [member][group].</param>
    /// <param name="groupOf">Group of each row.</param>
    /// <param name="aggregation">Mean or median.</param>
    public static (double Mean, double Spread)[] OutOfBag(double[][] predictions, int[][] counts, int[] groupOf, EnsembleAggregation aggregation)
    {
        var n = groupOf.Length;
        var result = new (double, double)[n];
        var oob = new double[predictions.Length];
        for (var i = 0; i < n; i++)
        {
            double sum = 0, sumSq = 0;
            var k = 0;
            for (var m = 0; m < predictions.Length; m++)
            {
                if (counts[m][groupOf[i]] == 0)
                {
                    sum += predictions[m][i];
                    sumSq += predictions[m][i] * predictions[m][i];
                    oob[k++] = predictions[m][i];
                }
            }

            if (k < 2)
            {
                result[i] = (double.NaN, double.NaN);
                continue;
            }

            var center = aggregation == EnsembleAggregation.Mean ? sum / k : Summarise(oob.AsSpan(0, k), aggregation).Center;
            result[i] = (center, Math.Sqrt(Math.Max(0, (sumSq - (sum * sum / k)) / (k - 1))));
        }

        return result;
    }

    /// <summary>
    /// Centre (mean or median) and standard deviation of member predictions; reorders <paramref name="values"/> for the median.
    /// </summary>
    public static (double Center, double Spread) Summarise(Span<double> values, EnsembleAggregation aggregation)
    {
        var k = values.Length;
        double mean = 0;
        for (var j = 0; j < k; j++)
        {
            mean += values[j];
        }

        mean /= k;
        double ss = 0;
        for (var j = 0; j < k; j++)
        {
            ss += (values[j] - mean) * (values[j] - mean);
        }

        var spread = Math.Sqrt(ss / (k - 1));
        if (aggregation == EnsembleAggregation.Mean)
        {
            return (mean, spread);
        }

        values.Sort();
        var median = k % 2 == 1 ? values[k / 2] : 0.5 * (values[(k / 2) - 1] + values[k / 2]);
        return (median, spread);
    }

    /// <summary>
    /// The normalised conformal calibration: quantile of <c>|y - oob centre| / (oob spread + offset)</c> over the rows that
    /// have out-of-bag predictions (<see cref="OutOfBag"/>; NaN marks the others), offset the median out-of-bag spread.
    /// </summary>
    public static ConformalCalibration Calibrate(IReadOnlyList<(double Mean, double Spread)> outOfBag, IReadOnlyList<double> targets, double level)
    {
        var rows = Enumerable.Range(0, targets.Count).Where(i => !double.IsNaN(outOfBag[i].Mean)).ToArray();
        if (rows.Length < 10)
        {
            throw new InvalidOperationException($"only {rows.Length} rows were out of bag often enough to calibrate the interval; use more members");
        }

        var sortedSpreads = rows.Select(i => outOfBag[i].Spread).ToArray();
        Array.Sort(sortedSpreads);
        var offset = sortedSpreads[sortedSpreads.Length / 2];
        if (offset <= 0)
        {
            offset = 1e-6 * Math.Max(1.0, Math.Abs(targets[rows[0]]));
        }

        var scores = rows.Select(i => Math.Abs(targets[i] - outOfBag[i].Mean) / (outOfBag[i].Spread + offset)).ToArray();
        return new ConformalCalibration(level, ConformalCalibration.QuantileOf(scores, level), offset, scores.Length);
    }
}

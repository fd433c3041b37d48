namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// One extremely randomised regression tree (Geurts, Ernst and Wehenkel, Machine Learning 63 (2006) 3-42): at every node
/// each candidate feature gets one cut drawn uniformly between its smallest and largest value in the node, and the cut that
/// lowers the squared error most is kept; nodes are split until they are pure, smaller than twice the minimum leaf, or
/// constant in every feature. A leaf predicts the mean target of its rows.
/// </summary>
/// <remarks>Immutable after <see cref="Grow"/>; safe to call from several threads.</remarks>
internal sealed class ExtraTree
{
    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _value;

    private ExtraTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value)
    {
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _value = value;
    }

    /// <summary>Number of nodes, leaves included.</summary>
    public int NodeCount => _feature.Length;

    /// <summary>Grows a tree on the given rows.</summary>
    /// <param name="x">Feature vectors of all rows.</param>
    /// <param name="y">Targets of all rows.</param>
    /// <param name="rows">The rows this tree trains on (a row may appear more than once).</param>
    /// <param name="minimumLeaf">Fewest rows a leaf may hold.</param>
    /// <param name="candidates">Non-constant features tried at every node (1 to the feature count).</param>
    /// <param name="rng">The tree's own random source.</param>
    public static ExtraTree Grow(IReadOnlyList<double[]> x, IReadOnlyList<double> y, int[] rows, int minimumLeaf, int candidates, Random rng)
    {
        var featureCount = x[0].Length;
        var feature = new List<int>();
        var threshold = new List<double>();
        var left = new List<int>();
        var right = new List<int>();
        var value = new List<double>();
        var index = (int[])rows.Clone();
        var order = Enumerable.Range(0, featureCount).ToArray();
        var pending = new Stack<(int Node, int Start, int End)>();
        pending.Push((NewNode(), 0, index.Length));
        while (pending.Count > 0)
        {
            var (node, start, end) = pending.Pop();
            var count = end - start;
            double sum = 0, first = y[index[start]];
            var pure = true;
            for (var k = start; k < end; k++)
            {
                sum += y[index[k]];
                pure &= y[index[k]] == first;
            }

            value[node] = sum / count;
            if (pure || count < Math.Max(2, 2 * minimumLeaf))
            {
                continue;
            }

            // Features in a fresh random order; constant ones are skipped and do not count as candidates.
            var bestFeature = -1;
            double bestCut = 0, bestScore = double.NegativeInfinity;
            var tried = 0;
            for (var f = 0; f < featureCount && tried < candidates; f++)
            {
                var swap = f + rng.Next(featureCount - f);
                (order[f], order[swap]) = (order[swap], order[f]);
                var j = order[f];
                double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                for (var k = start; k < end; k++)
                {
                    var v = x[index[k]][j];
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }

                if (!(hi > lo))
                {
                    continue;
                }

                tried++;
                var cut = lo + (rng.NextDouble() * (hi - lo));
                if (cut >= hi)
                {
                    cut = lo;
                }

                double leftSum = 0;
                var leftCount = 0;
                for (var k = start; k < end; k++)
                {
                    if (x[index[k]][j] <= cut)
                    {
                        leftSum += y[index[k]];
                        leftCount++;
                    }
                }

                var rightCount = count - leftCount;
                if (leftCount < minimumLeaf || rightCount < minimumLeaf)
                {
                    continue;
                }

                // Lowering the squared error is maximising sum_L^2 / n_L + sum_R^2 / n_R.
                var rightSum = sum - leftSum;
                var score = (leftSum * leftSum / leftCount) + (rightSum * rightSum / rightCount);
                if (score > bestScore)
                {
                    (bestScore, bestFeature, bestCut) = (score, j, cut);
                }
            }

            if (bestFeature < 0)
            {
                continue;
            }

            // Partition the node's rows: at most the cut to the left.
            var mid = start;
            for (var k = start; k < end; k++)
            {
                if (x[index[k]][bestFeature] <= bestCut)
                {
                    (index[mid], index[k]) = (index[k], index[mid]);
                    mid++;
                }
            }

            feature[node] = bestFeature;
            threshold[node] = bestCut;
            var l = NewNode();
            var r = NewNode();
            left[node] = l;
            right[node] = r;
            pending.Push((r, mid, end));
            pending.Push((l, start, mid));
        }

        return new ExtraTree([.. feature], [.. threshold], [.. left], [.. right], [.. value]);

        int NewNode()
        {
            feature.Add(-1);
            threshold.Add(0);
            left.Add(-1);
            right.Add(-1);
            value.Add(0);
            return feature.Count - 1;
        }
    }

    /// <summary>The tree's prediction for one feature vector.</summary>
    public double Predict(double[] row)
    {
        var node = 0;
        while (_feature[node] >= 0)
        {
            node = row[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        }

        return _value[node];
    }
}

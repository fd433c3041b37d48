namespace TwinPlatform.Materials.Design;

/// <summary>Non-dominated sorting (Deb et al., IEEE Trans. Evol. Comput. 6 (2002) 182) of criteria to maximise.</summary>
public static class ParetoRanking
{
    /// <summary>The Pareto rank of every point (1 = not dominated by any other).</summary>
    /// <param name="criteria">One vector per point; every criterion is maximised.</param>
    public static int[] Rank(IReadOnlyList<double[]> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var n = criteria.Count;
        var dominatedBy = new int[n];
        var dominates = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            dominates[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (Dominates(criteria[i], criteria[j]))
                {
                    dominates[i].Add(j);
                    dominatedBy[j]++;
                }
                else if (Dominates(criteria[j], criteria[i]))
                {
                    dominates[j].Add(i);
                    dominatedBy[i]++;
                }
            }
        }

        var rank = new int[n];
        var front = Enumerable.Range(0, n).Where(i => dominatedBy[i] == 0).ToList();
        var r = 1;
        while (front.Count > 0)
        {
            var next = new List<int>();
            foreach (var i in front)
            {
                rank[i] = r;
                foreach (var j in dominates[i])
                {
                    if (--dominatedBy[j] == 0)
                    {
                        next.Add(j);
                    }
                }
            }

            front = next;
            r++;
        }

        return rank;
    }

    /// <summary>True if a is at least as good as b in every criterion and better in one.</summary>
    public static bool Dominates(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var better = false;
        for (var k = 0; k < a.Length; k++)
        {
            if (a[k] < b[k])
            {
                return false;
            }

            if (a[k] > b[k])
            {
                better = true;
            }
        }

        return better;
    }
}

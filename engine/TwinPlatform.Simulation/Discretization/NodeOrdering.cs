namespace TwinPlatform.Simulation.Discretization;

/// <summary>Orderings of the nodes for equation numbering.</summary>
internal static class NodeOrdering
{
    /// <summary>Nodes in file order.</summary>
    public static int[] Natural(int nodeCount)
    {
        var order = new int[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            order[i] = i;
        }

        return order;
    }

    /// <summary>
    /// Reverse Cuthill-McKee on the node graph: breadth-first from a pseudo-peripheral node, neighbours by
    /// ascending degree, then reversed. Small bandwidth keeps the vectors a row touches close in memory
    /// and gives incomplete Cholesky a good elimination order. Nodes without elements come last.
    /// </summary>
    public static int[] ReverseCuthillMcKee(NodeAdjacency adjacency)
    {
        var pointers = adjacency.NodePointers;
        var neighbours = adjacency.Nodes;
        var n = pointers.Length - 1;
        var order = new int[n];
        var visited = new bool[n];
        var count = 0;
        var scratch = new List<long>();
        var level = new int[n];
        for (var seed = 0; seed < n; seed++)
        {
            if (visited[seed] || !adjacency.IsActive(seed))
            {
                continue;
            }

            var start = PseudoPeripheral(seed, pointers, neighbours, level);
            var head = count;
            order[count++] = start;
            visited[start] = true;
            while (head < count)
            {
                var a = order[head++];
                scratch.Clear();
                for (var k = pointers[a]; k < pointers[a + 1]; k++)
                {
                    var b = neighbours[k];
                    if (!visited[b])
                    {
                        visited[b] = true;

                        // Sort key: degree first, node number second.
                        scratch.Add(((long)(pointers[b + 1] - pointers[b]) << 32) | (uint)b);
                    }
                }

                scratch.Sort();
                foreach (var key in scratch)
                {
                    order[count++] = (int)(key & 0xFFFFFFFF);
                }
            }
        }

        Array.Reverse(order, 0, count);
        for (var i = 0; i < n; i++)
        {
            if (!visited[i])
            {
                order[count++] = i;
            }
        }

        return order;
    }

    /// <summary>A node far from <paramref name="seed"/> (George-Liu: repeat BFS from the farthest, lowest-degree node while the depth grows).</summary>
    private static int PseudoPeripheral(int seed, int[] pointers, int[] neighbours, int[] level)
    {
        var node = seed;
        var depth = -1;
        var queue = new List<int>();
        for (var round = 0; round < 8; round++)
        {
            queue.Clear();
            queue.Add(node);
            level[node] = 0;
            var marked = new HashSet<int> { node };
            var maxLevel = 0;
            for (var head = 0; head < queue.Count; head++)
            {
                var a = queue[head];
                for (var k = pointers[a]; k < pointers[a + 1]; k++)
                {
                    var b = neighbours[k];
                    if (marked.Add(b))
                    {
                        level[b] = level[a] + 1;
                        maxLevel = Math.Max(maxLevel, level[b]);
                        queue.Add(b);
                    }
                }
            }

            if (maxLevel <= depth)
            {
                return node;
            }

            depth = maxLevel;
            var best = node;
            var bestDegree = int.MaxValue;
            foreach (var a in queue)
            {
                var degree = pointers[a + 1] - pointers[a];
                if (level[a] == maxLevel && degree < bestDegree)
                {
                    best = a;
                    bestDegree = degree;
                }
            }

            node = best;
        }

        return node;
    }
}

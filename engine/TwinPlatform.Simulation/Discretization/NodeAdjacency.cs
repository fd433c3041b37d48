using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>Node-to-element and node-to-node incidence of a mesh, as two CSR structures.</summary>
internal sealed class NodeAdjacency
{
    private NodeAdjacency(int[] elementPointers, int[] elements, int[] nodePointers, int[] nodes)
    {
        ElementPointers = elementPointers;
        Elements = elements;
        NodePointers = nodePointers;
        Nodes = nodes;
    }

    /// <summary>Offsets into <see cref="Elements"/> per node.</summary>
    public int[] ElementPointers { get; }

    /// <summary>Global numbers of the elements at each node.</summary>
    public int[] Elements { get; }

    /// <summary>Offsets into <see cref="Nodes"/> per node.</summary>
    public int[] NodePointers { get; }

    /// <summary>Nodes sharing an element with each node (itself included), ascending.</summary>
    public int[] Nodes { get; }

    /// <summary>True if node <paramref name="node"/> belongs to some element.</summary>
    public bool IsActive(int node) => ElementPointers[node + 1] > ElementPointers[node];

    public static NodeAdjacency Build(Mesh mesh)
    {
        var n = mesh.NodeCount;
        var ep = new int[n + 1];
        foreach (var block in mesh.Blocks)
        {
            foreach (var node in block.Connectivity)
            {
                ep[node + 1]++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            ep[i + 1] += ep[i];
        }

        var elements = new int[ep[n]];
        var fill = ep[..n];
        foreach (var block in mesh.Blocks)
        {
            var npe = block.NodesPerElement;
            var conn = block.Connectivity;
            for (var k = 0; k < conn.Length; k++)
            {
                elements[fill[conn[k]]++] = block.FirstElement + (k / npe);
            }
        }

        // Node-to-node: two passes (count, fill) with a marker array; rows sorted afterwards.
        var marker = new int[n];
        Array.Fill(marker, -1);
        var np = new int[n + 1];
        for (var pass = 0; pass < 2; pass++)
        {
            var nodes = pass == 0 ? null : new int[np[n]];
            for (var a = 0; a < n; a++)
            {
                var count = 0;
                for (var k = ep[a]; k < ep[a + 1]; k++)
                {
                    foreach (var b in mesh.ElementNodes(elements[k]))
                    {
                        if (marker[b] != a)
                        {
                            marker[b] = a;
                            if (nodes is not null)
                            {
                                nodes[np[a] + count] = b;
                            }

                            count++;
                        }
                    }
                }

                if (nodes is null)
                {
                    np[a + 1] = np[a] + count;
                }
                else
                {
                    Array.Sort(nodes, np[a], count);
                }
            }

            Array.Fill(marker, -1);
            if (nodes is not null)
            {
                return new NodeAdjacency(ep, elements, np, nodes);
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}

using System.Numerics;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>
/// A partition of the elements into colours such that no two elements of one colour share a node, so
/// the elements of a colour can be assembled in parallel without locks. Greedy first-fit in rounds of 64
/// colours tracked as a bit mask per node.
/// </summary>
internal sealed class ElementColoring
{
    private ElementColoring(int[] colorPointers, int[] elements)
    {
        ColorPointers = colorPointers;
        Elements = elements;
    }

    /// <summary>Offsets into <see cref="Elements"/> per colour (ColorCount + 1 entries).</summary>
    public int[] ColorPointers { get; }

    /// <summary>Global element numbers grouped by colour, ascending within a colour.</summary>
    public int[] Elements { get; }

    /// <summary>Number of colours.</summary>
    public int ColorCount => ColorPointers.Length - 1;

    public static ElementColoring Build(Mesh mesh)
    {
        var colorOf = new int[mesh.ElementCount];
        Array.Fill(colorOf, -1);
        var masks = new ulong[mesh.NodeCount];
        var remaining = mesh.ElementCount;
        var colorCount = 0;
        for (var round = 0; remaining > 0; round++)
        {
            Array.Clear(masks);
            var used = 0;
            foreach (var block in mesh.Blocks)
            {
                for (var e = 0; e < block.Count; e++)
                {
                    var id = block.FirstElement + e;
                    if (colorOf[id] >= 0)
                    {
                        continue;
                    }

                    var nodes = block.Nodes(e);
                    var taken = 0UL;
                    foreach (var n in nodes)
                    {
                        taken |= masks[n];
                    }

                    if (taken == ulong.MaxValue)
                    {
                        continue; // left for the next round
                    }

                    var c = BitOperations.TrailingZeroCount(~taken);
                    var bit = 1UL << c;
                    foreach (var n in nodes)
                    {
                        masks[n] |= bit;
                    }

                    colorOf[id] = (64 * round) + c;
                    used = Math.Max(used, c + 1);
                    remaining--;
                }
            }

            colorCount = (64 * round) + used;
        }

        var pointers = new int[colorCount + 1];
        foreach (var c in colorOf)
        {
            pointers[c + 1]++;
        }

        for (var c = 0; c < colorCount; c++)
        {
            pointers[c + 1] += pointers[c];
        }

        var fill = pointers[..colorCount];
        var elements = new int[mesh.ElementCount];
        for (var e = 0; e < colorOf.Length; e++)
        {
            elements[fill[colorOf[e]]++] = e;
        }

        return new ElementColoring(pointers, elements);
    }
}

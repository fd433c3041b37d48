using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.Trainers.FastTree;

namespace TwinPlatform.Prognostics.Models;

/// <summary>
/// A gradient-boosted tree ensemble (ML.NET FastTree or LightGBM) flattened into arrays, evaluated
/// without ML.NET's data pipeline: allocation-free and a few microseconds per sample, so a twin can
/// update many engines per frame.
/// </summary>
/// <remarks>
/// <para>Each tree is laid out depth-first in one array of 8-byte nodes (a split's left child follows
/// it, its right child sits a stored offset further on), so one member of a few hundred trees of 32
/// leaves takes about a quarter of a megabyte and a fleet's three members stay in the L2 cache. A split
/// sends a sample left when <c>x[feature] &lt;= threshold</c> (float comparison, as ML.NET does; NaN goes
/// right). A leaf's offsets are both 0, so a walk that reached it stays there.</para>
/// <para>A live fleet interleaves engines, so consecutive evaluations take different paths and a branching
/// walk mispredicts at about every other level. Here the step is branch-free (the comparison selects the
/// child offset by index) and eight trees of similar depth are walked side by side for as many steps as
/// the deepest of them needs, so the processor overlaps eight independent chains of loads. The leaf values
/// are then summed in the trees' own order: output = bias + Σ tree weight × leaf value, the same to the
/// last bit as a tree-by-tree walk. A test checks it against ML.NET's own scoring of the same model.</para>
/// </remarks>
public sealed class CompiledTreeEnsemble
{
    private const int Lanes = 8;

    // A subtree of at most 128 leaves has at most 255 nodes, so every right-child offset fits a byte.
    private const int MaxLeaves = 128;

    private readonly Node[] _nodes;
    private readonly double[] _leafValue;
    private readonly int[] _roots;
    private readonly int[] _tree;
    private readonly int[] _groupDepth;
    private readonly double _bias;

    private CompiledTreeEnsemble(Node[] nodes, double[] leafValue, int[] roots, int[] tree, int[] groupDepth, double bias, int splitCount, int featureCount)
    {
        _nodes = nodes;
        _leafValue = leafValue;
        _roots = roots;
        _tree = tree;
        _groupDepth = groupDepth;
        _bias = bias;
        NodeCount = splitCount;
        FeatureCount = featureCount;
    }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _roots.Length;

    /// <summary>Number of inner (split) nodes over all trees.</summary>
    public int NodeCount { get; }

    /// <summary>Smallest feature vector length the trees can read (highest split feature + 1).</summary>
    public int FeatureCount { get; }

    /// <summary>Flattens an ML.NET regression tree ensemble.</summary>
    /// <exception cref="NotSupportedException">A tree uses a categorical split, more than 65 536 features or more than 128 leaves.</exception>
    public static CompiledTreeEnsemble From(TreeEnsemble<RegressionTree> ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var trees = ensemble.Trees;
        var weights = ensemble.TreeWeights;
        int total = 0, leaves = 0, splits = 0;
        foreach (var t in trees)
        {
            total += t.NumberOfNodes + t.NumberOfLeaves;
            leaves += t.NumberOfLeaves;
            splits += t.NumberOfNodes;
        }

        // Trees of similar depth walk side by side, so the deepest of a group pads the others little.
        var depth = new int[trees.Count];
        for (var t = 0; t < trees.Count; t++)
        {
            depth[t] = trees[t].NumberOfNodes > 0 ? Depth(trees[t], 0) : 0;
        }

        var order = Enumerable.Range(0, trees.Count).OrderBy(t => depth[t]).ToArray();
        var nodes = new Node[total];
        var leafValue = new double[leaves];
        var roots = new int[trees.Count];
        var groupDepth = new int[(trees.Count + Lanes - 1) / Lanes];
        var builder = new Builder(nodes, leafValue);
        for (var k = 0; k < order.Length; k++)
        {
            var tree = trees[order[k]];
            if (tree.NumberOfLeaves > MaxLeaves)
            {
                throw new NotSupportedException($"tree {order[k]} has {tree.NumberOfLeaves} leaves; at most {MaxLeaves} are supported");
            }

            roots[k] = builder.Next;
            builder.Emit(tree, tree.NumberOfNodes > 0 ? 0 : ~0, weights[order[k]]);
            groupDepth[k / Lanes] = Math.Max(groupDepth[k / Lanes], depth[order[k]]);
        }

        return new CompiledTreeEnsemble(nodes, leafValue, roots, order, groupDepth, ensemble.Bias, splits, builder.MaxFeature + 1);
    }

    /// <summary>The ensemble's output for one feature vector.</summary>
    public double Evaluate(ReadOnlySpan<float> features)
    {
        if (features.Length < FeatureCount)
        {
            throw new ArgumentException($"the trees read {FeatureCount} features, got {features.Length}", nameof(features));
        }

        // Every feature index in the nodes is below FeatureCount (checked above) and every child offset
        // stays inside its tree (built so in From), so the walk reads without bounds checks.
        ref var x = ref MemoryMarshal.GetReference(features);
        var trees = _roots.Length;
        Span<double> leaf = trees <= 1024 ? stackalloc double[trees] : new double[trees];
        var k = 0;
        for (var g = 0; k + Lanes <= trees; g++, k += Lanes)
        {
            WalkGroup(k, _groupDepth[g], ref x, leaf);
        }

        for (; k < trees; k++)
        {
            WalkOne(k, ref x, leaf);
        }

        // Summed in the trees' own order, so the result is the same to the last bit as a tree-by-tree walk.
        var sum = _bias;
        foreach (var v in leaf)
        {
            sum += v;
        }

        return sum;
    }

    /// <summary>
    /// The ensemble's output for many feature vectors at once, each the same to the last bit as
    /// <see cref="Evaluate"/>. The trees are walked group by group over all the vectors, so a group's nodes
    /// are read from memory once per call rather than once per vector: for a batch of engines whose states
    /// go out together, the trees no longer have to stay in the caches between one engine and the next.
    /// </summary>
    /// <param name="rows">The vectors, row after row, each <paramref name="stride"/> floats long (at least <see cref="FeatureCount"/>).</param>
    /// <param name="stride">Floats from one row to the next.</param>
    /// <param name="outputs">One output per row; its length is the number of rows.</param>
    public void EvaluateMany(ReadOnlySpan<float> rows, int stride, Span<double> outputs)
    {
        if (stride < FeatureCount)
        {
            throw new ArgumentException($"the trees read {FeatureCount} features, rows are {stride} long", nameof(stride));
        }

        var count = outputs.Length;
        if (rows.Length < count * stride)
        {
            throw new ArgumentException($"{count} rows of {stride} need {count * stride} floats, got {rows.Length}", nameof(rows));
        }

        if (count == 0)
        {
            return;
        }

        var trees = _roots.Length;
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(count * trees);
        try
        {
            var leaf = buffer.AsSpan(0, count * trees);
            var k = 0;
            for (var g = 0; k + Lanes <= trees; g++, k += Lanes)
            {
                for (var r = 0; r < count; r++)
                {
                    WalkGroup(k, _groupDepth[g], ref Unsafe.Add(ref MemoryMarshal.GetReference(rows), r * stride), leaf.Slice(r * trees, trees));
                }
            }

            for (; k < trees; k++)
            {
                for (var r = 0; r < count; r++)
                {
                    WalkOne(k, ref Unsafe.Add(ref MemoryMarshal.GetReference(rows), r * stride), leaf.Slice(r * trees, trees));
                }
            }

            // Each row summed in the trees' own order, as Evaluate sums it.
            for (var r = 0; r < count; r++)
            {
                var sum = _bias;
                foreach (var v in leaf.Slice(r * trees, trees))
                {
                    sum += v;
                }

                outputs[r] = sum;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Walks the eight trees of a group from <paramref name="k"/> on for one vector and stores their leaf values at the trees' own indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WalkGroup(int k, int depth, ref float x, Span<double> leaf)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        var roots = _roots;
        var tree = _tree;
        var leafValue = _leafValue;
        int a = roots[k], b = roots[k + 1], c = roots[k + 2], d = roots[k + 3];
        int e = roots[k + 4], f = roots[k + 5], h = roots[k + 6], i = roots[k + 7];
        for (var s = depth; s > 0; s--)
        {
            a = Step(ref nodes, ref x, a);
            b = Step(ref nodes, ref x, b);
            c = Step(ref nodes, ref x, c);
            d = Step(ref nodes, ref x, d);
            e = Step(ref nodes, ref x, e);
            f = Step(ref nodes, ref x, f);
            h = Step(ref nodes, ref x, h);
            i = Step(ref nodes, ref x, i);
        }

        leaf[tree[k]] = leafValue[Unsafe.Add(ref nodes, a).Leaf];
        leaf[tree[k + 1]] = leafValue[Unsafe.Add(ref nodes, b).Leaf];
        leaf[tree[k + 2]] = leafValue[Unsafe.Add(ref nodes, c).Leaf];
        leaf[tree[k + 3]] = leafValue[Unsafe.Add(ref nodes, d).Leaf];
        leaf[tree[k + 4]] = leafValue[Unsafe.Add(ref nodes, e).Leaf];
        leaf[tree[k + 5]] = leafValue[Unsafe.Add(ref nodes, f).Leaf];
        leaf[tree[k + 6]] = leafValue[Unsafe.Add(ref nodes, h).Leaf];
        leaf[tree[k + 7]] = leafValue[Unsafe.Add(ref nodes, i).Leaf];
    }

    /// <summary>Walks tree <paramref name="k"/> (one of the last, fewer than eight) for one vector.</summary>
    private void WalkOne(int k, ref float x, Span<double> leaf)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        var a = _roots[k];
        for (var s = _groupDepth[^1]; s > 0; s--)
        {
            a = Step(ref nodes, ref x, a);
        }

        leaf[_tree[k]] = _leafValue[Unsafe.Add(ref nodes, a).Leaf];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node nodes, ref float x, int i)
    {
        ref var n = ref Unsafe.Add(ref nodes, i);

        // 1 when the sample goes left (x <= threshold; false for NaN), 0 when it goes right: a set-on-condition, no branch.
        var left = Unsafe.Add(ref x, n.Feature) <= n.Threshold;
        return i + Unsafe.Add(ref n.RightOffset, Unsafe.As<bool, byte>(ref left));
    }

    private static int Depth(RegressionTree tree, int node)
    {
        var l = tree.LeftChild[node];
        var r = tree.RightChild[node];
        return 1 + Math.Max(l >= 0 ? Depth(tree, l) : 0, r >= 0 ? Depth(tree, r) : 0);
    }

    /// <summary>
    /// One split or leaf in 8 bytes. A split's children follow it in depth-first order: the left child
    /// right after it, the right child <see cref="RightOffset"/> entries on (at most 254 in a tree of at
    /// most 128 leaves). A leaf has both offsets 0 and keeps its value's index in
    /// place of the threshold.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 8)]
    private struct Node
    {
        [FieldOffset(0)]
        public float Threshold;

        [FieldOffset(0)]
        public int Leaf;

        [FieldOffset(4)]
        public ushort Feature;

        [FieldOffset(6)]
        public byte RightOffset;

        [FieldOffset(7)]
        public byte LeftOffset;
    }

    private sealed class Builder(Node[] nodes, double[] leafValue)
    {
        private int _leaves;

        public int Next { get; private set; }

        public int MaxFeature { get; private set; } = -1;

        /// <summary>Writes the subtree at <paramref name="node"/> (a leaf when negative, ML.NET's ~leaf) depth-first from <see cref="Next"/>.</summary>
        public void Emit(RegressionTree tree, int node, double weight)
        {
            var at = Next++;
            if (node < 0)
            {
                leafValue[_leaves] = weight * tree.LeafValues[~node];
                nodes[at] = new Node { Leaf = _leaves++ };
                return;
            }

            if (tree.CategoricalSplitFlags[node])
            {
                throw new NotSupportedException("categorical splits are not supported; train without categorical features");
            }

            var feature = tree.NumericalSplitFeatureIndexes[node];
            if (feature > ushort.MaxValue)
            {
                throw new NotSupportedException($"split on feature {feature}; at most {ushort.MaxValue + 1} features are supported");
            }

            MaxFeature = Math.Max(MaxFeature, feature);
            Emit(tree, tree.LeftChild[node], weight);
            var right = Next;
            Emit(tree, tree.RightChild[node], weight);
            nodes[at] = new Node { Threshold = tree.NumericalSplitThresholds[node], Feature = (ushort)feature, LeftOffset = 1, RightOffset = checked((byte)(right - at)) };
        }
    }
}

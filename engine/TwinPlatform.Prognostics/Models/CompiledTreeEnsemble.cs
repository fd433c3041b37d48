using Microsoft.ML.Trainers.FastTree;

namespace TwinPlatform.Prognostics.Models;

/// <summary>
/// A gradient-boosted tree ensemble (ML.NET FastTree or LightGBM) flattened into arrays, evaluated
/// without ML.NET's data pipeline: allocation-free and a few microseconds per sample, so a twin can
/// update many engines per frame.
/// </summary>
/// <remarks>
/// Node <c>j</c> sends a sample to <c>Left[j]</c> when <c>x[Feature[j]] &lt;= Threshold[j]</c>
/// (float comparison, as ML.NET does) and to <c>Right[j]</c> otherwise; a negative child <c>c</c>
/// is leaf <c>~c</c>. Output = bias + Σ tree weight × leaf value. A test checks it against ML.NET's
/// own scoring of the same model.
/// </remarks>
public sealed class CompiledTreeEnsemble
{
    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValue;
    private readonly double _bias;

    private CompiledTreeEnsemble(int[] roots, int[] feature, float[] threshold, int[] left, int[] right, double[] leafValue, double bias, int featureCount)
    {
        _roots = roots;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leafValue = leafValue;
        _bias = bias;
        FeatureCount = featureCount;
    }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _roots.Length;

    /// <summary>Number of inner (split) nodes over all trees.</summary>
    public int NodeCount => _feature.Length;

    /// <summary>Smallest feature vector length the trees can read (highest split feature + 1).</summary>
    public int FeatureCount { get; }

    /// <summary>Flattens an ML.NET regression tree ensemble.</summary>
    /// <exception cref="NotSupportedException">A tree uses a categorical split.</exception>
    public static CompiledTreeEnsemble From(TreeEnsemble<RegressionTree> ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var trees = ensemble.Trees;
        var weights = ensemble.TreeWeights;
        int nodes = 0, leaves = 0;
        foreach (var t in trees)
        {
            nodes += t.NumberOfNodes;
            leaves += t.NumberOfLeaves;
        }

        var roots = new int[trees.Count];
        var feature = new int[nodes];
        var threshold = new float[nodes];
        var left = new int[nodes];
        var right = new int[nodes];
        var leafValue = new double[leaves];
        int nodeBase = 0, leafBase = 0, maxFeature = -1;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var w = weights[t];
            for (var j = 0; j < tree.NumberOfNodes; j++)
            {
                if (tree.CategoricalSplitFlags[j])
                {
                    throw new NotSupportedException("categorical splits are not supported; train without categorical features");
                }

                feature[nodeBase + j] = tree.NumericalSplitFeatureIndexes[j];
                threshold[nodeBase + j] = tree.NumericalSplitThresholds[j];
                left[nodeBase + j] = Remap(tree.LeftChild[j], nodeBase, leafBase);
                right[nodeBase + j] = Remap(tree.RightChild[j], nodeBase, leafBase);
                maxFeature = Math.Max(maxFeature, feature[nodeBase + j]);
            }

            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                leafValue[leafBase + l] = w * tree.LeafValues[l];
            }

            // A tree without splits is a single leaf: its root is that leaf.
            roots[t] = tree.NumberOfNodes > 0 ? nodeBase : ~leafBase;
            nodeBase += tree.NumberOfNodes;
            leafBase += tree.NumberOfLeaves;
        }

        return new CompiledTreeEnsemble(roots, feature, threshold, left, right, leafValue, ensemble.Bias, maxFeature + 1);
    }

    /// <summary>The ensemble's output for one feature vector.</summary>
    public double Evaluate(ReadOnlySpan<float> features)
    {
        if (features.Length < FeatureCount)
        {
            throw new ArgumentException($"the trees read {FeatureCount} features, got {features.Length}", nameof(features));
        }

        var sum = _bias;
        var feature = _feature;
        var threshold = _threshold;
        var left = _left;
        var right = _right;
        foreach (var root in _roots)
        {
            var node = root;
            while (node >= 0)
            {
                node = features[feature[node]] <= threshold[node] ? left[node] : right[node];
            }

            sum += _leafValue[~node];
        }

        return sum;
    }

    private static int Remap(int child, int nodeBase, int leafBase) => child >= 0 ? child + nodeBase : ~(~child + leafBase);
}

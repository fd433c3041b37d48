using TwinPlatform.Cli.Commands;

namespace TwinPlatform.Tools.MaterialsBench;

/// <summary>One benchmark: a name, what it measures, and the <c>twin materials cv</c> request that runs it.</summary>
internal sealed record Benchmark(string Name, string Title, MaterialsCvRequest Request)
{
    /// <summary>The command line that reproduces the run, from the repository root.</summary>
    public string CommandLine
    {
        get
        {
            var r = Request;
            var d = new MaterialsCvRequest(r.Data, r.Mapping, r.Target);
            var parts = new List<string> { "twin materials cv", $"--data {r.Data}", $"--mapping {r.Mapping}", $"--target {r.Target}" };
            void Add(bool differs, string text)
            {
                if (differs)
                {
                    parts.Add(text);
                }
            }

            Add(r.Scheme != d.Scheme, $"--scheme {r.Scheme}");
            Add(r.Group != d.Group && r.Scheme != "matbench", $"--group {r.Group}");
            Add(r.Folds != d.Folds, $"--folds {r.Folds}");
            Add(r.Repeats != d.Repeats, $"--repeats {r.Repeats}");
            Add(r.Seed != d.Seed, $"--seed {r.Seed}");
            foreach (var w in r.Where)
            {
                parts.Add($"--where \"{w}\"");
            }

            Add(r.Features != d.Features, $"--features {r.Features}");
            Add(r.Model != d.Model, $"--model {r.Model}");
            Add(r.Learner != d.Learner, $"--learner {r.Learner}");
            Add(r.Ensemble != d.Ensemble, $"--ensemble {r.Ensemble}");
            Add(r.GpFeatures != d.GpFeatures, $"--gp-features {r.GpFeatures}");
            Add(r.CrossFit != d.CrossFit, $"--cross-fit {r.CrossFit}");
            Add(r.Trees != d.Trees, $"--trees {r.Trees}");
            Add(r.Leaves != d.Leaves, $"--leaves {r.Leaves}");
            Add(r.LearningRate != d.LearningRate, $"--learning-rate {r.LearningRate}");
            Add(r.FeatureFraction != d.FeatureFraction, $"--feature-fraction {r.FeatureFraction}");
            Add(r.GpKernel != d.GpKernel, $"--gp-kernel {r.GpKernel}");
            Add(r.GpArd, "--gp-ard");
            Add(r.GpRefitFolds != d.GpRefitFolds, $"--gp-refit-folds {r.GpRefitFolds}");
            Add(r.GpOptimise, "--gp-optimise");
            Add(r.GpCriterion != d.GpCriterion, $"--gp-criterion {r.GpCriterion}");
            Add(r.StackForest, "--stack-forest");
            Add(r.StackResidualGp, "--stack-residual-gp");
            Add(r.Gp2Features is not null, $"--gp2-features {r.Gp2Features}");
            Add(r.StackNeighbours is not null, $"--stack-knn {r.StackNeighbours}");
            Add(r.GpLinear is not null, $"--gp-linear {r.GpLinear}");
            Add(r.TargetTransform != d.TargetTransform, $"--target-transform {r.TargetTransform}");
            Add(!r.Ridge, "--no-ridge");
            Add(r.MinimumLeaf != d.MinimumLeaf, $"--min-leaf {r.MinimumLeaf}");
            Add(r.Tune, "--tune");
            Add(r.ModelSeed != d.ModelSeed, $"--model-seed {r.ModelSeed}");
            return string.Join(' ', parts);
        }
    }
}

using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Materials.Design;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Testing;
using Xunit.Abstractions;

namespace TwinPlatform.Materials.Tests;

public sealed class DesignTests(ITestOutputHelper output)
{
    private static readonly Lazy<PropertyModel> Nims = new(() => PropertyModel.Load(TestScenes.ModelFolder));

    private static string GoalsFile => RepoPaths.InRepo("models", "goals", "nims_fatigue_lean.yaml");

    [Fact]
    public void ParetoRanking_KnownPoints()
    {
        double[][] points = [[1, 1], [2, 0], [0, 2], [0.5, 0.5], [1, 1]];

        var rank = ParetoRanking.Rank(points);

        Assert.Equal([1, 1, 1, 2, 1], rank);
    }

    [Fact]
    public void ExpectedImprovement_AtTheBest_IsSigmaTimesDensityAtZero()
    {
        var z = NormalDistribution.Quantile(0.95);
        var p = new EnsemblePrediction(100, 1, 100 - (10 * z), 100 + (10 * z), 0.90);

        Assert.Equal(10 * NormalDistribution.Density(0), ExpectedImprovement.Of(p, 100), 6);
        Assert.True(ExpectedImprovement.Of(p, 80) > 19.9);
        Assert.True(ExpectedImprovement.Of(p, 140) < 0.01);
        Assert.Equal(ExpectedImprovement.Of(p, 100), ExpectedImprovement.Of(p, 100, maximise: false), 9);
    }

    [Theory]
    [InlineData("fatigue_strength >= 600 MPa", "fatigue_strength", GoalDirection.AtLeast, 600e6)]
    [InlineData("tensile_strength<=1.2GPa", "tensile_strength", GoalDirection.AtMost, 1.2e9)]
    public void DesignGoal_Parse(string text, string property, GoalDirection direction, double si)
    {
        var g = DesignGoal.Parse(text);

        Assert.Equal((property, direction), (g.Property, g.Direction));
        Assert.Equal(si, g.Threshold.ValueSI, 3);
    }

    [Fact]
    public void DesignObjectiveAndLimit_Parse()
    {
        var o = DesignObjective.Parse("Cr + Mo + 2*Ni - C", maximise: false);
        var l = DesignLimit.Parse("tempering_temperature = 550..650 degC");

        Assert.Equal([(1.0, "Cr"), (1.0, "Mo"), (2.0, "Ni"), (-1.0, "C")], o.Terms);
        Assert.Equal(823.15, DesignLimit.Convert(l.Minimum!.Value, "K"), 9);
        Assert.Equal(650, DesignLimit.Convert(l.Maximum!.Value, "degC"), 9);
        Assert.Equal(0.45, DesignLimit.Convert(DesignLimit.Parse("C<=0.45 wt%").Maximum!.Value, "wt%"), 12);
        Assert.Equal(0.45, DesignLimit.Convert(DesignLimit.Parse("C<=0.45").Maximum!.Value, "wt%"), 12);
    }

    [Fact]
    public void DesignSpec_Load_CommittedGoalsFile()
    {
        var spec = DesignSpec.Load(GoalsFile);

        Assert.Equal("fatigue_strength", spec.Goals.Single().Property);
        Assert.False(spec.Objectives.Single().Maximise);
        Assert.Equal(TestScenes.ModelFolder, spec.Model);
        Assert.Equal(3, spec.Next);
    }

    /// <summary>
    /// The design loop on the committed NIMS model: fatigue strength >= 600 MPa, minimise Cr + Mo + Ni,
    /// tempering 550-650 degC. Every listed candidate respects the limit, lies in the model's domain,
    /// meets the goal with probability >= 0.5 (recomputed from its predicted distribution), belongs to
    /// the Pareto set, and no listed candidate dominates another.
    /// </summary>
    [Fact]
    public void Run_NimsGoals_ParetoCandidatesWithinLimitsAndDomain()
    {
        var spec = DesignSpec.Load(GoalsFile) with { Population = 800, Generations = 3 };
        var model = new PropertyModelDesignModel(Nims.Value);

        var result = InverseDesigner.Run(model, spec);

        var names = model.Features.Select(f => f.Name).ToList();
        int T(string n) => names.IndexOf(n);
        output.WriteLine($"{result.Evaluated} evaluated, {result.Feasible} feasible");
        Assert.NotEmpty(result.Candidates);
        Assert.All(result.Candidates, c =>
        {
            Assert.InRange(c.Variables[T("tempering_temperature")], 550 - 1e-9, 650 + 1e-9);
            Assert.True(model.Domain.Check(c.Variables).InDomain);
            Assert.True(c.JointProbability >= 0.5);
            Assert.Equal(1, c.ParetoRank);
            var p = c.Predictions["fatigue_strength"];
            Assert.Equal(NormalDistribution.Cdf((p.Mean - 600) / p.EquivalentStandardDeviation), c.GoalProbabilities[0], 9);
            Assert.Equal(c.Variables[T("Cr")] + c.Variables[T("Mo")] + c.Variables[T("Ni")], c.Objectives[0], 9);
        });
        var criteria = result.Candidates.Select(c => new[] { c.JointProbability, -c.Objectives[0] }).ToArray();
        Assert.All(criteria, a => Assert.DoesNotContain(criteria, b => ParetoRanking.Dominates(b, a)));
        Assert.Equal(3, result.Next.Count);
        Assert.All(result.Next, c => Assert.True(c.ExpectedImprovement > 0));
    }

    [Fact]
    public void Run_LimitOutsideTheTrainingRange_IsRefused()
    {
        var spec = new DesignSpec { Goals = [DesignGoal.Parse("fatigue_strength >= 600 MPa")], Limits = [DesignLimit.Parse("tempering_temperature=200..300 degC")] };

        var e = Assert.Throws<FormatException>(() => InverseDesigner.Run(new PropertyModelDesignModel(Nims.Value), spec));

        Assert.Contains("outside the training range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownVariable_ListsTheVariables()
    {
        var spec = new DesignSpec { Objectives = [DesignObjective.Parse("Cr + W", maximise: false)] };

        var e = Assert.Throws<FormatException>(() => InverseDesigner.Run(new PropertyModelDesignModel(Nims.Value), spec));

        Assert.Contains("'W'", e.Message, StringComparison.Ordinal);
        Assert.Contains("tempering_temperature", e.Message, StringComparison.Ordinal);
    }
}

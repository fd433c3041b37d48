using System.Globalization;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Materials.Numerics;
using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Design;

/// <summary>
/// Inverse design: searches composition and process within the training data's domain for
/// candidates that meet goals on predicted properties with high probability and are best in the
/// objectives; several goals and objectives give a Pareto set. Optionally proposes the next
/// experiments by expected improvement.
/// </summary>
/// <remarks>
/// <para>Search: candidates are drawn from a normal distribution with the training data's mean and
/// (shrunk) correlation, clipped to the training ranges and the limits; only candidates inside the
/// applicability domain are kept. Then, for a few generations, the best candidates are mutated and
/// crossed (convex combinations, which keep fractions that add to one) and the new ones that stay
/// in the domain are evaluated.</para>
/// <para>Probability of meeting a goal: the predicted distribution taken as normal with the
/// interval's equivalent standard deviation; the joint probability takes goals as independent.</para>
/// <para>Ranking: candidates with joint probability below <see cref="DesignSpec.MinimumProbability"/>
/// are infeasible; feasible ones are ranked by Pareto rank over (goal probabilities, objectives),
/// then joint probability, then the first objective. When the Pareto set holds more candidates than
/// asked for, the list samples it evenly from its most probable to its least probable end.
/// Deterministic for a given seed.</para>
/// </remarks>
public static class InverseDesigner
{
    /// <summary>Runs the search.</summary>
    /// <param name="model">What to search over.</param>
    /// <param name="spec">Goals, objectives, limits, sizes.</param>
    /// <param name="bestObserved">Best measured value of the improvement property, for next experiments (NaN if unknown).</param>
    /// <param name="log">Receives progress lines; may be null.</param>
    /// <exception cref="FormatException">A goal, objective or limit names something the model does not have.</exception>
    public static DesignResult Run(IDesignModel model, DesignSpec spec, double bestObserved = double.NaN, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(spec);
        var problem = new Problem(model, spec, bestObserved);
        var c = CultureInfo.InvariantCulture;
        var rng = new Random(spec.Seed);
        var all = new List<Evaluated>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        var first = problem.Evaluate(problem.SampleInitial(rng, spec.Population), seen);
        all.AddRange(first);
        log?.Invoke(string.Create(c, $"generation 0: {first.Count} in-domain candidates"));
        for (var g = 1; g <= spec.Generations; g++)
        {
            var elite = problem.Rank(all).Take(Math.Max(20, spec.Population / 10)).ToArray();
            if (elite.Length < 2)
            {
                break;
            }

            var children = new List<double[]>();
            for (var k = 0; k < spec.Population / 2; k++)
            {
                var a = elite[rng.Next(elite.Length)].X;
                var child = rng.NextDouble() < 0.5
                    ? problem.Crossover(a, elite[rng.Next(elite.Length)].X, rng)
                    : problem.Mutate(a, rng);
                children.Add(child);
            }

            var evaluated = problem.Evaluate(children, seen);
            all.AddRange(evaluated);
            log?.Invoke(string.Create(c, $"generation {g}: {evaluated.Count} new in-domain candidates"));
        }

        var ranked = problem.Rank(all);
        var feasible = ranked.Count(e => e.Rank < int.MaxValue);
        var notes = new List<string>(problem.Notes);
        if (feasible == 0)
        {
            notes.Add(string.Create(c, $"no candidate meets the goals with joint probability >= {spec.MinimumProbability:G3}; the list shows the most probable ones"));
        }

        // A Pareto set larger than the list is shown spread evenly along it (both ends included), not only its most probable end.
        var front = ranked.TakeWhile(e => e.Rank == 1).ToList();
        var chosen = front.Count > spec.Candidates && spec.Candidates > 1
            ? [.. Enumerable.Range(0, spec.Candidates).Select(k => front[(int)Math.Round(k * (front.Count - 1.0) / (spec.Candidates - 1))]).Distinct()]
            : ranked.Take(spec.Candidates).ToList();
        var candidates = chosen.Select(e => problem.ToCandidate(e, double.NaN)).ToArray();
        var next = Array.Empty<DesignCandidate>();
        if (spec.Next > 0)
        {
            if (double.IsNaN(problem.Best))
            {
                notes.Add("next experiments need the best observed value: give data (--data, --mapping) or best_observed");
            }
            else
            {
                var pool = all.Where(e => !double.IsNaN(e.Improve.Mean)).ToArray();
                var picks = ExpectedImprovement.SelectBatch([.. pool.Select(e => e.Improve)], problem.Best, spec.Next, problem.ImproveMaximise,
                    [.. pool.Select(e => problem.Standardise(e.X))], minimumDistance: 0.5);
                next = [.. picks.Select(i => problem.ToCandidate(pool[i], ExpectedImprovement.Of(pool[i].Improve, problem.Best, problem.ImproveMaximise)))];
            }
        }

        return new DesignResult(spec, model.Features, problem.Properties.ToDictionary(p => p, model.Unit, StringComparer.Ordinal), model.Source,
            candidates, next, all.Count, feasible, problem.Best, notes);
    }

    /// <summary>An evaluated candidate.</summary>
    private sealed record Evaluated(double[] X, Dictionary<string, EnsemblePrediction> Predictions, double[] GoalP, double Joint, double[] Objectives,
        double[] Criteria, double Distance, EnsemblePrediction Improve)
    {
        public int Rank { get; set; } = int.MaxValue;
    }

    /// <summary>The design problem resolved against a model: bounds, fixed and binary variables, balance, properties.</summary>
    private sealed class Problem
    {
        private readonly IDesignModel _model;
        private readonly DesignSpec _spec;
        private readonly double[] _lo;
        private readonly double[] _hi;
        private readonly double[] _mean;
        private readonly double[] _sd;
        private readonly bool[] _binary;
        private readonly bool[] _fixed;
        private readonly int _balance = -1;
        private readonly int[] _fractionGroup;
        private readonly DenseCholesky _correlation;
        private readonly (double Coefficient, int Variable, string? Property)[][] _objectiveTerms;
        private readonly double[] _goalThresholds;

        public Problem(IDesignModel model, DesignSpec spec, double bestObserved)
        {
            _model = model;
            _spec = spec;
            var d = model.Domain;
            var p = d.FeatureCount;
            _lo = [.. d.Minimum];
            _hi = [.. d.Maximum];
            _mean = [.. d.Mean];
            _sd = [.. d.StandardDeviation];
            _binary = new bool[p];
            _fixed = new bool[p];
            var features = model.Features;
            for (var j = 0; j < p; j++)
            {
                var name = features[j].Name;
                _binary[j] = _lo[j] == 0 && _hi[j] == 1 && (name.Contains(':', StringComparison.Ordinal) || name.Contains('=', StringComparison.Ordinal));
            }

            foreach (var limit in spec.Limits)
            {
                var j = Resolve(limit.Variable) ?? throw new FormatException($"limit '{limit.Text}': no design variable '{limit.Variable}' (variables: {VariableList()})");
                var unit = features[j].Unit;
                var lo = limit.Minimum is { } mn ? DesignLimit.Convert(mn, unit) : double.NegativeInfinity;
                var hi = limit.Maximum is { } mx ? DesignLimit.Convert(mx, unit) : double.PositiveInfinity;
                var c = CultureInfo.InvariantCulture;
                if (lo > _hi[j] + 1e-9 || hi < _lo[j] - 1e-9)
                {
                    throw new FormatException(string.Create(c,
                        $"limit '{limit.Text}' lies outside the training range of {features[j].Name} [{_lo[j]:G4}, {_hi[j]:G4}] {unit}; the model cannot predict there"));
                }

                if (lo < _lo[j] - 1e-9 || hi > _hi[j] + 1e-9)
                {
                    Notes.Add(string.Create(c, $"limit '{limit.Text}' reaches beyond the training range of {features[j].Name} [{_lo[j]:G4}, {_hi[j]:G4}] {unit}; the search stays inside it"));
                }

                _lo[j] = Math.Max(_lo[j], lo);
                _hi[j] = Math.Min(_hi[j], hi);
                _fixed[j] = _hi[j] - _lo[j] <= 1e-12 * Math.Max(1, Math.Abs(_hi[j]));
            }

            // Fractions of one basis add to one: the majority element (largest mean) is the balance.
            _fractionGroup = new int[p];
            var bestMean = double.NegativeInfinity;
            for (var j = 0; j < p; j++)
            {
                var n = features[j].Name;
                _fractionGroup[j] = n.StartsWith("x_", StringComparison.Ordinal) ? 1 : n.StartsWith("w_", StringComparison.Ordinal) ? 2 : 0;
                if (_fractionGroup[j] != 0 && (_balance < 0 || _fractionGroup[j] == _fractionGroup[_balance]) && _mean[j] > bestMean)
                {
                    bestMean = _mean[j];
                    _balance = j;
                }
            }

            var corr = new double[p * p];
            for (var a = 0; a < p; a++)
            {
                for (var b = 0; b < p; b++)
                {
                    corr[(a * p) + b] = d.Correlation[a][b];
                }
            }

            _correlation = DenseCholesky.Of(corr, p);

            var properties = new List<string>();
            void Need(string property)
            {
                if (!model.Properties.Contains(property))
                {
                    throw new FormatException($"the model does not predict '{property}' (it predicts: {string.Join(", ", model.Properties)})");
                }

                if (!properties.Contains(property))
                {
                    properties.Add(property);
                }
            }

            _goalThresholds = new double[spec.Goals.Count];
            for (var g = 0; g < spec.Goals.Count; g++)
            {
                Need(spec.Goals[g].Property);
                _goalThresholds[g] = spec.Goals[g].ThresholdIn(Core.Units.Unit.Parse(model.Unit(spec.Goals[g].Property)));
            }

            _objectiveTerms = new (double, int, string?)[spec.Objectives.Count][];
            for (var o = 0; o < spec.Objectives.Count; o++)
            {
                _objectiveTerms[o] = [.. spec.Objectives[o].Terms.Select(t =>
                {
                    if (model.Properties.Contains(t.Name))
                    {
                        Need(t.Name);
                        return (t.Coefficient, -1, (string?)t.Name);
                    }

                    var j = Resolve(t.Name) ?? throw new FormatException($"objective '{spec.Objectives[o].Text}': '{t.Name}' is neither a property ({string.Join(", ", model.Properties)}) nor a design variable ({VariableList()})");
                    return (t.Coefficient, j, (string?)null);
                })];
            }

            ImproveProperty = spec.Improve ?? (spec.Goals.Count > 0 ? spec.Goals[0].Property : model.Properties[0]);
            Need(ImproveProperty);
            ImproveMaximise = spec.Goals.FirstOrDefault(g => g.Property == ImproveProperty)?.Direction != GoalDirection.AtMost;
            Best = bestObserved;
            if (double.IsNaN(Best) && spec.BestObserved is { } text)
            {
                Best = DesignGoal.Parse($"{ImproveProperty} >= {text}").ThresholdIn(Core.Units.Unit.Parse(model.Unit(ImproveProperty)));
            }

            Properties = properties;
        }

        public List<string> Notes { get; } = [];

        public IReadOnlyList<string> Properties { get; }

        public string ImproveProperty { get; }

        public bool ImproveMaximise { get; }

        public double Best { get; }

        public List<double[]> SampleInitial(Random rng, int count)
        {
            var p = _lo.Length;
            var result = new List<double[]>(count);
            var z = new double[p];
            var lz = new double[p];
            for (var attempt = 0; attempt < count; attempt++)
            {
                for (var j = 0; j < p; j++)
                {
                    z[j] = Gaussian(rng);
                }

                _correlation.LowerTimes(z, lz);
                var x = new double[p];
                for (var j = 0; j < p; j++)
                {
                    x[j] = _mean[j] + (_sd[j] * lz[j]);
                }

                // A few candidates spread uniformly over the box, for corners the normal rarely reaches.
                if (attempt % 10 == 0)
                {
                    for (var j = 0; j < p; j++)
                    {
                        x[j] = _lo[j] + (rng.NextDouble() * (_hi[j] - _lo[j]));
                    }
                }

                result.Add(Repair(x));
            }

            return result;
        }

        public double[] Mutate(double[] parent, Random rng)
        {
            var x = (double[])parent.Clone();
            var changes = 1 + rng.Next(3);
            for (var k = 0; k < changes; k++)
            {
                var j = rng.Next(x.Length);
                x[j] += 0.15 * _sd[j] * Gaussian(rng);
            }

            return Repair(x);
        }

        public double[] Crossover(double[] a, double[] b, Random rng)
        {
            var u = rng.NextDouble();
            var x = new double[a.Length];
            for (var j = 0; j < x.Length; j++)
            {
                x[j] = (u * a[j]) + ((1 - u) * b[j]);
            }

            return rng.NextDouble() < 0.5 ? Mutate(x, rng) : Repair(x);
        }

        public double[] Standardise(double[] x)
        {
            var z = new double[x.Length];
            for (var j = 0; j < x.Length; j++)
            {
                z[j] = (x[j] - _mean[j]) / _sd[j];
            }

            return z;
        }

        public List<Evaluated> Evaluate(List<double[]> candidates, HashSet<string> seen)
        {
            var keep = new List<(double[] X, double Distance)>();
            foreach (var x in candidates)
            {
                if (!Valid(x) || !seen.Add(Key(x)))
                {
                    continue;
                }

                var check = _model.Domain.Check(x);
                if (check.InDomain)
                {
                    keep.Add((x, check.Distance));
                }
            }

            var result = new List<Evaluated>(keep.Count);
            if (keep.Count == 0)
            {
                return result;
            }

            var rows = keep.Select(k => k.X).ToArray();
            var predictions = new Dictionary<string, EnsemblePrediction[]>(StringComparer.Ordinal);
            foreach (var property in Properties.Append(ImproveProperty).Distinct())
            {
                predictions[property] = _model.Predict(property, rows);
            }

            for (var i = 0; i < rows.Length; i++)
            {
                var pred = predictions.ToDictionary(kv => kv.Key, kv => kv.Value[i], StringComparer.Ordinal);
                var goalP = new double[_spec.Goals.Count];
                var joint = 1.0;
                for (var g = 0; g < goalP.Length; g++)
                {
                    var e = pred[_spec.Goals[g].Property];
                    var sigma = Math.Max(e.EquivalentStandardDeviation, 1e-12);
                    var z = (e.Mean - _goalThresholds[g]) / sigma;
                    goalP[g] = _spec.Goals[g].Direction == GoalDirection.AtLeast ? NormalDistribution.Cdf(z) : NormalDistribution.Cdf(-z);
                    joint *= goalP[g];
                }

                var objectives = new double[_objectiveTerms.Length];
                var criteria = new List<double>(goalP);
                for (var o = 0; o < objectives.Length; o++)
                {
                    foreach (var (coefficient, j, property) in _objectiveTerms[o])
                    {
                        objectives[o] += coefficient * (property is null ? rows[i][j] : pred[property].Mean);
                    }

                    criteria.Add(_spec.Objectives[o].Maximise ? objectives[o] : -objectives[o]);
                }

                result.Add(new Evaluated(rows[i], pred, goalP, joint, objectives, [.. criteria], keep[i].Distance, pred[ImproveProperty]));
            }

            return result;
        }

        public List<Evaluated> Rank(List<Evaluated> all)
        {
            var feasible = all.Where(e => e.Joint >= _spec.MinimumProbability).ToList();
            foreach (var e in all)
            {
                e.Rank = int.MaxValue;
            }

            var ranks = ParetoRanking.Rank([.. feasible.Select(e => e.Criteria)]);
            for (var i = 0; i < feasible.Count; i++)
            {
                feasible[i].Rank = ranks[i];
            }

            var firstObjective = _spec.Goals.Count;
            return [.. all.OrderBy(e => e.Rank).ThenByDescending(e => e.Joint).ThenByDescending(e => e.Criteria.Length > firstObjective ? e.Criteria[firstObjective] : 0)];
        }

        public DesignCandidate ToCandidate(Evaluated e, double ei) =>
            new(e.X, e.Predictions, e.GoalP, e.Joint, e.Objectives, e.Rank == int.MaxValue ? 0 : e.Rank, e.Distance, ei);

        private double[] Repair(double[] x)
        {
            for (var j = 0; j < x.Length; j++)
            {
                x[j] = _fixed[j] ? _lo[j] : Math.Clamp(x[j], _lo[j], _hi[j]);
                if (_binary[j])
                {
                    x[j] = x[j] >= 0.5 ? 1 : 0;
                }
            }

            if (_balance >= 0 && !_fixed[_balance])
            {
                double others = 0;
                for (var j = 0; j < x.Length; j++)
                {
                    if (j != _balance && _fractionGroup[j] == _fractionGroup[_balance])
                    {
                        others += x[j];
                    }
                }

                x[_balance] = 1 - others;
            }

            return x;
        }

        private bool Valid(double[] x)
        {
            for (var j = 0; j < x.Length; j++)
            {
                if (x[j] < _lo[j] - 1e-9 || x[j] > _hi[j] + 1e-9)
                {
                    return false;
                }
            }

            return true;
        }

        private string Key(double[] x) => string.Join(",", x.Select((v, j) => Math.Round((v - _lo[j]) / Math.Max(1e-12, _sd[j]), 3).ToString("R", CultureInfo.InvariantCulture)));

        private int? Resolve(string name)
        {
            var features = _model.Features;
            var wanted = name.Replace('.', '_');
            for (var j = 0; j < features.Count; j++)
            {
                var f = features[j].Name;
                if (f == name || f.Replace('.', '_') == wanted || f == "x_" + name || f == "w_" + name)
                {
                    return j;
                }
            }

            return null;
        }

        private string VariableList() => string.Join(", ", _model.Features.Select(f => f.Name));

        private static double Gaussian(Random rng)
        {
            // Box-Muller.
            var u1 = 1.0 - rng.NextDouble();
            var u2 = rng.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }
    }
}

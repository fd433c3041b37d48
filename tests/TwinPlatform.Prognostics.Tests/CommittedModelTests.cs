using Microsoft.ML;
using Microsoft.ML.Data;
using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Evaluation;
using TwinPlatform.Prognostics.Features;
using TwinPlatform.Prognostics.Fleet;
using TwinPlatform.Prognostics.Models;
using TwinPlatform.Prognostics.Training;
using TwinPlatform.Simulation.Constitutive;

namespace TwinPlatform.Prognostics.Tests;

/// <summary>The committed model against its own model card, and the online twin against batch scoring. No training.</summary>
public sealed class CommittedModelTests
{
    private static readonly Lazy<RulModel> Model = new(() => RulModel.Load(CmapssPaths.Model));
    private static readonly Lazy<CmapssDataSet> TestSet = new(() => CmapssReader.Read(CmapssPaths.Test));
    private static readonly Lazy<int[]> TrueRul = new(() => CmapssReader.ReadRemainingUsefulLife(CmapssPaths.Rul));

    [Fact]
    public void CompiledTrees_EqualMlNetScoring_OnEveryTestCycle()
    {
        // The flattened, branch-free walk against ML.NET's own pipeline on the same zip: every member,
        // every cycle of the FD001 test engines (13 096 feature vectors).
        var model = Model.Value;
        var set = TrainingSet.Build(TestSet.Value, model.Layout.Options);
        var inputs = RulModel.ResolveInputs(model.Layout, model.Manifest.Features, "model.json");
        var full = new double[model.Layout.Count];
        var rows = new TrainingRow[set.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            set.Row(r).CopyTo(full);
            model.HealthIndicator.Project(model.Layout, full);
            rows[r] = new TrainingRow { Features = [.. inputs.Select(j => (float)full[j])] };
        }

        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, inputs.Length);
        var ml = RulModel.NewContext(0);
        foreach (var member in model.Manifest.Members)
        {
            var zip = Path.Combine(CmapssPaths.Model, member.File);
            var transformer = ml.Model.Load(zip, out _);
            var compiled = RulModel.Compile(transformer, zip);
            Assert.Equal(member.Trees, compiled.TreeCount);
            var scores = transformer.Transform(ml.Data.LoadFromEnumerable(rows, schema)).GetColumn<float>("Score").ToArray();
            for (var r = 0; r < rows.Length; r++)
            {
                // ML.NET sums the trees in double and hands out a float.
                Assert.Equal(scores[r], (float)compiled.Evaluate(rows[r].Features));
            }

            // Many rows at once, in blocks of uneven sizes, give each row's own walk to the last bit.
            var stride = inputs.Length;
            var flat = rows.SelectMany(r => r.Features).ToArray();
            var many = new double[rows.Length];
            for (int start = 0, size = 1; start < rows.Length; start += size, size = (size % 37) + 1)
            {
                var n = Math.Min(size, rows.Length - start);
                compiled.EvaluateMany(flat.AsSpan(start * stride, n * stride), stride, many.AsSpan(start, n));
            }

            for (var r = 0; r < rows.Length; r++)
            {
                Assert.Equal(compiled.Evaluate(rows[r].Features), many[r]);
            }
        }
    }

    [Fact]
    public void Refresh_ManyEnginesAtOnce_EqualsReadingEachEstimate()
    {
        var model = Model.Value;
        var engines = TestSet.Value.Engines;
        var batched = engines.Select(_ => model.CreateEngine()).ToArray();
        var single = engines.Select(_ => model.CreateEngine()).ToArray();
        for (var k = 0; k < 40; k++)
        {
            for (var e = 0; e < engines.Count; e++)
            {
                // Engines that have ended, or that get a cycle only every other round, stay up to date and are skipped.
                if (k < engines[e].CycleCount && (e % 3 != 0 || k % 2 == 0))
                {
                    batched[e].Add(k + 1, engines[e].SettingsAt(k), engines[e].SensorsAt(k));
                    single[e].Add(k + 1, engines[e].SettingsAt(k), engines[e].SensorsAt(k));
                }
            }

            EnginePrognosis.Refresh(batched);
            for (var e = 0; e < engines.Count; e++)
            {
                Assert.False(batched[e].IsStale);
                Assert.Equal(single[e].Current, batched[e].Current);
            }
        }
    }

    [Fact]
    public void TestSet_RecomputedFigures_EqualTheModelCard()
    {
        var model = Model.Value;
        var card = model.Manifest.Test ?? throw new InvalidOperationException("the committed manifest has no test figures");
        var m = RulTrainer.EvaluateAtLastCycle(model, TestSet.Value, TrueRul.Value);
        Assert.Equal(card.LastCycle.Count, m.Count);
        Assert.Equal(card.LastCycle.Rmse, m.Rmse, 9);
        Assert.Equal(card.LastCycle.Phm08Score, m.Phm08Score, 6);
        Assert.Equal(card.LastCycle.Coverage, m.Coverage, 12);
        Assert.Equal(card.LastCycle.MeanIntervalWidth, m.MeanIntervalWidth, 9);
    }

    [Fact]
    public void ModelCard_FiguresInTheMarkdown_MatchTheManifest()
    {
        var card = File.ReadAllText(Path.Combine(CmapssPaths.Model, "MODEL_CARD.md"));
        var t = Model.Value.Manifest.Test!.LastCycle;
        Assert.Contains(FormattableString.Invariant($"| {t.Count} | {t.Rmse:F2} | {t.Mae:F2} | {t.Bias:F2} | {t.Phm08Score:F1} | {t.Coverage:F2} |"), card, StringComparison.Ordinal);
    }

    [Fact]
    public void EngineTwin_CycleByCycle_EqualsBatchFeaturesAndPrediction()
    {
        // Batch: the feature table of whole trajectories (TrainingSet) scored row by row. Online: one
        // twin per engine fed one cycle at a time. Both must agree at every cycle of every engine.
        var model = Model.Value;
        var test = TestSet.Value;
        var batch = TrainingSet.Build(test, model.Layout.Options);
        var row = new double[model.Layout.Count];
        var scratch = new float[model.InputCount];
        var r = 0;
        foreach (var engine in test.Engines.Take(20))
        {
            var twin = model.CreateEngine();
            for (var k = 0; k < engine.CycleCount; k++, r++)
            {
                var online = twin.Update(k + 1, engine.SettingsAt(k), engine.SensorsAt(k));
                batch.Row(r).CopyTo(row);
                model.HealthIndicator.Project(model.Layout, row);
                var expected = model.PredictMean(row, scratch);
                Assert.Equal(expected, online.RemainingUsefulLifeCycles.Mean, 9);
                Assert.Equal(row[model.Layout.HealthIndicatorOffset + (int)SensorStatistic.Mean], online.HealthIndicator, 9);
                var (lo, hi) = model.Bands.Interval(expected);
                Assert.Equal(Math.Max(0, lo), online.RemainingUsefulLifeCycles.Lower, 9);
                Assert.Equal(Math.Min(model.CapCycles, hi), online.RemainingUsefulLifeCycles.Upper, 9);
            }
        }
    }

    [Fact]
    public void FleetReplay_Interleaved_EqualsEnginePerEngineEvaluation()
    {
        var model = Model.Value;
        var rom = BladeRom.Build(new BladeDescription { SpanElements = 4 }, new IsotropicElastic(200e9, 0.29, 8190), 900);
        var passport = Materials.Passports.MaterialPassport.FromJson(File.ReadAllText(Path.Combine(CmapssPaths.Scene, "inconel718.passport.json")));
        var channel9 = new SensorChannel(8, "rpm", 1, 0);
        var channel3 = new SensorChannel(2, "degR", 5.0 / 9.0, 0);
        var replay = TurbofanFleetReplay.Run(TestSet.Value, TrueRul.Value, model, rom, new BladeMaterial(passport), channel9, channel3, [1]);
        var batch = RulTrainer.EvaluateAtLastCycle(model, TestSet.Value, TrueRul.Value);
        Assert.Equal(batch, replay.Metrics);
        Assert.Equal(TestSet.Value.RowCount, replay.Cycles);
        Assert.Single(replay.Histories);
        Assert.Equal(TestSet.Value.Engines[0].CycleCount, replay.Histories[0].Blade.Count);
    }
}

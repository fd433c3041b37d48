using System.Globalization;
using System.Text;
using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Tools.Trainer;

/// <summary>Writes MODEL_CARD.md from a trained model's manifest and its held-out check.</summary>
internal static class ModelCard
{
    public static string Build(PropertyModel model, IReadOnlyList<HoldoutCheck> holdout, string command, long sizeInBytes)
    {
        var m = model.Manifest;
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void L(string line = "") => sb.Append(line).Append('\n');

        L($"# Model card: {m.Id}");
        L();
        L(m.Description);
        L();
        L($"- Trained: {m.Trained.ToString("yyyy-MM-dd", c)} (deterministic: seed {m.Ensemble.Seed.ToString(c)}, fold seed {(m.CrossValidation?.Seed ?? 0).ToString(c)})");
        L($"- Algorithm: {m.Algorithm}");
        L($"- Featuriser: `{m.Featurizer}` (TwinPlatform.Materials.Features.NimsSteelFeaturizer)");
        L($"- Files: `model.json` (manifest), {string.Join(", ", m.Properties.Select(p => $"`{p.File}`"))}; {(sizeInBytes / 1024.0).ToString("F0", c)} KiB in all");
        L($"- Command (from the repository root): `{command}`");
        L();
        L("## Data");
        L();
        L($"- Source: `{m.Data.File}` (not in this repository; the shared reference data `../shared/data/materials/`).");
        L($"- Citation: {m.Data.Citation}.");
        L($"- Training set: {m.Data.Rows.ToString(c)} rows from {m.Data.Groups.ToString(c)} heats. A heat ({m.Data.Grouping}) appears with several tempering temperatures.");
        if (m.Data.Holdout is { } h)
        {
            L($"- Held out of all training and cross-validation: heat `{h.Selector}`, {h.Rows.ToString(c)} rows (file lines {string.Join(", ", h.Lines)}).");
            L($"  Why: {h.Reason}.");
        }

        L();
        L("## Features (input order)");
        L();
        L("| # | name | unit | table column | training range | scene source |");
        L("|---|---|---|---|---|---|");
        for (var i = 0; i < m.Features.Count; i++)
        {
            var f = m.Features[i];
            L($"| {i.ToString(c)} | `{f.Name}` | {f.Unit} | {f.SourceColumn} | {f.Minimum.ToString("G4", c)} - {f.Maximum.ToString("G4", c)} | {f.Description} |");
        }

        L();
        L("## Outputs and uncertainty");
        L();
        L("| property | unit | members | conformal quantile q | scale offset | calibration rows |");
        L("|---|---|---|---|---|---|");
        foreach (var p in m.Properties)
        {
            L($"| `{p.Name}` | {p.Unit} (SI Pa in passports) | {p.EnsembleSize.ToString(c)} | {p.Calibration.Quantile.ToString("F3", c)} | {p.Calibration.ScaleOffset.ToString("F2", c)} {p.Unit} | {p.Calibration.CalibrationCount.ToString(c)} |");
        }

        L();
        L($"Mean = ensemble mean. {(m.Ensemble.Level * 100).ToString("G3", c)}% interval = mean ± q (s + offset), s = spread of the members at the query;");
        L("q is the conformal quantile of out-of-bag scores |y - mean_oob| / (s_oob + offset) with members bootstrapped by heat (so out of bag means an unseen heat).");
        L("The standard deviation in a passport is the half-width divided by 1.645 (normal equivalent of the 90% interval).");
        L();
        L("## Cross-validation");
        L();
        if (m.CrossValidation is { } cv)
        {
            L($"Protocol: {cv.Folds.ToString(c)}-fold {cv.Protocol}.");
            L();
            L("| property | MAE | RMSE | R² | 90% coverage | mean interval width | coverage per fold |");
            L("|---|---|---|---|---|---|---|");
            foreach (var p in m.Properties)
            {
                if (p.CrossValidation is { } r)
                {
                    L($"| `{p.Name}` | {r.MeanAbsoluteError.ToString("F1", c)} {p.Unit} | {r.RootMeanSquareError.ToString("F1", c)} {p.Unit} | {r.RSquared.ToString("F3", c)} | {r.Coverage.ToString("F3", c)} | {r.MeanWidth.ToString("F1", c)} {p.Unit} | {string.Join(" ", (p.FoldCoverage ?? []).Select(x => x.ToString("F2", c)))} |");
                }
            }
        }
        else
        {
            L("Not run for this model.");
        }

        if (holdout.Count > 0)
        {
            L();
            L("## Held-out heat (final model, never trained on it)");
            L();
            L("| file line | tempering | property | measured | predicted mean | 90% interval | inside |");
            L("|---|---|---|---|---|---|---|");
            foreach (var row in holdout)
            {
                foreach (var (property, measured, p) in row.Values)
                {
                    L($"| {row.Line.ToString(c)} | {row.TemperingCelsius.ToString("F0", c)} degC | `{property}` | {measured.ToString("F0", c)} MPa | {p.Mean.ToString("F0", c)} MPa | [{p.Lower.ToString("F0", c)}, {p.Upper.ToString("F0", c)}] | {(p.Covers(measured) ? "yes" : "no")} |");
                }
            }
        }

        L();
        L("## Applicability domain");
        L();
        L($"{char.ToUpperInvariant(m.Domain.Method[0])}{m.Domain.Method[1..]}. Shrinkage {m.Domain.Shrinkage.ToString("G3", c)}, percentile {m.Domain.Percentile.ToString("G3", c)}, threshold {m.Domain.Threshold.ToString("F2", c)}.");
        L("A prediction outside the domain is still returned, flagged `in_domain: false`, with the reason in the passport notes; its interval is not calibrated.");
        L();
        L("## Intended use");
        L();
        L("Screening-level estimates of the rotating-bending fatigue strength at 1e7 cycles and the tensile strength of quenched-and-tempered");
        L("carbon and low-alloy (Cr, Ni-Cr, Cr-Mo, Ni-Cr-Mo) steels in the composition and process ranges above, with an honest 90% interval,");
        L("as the material input of component twins (TwinPlatform material passports) and for material-level validation against lab tests.");
        L();
        L("## Limits");
        L();
        L("- Specimen-level properties of the NIMS test conditions (small smooth rotating-bending specimens, room temperature, fully reversed); not");
        L("  component allowables: size, surface finish, notches, mean stress and environment are not in the model.");
        L("- Every training steel was normalised, quenched and tempered at 550-680 degC; carburised, as-quenched and");
        L("  low-temperature-tempered steels are outside the domain.");
        L($"- {m.Data.Groups.ToString(c)} heats is a small sample; coverage is a marginal average over heats like these, not a guarantee for any one heat.");
        L("- The interval covers heat-to-heat scatter of the data set; it does not include the scatter of a single fatigue test.");
        L("- The Mahalanobis domain test treats the training data as one cloud and can pass a query between two clusters of steels.");
        return sb.ToString();
    }
}

using System.Globalization;
using TwinPlatform.Materials.Data;
using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction.Manifest;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Trains a <see cref="PropertyModel"/> on a data set: per property a grouped cross-validation (for
/// the reported metrics), then the final ensemble on all rows; then the applicability domain.
/// </summary>
public static class PropertyModelTrainer
{
    /// <summary>Trains the model; nothing is written to disk (see <see cref="PropertyModel.Save"/>).</summary>
    public static PropertyModel Train(MaterialDataset data, PropertyModelTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (!FeaturizerCatalog.TryGet(options.Featurizer, out var featurizer))
        {
            throw new ArgumentException($"unknown featuriser '{options.Featurizer}'", nameof(options));
        }

        if (featurizer.Features.Count != data.Features.Count)
        {
            throw new ArgumentException($"the data set has {data.Features.Count} features, featuriser '{featurizer.Id}' gives {featurizer.Features.Count}", nameof(data));
        }

        var c = CultureInfo.InvariantCulture;
        var properties = new List<ManifestProperty>();
        var regressors = new List<ConformalEnsembleRegressor>();
        foreach (var p in data.Properties)
        {
            RegressionMetrics? cvMetrics = null;
            double[]? foldCoverage = null;
            if (options.Folds > 0)
            {
                options.Log?.Invoke($"{p.Name}: grouped {options.Folds}-fold cross-validation ...");
                var cv = GroupedCrossValidation.Run(data, p.Name, options.Ensemble, options.Folds, options.FoldSeed);
                cvMetrics = cv.Metrics;
                foldCoverage = [.. cv.FoldMetrics.Select(m => Math.Round(m.Coverage, 4))];
                options.Log?.Invoke(string.Create(c,
                    $"{p.Name}: MAE {cv.Metrics.MeanAbsoluteError:F1} RMSE {cv.Metrics.RootMeanSquareError:F1} R2 {cv.Metrics.RSquared:F3} coverage {cv.Metrics.Coverage:F3} width {cv.Metrics.MeanWidth:F1} {p.Unit}"));
            }

            options.Log?.Invoke($"{p.Name}: final ensemble of {options.Ensemble.EnsembleSize} on {data.RowCount} rows ...");
            var regressor = ConformalEnsembleRegressor.Fit(data.Rows, data.Target(p.Name), data.Groups, options.Ensemble);
            regressors.Add(regressor);
            properties.Add(new ManifestProperty
            {
                Name = p.Name,
                Unit = p.Unit,
                SourceColumn = p.SourceColumn,
                Description = p.Description,
                File = $"{p.Name}.zip",
                EnsembleSize = regressor.EnsembleSize,
                Calibration = regressor.Calibration,
                CrossValidation = cvMetrics,
                FoldCoverage = foldCoverage,
            });
        }

        var domain = ApplicabilityDomain.Fit(data.Rows, data.Groups, options.DomainShrinkage, options.DomainPercentile);
        var features = new List<ManifestFeature>();
        for (var j = 0; j < data.Features.Count; j++)
        {
            var f = data.Features[j];
            features.Add(new ManifestFeature
            {
                Name = f.Name,
                Unit = f.Unit,
                SourceColumn = f.SourceColumn,
                Description = f.Description,
                Minimum = domain.Minimum[j],
                Maximum = domain.Maximum[j],
                Mean = domain.Mean[j],
                StandardDeviation = domain.StandardDeviation[j],
            });
        }

        var e = options.Ensemble;
        var manifest = new ModelManifest
        {
            Id = options.Id,
            Description = options.Description,
            Featurizer = featurizer.Id,
            Algorithm = string.Create(c,
                $"bagged ML.NET FastTree gradient-boosted trees ({e.EnsembleSize} members bootstrapped by heat, {e.NumberOfTrees} trees x {e.NumberOfLeaves} leaves each); " +
                $"{e.Level * 100:G3}% interval by normalised conformal prediction on out-of-bag residuals"),
            Trained = options.Trained,
            Ensemble = e,
            Data = new ManifestData
            {
                File = options.DataFile,
                Citation = options.Citation,
                Rows = data.RowCount,
                Groups = data.GroupCount,
                Grouping = options.Grouping,
                Kinds = options.DataKinds,
                Holdout = options.Holdout,
            },
            CrossValidation = options.Folds > 0
                ? new ManifestCrossValidation
                {
                    Folds = options.Folds,
                    Seed = options.FoldSeed,
                    Protocol = "grouped k-fold: heats shuffled with the seed and dealt to folds, all rows of a heat in one fold; " +
                               "each fold's ensemble and conformal calibration fitted on the other folds only; metrics pooled over all out-of-fold predictions",
                }
                : null,
            Features = features,
            Domain = new ManifestDomain
            {
                Method = "in domain when every feature lies within its training range and the Mahalanobis distance (standardised features, correlation shrunk towards identity) " +
                         "is at most the given percentile of leave-one-heat-out training distances",
                Shrinkage = domain.Shrinkage,
                Percentile = domain.Percentile,
                Threshold = domain.Threshold,
                Correlation = domain.Correlation,
            },
            Properties = properties,
        };
        return new PropertyModel(manifest, featurizer, regressors);
    }
}

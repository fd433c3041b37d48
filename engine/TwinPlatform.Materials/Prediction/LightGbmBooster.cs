namespace TwinPlatform.Materials.Prediction;

/// <summary>The boosting scheme of LightGBM members of a <see cref="ConformalEnsembleRegressor"/>.</summary>
public enum LightGbmBooster
{
    /// <summary>Plain gradient boosting (gbdt).</summary>
    Gradient,

    /// <summary>
    /// DART: each round drops a random subset of the trees built so far before fitting the next one and rescales
    /// (Rashmi and Gilad-Bachrach, AISTATS 2015); ML.NET's <c>DartBooster</c> with its default drop settings.
    /// </summary>
    Dart,
}

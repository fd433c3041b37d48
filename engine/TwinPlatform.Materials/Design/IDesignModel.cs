using TwinPlatform.Materials.Features;
using TwinPlatform.Materials.Prediction;

namespace TwinPlatform.Materials.Design;

/// <summary>
/// What inverse design searches over: a feature space (the design variables, in the units of
/// <see cref="Features"/>), its applicability domain, and property predictions with intervals.
/// </summary>
/// <remarks>Implementations are safe to call from several threads.</remarks>
public interface IDesignModel
{
    /// <summary>The design variables, in vector order.</summary>
    IReadOnlyList<FeatureDescription> Features { get; }

    /// <summary>The properties it predicts.</summary>
    IReadOnlyList<string> Properties { get; }

    /// <summary>The applicability domain of the training data (ranges, mean, correlation).</summary>
    ApplicabilityDomain Domain { get; }

    /// <summary>Where the predictions come from (model id, data), for reports.</summary>
    string Source { get; }

    /// <summary>The unit of a property's predictions (<c>MPa</c>).</summary>
    string Unit(string property);

    /// <summary>Predicts one property for many candidate vectors.</summary>
    EnsemblePrediction[] Predict(string property, IReadOnlyList<double[]> candidates);
}

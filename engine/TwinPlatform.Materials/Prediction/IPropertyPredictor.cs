using TwinPlatform.Core.Scenes;
using TwinPlatform.Core.Uncertainty;

namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// Predicts material properties with their uncertainty, provenance and applicability-domain flag.
/// </summary>
/// <remarks>Implementations are safe to call from several threads.</remarks>
public interface IPropertyPredictor
{
    /// <summary>Model id, as written in provenance.</summary>
    string ModelId { get; }

    /// <summary>The property names this predictor returns (<see cref="MaterialPropertyNames"/>).</summary>
    IReadOnlyList<string> Properties { get; }

    /// <summary>Predicts every property of <see cref="Properties"/> for a scene material, in SI.</summary>
    /// <exception cref="Core.InputFileException">The material lacks a model input; names the scene file, line and field.</exception>
    IReadOnlyDictionary<string, UncertainQuantity> Predict(MaterialDefinition material);

    /// <summary>Whether the material lies in the model's applicability domain, and if not, why.</summary>
    /// <exception cref="Core.InputFileException">The material lacks a model input.</exception>
    DomainCheck CheckDomain(MaterialDefinition material);
}

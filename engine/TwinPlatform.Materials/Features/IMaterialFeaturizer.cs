using TwinPlatform.Core.Scenes;

namespace TwinPlatform.Materials.Features;

/// <summary>Turns a material of a scene into the input vector of a data-driven property model.</summary>
/// <remarks>Implementations are immutable and safe to share between threads.</remarks>
public interface IMaterialFeaturizer
{
    /// <summary>Identifier written into model manifests (<c>nims-steel-v1</c>).</summary>
    string Id { get; }

    /// <summary>The features in the order of the vector <see cref="Featurize"/> returns.</summary>
    IReadOnlyList<FeatureDescription> Features { get; }

    /// <summary>The feature vector of <paramref name="material"/>, in the units of <see cref="Features"/>.</summary>
    /// <exception cref="Core.InputFileException">The material lacks an input; the message names the scene file, line and field.</exception>
    double[] Featurize(MaterialDefinition material);
}

using TwinPlatform.Core.Scenes;

namespace TwinPlatform.Twins.Systems;

/// <summary>
/// The statics (or dynamics) of one system kind: maps measured system inputs to the loads on its
/// components, and predicts system-level outputs that sensors measure.
/// </summary>
public interface ISystemModel
{
    /// <summary>The system's definition in the scene.</summary>
    SystemDefinition Definition { get; }

    /// <summary>The channels this kind reads as inputs (<c>payload</c>, <c>position</c>).</summary>
    IReadOnlyList<string> InputChannels { get; }

    /// <summary>The channels this kind can predict (<c>midspan_deflection</c>).</summary>
    IReadOnlyList<string> OutputChannels { get; }

    /// <summary>True once every input channel has a value.</summary>
    bool HasInputs { get; }

    /// <summary>Sets the latest value of an input channel, SI, with the sensor's standard uncertainty.</summary>
    void SetInput(string channel, double valueSI, double stdSI);

    /// <summary>The current loads on the components (one per support/load case).</summary>
    IReadOnlyList<ComponentLoad> ComponentLoads();

    /// <summary>The current prediction of an output channel.</summary>
    SystemPrediction Predict(string channel, IComponentCompliance compliance);
}

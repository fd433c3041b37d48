namespace TwinPlatform.Materials.Prediction;

/// <summary>The ML.NET input row: a feature vector and a label (features sized by a schema definition at run time).</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }

    /// <summary>Example weight (1 unless the trainer is told to read it).</summary>
    public float Weight { get; set; } = 1f;
}

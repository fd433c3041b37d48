namespace TwinPlatform.Prognostics.Training;

/// <summary>The ML.NET input row: features (sized by a schema definition at run time), capped RUL and sample weight.</summary>
internal sealed class TrainingRow
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }

    public float Weight { get; set; }
}

namespace TwinPlatform.Materials.Prediction;

/// <summary>A monotone transform of the target a <see cref="RecordModel"/> is fitted on (predictions are transformed back).</summary>
public enum TargetTransform
{
    /// <summary>The target as it is.</summary>
    None,

    /// <summary>Natural logarithm (positive targets only).</summary>
    Log,

    /// <summary>Box-Cox <c>(y^lambda - 1) / lambda</c> with lambda fitted by maximum likelihood on the training targets (positive targets only).</summary>
    BoxCox,
}

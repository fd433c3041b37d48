namespace TwinPlatform.Materials.Prediction.Manifest;

/// <summary>Rows kept out of all training and cross-validation, and why.</summary>
public sealed record ManifestHoldout
{
    /// <summary>The selector as given (<c>C=0.41,Si=0.24,...</c>).</summary>
    public required string Selector { get; init; }

    /// <summary>Number of rows excluded (all rows of the selected heats).</summary>
    public required int Rows { get; init; }

    /// <summary>Lines of the excluded rows in the source file.</summary>
    public required IReadOnlyList<int> Lines { get; init; }

    /// <summary>Why they were held out.</summary>
    public required string Reason { get; init; }
}

namespace TwinPlatform.Prognostics.Models;

/// <summary>The linear health indicator <c>HI = b + Σ w_i (x_i - μ_i) / σ_i</c> in a manifest.</summary>
public sealed record ManifestHealthIndicator
{
    /// <summary>How it was fitted, in words.</summary>
    public required string Fit { get; init; }

    /// <summary>Sensor names, in slot order.</summary>
    public required IReadOnlyList<string> Sensors { get; init; }

    /// <summary>b.</summary>
    public required double Intercept { get; init; }

    /// <summary>μ_i.</summary>
    public required IReadOnlyList<double> Means { get; init; }

    /// <summary>σ_i.</summary>
    public required IReadOnlyList<double> Scales { get; init; }

    /// <summary>w_i.</summary>
    public required IReadOnlyList<double> Weights { get; init; }
}

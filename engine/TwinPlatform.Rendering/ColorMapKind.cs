namespace TwinPlatform.Rendering;

/// <summary>Colour maps for scalar fields.</summary>
public enum ColorMapKind
{
    /// <summary>Matplotlib's viridis: perceptually uniform, readable in grey and by colour-blind viewers; #440154 to #FDE725.</summary>
    Viridis,

    /// <summary>Google's Turbo: an improved rainbow with a smooth lightness profile; #30123B to #7A0403.</summary>
    Turbo,
}

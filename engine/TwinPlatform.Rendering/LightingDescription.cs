namespace TwinPlatform.Rendering;

/// <summary>Blinn-Phong lighting by a headlight: one white directional light at the eye, so nothing faces away from it.</summary>
/// <remarks>
/// A fragment's colour is base x (ambient + diffuse x |n.l|) + specular x |n.h|^shininess with l = h = the
/// direction to the eye. Both sides of a triangle are lit alike, so the triangle winding does not matter.
/// </remarks>
public sealed record LightingDescription
{
    /// <summary>Ambient weight in 0..1. Default 0.3.</summary>
    public double Ambient { get; init; } = 0.3;

    /// <summary>Diffuse weight in 0..1. Default 0.7.</summary>
    public double Diffuse { get; init; } = 0.7;

    /// <summary>Specular (white highlight) weight in 0..1. Default 0.2.</summary>
    public double Specular { get; init; } = 0.2;

    /// <summary>Blinn-Phong exponent; larger is a smaller, sharper highlight. Default 40.</summary>
    public double Shininess { get; init; } = 40;
}

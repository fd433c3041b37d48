namespace TwinPlatform.Core.Scenes;

/// <summary>Mesh settings for a component.</summary>
/// <param name="Order">Element order: 1 (linear) or 2 (quadratic).</param>
/// <param name="SizeM">Target element size, metres.</param>
/// <param name="RefinementM">Optional finer size near named points, metres (0 for none).</param>
public sealed record MeshOptions(int Order, double SizeM, double RefinementM);

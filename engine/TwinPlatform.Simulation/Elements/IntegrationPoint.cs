namespace TwinPlatform.Simulation.Elements;

/// <summary>A quadrature point in natural coordinates of the reference element, with its weight.</summary>
/// <param name="R">First natural coordinate.</param>
/// <param name="S">Second natural coordinate.</param>
/// <param name="T">Third natural coordinate.</param>
/// <param name="Weight">Weight; the weights of a rule sum to the reference element's volume.</param>
public readonly record struct IntegrationPoint(double R, double S, double T, double Weight);

namespace TwinPlatform.Simulation.Results;

/// <summary>Where a point lies in a mesh: the element and its natural coordinates there.</summary>
/// <param name="Element">Global element number.</param>
/// <param name="R">Natural coordinate r.</param>
/// <param name="S">Natural coordinate s.</param>
/// <param name="T">Natural coordinate t.</param>
/// <param name="DistanceM">0 for a point inside; otherwise the (tolerated) distance from the point to the element, metres.</param>
public readonly record struct PointLocation(int Element, double R, double S, double T, double DistanceM);

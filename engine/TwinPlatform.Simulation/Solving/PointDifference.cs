namespace TwinPlatform.Simulation.Solving;

/// <summary>The largest difference of one integration-point table (<c>*EL PRINT</c>) between two solutions.</summary>
/// <param name="Field">"stress" or "heat_flux".</param>
/// <param name="MaxRelative">max over elements, points and components of |other - reference| divided by <paramref name="Scale"/>.</param>
/// <param name="ElementId">Deck element number where the maximum occurs.</param>
/// <param name="Point">1-based integration point where the maximum occurs.</param>
/// <param name="Component">Component index (0-based) where the maximum occurs.</param>
/// <param name="ReferenceValue">Reference value there.</param>
/// <param name="OtherValue">Other solver's value there.</param>
/// <param name="Scale">Largest absolute component of the reference table over the compared points.</param>
/// <param name="ComparedPoints">Points present in both tables (elements with the same point count in both).</param>
public sealed record PointDifference(string Field, double MaxRelative, int ElementId, int Point, int Component, double ReferenceValue, double OtherValue, double Scale, int ComparedPoints);

namespace TwinPlatform.Simulation.Solving;

/// <summary>The largest difference of one nodal field between two solutions.</summary>
/// <param name="Field">Field name (displacement, stress, reaction, temperature, heat_flux).</param>
/// <param name="MaxRelative">max over nodes and components of |other - reference| divided by <paramref name="Scale"/>.</param>
/// <param name="NodeId">Deck node number where the maximum occurs.</param>
/// <param name="Component">Component index (0-based) where the maximum occurs.</param>
/// <param name="ReferenceValue">Reference value of that node and component.</param>
/// <param name="OtherValue">Other solver's value of that node and component.</param>
/// <param name="Scale">Largest absolute component of the reference field over all nodes (the normaliser).</param>
/// <param name="ComparedNodes">Nodes present in both solutions.</param>
public sealed record FieldDifference(string Field, double MaxRelative, int NodeId, int Component, double ReferenceValue, double OtherValue, double Scale, int ComparedNodes);

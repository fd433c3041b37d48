namespace TwinPlatform.Materials.Data;

/// <summary>A target property of a training table.</summary>
/// <param name="Name">Property name (<see cref="MaterialPropertyNames"/>).</param>
/// <param name="Unit">Unit of the table values (<c>MPa</c>); predictions are converted from it to SI.</param>
/// <param name="SourceColumn">Column of the table.</param>
/// <param name="Description">What was measured, and how.</param>
public sealed record PropertyDescription(string Name, string Unit, string SourceColumn, string Description);

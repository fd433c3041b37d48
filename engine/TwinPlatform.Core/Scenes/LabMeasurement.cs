using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;

namespace TwinPlatform.Core.Scenes;

/// <summary>A property measured in a laboratory on the scene's material.</summary>
/// <param name="Property">Property name as the materials layer knows it (<c>tensile_strength</c>).</param>
/// <param name="Value">Measured value (SI).</param>
/// <param name="StandardUncertaintySI">One-sigma measurement uncertainty (SI).</param>
/// <param name="Provenance">Source of the measurement.</param>
public sealed record LabMeasurement(string Property, Quantity Value, double StandardUncertaintySI, Provenance Provenance);

using TwinPlatform.Core.Units;

namespace TwinPlatform.Core.Graph;

/// <summary>A sensor in the graph: what it measures, in which unit on the wire, how well, and where it sits.</summary>
/// <param name="Id">Sensor id, also the feed's channel name.</param>
/// <param name="Quantity">What is measured: <c>strain</c>, <c>force</c>, <c>position</c>, <c>displacement</c>...</param>
/// <param name="Unit">The unit the feed carries values in.</param>
/// <param name="StandardUncertaintySI">One-sigma measurement uncertainty in SI (from the sensor's data sheet or calibration).</param>
/// <param name="Attachment">Component point or system channel.</param>
public sealed record SensorNode(string Id, string Quantity, Unit Unit, double StandardUncertaintySI, SensorAttachment Attachment);

namespace TwinPlatform.Core.Graph;

/// <summary>Where a sensor sits: a point on a component or a channel of a system.</summary>
public abstract record SensorAttachment(TwinId Twin);

/// <summary>A sensor at a point on a component, measuring along a direction (strain gauges, accelerometers).</summary>
/// <param name="Component">The component twin.</param>
/// <param name="Point">The name of the component's point the sensor sits at.</param>
/// <param name="PositionM">Position in the component's frame, metres.</param>
/// <param name="Direction">Unit measuring direction in the component's frame.</param>
public sealed record ComponentPoint(TwinId Component, string Point, Vector3d PositionM, Vector3d Direction) : SensorAttachment(Component);

/// <summary>A sensor reading a named channel of a system (load cell, position encoder, displacement transducer).</summary>
/// <param name="System">The system twin.</param>
/// <param name="Channel">The channel name, for example <c>payload</c>.</param>
public sealed record SystemChannel(TwinId System, string Channel) : SensorAttachment(System);

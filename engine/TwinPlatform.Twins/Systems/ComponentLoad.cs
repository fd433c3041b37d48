namespace TwinPlatform.Twins.Systems;

/// <summary>The load a system puts on one of its components, for one of the component's unit load cases.</summary>
/// <param name="ComponentId">The component.</param>
/// <param name="LoadCase">The component's unit load case this load scales.</param>
/// <param name="ForceN">The load, N (the unit load case is 1 N).</param>
/// <param name="ForceStdN">Its standard uncertainty from the measured system inputs, N.</param>
public readonly record struct ComponentLoad(string ComponentId, string LoadCase, double ForceN, double ForceStdN);

namespace TwinPlatform.Simulation.Input;

/// <summary>A film (convection) condition on a face: q = h (T - T_sink) leaves the body.</summary>
/// <param name="SinkTemperature">Ambient (sink) temperature, deck units.</param>
/// <param name="Coefficient">Film coefficient h, deck units (W/(m^2 K) in SI).</param>
public readonly record struct DeckFilm(double SinkTemperature, double Coefficient);

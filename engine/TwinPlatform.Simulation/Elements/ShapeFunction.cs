namespace TwinPlatform.Simulation.Elements;

/// <summary>Shape functions (n values) and natural derivatives (3 per node: d/dr, d/ds, d/dt) at a natural point.</summary>
internal delegate void ShapeFunction(double r, double s, double t, Span<double> shape, Span<double> naturalDerivatives);

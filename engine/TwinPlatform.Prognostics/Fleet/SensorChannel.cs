using TwinPlatform.Prognostics.Cmapss;

namespace TwinPlatform.Prognostics.Fleet;

/// <summary>
/// One C-MAPSS sensor mapped to a physical quantity: <c>SI = Scale × reading + Offset</c>.
/// </summary>
/// <param name="Sensor">0-based sensor index (0 = s1).</param>
/// <param name="Unit">Unit of the readings as written in the scene (<c>rpm</c>, <c>degR</c>, ...).</param>
/// <param name="Scale">Factor to the twin's unit.</param>
/// <param name="Offset">Offset to the twin's unit.</param>
public readonly record struct SensorChannel(int Sensor, string Unit, double Scale, double Offset)
{
    /// <summary>Sensor name (<c>s9</c>).</summary>
    public string Name => CmapssColumns.SensorName(Sensor);

    /// <summary>The reading of this channel in a cycle's 21 sensors, converted.</summary>
    public double Read(ReadOnlySpan<double> sensors21) => (Scale * sensors21[Sensor]) + Offset;
}

using TwinPlatform.Core.Units;

namespace TwinPlatform.Core.Scenes;

/// <summary>The measured quantities a sensor may declare and their dimensions.</summary>
public static class SensorQuantities
{
    /// <summary>The names, for error messages.</summary>
    public const string Known = "strain, force, position, displacement, temperature, pressure, stress, speed, acceleration, ratio";

    /// <summary>The dimension of a measured quantity name.</summary>
    public static bool TryGetDimension(string measures, out Dimension dimension)
    {
        dimension = measures switch
        {
            "strain" or "ratio" => Dimension.Dimensionless,
            "force" => Dimension.Force,
            "position" or "displacement" => Dimension.Length,
            "temperature" => Dimension.Temperature,
            "pressure" or "stress" => Dimension.Pressure,
            "speed" => Dimension.Frequency,
            "acceleration" => Dimension.Acceleration,
            _ => new Dimension(sbyte.MinValue, 0, 0, 0, 0),
        };
        return dimension.M != sbyte.MinValue;
    }
}

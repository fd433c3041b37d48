namespace TwinPlatform.Prognostics.Blades;

/// <summary>The blade's state after one engine cycle.</summary>
/// <param name="Cycle">Engine cycle.</param>
/// <param name="CoreSpeedRpm">Core speed of the cycle, rpm.</param>
/// <param name="TemperatureK">Metal temperature taken for the cycle, K.</param>
/// <param name="StressPa">Peak stress at the root check point: stress concentration factor × ROM stress, Pa.</param>
/// <param name="YieldStrengthPa">Mean 0.2% yield strength at the temperature, Pa.</param>
/// <param name="Margin">Yield margin of safety: yield / stress - 1 with the mean yield strength.</param>
/// <param name="MarginLower">Yield margin with the lower end of the yield strength's interval (the 5% quantile for a 90% interval).</param>
/// <param name="DamageIncrement">Miner damage of the cycle (one zero-to-peak cycle, Goodman, Basquin).</param>
/// <param name="Damage">Cumulative Miner damage since the twin started; 1 is the predicted fatigue life.</param>
public readonly record struct BladeState(
    int Cycle,
    double CoreSpeedRpm,
    double TemperatureK,
    double StressPa,
    double YieldStrengthPa,
    double Margin,
    double MarginLower,
    double DamageIncrement,
    double Damage);

using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Cmapss;

namespace TwinPlatform.Prognostics.Fleet;

/// <summary>
/// The system twin of one turbofan: its prognosis (health indicator and remaining useful life with an
/// interval, from the learned model) and the component twin of one compressor blade, both updated from
/// the same cycle sample.
/// </summary>
/// <remarks>One instance per engine, addressed by its unit number; updated by one thread at a time. Allocation-free per cycle.</remarks>
public sealed class TurbofanEngineTwin
{
    private readonly SensorChannel _coreSpeed;
    private readonly SensorChannel _temperature;

    /// <summary>Creates the twin of engine <paramref name="unit"/> before its first cycle.</summary>
    public TurbofanEngineTwin(int unit, RulModel model, BladeRom rom, BladeMaterial material, SensorChannel coreSpeed, SensorChannel temperature)
    {
        ArgumentNullException.ThrowIfNull(model);
        Unit = unit;
        Prognosis = model.CreateEngine();
        Blade = new BladeTwin(rom, material);
        _coreSpeed = coreSpeed;
        _temperature = temperature;
    }

    /// <summary>Unit number.</summary>
    public int Unit { get; }

    /// <summary>Health indicator and remaining useful life.</summary>
    public EnginePrognosis Prognosis { get; }

    /// <summary>The compressor blade.</summary>
    public BladeTwin Blade { get; }

    /// <summary>Adds one cycle sample: operating settings and the 21 sensors.</summary>
    /// <remarks>The blade and the prognosis's features are updated now; the remaining useful life is evaluated
    /// when <see cref="EnginePrognosis.Current"/> is read, and is then the estimate after this cycle.</remarks>
    public void Update(int cycle, ReadOnlySpan<double> settings, ReadOnlySpan<double> sensors21)
    {
        if (sensors21.Length != CmapssColumns.SensorCount)
        {
            throw new ArgumentException($"expected {CmapssColumns.SensorCount} sensors, got {sensors21.Length}", nameof(sensors21));
        }

        Prognosis.Add(cycle, settings, sensors21);
        Blade.Update(cycle, _coreSpeed.Read(sensors21), _temperature.Read(sensors21));
    }
}

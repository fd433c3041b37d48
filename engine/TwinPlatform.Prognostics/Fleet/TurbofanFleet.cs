using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Evaluation;

namespace TwinPlatform.Prognostics.Fleet;

/// <summary>
/// The twins of a turbofan fleet, one <see cref="TurbofanEngineTwin"/> per unit, created when the unit's
/// first cycle arrives; keeps the per-cycle histories of the units a scene asks for and scores the
/// final estimates against the truth.
/// </summary>
/// <remarks>
/// Engines are independent, so the order in which cycles of different engines arrive does not change
/// any engine's result; cycles of one engine must arrive in order. Not thread-safe: one feeding loop.
/// </remarks>
public sealed class TurbofanFleet
{
    private readonly RulModel _model;
    private readonly BladeRom _rom;
    private readonly BladeMaterial _material;
    private readonly SensorChannel _coreSpeed;
    private readonly SensorChannel _temperature;
    private readonly HashSet<int> _historyUnits;
    private readonly Dictionary<int, Slot> _engines = [];
    private readonly List<int> _arrival = [];

    /// <summary>Creates an empty fleet.</summary>
    /// <param name="model">The RUL model.</param>
    /// <param name="rom">The blade ROM.</param>
    /// <param name="material">The blade material.</param>
    /// <param name="coreSpeed">Core speed channel (rpm).</param>
    /// <param name="temperature">Blade temperature channel (K).</param>
    /// <param name="historyUnits">Units whose per-cycle history is kept.</param>
    public TurbofanFleet(RulModel model, BladeRom rom, BladeMaterial material, SensorChannel coreSpeed, SensorChannel temperature, IEnumerable<int> historyUnits)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rom);
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(historyUnits);
        _model = model;
        _rom = rom;
        _material = material;
        _coreSpeed = coreSpeed;
        _temperature = temperature;
        _historyUnits = [.. historyUnits];
    }

    /// <summary>The RUL model.</summary>
    public RulModel Model => _model;

    /// <summary>Engines seen so far.</summary>
    public int EngineCount => _engines.Count;

    /// <summary>Units in the order their first cycle arrived.</summary>
    public IReadOnlyList<int> Units => _arrival;

    /// <summary>Engine cycles applied so far, over the fleet.</summary>
    public int Cycles { get; private set; }

    /// <summary>The twin of <paramref name="unit"/>, or null before its first cycle.</summary>
    public TurbofanEngineTwin? Engine(int unit) => _engines.TryGetValue(unit, out var slot) ? slot.Twin : null;

    /// <summary>The first cycle number applied to <paramref name="unit"/> (0 before any).</summary>
    public int FirstCycle(int unit) => _engines.TryGetValue(unit, out var slot) ? slot.FirstCycle : 0;

    /// <summary>Applies one cycle of one engine: operating settings and the 21 sensors in the file's units.</summary>
    /// <returns>The engine's twin after the update.</returns>
    public TurbofanEngineTwin Update(int unit, int cycle, ReadOnlySpan<double> settings, ReadOnlySpan<double> sensors21)
    {
        if (!_engines.TryGetValue(unit, out var slot))
        {
            slot = new Slot(new TurbofanEngineTwin(unit, _model, _rom, _material, _coreSpeed, _temperature), cycle, _historyUnits.Contains(unit));
            _engines[unit] = slot;
            _arrival.Add(unit);
        }

        slot.Twin.Update(cycle, settings, sensors21);
        slot.CycleCount++;
        Cycles++;
        if (slot.Prognosis is not null)
        {
            slot.Prognosis.Add(slot.Twin.Prognosis.Current);
            slot.Blade!.Add(slot.Twin.Blade.Current);
        }

        return slot.Twin;
    }

    /// <summary>Scores the fleet: the engines <paramref name="units"/> in that order, each against its true RUL.</summary>
    /// <param name="units">Units to score, in report order; each must have had at least one cycle.</param>
    /// <param name="trueRemainingCycles">True RUL after each unit's last cycle, parallel to <paramref name="units"/>.</param>
    /// <param name="seconds">Wall time to report.</param>
    public TurbofanFleetResult Result(IReadOnlyList<int> units, IReadOnlyList<int> trueRemainingCycles, double seconds)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(trueRemainingCycles);
        if (units.Count != trueRemainingCycles.Count)
        {
            throw new ArgumentException($"{trueRemainingCycles.Count} true RUL values for {units.Count} engines", nameof(trueRemainingCycles));
        }

        var evaluator = new FleetEvaluator(_model.CapCycles);
        var outcomes = new EngineOutcome[units.Count];
        var histories = new List<EngineHistory>();
        var cycles = 0;
        for (var e = 0; e < units.Count; e++)
        {
            if (!_engines.TryGetValue(units[e], out var slot))
            {
                throw new ArgumentException($"unit {units[e]} has no cycle in this fleet", nameof(units));
            }

            var t = slot.Twin;
            cycles += slot.CycleCount;
            evaluator.Add(t.Prognosis.Current.RemainingUsefulLifeCycles, trueRemainingCycles[e]);
            outcomes[e] = new EngineOutcome(t.Unit, slot.CycleCount, t.Prognosis.Current, trueRemainingCycles[e], t.Blade.Current, t.Blade.MinimumMargin);
            if (slot.Prognosis is { } p)
            {
                histories.Add(new EngineHistory(t.Unit, trueRemainingCycles[e], p, slot.Blade!));
            }
        }

        return new TurbofanFleetResult(evaluator.Result(), outcomes, histories, cycles, seconds);
    }

    private sealed class Slot(TurbofanEngineTwin twin, int firstCycle, bool keepHistory)
    {
        public TurbofanEngineTwin Twin { get; } = twin;

        public int FirstCycle { get; } = firstCycle;

        public int CycleCount { get; set; }

        public List<PrognosticEstimate>? Prognosis { get; } = keepHistory ? [] : null;

        public List<BladeState>? Blade { get; } = keepHistory ? [] : null;
    }
}

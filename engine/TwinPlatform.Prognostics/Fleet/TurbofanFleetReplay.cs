using System.Diagnostics;
using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Cmapss;

namespace TwinPlatform.Prognostics.Fleet;

/// <summary>
/// Replays a recorded C-MAPSS fleet through one <see cref="TurbofanEngineTwin"/> per engine, cycle by
/// cycle in time order across the fleet (cycle 1 of every engine, then cycle 2, ...), as a live feed
/// would deliver it, and scores the final estimates.
/// </summary>
public static class TurbofanFleetReplay
{
    /// <summary>Runs the replay.</summary>
    /// <param name="fleet">The recorded trajectories.</param>
    /// <param name="trueRemainingCycles">True RUL after each engine's last cycle, in file order.</param>
    /// <param name="model">The RUL model.</param>
    /// <param name="rom">The blade ROM.</param>
    /// <param name="material">The blade material.</param>
    /// <param name="coreSpeed">Core speed channel (rpm).</param>
    /// <param name="temperature">Blade temperature channel (K).</param>
    /// <param name="historyUnits">Units whose per-cycle history is kept.</param>
    /// <param name="ct">Cancels between cycles.</param>
    public static TurbofanFleetResult Run(
        CmapssDataSet fleet,
        IReadOnlyList<int> trueRemainingCycles,
        RulModel model,
        BladeRom rom,
        BladeMaterial material,
        SensorChannel coreSpeed,
        SensorChannel temperature,
        IReadOnlyCollection<int> historyUnits,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(trueRemainingCycles);
        ArgumentNullException.ThrowIfNull(historyUnits);
        if (trueRemainingCycles.Count != fleet.Engines.Count)
        {
            throw new ArgumentException($"{trueRemainingCycles.Count} true RUL values for {fleet.Engines.Count} engines", nameof(trueRemainingCycles));
        }

        var watch = Stopwatch.StartNew();
        var engines = fleet.Engines;
        var twins = new TurbofanFleet(model, rom, material, coreSpeed, temperature, historyUnits);
        var units = new int[engines.Count];
        var longest = 0;
        for (var e = 0; e < engines.Count; e++)
        {
            units[e] = engines[e].Unit;
            longest = Math.Max(longest, engines[e].CycleCount);
        }

        for (var k = 0; k < longest; k++)
        {
            ct.ThrowIfCancellationRequested();
            for (var e = 0; e < engines.Count; e++)
            {
                var engine = engines[e];
                if (k < engine.CycleCount)
                {
                    _ = twins.Update(engine.Unit, k + 1, engine.SettingsAt(k), engine.SensorsAt(k));
                }
            }
        }

        return twins.Result(units, trueRemainingCycles, watch.Elapsed.TotalSeconds);
    }
}

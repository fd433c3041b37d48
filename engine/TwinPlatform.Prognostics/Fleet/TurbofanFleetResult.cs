using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Evaluation;

namespace TwinPlatform.Prognostics.Fleet;

/// <summary>The outcome of replaying a fleet through its engine twins.</summary>
/// <param name="Metrics">RUL metrics at each engine's last cycle against the true RUL (capped at the model's cap).</param>
/// <param name="Engines">Per engine: the last estimate, truth and blade summary, in file order.</param>
/// <param name="Histories">Per-cycle histories of the engines the scene asked for.</param>
/// <param name="Cycles">Cycle samples replayed.</param>
/// <param name="ReplaySeconds">Wall time of the replay.</param>
public sealed record TurbofanFleetResult(
    FleetMetrics Metrics,
    IReadOnlyList<EngineOutcome> Engines,
    IReadOnlyList<EngineHistory> Histories,
    int Cycles,
    double ReplaySeconds);

/// <summary>One engine at the end of the replay.</summary>
/// <param name="Unit">Unit number.</param>
/// <param name="Cycles">Cycles replayed.</param>
/// <param name="Last">The prognosis after the last cycle.</param>
/// <param name="TrueRemainingCycles">True RUL after the last cycle (uncapped).</param>
/// <param name="Blade">The blade after the last cycle.</param>
/// <param name="MinimumMargin">Smallest blade yield margin over the replay.</param>
public sealed record EngineOutcome(int Unit, int Cycles, PrognosticEstimate Last, int TrueRemainingCycles, BladeState Blade, double MinimumMargin);

/// <summary>Per-cycle history of one engine.</summary>
/// <param name="Unit">Unit number.</param>
/// <param name="TrueRemainingCycles">True RUL after the last cycle.</param>
/// <param name="Prognosis">Estimate after each cycle.</param>
/// <param name="Blade">Blade state after each cycle.</param>
public sealed record EngineHistory(int Unit, int TrueRemainingCycles, IReadOnlyList<PrognosticEstimate> Prognosis, IReadOnlyList<BladeState> Blade);

using TwinPlatform.Prognostics.Blades;

namespace TwinPlatform.Prognostics.Fleet;

/// <summary>
/// A turbofan fleet scene (<c>kind: turbofan-fleet</c>): where the C-MAPSS replay files and the RUL
/// model are, which sensors drive the blade twin, the blade's geometry and its material passport.
/// Paths are absolute (resolved against the scene folder by <see cref="TurbofanSceneLoader"/>).
/// </summary>
/// <param name="Name">Scene name (the output folder's name).</param>
/// <param name="Description">What the scene shows.</param>
/// <param name="TestFile">Trajectories replayed cycle by cycle (C-MAPSS test file).</param>
/// <param name="RulFile">True remaining useful life of each replayed engine after its last cycle.</param>
/// <param name="ModelFolder">The trained RUL model folder.</param>
/// <param name="CoreSpeed">Core speed channel, converted to rpm.</param>
/// <param name="Temperature">Blade metal temperature channel, converted to K.</param>
/// <param name="PassportFile">The blade material passport (JSON).</param>
/// <param name="Blade">Blade geometry and mesh.</param>
/// <param name="ReferenceSpeedRpm">Speed of the ROM's finite-element solve, rpm.</param>
/// <param name="HistoryEngines">Units whose full per-cycle history the report keeps (RUL and blade margin).</param>
public sealed record TurbofanScene(
    string Name,
    string Description,
    string TestFile,
    string RulFile,
    string ModelFolder,
    SensorChannel CoreSpeed,
    SensorChannel Temperature,
    string PassportFile,
    BladeDescription Blade,
    double ReferenceSpeedRpm,
    IReadOnlyList<int> HistoryEngines);

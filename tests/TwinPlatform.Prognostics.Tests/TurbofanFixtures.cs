using TwinPlatform.Materials.Passports;
using TwinPlatform.Prognostics.Blades;
using TwinPlatform.Prognostics.Cmapss;
using TwinPlatform.Prognostics.Fleet;
using TwinPlatform.Simulation.Constitutive;

namespace TwinPlatform.Prognostics.Tests;

/// <summary>The committed model, the FD001 test set and a coarse blade ROM, shared by the fleet tests.</summary>
internal static class TurbofanFixtures
{
    public static readonly Lazy<RulModel> Model = new(() => RulModel.Load(CmapssPaths.Model));
    public static readonly Lazy<CmapssDataSet> TestSet = new(() => CmapssReader.Read(CmapssPaths.Test));
    public static readonly Lazy<int[]> TrueRul = new(() => CmapssReader.ReadRemainingUsefulLife(CmapssPaths.Rul));

    private static readonly Lazy<BladeRom> Rom = new(() => BladeRom.Build(new BladeDescription { SpanElements = 4 }, new IsotropicElastic(200e9, 0.29, 8190), 900));
    private static readonly Lazy<BladeMaterial> Material = new(() =>
        new BladeMaterial(MaterialPassport.FromJson(File.ReadAllText(Path.Combine(CmapssPaths.Scene, "inconel718.passport.json")))));

    /// <summary>Nc (s9) in rpm.</summary>
    public static SensorChannel CoreSpeed => new(8, "rpm", 1, 0);

    /// <summary>T30 (s3) from Rankine to K.</summary>
    public static SensorChannel Temperature => new(2, "degR", 5.0 / 9.0, 0);

    public static TurbofanFleet NewFleet(params int[] historyUnits) =>
        new(Model.Value, Rom.Value, Material.Value, CoreSpeed, Temperature, historyUnits);

    public static TurbofanFleetResult Replay(params int[] historyUnits) =>
        TurbofanFleetReplay.Run(TestSet.Value, TrueRul.Value, Model.Value, Rom.Value, Material.Value, CoreSpeed, Temperature, historyUnits);
}

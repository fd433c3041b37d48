using TwinPlatform.Core;
using TwinPlatform.Materials.Data;
using TwinPlatform.Testing;

namespace TwinPlatform.Materials.Tests;

public sealed class NimsFatigueDataTests
{
    private const string Header =
        "Normalized Temperature,Quenching Temperature,Temperaing Temperature,C,Si,Mn,P,S,Ni,Cr,Cu,Mo,RR,dA,dB,dC," +
        "Fatigue Strength (10E7 Cycles),Tensile Strength,Fracture Strength,Hardness";

    private const string GoodRow = "865,865,550,0.35,0.21,0.77,0.021,0.022,0.01,0.01,0.02,0,825,0.05,0.03,0,397,736,1482,235";

    private static string SharedCsv => RepoPaths.InSharedData("materials", "nims_fatigue.csv");

    [Fact]
    public void Load_SharedTable_Reads360RowsIn120Heats()
    {
        var data = NimsFatigueData.Load(SharedCsv);

        Assert.Equal(360, data.RowCount);
        Assert.Equal(120, data.GroupCount);
        Assert.Equal(2, data.Properties.Count);
        Assert.Equal(397, data.Target(MaterialPropertyNames.FatigueStrength)[0]);
        Assert.Equal(736, data.Target(MaterialPropertyNames.TensileStrength)[0]);
    }

    [Fact]
    public void Load_NonNumericCell_ThrowsWithLineColumnAndHeader()
    {
        var path = Path.Combine(RepoPaths.NewTempFolder("csv"), "bad.csv");
        File.WriteAllText(path, $"{Header}\n{GoodRow}\n865,865,550,0.35,abc,0.77,0.021,0.022,0.01,0.01,0.02,0,825,0.05,0.03,0,397,736,1482,235\n");

        var e = Assert.Throws<InputFileException>(() => NimsFatigueData.Load(path));

        Assert.Equal(path, e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal(18, e.Column);
        Assert.Equal("Si", e.Field);
        Assert.Contains("'abc'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShortRow_ThrowsNamingTheLine()
    {
        var path = Path.Combine(RepoPaths.NewTempFolder("csv"), "short.csv");
        File.WriteAllText(path, $"{Header}\n{GoodRow}\n865,865,550\n");

        var e = Assert.Throws<InputFileException>(() => NimsFatigueData.Load(path));

        Assert.Equal(3, e.Line);
        Assert.Contains("expected 20", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingColumn_ThrowsNamingTheColumn()
    {
        var path = Path.Combine(RepoPaths.NewTempFolder("csv"), "nocol.csv");
        File.WriteAllText(path, Header.Replace(",Tensile Strength", ",UTS", StringComparison.Ordinal) + "\n" + GoodRow + "\n");

        var e = Assert.Throws<InputFileException>(() => NimsFatigueData.Load(path));

        Assert.Equal("Tensile Strength", e.Field);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void HeatSelector_BracketHeat_SelectsItsThreeTemperingRows()
    {
        var data = NimsFatigueData.Load(SharedCsv);
        var selector = HeatSelector.Parse("C=0.41,Si=0.24,Mn=0.77,Cr=1.06,Mo=0.2", data);

        var rows = selector.SelectRows(data);

        Assert.Equal([170, 185, 200], rows.Select(data.Line));
        Assert.Single(rows.Select(r => data.Groups[r]).Distinct());
        Assert.Equal(551, data.Target(MaterialPropertyNames.FatigueStrength)[rows[1]]);
        Assert.Equal(1030, data.Target(MaterialPropertyNames.TensileStrength)[rows[1]]);
    }

    [Fact]
    public void HeatSelector_UnknownFeature_ThrowsFormatException()
    {
        var data = NimsFatigueData.Load(SharedCsv);

        Assert.Throws<FormatException>(() => HeatSelector.Parse("Zz=1", data));
    }
}

using System.Globalization;
using System.Text;
using TwinPlatform.Core;
using TwinPlatform.Prognostics.Cmapss;

namespace TwinPlatform.Prognostics.Tests;

public sealed class CmapssReaderTests
{
    private static string Row(int unit, int cycle, double s9)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{unit} {cycle} -0.0007 -0.0004 100.0");
        for (var s = 1; s <= 21; s++)
        {
            b.Append(' ').Append((s == 9 ? s9 : s * 10.5).ToString(CultureInfo.InvariantCulture));
        }

        return b.Append("  ").ToString();
    }

    [Fact]
    public void Read_TwoUnits_SplitsEnginesAndColumns()
    {
        var text = string.Join('\n', Row(1, 1, 9046.19), Row(1, 2, 9044.07), Row(1, 3, 9052.94), string.Empty, Row(2, 1, 9050.0));
        var set = CmapssReader.Read(new StringReader(text), "t.txt");
        Assert.Equal(2, set.Engines.Count);
        Assert.Equal(3, set.Engines[0].CycleCount);
        Assert.Equal(1, set.Engines[1].CycleCount);
        Assert.Equal(5, set.Engines[1].FirstLine);
        Assert.Equal(9044.07, set.Engines[0].SensorsAt(1)[8]);
        Assert.Equal(21 * 10.5, set.Engines[0].SensorsAt(2)[20]);
        Assert.Equal(100.0, set.Engines[0].SettingsAt(0)[2]);
        Assert.Equal(4, set.RowCount);
    }

    [Fact]
    public void Read_ShortRow_NamesLineAndField()
    {
        var text = Row(1, 1, 9046.19) + "\n1 2 0 0 100 1 2 3";
        var e = Assert.Throws<InputFileException>(() => CmapssReader.Read(new StringReader(text), "t.txt"));
        Assert.Contains("t.txt", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
        Assert.Equal("s4", e.Field);
    }

    [Fact]
    public void Read_CycleGap_IsRejected()
    {
        var text = Row(1, 1, 1) + "\n" + Row(1, 3, 1);
        var e = Assert.Throws<InputFileException>(() => CmapssReader.Read(new StringReader(text), "t.txt"));
        Assert.Equal("cycle", e.Field);
    }

    [Fact]
    public void ReadRemainingUsefulLife_ParsesValuesAndRejectsNegative()
    {
        Assert.Equal([112, 98, 69], CmapssReader.ReadRemainingUsefulLife(new StringReader("112\n98 \n\n69\n"), "r.txt"));
        Assert.Throws<InputFileException>(() => CmapssReader.ReadRemainingUsefulLife(new StringReader("5\n-1\n"), "r.txt"));
    }

    [Fact]
    public void Read_Fd001Files_HaveThePublishedShape()
    {
        var train = CmapssReader.Read(CmapssPaths.Train);
        var test = CmapssReader.Read(CmapssPaths.Test);
        var rul = CmapssReader.ReadRemainingUsefulLife(CmapssPaths.Rul);
        Assert.Equal(100, train.Engines.Count);
        Assert.Equal(20631, train.RowCount);
        Assert.Equal(100, test.Engines.Count);
        Assert.Equal(13096, test.RowCount);
        Assert.Equal(100, rul.Length);
        Assert.Equal(192, train.Engines[0].CycleCount);
    }
}

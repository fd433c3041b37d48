namespace TwinPlatform.Plugins.CalculiX.Tests;

public sealed class DatReaderTests
{
    [Fact]
    public void ReadEigenvalues_RealCcxOutput_OneTablePerFrequencyStep()
    {
        var tables = DatReader.ReadEigenvalues(TestData.File("hex20.dat"));

        var table = Assert.Single(tables);
        Assert.Equal([1, 2, 3], table.Select(static r => r.Mode));
        Assert.Equal(0.1404905E+14, table[0].Eigenvalue);
        Assert.Equal(0.5965455E+06, table[0].FrequencyHz);
        Assert.Equal(0.8049251E+06, table[2].FrequencyHz);

        // The .frd header carries the same frequency with more digits.
        var frd = FrdReader.Read(TestData.File("hex20.frd"));
        Assert.Equal(table[2].FrequencyHz, frd.Blocks.First(static b => b.Mode == 3).Value, 1e-1);
    }

    [Fact]
    public void ReadPointTables_RealCcxOutput_StressRowsPerStepInCcxOrder()
    {
        var tables = DatReader.ReadPointTables(TestData.File("hex20.dat"));

        // Step 1 (static) prints once at time 1; the *EL PRINT carries over to the frequency step (time 2), once per mode.
        var first = Assert.Single(tables, static t => t.TotalTime == 1);
        Assert.Equal("stresses", first.Quantity);
        Assert.Equal("EALL", first.SetName);
        Assert.Equal(6, first.Components);
        Assert.Equal(27, first.ElementIds.Length);
        Assert.All(first.ElementIds, static e => Assert.Equal(1, e));
        Assert.Equal(Enumerable.Range(1, 27), first.PointNumbers);
        Assert.Equal([48.40169, 48.40169, 114.3095, -0.9512181, -5.762228, -5.762228], first.Values[..6]);
        Assert.Equal(3, tables.Count(static t => t.TotalTime == 2));
    }

    [Fact]
    public void ReadPointTables_HeatFluxHeaderWithoutBlankAfterSet_ReadsSetAndRows()
    {
        var table = Assert.Single(DatReader.ReadPointTables(TestData.File("heat8print.dat")));

        Assert.Equal("heat flux", table.Quantity);
        Assert.Equal("EALL", table.SetName);
        Assert.Equal(3, table.Components);
        Assert.Equal(8, table.PointNumbers.Length);
        Assert.Equal(666.6667, table.Values[2]);
    }

    [Fact]
    public void ReadPointTables_TableEndsAtTheFirstOtherLine()
    {
        const string text = """

             stresses (elem, integ.pnt.,sxx,syy,szz,sxy,sxz,syz) for set S1 and time  0.1000000E+01

                     7   1  1.0E+00  2.0E+00  3.0E+00  4.0E+00  5.0E+00  6.0E+00
                     7   2  1.5E+00  2.5E+00  3.5E+00  4.5E+00  5.5E+00  6.5E+00

             displacements (vx,vy,vz) for set TOP and time  0.1000000E+01

                     3  1.0E+00  2.0E+00  3.0E+00
            """;

        var table = Assert.Single(DatReader.ReadPointTables(new StringReader(text)));

        Assert.Equal("S1", table.SetName);
        Assert.Equal([7, 7], table.ElementIds);
        Assert.Equal([1, 2], table.PointNumbers);
        Assert.Equal(6.5, table.Values[^1]);
    }
}

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
}

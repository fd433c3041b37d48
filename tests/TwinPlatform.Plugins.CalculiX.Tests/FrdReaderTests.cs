namespace TwinPlatform.Plugins.CalculiX.Tests;

public sealed class FrdReaderTests
{
    // Data/hex20.inp: one C3D20 unit cube, bottom fixed, 10 N up on each top node; step 2 asks for 3 modes.
    [Fact]
    public void Read_StaticAndModalBlocks_FromRealCcxOutput()
    {
        var frd = FrdReader.Read(TestData.File("hex20.frd"));

        Assert.StartsWith("Version 2.20", frd.Version, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 20), frd.NodeIds);
        Assert.Equal([0.5, 0.0, 0.0], frd.Coordinates.AsSpan(3 * 8, 3).ToArray());

        var disp = frd.Blocks.Single(static b => b.Name == "DISP" && b.Step == 1);
        Assert.Equal(["D1", "D2", "D3"], disp.Components);
        Assert.Equal(0, disp.Mode);
        Assert.Equal(1.0, disp.Value);
        var n5 = Array.IndexOf(disp.NodeIds, 5);
        Assert.Equal([1.68186E-04, 1.68186E-04, 7.20934E-04], disp.Values.AsSpan(3 * n5, 3).ToArray());

        // Fixed-width fields: '-1.68186E-04 1.68186E-04' on node 6 has no separator before the minus sign.
        var n6 = Array.IndexOf(disp.NodeIds, 6);
        Assert.Equal(-1.68186E-04, disp.Values[3 * n6]);

        var stress = frd.Blocks.Single(static b => b.Name == "STRESS" && b.Step == 1);
        Assert.Equal(["SXX", "SYY", "SZZ", "SXY", "SYZ", "SZX"], stress.Components);
        Assert.Equal(20 * 6, stress.Values.Length);

        // ccx's RF is the internal force K u at every node: at the fixed bottom nodes it balances the 8 x 10 N
        // applied upwards on the top nodes, where it equals the applied load.
        var forc = frd.Blocks.Single(static b => b.Name == "FORC" && b.Step == 1);
        var fz = 0.0;
        for (var i = 0; i < forc.NodeIds.Length; i++)
        {
            fz += forc.NodeIds[i] is (>= 1 and <= 4) or (>= 9 and <= 12) ? forc.Values[(3 * i) + 2] : 0;
        }

        Assert.Equal(10.0, forc.Values[(3 * Array.IndexOf(forc.NodeIds, 5)) + 2], 1e-4);

        Assert.Equal(-80.0, fz, 1e-3);

        var modes = frd.Blocks.Where(static b => b.Name == "DISP" && b.Step == 2).ToList();
        Assert.Equal([1, 2, 3], modes.Select(static b => b.Mode));
        Assert.All(modes, static b => Assert.Equal(2, b.AnalysisType));
        Assert.Equal(596545.5359, modes[0].Value);
        Assert.Equal(804925.1426, modes[2].Value);
    }

    [Fact]
    public void Read_HeatTransferBlocks_FromRealCcxOutput()
    {
        // Data/heat8.inp: a C3D8 unit cube, k = 50, bottom at 100, film h = 10 to 20 on top: T_top = 5200/60.
        var frd = FrdReader.Read(TestData.File("heat8.frd"));

        var t = frd.Blocks.Single(static b => b.Name == "NDTEMP");
        Assert.Equal(["T"], t.Components);
        Assert.Equal(5200.0 / 60, t.Values[Array.IndexOf(t.NodeIds, 7)], 1e-3);
        var flux = frd.Blocks.Single(static b => b.Name == "FLUX");
        Assert.Equal(50 * (100 - (5200.0 / 60)), flux.Values[(3 * Array.IndexOf(flux.NodeIds, 7)) + 2], 0.05);
        Assert.Contains(frd.Blocks, static b => b.Name == "RFL");
    }

    [Fact]
    public void Read_ShortFormat_ReadsFiveDigitNodeNumbers()
    {
        const string text = """
                1C
                2C                             2                                     0
             -1    1 0.00000E+00 1.00000E+00 2.00000E+00
             -1    2-1.00000E+00-2.50000E-01 3.00000E+00
             -3
                1PSTEP                         1           1           1
              100CL  101 1.000000000           2                     0    1           0
             -4  NDTEMP      1    1
             -5  T           1    1    0    0
             -1    1 2.50000E+01
             -1    2-4.00000E+01
             -3
             9999
            """;

        var frd = FrdReader.Read(new StringReader(text), "short.frd");

        Assert.Equal([1, 2], frd.NodeIds);
        Assert.Equal([-1.0, -0.25, 3.0], frd.Coordinates[3..]);
        Assert.Equal([25.0, -40.0], frd.Blocks.Single().Values);
    }

    [Fact]
    public void Read_NotAnFrdFile_IsRefused()
    {
        var e = Assert.Throws<InvalidDataException>(() => FrdReader.Read(new StringReader("hello\nworld\n"), "x.frd"));
        Assert.Contains("x.frd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedBlock_NamesTheLine()
    {
        const string text = """
                1PSTEP                         1           1           1
              100CL  101 1.000000000           2                     0    1           1
             -4  DISP        4    1
             -5  D1          1    2    1    0
             -5  D2          1    2    2    0
             -5  D3          1    2    3    0
             -1         1 1.00000E+00 2.00000E+00
             -3
            """;

        var e = Assert.Throws<InvalidDataException>(() => FrdReader.Read(new StringReader(text), "cut.frd"));
        Assert.StartsWith("cut.frd:8:", e.Message, StringComparison.Ordinal);
    }
}

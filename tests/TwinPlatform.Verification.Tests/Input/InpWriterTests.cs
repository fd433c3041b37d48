using TwinPlatform.Simulation.Input;

namespace TwinPlatform.Verification.Tests.Input;

public sealed class InpWriterTests
{
    [Fact]
    public void Write_ReadBack_GivesTheSameModel()
    {
        var folder = new DeckFolder();
        var original = InpReader.Read(folder.Write("hex.inp", Decks.CubeStatic.Replace("*NODE FILE", "*DLOAD\nEALL, P2, -3.5\n*NODE FILE", StringComparison.Ordinal)));
        var copy = Path.Combine(folder.Path, "copy.inp");
        using (var w = new StreamWriter(copy))
        {
            InpWriter.Write(original, w, step => $"** end of step {step.Number}\n");
        }

        var back = InpReader.Read(copy);

        Assert.Equal(original.NodeIds, back.NodeIds);
        Assert.Equal(original.X, back.X);
        Assert.Equal(original.Elements.Select(static e => (e.Id, e.Type, string.Join(",", e.Nodes))), back.Elements.Select(static e => (e.Id, e.Type, string.Join(",", e.Nodes))));
        foreach (var (name, set) in original.NodeSets)
        {
            Assert.Equal(set.Ids, back.NodeSets[name].Ids);
        }

        Assert.Equal(original.MaterialOf(1), back.MaterialOf(1) with { Location = original.MaterialOf(1).Location });
        var (a, b) = (original.Steps[0], back.Steps[0]);
        Assert.Equal(a.Boundaries, b.Boundaries);
        Assert.Equal(a.NodalForces, b.NodalForces);
        Assert.Equal(a.Pressures, b.Pressures);
        Assert.Equal(a.Output.NodeFile, b.Output.NodeFile);
        Assert.Contains("** end of step 1", File.ReadAllText(copy), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.2345678901234567e-105)]
    [InlineData(2734.123456789012)]
    [InlineData(1e-300)]
    [InlineData(-0.0)]
    public void Format_AnyDouble_FitsCalculixFieldWidthAndRoundTrips(double value)
    {
        var text = InpWriter.Format(value);

        Assert.True(text.Length <= 20, $"'{text}' is {text.Length} characters; ccx truncates after 20");
        Assert.Equal(value, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Math.Abs(value) * 1e-11);
    }
}

using TwinPlatform.Materials.Chemistry;
using TwinPlatform.Materials.Features;

namespace TwinPlatform.Materials.Tests;

public sealed class ElementTableTests
{
    [Fact]
    public void Default_Iron_HasTabulatedValues()
    {
        var fe = ElementTable.Default["Fe"];

        Assert.Equal(26, fe.AtomicNumber);
        Assert.Equal(55.845, fe.AtomicMass, 3);
        Assert.Equal(1.83, fe.Electronegativity, 2);
        Assert.Equal(1811, fe.MeltingPointK, 0);
        Assert.Equal(132, fe.CovalentRadiusPm, 0);
        Assert.Equal(8, fe.Valence);
        Assert.Equal(8, fe.Group);
    }

    [Fact]
    public void Default_CoversEveryElementOfTheThreeDataSets()
    {
        string[] used = ["Fe", "C", "Mn", "Si", "Cr", "Ni", "Mo", "V", "N", "Nb", "Co", "W", "Al", "Ti", "P", "S", "Cu", "Zr", "Hf", "Ta", "Zn", "Sn",
            "Mg", "Li", "Re", "B", "Y", "Ca", "Pd", "Ag", "Sc", "Nd", "Ga"];

        Assert.All(used, e => Assert.True(ElementTable.Default.TryGet(e, out _), e));
    }

    [Fact]
    public void Indexer_UnknownElement_SaysWhatTheTableHas()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => ElementTable.Default["Tc"]);

        Assert.Contains("not in the element property table", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ElementStatistics_EquiatomicFeNi_KnownAnswer()
    {
        var stats = new double[4 * ElementTable.PropertyNames.Count];

        CompositionStatistics.ElementStatistics([new("Fe", 0.5), new("Ni", 0.5)], stats);

        // Atomic number (index 0): mean 27, average deviation 1, min 26, max 28.
        Assert.Equal([27.0, 1.0, 26.0, 28.0], stats[..4]);

        // Electronegativity (property 5): mean (1.83 + 1.91) / 2.
        Assert.Equal(1.87, stats[20], 12);
    }

    [Fact]
    public void Stoichiometry_EquiatomicQuinary_MixingEntropyIsLnFive()
    {
        var d = new double[CompositionStatistics.StoichiometryNames.Count];

        CompositionStatistics.Stoichiometry([new("Co", 0.2), new("Cr", 0.2), new("Fe", 0.2), new("Mn", 0.2), new("Ni", 0.2)], d);

        Assert.Equal(5, d[0]);
        Assert.Equal(Math.Sqrt(5 * 0.04), d[1], 12);
        Assert.Equal(Math.Log(5), d[6], 12);
        Assert.True(d[7] > 0 && d[7] < 10, "atomic size mismatch of the Cantor alloy is a few percent");
    }

    [Fact]
    public void MassToAtom_FeC_KnownAnswerAndRoundTrip()
    {
        // 0.45 wt% C in Fe: x_C = (0.45/12.011) / (0.45/12.011 + 99.55/55.845) = 2.058 at%.
        var atom = CompositionConversion.MassToAtom([new("Fe", 0.9955), new("C", 0.0045)]);

        Assert.Equal(0.02058, atom[1].Value, 4);
        var mass = CompositionConversion.AtomToMass(atom);
        Assert.Equal(0.0045, mass[1].Value, 12);
    }
}

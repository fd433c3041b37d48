using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Materials.Tables;

namespace TwinPlatform.Materials.Tests;

public sealed class ElasticConstantsTableTests
{
    [Fact]
    public void Get_LowAlloySteelQt_Returns205GPaAndCitedHandbookProvenance()
    {
        var c = ElasticConstantsTable.Default.Get("low-alloy-steel-qt");

        var e = c.YoungsModulus;
        var nu = c.Poisson;
        Assert.Equal(205e9, e.Value.Mean);
        Assert.Equal(5e9, e.Value.StandardDeviation);
        Assert.Equal(0.90, e.Value.Level);
        Assert.Equal(205e9 - (1.6448536 * 5e9), e.Value.Lower, 1e3);
        Assert.Equal(Dimension.Pressure, e.Dimension);
        Assert.Equal(0.29, nu.Value.Mean);
        Assert.Equal(Dimension.Dimensionless, nu.Dimension);
        Assert.Equal(ProvenanceKind.Handbook, e.Provenance.Kind);
        Assert.Contains("ASM", e.Provenance.Source, StringComparison.Ordinal);
        Assert.Contains("MMPDS", e.Provenance.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("structural-steel-s355", 210e9, 0.30, "EN 1993-1-1")]
    [InlineData("aluminium-6061-t6", 68.9e9, 0.33, "6061-T6")]
    public void Get_OtherEntries_ReturnTheirCitedValues(string id, double youngsModulusPa, double poisson, string citation)
    {
        var c = ElasticConstantsTable.Default.Get(id);

        Assert.Equal(youngsModulusPa, c.YoungsModulus.Value.Mean);
        Assert.Equal(poisson, c.Poisson.Value.Mean);
        Assert.Contains(citation, c.Provenance.Source, StringComparison.Ordinal);
        Assert.InRange(c.YoungsModulusStandardUncertaintyPa / c.YoungsModulusPa, 0.015, 0.03);
    }

    [Fact]
    public void Get_UnknownEntry_ThrowsListingKnownEntries()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => ElasticConstantsTable.Default.Get("unobtainium"));

        Assert.Contains("low-alloy-steel-qt", e.Message, StringComparison.Ordinal);
        Assert.False(ElasticConstantsTable.Default.TryGet("unobtainium", out _));
    }
}

using TwinPlatform.Core.Units;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Storage.Tests;

public sealed class RecordIdentifierTests
{
    [Fact]
    public void Compute_SameContent_SameId()
    {
        Assert.Equal(TestRecords.Alloy().Id, TestRecords.Alloy().Id);
        Assert.True(RecordIdentifier.IsValid(TestRecords.Alloy().Id));
        Assert.StartsWith("mr-", TestRecords.Alloy().Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OtherValue_OtherId()
    {
        Assert.NotEqual(TestRecords.Alloy(346).Id, TestRecords.Alloy(347).Id);
        Assert.NotEqual(TestRecords.Alloy().Id, TestRecords.Alloy(name: "Al0.5CoFeNi").Id);
    }

    [Fact]
    public void Compute_AccessOriginLineage_AreNotIdentity()
    {
        var a = TestRecords.Alloy();

        var b = a.WithAccess(AccessLevel.Private).WithLineage([new LineageLink("mr-00000000000000000000000000000000", "derived-from")]);

        Assert.Equal(a.Id, b.Id);
        Assert.Equal(AccessLevel.Private, b.Access);
    }

    [Fact]
    public void Compute_LastBitDifferenceOfAUnitConversion_SameId()
    {
        // 346 MPa reached two ways differs in the last bit of the double; the canonical form rounds to 12 digits.
        var viaScale = TestRecords.Alloy(346);
        var other = new MaterialRecord(viaScale.Raw, viaScale.Composition, viaScale.Process,
            [viaScale.Properties[0] with { Value = new Quantity(346 / 1e-6, viaScale.Properties[0].Value.Dimension) }, viaScale.Properties[1]],
            viaScale.Provenance, viaScale.Attributes, viaScale.Access, viaScale.Lineage, viaScale.Origin);

        Assert.Equal(viaScale.Id, other.Id);
    }

    [Theory]
    [InlineData("mr-0123456789abcdef0123456789abcdef", true)]
    [InlineData("mr-0123456789ABCDEF0123456789abcdef", false)]
    [InlineData("mr-0123", false)]
    [InlineData("xx-0123456789abcdef0123456789abcdef", false)]
    public void IsValid_Text_RecognisesIds(string id, bool valid) => Assert.Equal(valid, RecordIdentifier.IsValid(id));
}

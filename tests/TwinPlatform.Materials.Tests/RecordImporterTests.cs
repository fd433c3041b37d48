using TwinPlatform.Core;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Materials.Import;
using TwinPlatform.Storage.Records;
using TwinPlatform.Testing;

namespace TwinPlatform.Materials.Tests;

public sealed class RecordImporterTests
{
    [Fact]
    public void Import_Nims_EveryRowWithSiUnits()
    {
        var r = ImportPaths.Nims;

        Assert.Equal(360, r.RowsRead);
        Assert.Empty(r.Issues);
        Assert.Equal(360, r.Records.Count);
        var first = r.Records[0];
        Assert.Equal(CompositionBasisKind.Mass, first.Composition.Basis);
        Assert.Equal(0.0035, first.Composition["C"], 12);
        Assert.Equal(1.0, first.Composition.Constituents.Sum(c => c.Fraction), 12);
        Assert.Equal(["hot-working", "normalizing", "quenching", "tempering"], first.Process.Select(s => s.Name));
        Assert.Equal(823.15, first.Process[3].SetPoint("temperature")!.Quantity!.Value.ValueSI, 9);
        Assert.Equal(825, first.Process[0].SetPoint("reduction_ratio")!.Quantity!.Value.ValueSI, 9);
        Assert.Equal(397e6, first.Property("fatigue_strength")!.Value.ValueSI, 3);
        Assert.Equal(Dimension.Pressure, first.Property("hardness")!.Value.Dimension);
        Assert.Equal(235 * 9.80665e6, first.Property("hardness")!.Value.ValueSI, 1);
        Assert.Equal(0.0005, first.Attribute("inclusions_dA")!.Quantity!.Value.ValueSI, 12);
        Assert.Equal(ProvenanceKind.Experiment, first.Provenance.Kind);
        Assert.Equal(2, first.Origin!.Line);
    }

    [Fact]
    public void Import_MatbenchColumnJson_FormulaCompositions()
    {
        var r = ImportPaths.Matbench;

        Assert.Equal(312, r.Records.Count);
        Assert.Empty(r.Issues);
        var first = r.Records[0];
        Assert.Equal("mb-steels-001", first.Raw.Name);
        Assert.Equal(CompositionBasisKind.Atom, first.Composition.Basis);
        Assert.Equal(2411.5e6, first.Property("yield_strength")!.Value.ValueSI, 1);
        Assert.Equal(1, first.Origin!.Line);
    }

    [Fact]
    public void Import_Mpea_EmptyCellsLeaveFieldsOutAndDoisPerRow()
    {
        var r = ImportPaths.Mpea;

        Assert.Equal(1545, r.RowsRead);
        Assert.Empty(r.Issues);
        Assert.Equal(1545, r.Records.Count + r.Duplicates);
        var first = r.Records[0];
        Assert.Equal("Al0.25 Co1 Fe1 Ni1", first.Raw.Formula);
        Assert.StartsWith("doi:10.1016/j.jmmm.2014.07.023", first.Provenance.Source, StringComparison.Ordinal);
        Assert.Equal(2014, first.Provenance.Date.Year);
        var ys = first.Property("yield_strength")!;
        Assert.Equal(158e6, ys.Value.ValueSI, 3);
        Assert.Equal(298.15, ys.Condition("test_temperature")!.Quantity!.Value.ValueSI, 9);
        Assert.Equal("compression", ys.Condition("test_type")!.Text);
        Assert.Null(first.Property("ultimate_strength"));
        Assert.Equal("casting", first.Process.Single().Name);

        // Experimental and calculated density are two properties of the same name, apart by provenance.
        var computed = first.Properties.Single(p => p.Name == "density");
        Assert.Equal(ProvenanceKind.Computation, first.ProvenanceOf(computed).Kind);
        Assert.Equal(7900, computed.Value.ValueSI, 6);
        Assert.Contains(r.Records, x => x.Properties.Count(p => p.Name == "density") == 2);
    }

    [Fact]
    public void Import_BadRows_ReportedWithPlaceAndReasonTheRestImports()
    {
        var dir = RepoPaths.NewTempFolder("import");
        var csv = Path.Combine(dir, "steels.csv");
        File.WriteAllText(csv, """
            Name,C,Mn,Temper,YS
            good-1,0.40,0.80,600,900
            bad-number,0.40,0.80,six hundred,910
            "quoted, name",0.35,0.70,550,950
            ragged,0.30
            too-much,160,0.80,600,920
            good-2,0.45,0.75,650,880
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        var mapping = RecordMapping.Parse("""
            schema: twinplatform.mapping
            version: 1
            name: steels
            format: csv
            provenance: {kind: experiment, source: test table, date: 2024-01-01}
            raw_material: {name: {column: Name}}
            composition: {basis: mass, unit: wt%, balance: Fe, columns: {C: C, Mn: Mn}}
            process:
              - step: tempering
                set_points: {temperature: {column: Temper, unit: degC}}
            properties:
              - {name: yield_strength, column: YS, unit: MPa}
            """, "steels.yaml");

        var r = RecordImporter.Import(mapping, csv, "steels.csv");

        Assert.Equal(6, r.RowsRead);
        Assert.Equal(["good-1", "quoted, name", "good-2"], r.Records.Select(x => x.Raw.Name));
        Assert.Equal(3, r.Issues.Count);
        var number = r.Issues[0];
        Assert.Equal(("steels.csv", 3, 22), (number.File, number.Line, number.Column));
        Assert.Contains("Temper", number.Field, StringComparison.Ordinal);
        Assert.Contains("six hundred", number.Reason, StringComparison.Ordinal);
        Assert.Equal(5, r.Issues[1].Line);
        Assert.Contains("expected 5", r.Issues[1].Reason, StringComparison.Ordinal);
        Assert.Equal(6, r.Issues[2].Line);
        Assert.Contains("between 0 and 100%", r.Issues[2].Reason, StringComparison.Ordinal);
        Assert.StartsWith("steels.csv:3:22: Temper (process.tempering.temperature): ", number.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MappingNamesMissingColumn_ErrorNamesMappingFileLineAndField()
    {
        var mapping = RecordMapping.Parse("""
            schema: twinplatform.mapping
            version: 1
            name: nims
            format: csv
            provenance: {kind: experiment, source: x, date: 2020-01-01}
            raw_material: {name: {column: Steel}}
            properties:
              - {name: tensile_strength, column: Tensile Strength, unit: MPa}
            """, "nims.yaml");

        var e = Assert.Throws<InputFileException>(() => RecordImporter.Import(mapping, ImportPaths.Data("nims_fatigue.csv")));

        Assert.Equal("nims.yaml", e.File);
        Assert.Equal(6, e.Line);
        Assert.Equal("raw_material.name", e.Field);
        Assert.Contains("no column 'Steel'", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unit: MPaa", "unknown", 8)]
    [InlineData("kind: guessed", "unknown provenance kind", 5)]
    [InlineData("formats: csv", "unknown field", 4)]
    public void Load_BadMapping_ErrorNamesLine(string edit, string reason, int line)
    {
        var text = """
            schema: twinplatform.mapping
            version: 1
            name: nims
            format: csv
            provenance: {kind: experiment, source: x, date: 2020-01-01}
            raw_material: {name: {column: C}}
            properties:
              - {name: tensile_strength, column: Tensile Strength, unit: MPa}
            """;
        text = edit switch
        {
            "unit: MPaa" => text.Replace("unit: MPa", edit, StringComparison.Ordinal),
            "kind: guessed" => text.Replace("kind: experiment", edit, StringComparison.Ordinal),
            _ => text.Replace("format: csv", edit, StringComparison.Ordinal),
        };

        var e = Assert.Throws<InputFileException>(() => RecordMapping.Parse(text, "m.yaml"));

        Assert.Equal("m.yaml", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Import_SameFileTwice_SameIds()
    {
        var again = RecordImporter.Import(ImportPaths.Mapping("nims_fatigue"), ImportPaths.Data("nims_fatigue.csv"));

        Assert.Equal(ImportPaths.Nims.Records.Select(r => r.Id), again.Records.Select(r => r.Id));
    }
}

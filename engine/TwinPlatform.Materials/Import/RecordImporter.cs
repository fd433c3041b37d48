using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Core.Units;
using TwinPlatform.Materials.Chemistry;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Import;

/// <summary>
/// Turns the rows of a data file into <see cref="MaterialRecord"/>s as a <see cref="RecordMapping"/>
/// says, normalising every value to SI. A bad row is reported with file, line, column and reason
/// and skipped; the rest of the file still imports.
/// </summary>
/// <remarks>
/// A mistake in the mapping itself (a column the file lacks, a bad unit) stops the import with an
/// <see cref="InputFileException"/> naming the mapping file, line and field: it would spoil every row.
/// </remarks>
public static class RecordImporter
{
    /// <summary>Imports a data file with a mapping file.</summary>
    /// <param name="mappingPath">The mapping (YAML).</param>
    /// <param name="dataPath">The data file.</param>
    /// <exception cref="InputFileException">A bad mapping, a missing file, or a data file that cannot be read at all.</exception>
    public static ImportResult Import(string mappingPath, string dataPath) => Import(RecordMapping.Load(mappingPath), dataPath);

    /// <summary>Imports a data file with a parsed mapping.</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="dataPath">The data file.</param>
    /// <param name="displayName">How the data file is named in issues (defaults to <paramref name="dataPath"/>).</param>
    /// <exception cref="InputFileException">A bad mapping, a missing file, or a data file that cannot be read at all.</exception>
    public static ImportResult Import(RecordMapping mapping, string dataPath, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(dataPath);
        var table = TabularData.Read(dataPath, mapping.Format, displayName);
        return Import(mapping, table);
    }

    /// <summary>Imports an already read table.</summary>
    /// <exception cref="InputFileException">The mapping names a column the table lacks.</exception>
    public static ImportResult Import(RecordMapping mapping, TabularData table)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(table);
        var bound = new BoundMapping(mapping, table);
        var records = new List<MaterialRecord>();
        var issues = new List<ImportIssue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        for (var row = 0; row < table.RowCount; row++)
        {
            if (table.RowProblem(row) is { } problem)
            {
                issues.Add(new ImportIssue(table.File, table.RowLine(row), 0, "row", problem));
                continue;
            }

            try
            {
                var record = bound.Build(row);
                if (seen.Add(record.Id))
                {
                    records.Add(record);
                }
                else
                {
                    duplicates++;
                }
            }
            catch (RowException e)
            {
                var (line, column) = e.Column >= 0 ? table.Position(row, e.Column) : (table.RowLine(row), 0);
                var field = e.Column >= 0 ? $"{table.Columns[e.Column]} ({e.Field})" : e.Field;
                issues.Add(new ImportIssue(table.File, line, column, field, e.Message));
            }
        }

        return new ImportResult(mapping.Name, table.File, table.RowCount, records, issues, duplicates);
    }

    /// <summary>A mapping bound to one table's columns.</summary>
    private sealed class BoundMapping
    {
        private readonly RecordMapping _m;
        private readonly TabularData _t;
        private readonly BoundSource _name;
        private readonly BoundSource? _class;
        private readonly BoundSource? _supplier;
        private readonly BoundSource? _formula;
        private readonly BoundProvenance _provenance;
        private readonly List<(string Element, BoundSource Source)> _elements = [];
        private readonly BoundSource? _compositionFormula;
        private readonly List<(BoundSource Step, BoundSource? Equipment, List<(string Name, BoundSource Source)> SetPoints)> _steps = [];
        private readonly List<(string Name, BoundSource Source)> _attributes = [];
        private readonly List<BoundProperty> _properties = [];

        public BoundMapping(RecordMapping m, TabularData t)
        {
            _m = m;
            _t = t;
            _name = m.RawName.Bind(t);
            _class = m.RawClass?.Bind(t);
            _supplier = m.Supplier?.Bind(t);
            _formula = m.Formula?.Bind(t);
            _provenance = new BoundProvenance(m.Provenance, t);
            if (m.Composition is { } c)
            {
                foreach (var (e, s) in c.Elements)
                {
                    _elements.Add((e, s.Bind(t)));
                }

                _compositionFormula = c.Formula?.Bind(t);
            }

            foreach (var s in m.Process)
            {
                _steps.Add((s.Step.Bind(t), s.Equipment?.Bind(t), [.. s.SetPoints.Select(p => (p.Name, p.Source.Bind(t)))]));
            }

            foreach (var a in m.Attributes)
            {
                _attributes.Add((a.Name, a.Source.Bind(t)));
            }

            foreach (var p in m.Properties)
            {
                _properties.Add(new BoundProperty(p, t));
            }
        }

        public MaterialRecord Build(int row)
        {
            var missing = _m.Missing;
            var raw = new RawMaterial(
                _name.Text(_t, row, missing, "raw_material.name")!,
                _class?.Text(_t, row, missing, "raw_material.class"),
                _supplier?.Text(_t, row, missing, "raw_material.supplier"),
                _formula?.Text(_t, row, missing, "raw_material.formula"));
            var composition = BuildComposition(row);
            var process = new List<ProcessStepRecord>();
            foreach (var (step, equipment, setPoints) in _steps)
            {
                var name = step.Text(_t, row, missing, "process.step");
                if (name is null)
                {
                    continue;
                }

                process.Add(new ProcessStepRecord(name, Values(setPoints, row, $"process.{name}"), equipment?.Text(_t, row, missing, $"process.{name}.equipment")));
            }

            var properties = new List<PropertyRecord>();
            foreach (var p in _properties)
            {
                if (p.Build(row, missing) is { } property)
                {
                    properties.Add(property);
                }
            }

            return new MaterialRecord(raw, composition, process, properties, _provenance.Build(row, missing), Values(_attributes, row, "attributes"),
                _m.Access, origin: new RecordOrigin(_t.File, _t.RowLine(row)));
        }

        private List<NamedValue> Values(List<(string Name, BoundSource Source)> sources, int row, string prefix)
        {
            var values = new List<NamedValue>();
            foreach (var (name, source) in sources)
            {
                if (ReadValue(source, name, row, _m.Missing, $"{prefix}.{name}") is { } v)
                {
                    values.Add(v);
                }
            }

            return values;
        }

        private RecordComposition BuildComposition(int row)
        {
            if (_m.Composition is not { } c)
            {
                return RecordComposition.None;
            }

            if (_compositionFormula is { } formulaSource)
            {
                var text = formulaSource.Text(_t, row, _m.Missing, "composition.formula")!;
                try
                {
                    var parsed = FormulaParser.Parse(text);
                    return new RecordComposition(c.Basis, [.. parsed.Select(p => new Constituent(p.Key, p.Value))], c.Balance);
                }
                catch (FormatException e)
                {
                    throw new RowException(formulaSource.ColumnIndex, "composition.formula", e.Message);
                }
            }

            var constituents = new List<Constituent>();
            double sum = 0;
            foreach (var (element, source) in _elements)
            {
                var q = source.Quantity(_t, row, _m.Missing, $"composition.{element}");
                double fraction;
                if (q is null)
                {
                    fraction = c.EmptyIsZero
                        ? 0
                        : throw new RowException(source.ColumnIndex, $"composition.{element}", "a value is required here (set 'empty_is_zero: true' in the mapping if an empty cell means none)");
                }
                else
                {
                    if (!q.Value.Dimension.IsDimensionless)
                    {
                        throw new RowException(source.ColumnIndex, $"composition.{element}", "an amount must be a pure number or a percentage");
                    }

                    fraction = q.Value.ValueSI * c.Scale;
                }

                if (fraction < 0 || fraction > 1)
                {
                    throw new RowException(source.ColumnIndex, $"composition.{element}", $"an amount must lie between 0 and 100%, found {fraction * 100:G4}%");
                }

                constituents.Add(new Constituent(element, fraction));
                sum += fraction;
            }

            if (c.Balance is { } balance)
            {
                if (sum > 1 + 1e-9)
                {
                    throw new RowException(-1, "composition", $"the listed elements add up to {sum * 100:G5}%, leaving nothing for the balance {balance}");
                }

                constituents.Add(new Constituent(balance, Math.Max(0, 1 - sum)));
            }
            else if (Math.Abs(sum - 1) > 0.005)
            {
                throw new RowException(-1, "composition", $"the amounts add up to {sum * 100:G5}%; the mapping names no balance element");
            }

            return new RecordComposition(c.Basis, constituents, c.Balance);
        }

        internal static NamedValue? ReadValue(BoundSource source, string name, int row, TabularData table, IReadOnlySet<string> missing, string field)
        {
            if (source.Source.IsText)
            {
                return source.Text(table, row, missing, field) is { } text ? NamedValue.OfText(name, text) : null;
            }

            return source.Quantity(table, row, missing, field) is { } q ? NamedValue.Of(name, q) : null;
        }

        private NamedValue? ReadValue(BoundSource source, string name, int row, IReadOnlySet<string> missing, string field) =>
            ReadValue(source, name, row, _t, missing, field);
    }

    private sealed class BoundProvenance
    {
        private readonly ProvenanceMapping _p;
        private readonly TabularData _t;
        private readonly BoundSource? _source;
        private readonly BoundSource? _institution;
        private readonly BoundSource? _author;
        private readonly BoundSource? _date;
        private readonly BoundSource? _method;

        public BoundProvenance(ProvenanceMapping p, TabularData t)
        {
            _p = p;
            _t = t;
            _source = p.Source?.Bind(t);
            _institution = p.Institution?.Bind(t);
            _author = p.Author?.Bind(t);
            _date = p.Date?.Bind(t);
            _method = p.Method?.Bind(t);
        }

        public Provenance Build(int row, IReadOnlySet<string> missing)
        {
            var source = _source?.Text(_t, row, missing, "provenance.source") ?? throw new RowException(_source?.ColumnIndex ?? -1, "provenance.source", "the record has no source");
            var dateText = _date?.Text(_t, row, missing, "provenance.date") ?? throw new RowException(_date?.ColumnIndex ?? -1, "provenance.date", "the record has no date");
            return new Provenance(_p.Kind, source, ParseDate(dateText, _date!.ColumnIndex),
                _author?.Text(_t, row, missing, "provenance.author"), _institution?.Text(_t, row, missing, "provenance.institution"),
                _method?.Text(_t, row, missing, "provenance.method"));
        }

        private static DateTimeOffset ParseDate(string text, int column)
        {
            var c = CultureInfo.InvariantCulture;
            if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss"], c, DateTimeStyles.AssumeUniversal, out var d))
            {
                return d.ToUniversalTime();
            }

            // A year, possibly written as a float by the tool that made the table (2014.0).
            if (double.TryParse(text, NumberStyles.Float, c, out var year) && year >= 1000 && year <= 9999 && year == Math.Floor(year))
            {
                return new DateTimeOffset((int)year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            }

            throw new RowException(column, "provenance.date", $"expected a date (YYYY-MM-DD) or a year, found '{text}'");
        }
    }

    private sealed class BoundProperty
    {
        private readonly PropertyMapping _p;
        private readonly TabularData _t;
        private readonly BoundSource _value;
        private readonly BoundSource? _specimen;
        private readonly BoundSource? _method;
        private readonly BoundSource? _sd;
        private readonly BoundSource? _count;
        private readonly List<(string Name, BoundSource Source)> _conditions;
        private readonly BoundProvenance? _provenance;

        public BoundProperty(PropertyMapping p, TabularData t)
        {
            _p = p;
            _t = t;
            _value = p.Value.Bind(t);
            _specimen = p.Specimen?.Bind(t);
            _method = p.Method?.Bind(t);
            _sd = p.StandardDeviation?.Bind(t);
            _count = p.Count?.Bind(t);
            _conditions = [.. p.Conditions.Select(c => (c.Name, c.Source.Bind(t)))];
            _provenance = p.Provenance is { } pm ? new BoundProvenance(pm, t) : null;
        }

        public PropertyRecord? Build(int row, IReadOnlySet<string> missing)
        {
            var field = $"properties.{_p.Name}";
            if (_value.Quantity(_t, row, missing, field) is not { } value)
            {
                return null;
            }

            var conditions = new List<NamedValue>();
            foreach (var (name, source) in _conditions)
            {
                if (BoundMapping.ReadValue(source, name, row, _t, missing, $"{field}.conditions.{name}") is { } v)
                {
                    conditions.Add(v);
                }
            }

            PropertyStatistics? stats = null;
            double? sd = null;
            int? count = null;
            if (_sd?.Text(_t, row, missing, $"{field}.sd") is { } sdText)
            {
                // A standard deviation is a difference: scale only (no degC offset).
                var unit = _sd.Source.Unit ?? _value.Source.Unit;
                sd = double.TryParse(sdText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && double.IsFinite(s)
                    ? s * (unit?.Scale ?? 1.0)
                    : throw new RowException(_sd.ColumnIndex, $"{field}.sd", $"expected a non-negative number, found '{sdText}'");
            }

            if (_count?.Text(_t, row, missing, $"{field}.count") is { } countText)
            {
                count = int.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new RowException(_count.ColumnIndex, $"{field}.count", $"expected a positive whole number, found '{countText}'");
            }

            if (sd is not null || count is not null)
            {
                stats = new PropertyStatistics(sd, count);
            }

            return new PropertyRecord(_p.Name, value, conditions, _specimen?.Text(_t, row, missing, $"{field}.specimen"),
                _method?.Text(_t, row, missing, $"{field}.method"), stats, _provenance?.Build(row, missing), _value.Source.Unit?.Symbol);
        }
    }

    /// <summary>Converts a value back to the unit a property was imported in, for display.</summary>
    public static double ToSourceUnit(PropertyRecord property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.SourceUnit is { } u ? property.Value.In(Unit.Parse(u)) : property.Value.ValueSI;
    }
}

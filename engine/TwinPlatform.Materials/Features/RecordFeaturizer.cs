using TwinPlatform.Materials.Chemistry;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Features;

/// <summary>
/// Turns material records into model inputs: element fractions, Magpie-style element-property
/// statistics and stoichiometric descriptors of the composition, process steps and set-points,
/// attributes, and the test conditions of the target property. Fitted on training records, which
/// fix the columns (elements, steps, categories seen) and the fill value of missing numbers.
/// </summary>
/// <remarks>
/// <para>A missing number (an empty cell) becomes the column's fill value, set below every training
/// value (minimum - max(range, 1)), so that trees can split "unknown" off instead of reading it as
/// zero. Columns constant over the training records are dropped.</para>
/// <para>Immutable after fitting; thread-safe.</para>
/// </remarks>
public sealed class RecordFeaturizer
{
    private readonly RecordFeature[] _columns;
    private readonly double[] _fill;
    private readonly FeatureDescription[] _descriptions;

    /// <summary>Creates a featuriser from stored columns and fill values.</summary>
    public RecordFeaturizer(IReadOnlyList<RecordFeature> columns, IReadOnlyList<double> fill)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(fill);
        if (columns.Count != fill.Count)
        {
            throw new ArgumentException("one fill value per column");
        }

        _columns = [.. columns];
        _fill = [.. fill];
        _descriptions = [.. _columns.Select(c => new FeatureDescription(c.ColumnName, c.Unit, c.ColumnName, Describe(c)))];
    }

    /// <summary>The columns, in vector order.</summary>
    public IReadOnlyList<RecordFeature> Columns => _columns;

    /// <summary>The fill value of each column for a missing number.</summary>
    public IReadOnlyList<double> Fill => _fill;

    /// <summary>The columns as feature descriptions.</summary>
    public IReadOnlyList<FeatureDescription> Features => _descriptions;

    /// <summary>Fits the columns to training samples.</summary>
    /// <param name="samples">Training records and the property (with its conditions) each row predicts.</param>
    /// <param name="options">Feature groups.</param>
    /// <exception cref="KeyNotFoundException">A composition holds an element the element table lacks.</exception>
    public static RecordFeaturizer Fit(IReadOnlyList<(MaterialRecord Record, PropertyRecord? Property)> samples, RecordFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        var table = ElementTable.Default;
        var candidates = new List<RecordFeature>();
        var elements = new SortedSet<string>(Comparer<string>.Create((a, b) => table[a].AtomicNumber.CompareTo(table[b].AtomicNumber)));
        var steps = new List<string>();
        var setPoints = new List<(string Step, string Name)>();
        var setPointTexts = new List<(string Step, string Name, string Value)>();
        var attributes = new List<string>();
        var attributeTexts = new List<(string Name, string Value)>();
        var conditions = new List<string>();
        var conditionTexts = new List<(string Name, string Value)>();
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (record, property) in samples)
        {
            foreach (var c in record.Composition.Constituents)
            {
                _ = table[c.Name];
                elements.Add(c.Name);
            }

            foreach (var s in record.Process)
            {
                AddOnce(steps, s.Name);
                foreach (var v in s.SetPoints)
                {
                    if (v.Quantity is { } q)
                    {
                        AddOnce(setPoints, (s.Name, v.Name));
                        units[$"{s.Name}.{v.Name}"] = Storage.Records.DimensionCodec.SiSymbol(q.Dimension);
                    }
                    else
                    {
                        AddOnce(setPointTexts, (s.Name, v.Name, v.Text!));
                    }
                }
            }

            foreach (var a in record.Attributes)
            {
                if (a.Quantity is { } q)
                {
                    AddOnce(attributes, a.Name);
                    units["attr:" + a.Name] = Storage.Records.DimensionCodec.SiSymbol(q.Dimension);
                }
                else
                {
                    AddOnce(attributeTexts, (a.Name, a.Text!));
                }
            }

            foreach (var c in property?.Conditions ?? [])
            {
                if (c.Quantity is { } q)
                {
                    AddOnce(conditions, c.Name);
                    units["cond:" + c.Name] = Storage.Records.DimensionCodec.SiSymbol(q.Dimension);
                }
                else
                {
                    AddOnce(conditionTexts, (c.Name, c.Text!));
                }
            }
        }

        if (options.AtomFractions)
        {
            candidates.AddRange(elements.Select(e => new RecordFeature(RecordFeatureKind.AtomFraction, e, null, null, 0, "1")));
        }

        if (options.LogFractions)
        {
            candidates.AddRange(elements.Select(e => new RecordFeature(RecordFeatureKind.LogAtomFraction, e, null, null, 0, "1")));
        }

        if (options.MassFractions)
        {
            candidates.AddRange(elements.Select(e => new RecordFeature(RecordFeatureKind.MassFraction, e, null, null, 0, "1")));
        }

        if (options.Interactions)
        {
            // Alloying elements: reach 1 at.% somewhere, and are not the majority (base) element.
            var maxFraction = new Dictionary<string, double>(StringComparer.Ordinal);
            var meanFraction = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (record, _) in samples)
            {
                foreach (var (e, x) in AtomFractions(record.Composition))
                {
                    maxFraction[e] = Math.Max(maxFraction.GetValueOrDefault(e), x);
                    meanFraction[e] = meanFraction.GetValueOrDefault(e) + (x / samples.Count);
                }
            }

            var major = meanFraction.Count == 0 ? null : meanFraction.MaxBy(kv => kv.Value).Key;
            var alloying = elements.Where(e => e != major && maxFraction.GetValueOrDefault(e) >= 0.01).ToArray();
            for (var i = 0; i < alloying.Length; i++)
            {
                for (var k = i + 1; k < alloying.Length; k++)
                {
                    candidates.Add(new RecordFeature(RecordFeatureKind.FractionProduct, alloying[i], alloying[k], null, 0, "1"));
                }
            }
        }

        if (options.ElementStatistics && elements.Count > 0)
        {
            for (var i = 0; i < 4 * ElementTable.PropertyNames.Count; i++)
            {
                candidates.Add(new RecordFeature(RecordFeatureKind.ElementStatistic, null, null, null, i, ElementTable.PropertyUnits[i / 4]));
            }
        }

        if (options.Stoichiometry && elements.Count > 0)
        {
            for (var i = 0; i < CompositionStatistics.StoichiometryNames.Count; i++)
            {
                candidates.Add(new RecordFeature(RecordFeatureKind.Stoichiometry, null, null, null, i, "1"));
            }
        }

        if (options.Steel && elements.Count > 0)
        {
            for (var i = 0; i < SteelDescriptors.Names.Count; i++)
            {
                candidates.Add(new RecordFeature(RecordFeatureKind.SteelDescriptor, null, null, null, i, "1"));
            }
        }

        if (options.Process)
        {
            candidates.AddRange(steps.Select(s => new RecordFeature(RecordFeatureKind.StepPresent, s, null, null, 0, "1")));
            candidates.AddRange(setPoints.Select(p => new RecordFeature(RecordFeatureKind.SetPoint, p.Step, p.Name, null, 0, units[$"{p.Step}.{p.Name}"])));
            candidates.AddRange(setPointTexts.Select(p => new RecordFeature(RecordFeatureKind.SetPointText, p.Step, p.Name, p.Value, 0, "1")));
        }

        if (options.Attributes)
        {
            candidates.AddRange(attributes.Select(a => new RecordFeature(RecordFeatureKind.Attribute, null, a, null, 0, units["attr:" + a])));
            candidates.AddRange(attributeTexts.Select(a => new RecordFeature(RecordFeatureKind.AttributeText, null, a.Name, a.Value, 0, "1")));
        }

        if (options.Conditions)
        {
            candidates.AddRange(conditions.Select(c => new RecordFeature(RecordFeatureKind.Condition, null, c, null, 0, units["cond:" + c])));
            candidates.AddRange(conditionTexts.Select(c => new RecordFeature(RecordFeatureKind.ConditionText, null, c.Name, c.Value, 0, "1")));
        }

        // Compute every candidate column, then keep the informative ones.
        var provisional = new RecordFeaturizer(candidates, new double[candidates.Count]);
        var raw = new double[samples.Count][];
        for (var i = 0; i < samples.Count; i++)
        {
            raw[i] = provisional.Raw(samples[i].Record, samples[i].Property);
        }

        var keep = new List<RecordFeature>();
        var fill = new List<double>();
        for (var j = 0; j < candidates.Count; j++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            var missing = 0;
            foreach (var row in raw)
            {
                if (double.IsNaN(row[j]))
                {
                    missing++;
                    continue;
                }

                min = Math.Min(min, row[j]);
                max = Math.Max(max, row[j]);
            }

            var present = samples.Count - missing;
            var constant = present == 0 || (max - min <= 1e-12 * Math.Max(1.0, Math.Abs(max)) && missing == 0);
            if (constant)
            {
                continue;
            }

            keep.Add(candidates[j]);
            fill.Add(present == 0 ? 0 : min - Math.Max(max - min, 1.0));
        }

        return new RecordFeaturizer(keep, fill);
    }

    /// <summary>The feature vector of a record (and of the property whose conditions apply), missing numbers filled.</summary>
    /// <exception cref="KeyNotFoundException">The composition holds an element the element table lacks.</exception>
    public double[] Featurize(MaterialRecord record, PropertyRecord? property = null)
    {
        var x = Raw(record, property);
        for (var j = 0; j < x.Length; j++)
        {
            if (double.IsNaN(x[j]))
            {
                x[j] = _fill[j];
            }
        }

        return x;
    }

    /// <summary>The atom fractions of a composition (mass fractions are converted with the element table's atomic masses).</summary>
    /// <exception cref="NotSupportedException">A volume-basis composition.</exception>
    public static IReadOnlyList<KeyValuePair<string, double>> AtomFractions(RecordComposition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var pairs = composition.Constituents.Select(c => new KeyValuePair<string, double>(c.Name, c.Fraction)).ToArray();
        return composition.Basis switch
        {
            CompositionBasisKind.Atom => Normalise(pairs),
            CompositionBasisKind.Mass => CompositionConversion.MassToAtom(pairs),
            _ => throw new NotSupportedException("volume-basis compositions cannot be featurised (atom or mass fractions are needed)"),
        };
    }

    private double[] Raw(MaterialRecord record, PropertyRecord? property)
    {
        ArgumentNullException.ThrowIfNull(record);
        var x = new double[_columns.Length];
        IReadOnlyList<KeyValuePair<string, double>>? atom = null;
        KeyValuePair<string, double>[]? mass = null;
        double[]? stats = null;
        double[]? stoich = null;
        double[]? steel = null;
        for (var j = 0; j < _columns.Length; j++)
        {
            var c = _columns[j];
            switch (c.Kind)
            {
                case RecordFeatureKind.AtomFraction:
                    atom ??= AtomFractions(record.Composition);
                    x[j] = Find(atom, c.Key!);
                    break;
                case RecordFeatureKind.LogAtomFraction:
                    atom ??= AtomFractions(record.Composition);

                    // 1e-4 (100 ppm): below the smallest deliberate addition, so trace and absent read alike.
                    x[j] = Math.Log(Find(atom, c.Key!) + 1e-4);
                    break;
                case RecordFeatureKind.MassFraction:
                    atom ??= AtomFractions(record.Composition);
                    mass ??= record.Composition.Basis == CompositionBasisKind.Mass
                        ? [.. record.Composition.Constituents.Select(k => new KeyValuePair<string, double>(k.Name, k.Fraction))]
                        : CompositionConversion.AtomToMass(atom);
                    x[j] = Find(mass, c.Key!);
                    break;
                case RecordFeatureKind.FractionProduct:
                    atom ??= AtomFractions(record.Composition);
                    x[j] = Find(atom, c.Key!) * Find(atom, c.Name!);
                    break;
                case RecordFeatureKind.ElementStatistic:
                    atom ??= AtomFractions(record.Composition);
                    if (stats is null)
                    {
                        stats = new double[4 * ElementTable.PropertyNames.Count];
                        if (atom.Count > 0)
                        {
                            CompositionStatistics.ElementStatistics(atom, stats);
                        }
                        else
                        {
                            Array.Fill(stats, double.NaN);
                        }
                    }

                    x[j] = stats[c.Index];
                    break;
                case RecordFeatureKind.Stoichiometry:
                    atom ??= AtomFractions(record.Composition);
                    if (stoich is null)
                    {
                        stoich = new double[CompositionStatistics.StoichiometryNames.Count];
                        if (atom.Count > 0)
                        {
                            CompositionStatistics.Stoichiometry(atom, stoich);
                        }
                        else
                        {
                            Array.Fill(stoich, double.NaN);
                        }
                    }

                    x[j] = stoich[c.Index];
                    break;
                case RecordFeatureKind.SteelDescriptor:
                    atom ??= AtomFractions(record.Composition);
                    mass ??= record.Composition.Basis == CompositionBasisKind.Mass
                        ? [.. record.Composition.Constituents.Select(k => new KeyValuePair<string, double>(k.Name, k.Fraction))]
                        : CompositionConversion.AtomToMass(atom);
                    if (steel is null)
                    {
                        steel = new double[SteelDescriptors.Names.Count];
                        if (atom.Count > 0)
                        {
                            SteelDescriptors.Compute(atom, mass, steel);
                        }
                        else
                        {
                            Array.Fill(steel, double.NaN);
                        }
                    }

                    x[j] = steel[c.Index];
                    break;
                case RecordFeatureKind.StepPresent:
                    x[j] = record.Process.Any(s => s.Name == c.Key) ? 1 : 0;
                    break;
                case RecordFeatureKind.SetPoint:
                    x[j] = LastStep(record, c.Key!)?.SetPoint(c.Name!)?.Quantity?.ValueSI ?? double.NaN;
                    break;
                case RecordFeatureKind.SetPointText:
                    x[j] = Indicator(LastStep(record, c.Key!)?.SetPoint(c.Name!), c.Value!);
                    break;
                case RecordFeatureKind.Attribute:
                    x[j] = record.Attribute(c.Name!)?.Quantity?.ValueSI ?? double.NaN;
                    break;
                case RecordFeatureKind.AttributeText:
                    x[j] = Indicator(record.Attribute(c.Name!), c.Value!);
                    break;
                case RecordFeatureKind.Condition:
                    x[j] = property?.Condition(c.Name!)?.Quantity?.ValueSI ?? double.NaN;
                    break;
                case RecordFeatureKind.ConditionText:
                    x[j] = Indicator(property?.Condition(c.Name!), c.Value!);
                    break;
                default:
                    throw new InvalidOperationException($"unknown feature kind {c.Kind}");
            }
        }

        return x;
    }

    private static double Indicator(NamedValue? v, string value) => v?.Text is null ? double.NaN : (v.Text == value ? 1 : 0);

    private static ProcessStepRecord? LastStep(MaterialRecord record, string name)
    {
        for (var i = record.Process.Count - 1; i >= 0; i--)
        {
            if (record.Process[i].Name == name)
            {
                return record.Process[i];
            }
        }

        return null;
    }

    private static double Find(IReadOnlyList<KeyValuePair<string, double>> fractions, string element)
    {
        foreach (var (e, f) in fractions)
        {
            if (e == element)
            {
                return f;
            }
        }

        return 0;
    }

    private static KeyValuePair<string, double>[] Normalise(KeyValuePair<string, double>[] pairs)
    {
        double total = 0;
        foreach (var (_, v) in pairs)
        {
            total += v;
        }

        if (total <= 0)
        {
            return pairs;
        }

        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new(pairs[i].Key, pairs[i].Value / total);
        }

        return pairs;
    }

    private static void AddOnce<T>(List<T> list, T item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }

    private static string Describe(RecordFeature c) => c.Kind switch
    {
        RecordFeatureKind.AtomFraction => $"atom fraction of {c.Key}",
        RecordFeatureKind.MassFraction => $"mass fraction of {c.Key}",
        RecordFeatureKind.LogAtomFraction => $"natural logarithm of the atom fraction of {c.Key} plus 1e-4",
        RecordFeatureKind.FractionProduct => $"product of the atom fractions of {c.Key} and {c.Name}",
        RecordFeatureKind.ElementStatistic => $"atom-fraction-weighted {CompositionStatistics.StatisticNames[c.Index % 4]} of the element {ElementTable.PropertyNames[c.Index / 4]} ({ElementTable.Citation})",
        RecordFeatureKind.Stoichiometry => $"stoichiometric descriptor {CompositionStatistics.StoichiometryNames[c.Index]}",
        RecordFeatureKind.SteelDescriptor => $"steel descriptor {SteelDescriptors.Names[c.Index]}",
        RecordFeatureKind.StepPresent => $"1 if the process has a '{c.Key}' step",
        RecordFeatureKind.SetPoint => $"set-point '{c.Name}' of the last '{c.Key}' step",
        RecordFeatureKind.SetPointText => $"1 if set-point '{c.Name}' of the '{c.Key}' step is '{c.Value}'",
        RecordFeatureKind.Attribute => $"attribute '{c.Name}'",
        RecordFeatureKind.AttributeText => $"1 if attribute '{c.Name}' is '{c.Value}'",
        RecordFeatureKind.Condition => $"test condition '{c.Name}' of the property",
        RecordFeatureKind.ConditionText => $"1 if test condition '{c.Name}' is '{c.Value}'",
        _ => c.Kind.ToString(),
    };
}

using TwinPlatform.Core.Graph;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Twins.Calibration;
using TwinPlatform.Twins.Components;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Monitoring;
using TwinPlatform.Twins.Systems;
using TwinPlatform.Twins.Validation;

namespace TwinPlatform.Twins.Runtime;

/// <summary>
/// The twin of one component: its reduced-order model driven by the loads its system computes,
/// compared sample by sample with its gauges, and calibrating its material's modulus online.
/// </summary>
/// <remarks>All state of the component lives here; one instance per component id; not thread-safe (one runtime loop feeds it).</remarks>
public sealed class ComponentTwin
{
    private readonly ComponentRom _rom;
    private readonly Gauge[] _gauges;
    private readonly Dictionary<string, int> _gaugeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double ForceN, double StdN)> _loads = new(StringComparer.Ordinal);
    private readonly ModulusCalibration _calibration;
    private readonly long _startTicks;
    private readonly ICollection<TwinEvent> _events;
    private bool _shiftRaised;

    /// <summary>Creates the twin.</summary>
    /// <param name="definition">The component in the scene.</param>
    /// <param name="rom">Its reduced-order model, computed at the material's nominal modulus.</param>
    /// <param name="material">Its material's properties.</param>
    /// <param name="gauges">The strain sensors on it.</param>
    /// <param name="driftGauges">Gauge ids whose drift is estimated.</param>
    /// <param name="startTicks">Feed start, UTC ticks (time origin of drift).</param>
    /// <param name="events">Receives the twin's events (anomalies, drift, calibration shift); null keeps them only in <see cref="EventCount"/>.</param>
    public ComponentTwin(ComponentDefinition definition, ComponentRom rom, MaterialState material, IReadOnlyList<SensorNode> gauges, IReadOnlyList<string> driftGauges, long startTicks, ICollection<TwinEvent>? events = null)
    {
        _events = events ?? new List<TwinEvent>();
        Definition = definition;
        _rom = rom;
        Material = material;
        NominalModulusPa = material.YoungsModulus.Value.Mean;
        ModulusRelativeStd = material.YoungsModulus.Value.StandardDeviation / NominalModulusPa;
        if (Math.Abs(rom.ReferenceModulusPa - NominalModulusPa) > 1e-6 * NominalModulusPa)
        {
            throw new ArgumentException($"component '{definition.Id}': the reduced-order model was computed at {rom.ReferenceModulusPa:G6} Pa, the material's modulus is {NominalModulusPa:G6} Pa");
        }

        _gauges = new Gauge[gauges.Count];
        var noise = new double[gauges.Count];
        var drift = new bool[gauges.Count];
        for (var g = 0; g < gauges.Count; g++)
        {
            var cp = (ComponentPoint)gauges[g].Attachment;
            _gauges[g] = new Gauge(gauges[g], cp.Point, cp.Direction, new ResidualMonitor(definition.Id, gauges[g].Id, gauges[g].StandardUncertaintySI));
            _gaugeIndex[gauges[g].Id] = g;
            noise[g] = gauges[g].StandardUncertaintySI;
            drift[g] = driftGauges.Contains(gauges[g].Id);
        }

        _calibration = gauges.Count > 0 ? new ModulusCalibration(NominalModulusPa, noise, drift) : null!;
        _startTicks = startTicks;
    }

    /// <summary>The component in the scene.</summary>
    public ComponentDefinition Definition { get; }

    /// <summary>The component's material.</summary>
    public MaterialState Material { get; }

    /// <summary>The twin id.</summary>
    public string Id => Definition.Id;

    /// <summary>The material's nominal modulus, Pa (the ROM's reference).</summary>
    public double NominalModulusPa { get; }

    /// <summary>Relative standard uncertainty of the nominal modulus.</summary>
    public double ModulusRelativeStd { get; }

    /// <summary>The calibration, or null when the component has no gauge.</summary>
    public ModulusCalibration? Calibration => _gauges.Length > 0 ? _calibration : null;

    /// <summary>The reduced-order model.</summary>
    public ComponentRom Rom => _rom;

    /// <summary>The gauges' sensor nodes, in calibration order.</summary>
    public IEnumerable<SensorNode> Gauges
    {
        get
        {
            foreach (var g in _gauges)
            {
                yield return g.Sensor;
            }
        }
    }

    /// <summary>Gauge samples compared with a prediction.</summary>
    public long Compared { get; private set; }

    /// <summary>Gauge samples that arrived before any load was known.</summary>
    public long WithoutLoad { get; private set; }

    /// <summary>Events raised so far.</summary>
    public int EventCount => _events.Count;

    /// <summary>Largest load seen per load case, N.</summary>
    public Dictionary<string, double> PeakLoadN { get; } = new(StringComparer.Ordinal);

    /// <summary>Takes the load its system currently puts on one of its load cases.</summary>
    public void SetLoad(in ComponentLoad load)
    {
        _loads[load.LoadCase] = (load.ForceN, load.ForceStdN);
        if (!PeakLoadN.TryGetValue(load.LoadCase, out var peak) || Math.Abs(load.ForceN) > Math.Abs(peak))
        {
            PeakLoadN[load.LoadCase] = load.ForceN;
        }
    }

    /// <summary>True if the sensor is one of this component's gauges.</summary>
    public bool HasGauge(string sensorId) => _gaugeIndex.ContainsKey(sensorId);

    /// <summary>Processes one gauge sample: prediction, comparison, calibration.</summary>
    public void OnGauge(in SensorSample sample)
    {
        var g = _gaugeIndex[sample.Sensor];
        if (_loads.Count == 0)
        {
            WithoutLoad++;
            return;
        }

        ref var gauge = ref _gauges[g];
        var (predicted, predictedStd) = Predict(gauge.Point, gauge.Direction);
        var hours = (sample.TimestampUtcTicks - _startTicks) / (double)TimeSpan.TicksPerHour;
        var calibrated = _calibration.Calibrated(g, predicted, hours);
        var good = sample.Quality == SampleQuality.Good;
        if (good)
        {
            var residual = _calibration.Update(g, predicted, sample.ValueSI, hours);
            gauge.Holds.Add(sample.TimestampUtcTicks, predicted, sample.ValueSI, predictedStd);
            Compared++;
            gauge.Monitor.Observe(sample.TimestampUtcTicks, residual, 1e6, "microstrain", _events);
            if ((Compared & 63) == 0)
            {
                var (rate, rateStd) = _calibration.DriftPerHour(g);
                gauge.Monitor.ObserveDrift(sample.TimestampUtcTicks, rate, rateStd, hours, 1e6, "microstrain", _events);
                CheckShift(sample.TimestampUtcTicks);
            }
        }

        gauge.Series.Add(new SeriesPoint(sample.TimestampUtcTicks, predicted, sample.ValueSI, calibrated, good));
    }

    /// <summary>Displacement along a load case's direction at a point per newton, with its relative uncertainty.</summary>
    public (double ComplianceMPerN, double RelativeStd) Compliance(string loadCase, string point)
    {
        var direction = LoadDirection(loadCase);
        var c = _rom.DisplacementPerNewton(loadCase, point, direction, NominalModulusPa);
        var num = _rom.DisplacementRelativeNumericalUncertainty(loadCase, point, direction);
        return (c, Math.Sqrt((ModulusRelativeStd * ModulusRelativeStd) + (num * num)));
    }

    /// <summary>The comparison series of a gauge.</summary>
    public IReadOnlyList<SeriesPoint> Series(string gaugeId) => _gauges[_gaugeIndex[gaugeId]].Series.Points;

    /// <summary>
    /// Validation points of a gauge (ASME V&amp;V 20), one per load hold: S the prediction at the
    /// nominal modulus, D the reading corrected by the calibrated zero offset.
    /// </summary>
    public IReadOnlyList<ValidationResult> Validate(string gaugeId, double coverageFactor)
    {
        var g = _gaugeIndex[gaugeId];
        var gauge = _gauges[g];
        var results = new List<ValidationResult>();
        foreach (var hold in gauge.Holds.Holds())
        {
            var hours = (hold.MidTicks - _startTicks) / (double)TimeSpan.TicksPerHour;
            var offset = _calibration.Offset(g, hours);
            var data = hold.MeanData - offset;
            var uD = Math.Sqrt((gauge.Sensor.StandardUncertaintySI * gauge.Sensor.StandardUncertaintySI / hold.Count) + Sq(_calibration.OffsetStd(g, hours)));
            var uInput = Math.Sqrt(Sq(hold.MeanSimulation * ModulusRelativeStd) + (Sq(hold.SimulationSampleStd) / hold.Count));
            var uNum = Math.Abs(hold.MeanSimulation) * _rom.StrainRelativeNumericalUncertainty(LoadCaseOf(), gauge.Point, gauge.Direction);
            results.Add(new ValidationResult(
                TwinLevel.Component, Id, $"strain {gaugeId}", "microstrain",
                hold.MeanSimulation * 1e6, data * 1e6, uNum * 1e6, uInput * 1e6, uD * 1e6, coverageFactor,
                $"hold of {hold.Count} samples from {new DateTimeOffset(hold.StartTicks, TimeSpan.Zero):HH:mm:ss}, reading less calibrated zero offset"));
        }

        return results;
    }

    /// <summary>
    /// Raises one event when the calibrated modulus's 90% interval excludes the material
    /// passport's value by more than the passport's own standard deviation: the part's material
    /// is not what the passport says. Re-arms when it agrees again.
    /// </summary>
    private void CheckShift(long ticks)
    {
        if (_calibration.Observations < 100)
        {
            return;
        }

        var e = _calibration.Modulus();
        var sd = NominalModulusPa * ModulusRelativeStd;
        var outside = (e.Upper < NominalModulusPa - (0.5 * sd)) || (e.Lower > NominalModulusPa + (0.5 * sd));
        if (outside && !_shiftRaised)
        {
            _shiftRaised = true;
            var relative = (e.Mean / NominalModulusPa) - 1;
            _events.Add(new TwinEvent(Id, TwinEventKind.CalibrationShift, ticks, Math.Abs(e.Mean - NominalModulusPa) / Math.Max(sd, 1e-30),
                $"calibrated modulus {e.Mean / 1e9:F1} GPa (90% [{e.Lower / 1e9:F1}, {e.Upper / 1e9:F1}]) differs from the passport's {NominalModulusPa / 1e9:F1} GPa by {relative:+0.0%;-0.0%}"));
        }
        else if (!outside)
        {
            _shiftRaised = false;
        }
    }

    private (double Strain, double Std) Predict(string point, Vector3d direction)
    {
        double strain = 0;
        double variance = 0;
        foreach (var (loadCase, (force, std)) in _loads)
        {
            var perNewton = _rom.StrainPerNewton(loadCase, point, direction, NominalModulusPa);
            strain += perNewton * force;
            variance += Sq(perNewton * std);
        }

        return (strain, Math.Sqrt(variance));
    }

    private string LoadCaseOf()
    {
        // The numerical uncertainty is taken for the first load case carrying load (one per component today).
        foreach (var (loadCase, _) in _loads)
        {
            return loadCase;
        }

        return Definition.LoadCases[0].Name;
    }

    /// <summary>The unit direction of a load case.</summary>
    public Vector3d LoadDirection(string loadCase)
    {
        foreach (var lc in Definition.LoadCases)
        {
            if (lc.Name == loadCase)
            {
                return lc.Direction;
            }
        }

        throw new KeyNotFoundException($"component '{Id}' has no load case '{loadCase}'");
    }

    private static double Sq(double x) => x * x;

    private struct Gauge
    {
        public Gauge(SensorNode sensor, string point, Vector3d direction, ResidualMonitor monitor)
        {
            Monitor = monitor;
            Sensor = sensor;
            Point = point;
            Direction = direction;
            Holds = new HoldDetector();
            Series = new SeriesRecorder();
        }

        public SensorNode Sensor { get; }

        public string Point { get; }

        public Vector3d Direction { get; }

        public HoldDetector Holds { get; }

        public SeriesRecorder Series { get; }

        public ResidualMonitor Monitor { get; }
    }
}

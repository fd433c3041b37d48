using TwinPlatform.Core.Graph;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Systems;
using TwinPlatform.Twins.Validation;

namespace TwinPlatform.Twins.Runtime;

/// <summary>
/// The twin of one system: takes its measured inputs (payload, position), works out the loads on its
/// components, and predicts the system-level outputs its own sensors measure.
/// </summary>
/// <remarks>All state of the system lives here; one instance per system id; not thread-safe.</remarks>
public sealed class SystemTwin
{
    private readonly Dictionary<string, Output> _outputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _inputs = new(StringComparer.Ordinal);

    /// <summary>Creates the twin; every sensor on the system must read one of the model's channels.</summary>
    /// <exception cref="ArgumentException">A sensor reads a channel the system kind does not have.</exception>
    public SystemTwin(ISystemModel model, IEnumerable<SensorNode> sensors)
    {
        Model = model;
        foreach (var sensor in sensors)
        {
            var channel = ((SystemChannel)sensor.Attachment).Channel;
            if (model.InputChannels.Contains(channel))
            {
                _inputs[sensor.Id] = channel;
            }
            else if (model.OutputChannels.Contains(channel))
            {
                _outputs[sensor.Id] = new Output(sensor, channel);
            }
            else
            {
                throw new ArgumentException(
                    $"sensor '{sensor.Id}' reads channel '{channel}' of system '{model.Definition.Id}', which a {model.Definition.Kind} does not have " +
                    $"(inputs: {string.Join(", ", model.InputChannels)}; outputs: {string.Join(", ", model.OutputChannels)})");
            }
        }
    }

    /// <summary>The system's model.</summary>
    public ISystemModel Model { get; }

    /// <summary>The twin id.</summary>
    public string Id => Model.Definition.Id;

    /// <summary>Input samples that were flagged bad and so did not change the state.</summary>
    public long BadInputs { get; private set; }

    /// <summary>Output samples compared with a prediction.</summary>
    public long Compared { get; private set; }

    /// <summary>Largest magnitude seen per input channel, SI.</summary>
    public Dictionary<string, double> PeakInput { get; } = new(StringComparer.Ordinal);

    /// <summary>The sensor ids of the system's outputs.</summary>
    public IEnumerable<string> OutputSensors => _outputs.Keys;

    /// <summary>True if the sensor is one of the system's inputs.</summary>
    public bool IsInput(string sensorId) => _inputs.ContainsKey(sensorId);

    /// <summary>Takes an input sample; true when the state (and so the component loads) changed.</summary>
    public bool OnInput(in SensorSample sample, double sensorStdSI)
    {
        if (sample.Quality != SampleQuality.Good)
        {
            BadInputs++;
            return false;
        }

        var channel = _inputs[sample.Sensor];
        Model.SetInput(channel, sample.ValueSI, sensorStdSI);
        if (!PeakInput.TryGetValue(channel, out var peak) || Math.Abs(sample.ValueSI) > Math.Abs(peak))
        {
            PeakInput[channel] = sample.ValueSI;
        }

        return Model.HasInputs;
    }

    /// <summary>Compares an output sample with the prediction for the same instant.</summary>
    public void OnOutput(in SensorSample sample, IComponentCompliance compliance)
    {
        if (!Model.HasInputs)
        {
            return;
        }

        var output = _outputs[sample.Sensor];
        var prediction = Model.Predict(output.Channel, compliance);
        var good = sample.Quality == SampleQuality.Good;
        if (good)
        {
            output.Holds.Add(sample.TimestampUtcTicks, prediction.ValueSI, sample.ValueSI, prediction.InputStdSI);
            Compared++;
        }

        output.Series.Add(new SeriesPoint(sample.TimestampUtcTicks, prediction.ValueSI, sample.ValueSI, double.NaN, good));
    }

    /// <summary>The comparison series of an output sensor.</summary>
    public IReadOnlyList<SeriesPoint> Series(string sensorId) => _outputs[sensorId].Series.Points;

    /// <summary>
    /// Validation points of an output sensor (ASME V&amp;V 20), one per steady hold. The input
    /// uncertainty here is systematic (beam and component properties) and does not average down.
    /// </summary>
    public IReadOnlyList<ValidationResult> Validate(string sensorId, double coverageFactor, double unitScale, string unit, double numericalRelativeStd)
    {
        var output = _outputs[sensorId];
        var results = new List<ValidationResult>();
        foreach (var hold in output.Holds.Holds())
        {
            var uD = output.Sensor.StandardUncertaintySI / Math.Sqrt(hold.Count);

            // SimulationSampleStd mixes systematic (properties) and random (measured loads) parts;
            // it is kept whole: a conservative u_input.
            var uInput = hold.SimulationSampleStd;
            var uNum = Math.Abs(hold.MeanSimulation) * numericalRelativeStd;
            results.Add(new ValidationResult(
                TwinLevel.System, Id, $"{output.Channel} {sensorId}", unit,
                hold.MeanSimulation / unitScale, hold.MeanData / unitScale, uNum / unitScale, uInput / unitScale, uD / unitScale, coverageFactor,
                $"hold of {hold.Count} samples from {new DateTimeOffset(hold.StartTicks, TimeSpan.Zero):HH:mm:ss}"));
        }

        return results;
    }

    private sealed class Output(SensorNode sensor, string channel)
    {
        public SensorNode Sensor { get; } = sensor;

        public string Channel { get; } = channel;

        public HoldDetector Holds { get; } = new();

        public SeriesRecorder Series { get; } = new();
    }
}

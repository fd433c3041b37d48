using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Storage.Twins;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Monitoring;
using TwinPlatform.Twins.Reports;
using TwinPlatform.Twins.Validation;
using StoredEvent = TwinPlatform.Storage.Twins.TwinEvent;

namespace TwinPlatform.Twins.Runtime;

/// <summary>
/// Runs a prepared scene against a source with every accepted sample committed to a twin store
/// before it is acknowledged to the source, so that a process killed at any instant loses no
/// acknowledged sample: on restart the run is resumed by replaying its stored samples through the
/// twins (their update is deterministic), and the source redelivers what was not acknowledged.
/// </summary>
/// <remarks>
/// Deliveries pass from the source to the committer through a bounded queue: a slow store or
/// twin makes the source wait (MQTT flow control, hub back-pressure) instead of growing memory.
/// Events and calibration points are written after each commit; after a resume the events the
/// replay raised again and the store lacks are written, so the stored list stays a prefix of the
/// twins' own.
/// </remarks>
public static class DurableRun
{
    /// <summary>Runs until the source ends, the idle timeout or sample limit is reached, or <paramref name="stop"/> fires; then validates.</summary>
    /// <param name="prepared">The prepared scene.</param>
    /// <param name="source">Where samples come from; an <see cref="IAcknowledgedSensorSource"/> is acknowledged per delivery after commit.</param>
    /// <param name="store">The twin store.</param>
    /// <param name="options">Run id, batching, end conditions.</param>
    /// <param name="prepareSeconds">Time spent preparing, for the report.</param>
    /// <param name="progress">Receives progress lines.</param>
    /// <param name="stop">Ends the run gracefully: what was committed is validated and reported.</param>
    public static async Task<(SceneRunResult Run, DurableRunResult Durable)> RunAsync(
        PreparedScene prepared,
        ISensorSource source,
        ITwinStore store,
        DurableRunOptions options,
        double prepareSeconds,
        IProgress<string>? progress = null,
        CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var scene = prepared.Scene;
        var runtime = new SceneRuntime(scene, prepared.Materials, prepared.Roms);
        runtime.Begin();
        var resume = await store.OpenRunAsync(new RunInfo(options.RunId, scene.Name, SceneHash(scene.File), source.Description, DateTimeOffset.UtcNow), CancellationToken.None).ConfigureAwait(false);
        var history = new History(store, options, runtime);
        long resumed = 0;
        if (!resume.IsNew)
        {
            await foreach (var stored in store.ReadSamplesAsync(options.RunId, 0, CancellationToken.None).ConfigureAwait(false))
            {
                runtime.Accept(ToSample(stored));
                resumed++;
            }

            progress?.Report($"run '{options.RunId}': resumed, {resumed} stored samples replayed through the twins");
        }
        else
        {
            progress?.Report($"run '{options.RunId}': new");
            await WriteGraphLineageAsync(store, scene).ConfigureAwait(false);
        }

        await history.CatchUpAsync(resume.IsNew).ConfigureAwait(false);
        var units = SensorUnits(runtime);
        var channel = Channel.CreateBounded<SensorDelivery>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var pumpStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var pump = Task.Run(() => PumpAsync(source, channel.Writer, pumpStop.Token), CancellationToken.None);

        long committed = 0, redelivered = 0, acknowledged = 0, received = 0;
        long nextProgress = 2000;
        string endReason;
        var deliveries = new List<SensorDelivery>();
        var batch = new List<StoredSample>(options.CommitBatch);
        var accepted = new List<SensorSample>(options.CommitBatch);
        try
        {
            while (true)
            {
                // The idle clock starts with the first delivery: a run started before its feed waits for it.
                var more = await WaitAsync(channel.Reader, acknowledged + received > 0 ? options.IdleTimeout : null, stop).ConfigureAwait(false);
                if (more is null)
                {
                    endReason = "idle";
                    break;
                }

                if (more == false)
                {
                    await pump.ConfigureAwait(false);
                    endReason = "source ended";
                    break;
                }

                deliveries.Clear();
                batch.Clear();
                accepted.Clear();
                while (batch.Count < options.CommitBatch && channel.Reader.TryRead(out var delivery))
                {
                    deliveries.Add(delivery);
                    foreach (var sample in delivery.Samples.Span)
                    {
                        if (!units.TryGetValue(sample.Sensor, out var info))
                        {
                            runtime.RejectedBySource++;
                            history.Rejected(sample.TimestampUtcTicks, $"{delivery.Origin}: sensor '{sample.Sensor}' is not in scene '{scene.Name}'");
                            continue;
                        }

                        accepted.Add(sample);
                        batch.Add(new StoredSample(info.Twin, sample.Sensor, sample.TimestampUtcTicks, sample.ValueSI, info.Unit, (byte)sample.Quality, sample.Sequence));
                    }

                    foreach (var rejection in delivery.Rejections)
                    {
                        runtime.RejectedBySource++;
                        history.Rejected(DateTime.UtcNow.Ticks, $"{delivery.Origin}: {rejection}");
                    }
                }

                // Commit first, then update the twins and acknowledge: an acknowledged sample is always in the store.
                if (batch.Count > 0)
                {
                    var result = await store.AppendSamplesAsync(options.RunId, batch, CancellationToken.None).ConfigureAwait(false);
                    committed += result.Inserted;
                    redelivered += result.Duplicates;
                }

                foreach (var sample in accepted)
                {
                    runtime.Accept(sample);
                }

                foreach (var delivery in deliveries)
                {
                    await delivery.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
                    acknowledged++;
                }

                received += accepted.Count;
                await history.AfterBatchAsync().ConfigureAwait(false);
                if (options.StatePublisher is { } publisher)
                {
                    await PublishStateAsync(publisher, runtime).ConfigureAwait(false);
                }

                options.AfterCommit?.Invoke(resume.AcceptedSamples + committed);
                if (received >= nextProgress)
                {
                    progress?.Report($"{received} samples received, {committed} committed, {redelivered} redelivered");
                    nextProgress += 2000;
                }

                if (options.MaxSamples is { } max && received >= max)
                {
                    endReason = "sample limit";
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            endReason = "stopped";
        }
        finally
        {
            await pumpStop.CancelAsync().ConfigureAwait(false);
            try
            {
                await pump.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        runtime.Complete();
        await history.AfterBatchAsync().ConfigureAwait(false);
        progress?.Report($"run '{options.RunId}' ended ({endReason}): {resumed} replayed, {committed} committed, {redelivered} redelivered, {acknowledged} deliveries acknowledged");
        var verdict = SceneValidation.Evaluate(prepared, runtime);
        var evidence = ScenePipeline.InServiceEvidence(runtime, source);
        foreach (var (key, passport) in evidence)
        {
            await store.AppendLineageAsync(new LineageEdge(
                passport.MaterialId, $"{options.RunId}/{key}", "in-service evidence", ProvenanceKind.InService, source.Description, DateTimeOffset.UtcNow)).ConfigureAwait(false);
        }

        var run = new SceneRunResult(prepared, runtime, verdict, evidence, source.Description, prepareSeconds, clock.Elapsed.TotalSeconds);
        return (run, new DurableRunResult(options.RunId, resumed, committed, redelivered, acknowledged, endReason));
    }

    /// <summary>Marks a run complete, so that the next run of the scene does not resume it.</summary>
    public static Task MarkCompleteAsync(ITwinStore store, string runId, string message)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.AppendEventAsync(runId, new StoredEvent(runId, TwinEventKinds.RunCompleted, DateTimeOffset.UtcNow, TwinEventSeverity.Info, message));
    }

    /// <summary>
    /// The run id to use for a scene and source: <paramref name="baseId"/> when that run is new or
    /// unfinished (so a killed process resumes it), else the first of <c>baseId-2</c>,
    /// <c>baseId-3</c>, ... that is.
    /// </summary>
    public static async Task<string> ResumableRunIdAsync(ITwinStore store, string baseId)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var n = 1; ; n++)
        {
            var id = n == 1 ? baseId : $"{baseId}-{n}";
            var events = await store.ReadEventsAsync(id).ConfigureAwait(false);
            if (!events.Any(e => e.Kind == TwinEventKinds.RunCompleted))
            {
                return id;
            }
        }
    }

    /// <summary>A stored sample as the runtime sees it.</summary>
    public static SensorSample ToSample(in StoredSample stored) =>
        new(stored.Channel, stored.TimestampUtcTicks, stored.Value, (SampleQuality)stored.Quality, stored.Sequence);

    private static async Task<bool?> WaitAsync(ChannelReader<SensorDelivery> reader, TimeSpan? idle, CancellationToken stop)
    {
        if (idle is not { } timeout)
        {
            return await reader.WaitToReadAsync(stop).ConfigureAwait(false);
        }

        using var idleStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        idleStop.CancelAfter(timeout);
        try
        {
            return await reader.WaitToReadAsync(idleStop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task PumpAsync(ISensorSource source, ChannelWriter<SensorDelivery> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var delivery in Deliveries(source, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(delivery, cancellationToken).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
    }

    private static async IAsyncEnumerable<SensorDelivery> Deliveries(ISensorSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (source is IAcknowledgedSensorSource acknowledged)
        {
            await foreach (var delivery in acknowledged.ReadDeliveriesAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return delivery;
            }

            yield break;
        }

        // A plain source (a recorded file) needs no acknowledgement: group its samples.
        const int group = 256;
        var samples = new List<SensorSample>(group);
        await foreach (var sample in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            samples.Add(sample);
            if (samples.Count == group)
            {
                yield return new SensorDelivery(source.Description, [.. samples], []);
                samples.Clear();
            }
        }

        if (samples.Count > 0)
        {
            yield return new SensorDelivery(source.Description, [.. samples], []);
        }
    }

    private static Dictionary<string, (string Twin, string Unit)> SensorUnits(SceneRuntime runtime)
    {
        var units = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var sensor in runtime.Scene.Sensors)
        {
            units[sensor.Id] = (sensor.Attachment.Twin.Value, "SI " + sensor.Unit.Dimension);
        }

        return units;
    }

    private static async Task WriteGraphLineageAsync(ITwinStore store, Core.Scenes.SceneDefinition scene)
    {
        var date = DateTimeOffset.UtcNow;
        foreach (var component in scene.Components)
        {
            await store.AppendLineageAsync(new LineageEdge(component.MaterialId, component.Id, "material of", ProvenanceKind.Computation, scene.File, date)).ConfigureAwait(false);
        }

        foreach (var system in scene.Systems)
        {
            foreach (var component in system.ComponentIds)
            {
                await store.AppendLineageAsync(new LineageEdge(component, system.Id, "part of", ProvenanceKind.Computation, scene.File, date)).ConfigureAwait(false);
            }
        }
    }

    private static async Task PublishStateAsync(ITwinStatePublisher publisher, SceneRuntime runtime)
    {
        foreach (var (id, twin) in runtime.Components)
        {
            if (twin.Calibration is not { Observations: > 0 } calibration)
            {
                continue;
            }

            var e = calibration.Modulus();
            await publisher.PublishAsync(new TwinStateUpdate(id, runtime.EndTicks, new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["youngs_modulus_pa"] = e.Mean,
                ["youngs_modulus_lower_pa"] = e.Lower,
                ["youngs_modulus_upper_pa"] = e.Upper,
                ["gauge_samples"] = calibration.Observations,
                ["residual_rms"] = calibration.ResidualRms,
            })).ConfigureAwait(false);
        }
    }

    private static string SceneHash(string file)
    {
        var bytes = File.Exists(file) ? File.ReadAllBytes(file) : [];
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Writes the twins' events and calibration points to the store as the run goes.</summary>
    private sealed class History(ITwinStore store, DurableRunOptions options, SceneRuntime runtime)
    {
        private readonly List<StoredEvent> _pending = [];
        private readonly Dictionary<string, long> _nextCalibration = new(StringComparer.Ordinal);
        private long _eventsWritten;

        public void Rejected(long ticks, string message) =>
            _pending.Add(new StoredEvent(runtime.Scene.Name, TwinEventKinds.Rejected, new DateTimeOffset(ticks, TimeSpan.Zero), TwinEventSeverity.Warning, message));

        /// <summary>After a resume: write the replayed events the store lacks; start calibration points after the replayed ones.</summary>
        public async Task CatchUpAsync(bool isNew)
        {
            if (!isNew)
            {
                var stored = await store.ReadEventsAsync(options.RunId).ConfigureAwait(false);
                _eventsWritten = Math.Min(runtime.Events.TotalCount, stored.Count(e => e.Kind != TwinEventKinds.Rejected));
            }

            await AfterBatchAsync().ConfigureAwait(false);
            foreach (var (id, twin) in runtime.Components)
            {
                _nextCalibration[id] = ((twin.Compared / options.CalibrationEvery) + 1) * options.CalibrationEvery;
            }
        }

        /// <summary>Writes the events raised and the calibration points due since the last call, in one transaction.</summary>
        public async Task AfterBatchAsync()
        {
            var events = runtime.Events;
            var written = new List<StoredEvent>(_pending.Count);
            foreach (var e in events.Since(_eventsWritten))
            {
                written.Add(new StoredEvent(e.Twin, SceneReportWriter.EventKindName(e.Kind), e.Timestamp, Severity(e.Kind), e.Message));
            }

            written.AddRange(_pending);
            var points = new List<CalibrationPoint>();
            var next = new List<(string Id, long Next)>();
            foreach (var (id, twin) in runtime.Components)
            {
                if (twin.Calibration is not { Observations: > 0 } calibration
                    || twin.Compared < _nextCalibration.GetValueOrDefault(id, options.CalibrationEvery))
                {
                    continue;
                }

                var modulus = calibration.Modulus();
                points.Add(new CalibrationPoint(
                    id, "youngs_modulus", new DateTimeOffset(runtime.EndTicks, TimeSpan.Zero), modulus.Mean, modulus.StandardDeviation, modulus.Lower, modulus.Upper, calibration.Observations));
                next.Add((id, ((twin.Compared / options.CalibrationEvery) + 1) * options.CalibrationEvery));
            }

            if (written.Count == 0 && points.Count == 0)
            {
                return;
            }

            await store.AppendHistoryAsync(options.RunId, written, points).ConfigureAwait(false);
            _eventsWritten = events.TotalCount;
            _pending.Clear();
            foreach (var (id, n) in next)
            {
                _nextCalibration[id] = n;
            }
        }

        private static TwinEventSeverity Severity(TwinEventKind kind) => kind switch
        {
            TwinEventKind.Anomaly or TwinEventKind.CalibrationShift => TwinEventSeverity.Alarm,
            TwinEventKind.Drift or TwinEventKind.Rejected => TwinEventSeverity.Warning,
            _ => TwinEventSeverity.Info,
        };
    }
}

using System.Diagnostics;
using TwinPlatform.Prognostics;
using TwinPlatform.Prognostics.Fleet;
using TwinPlatform.Twins.Feeds;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// Feeds a turbofan fleet from a live, acknowledged source (MQTT, the SignalR hub): every delivery's
/// samples go through a <see cref="TurbofanSampleRouter"/> into the engines' twins, updated engines'
/// states are pushed to the state publisher (within <see cref="TurbofanLiveOptions.MaxStatesPerSecond"/>;
/// beyond it an engine waits and goes out once with its latest cycle), and the delivery is acknowledged
/// once applied.
/// </summary>
/// <remarks>
/// The fleet's state lives in memory (no twin store), so a delivery counts as done once its samples
/// were handed to the twins; a cycle still waiting for channels from a later delivery is applied when
/// they arrive or when the run ends (<see cref="TurbofanCycleAssembler.Flush"/>).
/// </remarks>
public static class TurbofanLiveRun
{
    private static readonly TimeSpan MinTick = TimeSpan.FromMilliseconds(10);

    /// <summary>Reads <paramref name="source"/> until it ends, goes idle, reaches the sample limit or <paramref name="ct"/> fires.</summary>
    /// <param name="source">The live source, started or not.</param>
    /// <param name="router">Routes samples to the fleet.</param>
    /// <param name="options">Idle timeout, limits and the state publisher.</param>
    /// <param name="ct">Ends the run (not an error: what arrived is kept).</param>
    public static async Task<TurbofanLiveResult> RunAsync(IAcknowledgedSensorSource source, TurbofanSampleRouter router, TurbofanLiveOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(options);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var updated = new List<TurbofanEngineTwin>();
        var due = new List<(TurbofanEngineTwin Twin, long NewestUtcTicks)>();
        var conflator = new StateConflator<TurbofanEngineTwin>(options.MaxStatesPerSecond);
        var publisher = options.StatePublisher;
        Task? tick = null;
        var clock = new Stopwatch();
        long deliveries = 0, samples = 0, rejected = 0, states = 0;
        var lastSeconds = 0.0;
        var lastDue = 0L;
        var reason = "source ended";
        var enumerator = source.ReadDeliveriesAsync(idle.Token).GetAsyncEnumerator(idle.Token);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    var move = enumerator.MoveNextAsync();
                    if (!move.IsCompleted && conflator.WaitingCount > 0)
                    {
                        // Nothing to read yet: push the waiting states as the budget refills. One timer
                        // serves many waits; it waits at least MinTick for the budget and keeps MinTick
                        // between pushes, so that the budget goes out in batches rather than a state at a time.
                        var next = move.AsTask();
                        while (!next.IsCompleted && conflator.UntilNextDue(Stopwatch.GetTimestamp()) is { } untilDue)
                        {
                            var wait = untilDue > TimeSpan.Zero && untilDue < MinTick ? MinTick : untilDue;
                            var spacing = MinTick - Stopwatch.GetElapsedTime(lastDue);
                            if (spacing > wait)
                            {
                                wait = spacing;
                            }

                            if (wait > TimeSpan.Zero)
                            {
                                tick ??= Task.Delay(wait, CancellationToken.None);
                                if (await Task.WhenAny(next, tick).ConfigureAwait(false) != tick)
                                {
                                    break;
                                }

                                tick = null;
                            }

                            states += await PublishDueAsync(publisher!, options.TwinPrefix, conflator, due, all: false).ConfigureAwait(false);
                            lastDue = Stopwatch.GetTimestamp();
                        }

                        more = await next.ConfigureAwait(false);
                    }
                    else
                    {
                        more = await move.ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                    reason = ct.IsCancellationRequested ? "cancelled" : "idle";
                    break;
                }

                if (!more)
                {
                    break;
                }

                // The idle clock stops while a delivery is applied and restarts after it.
                idle.CancelAfter(Timeout.InfiniteTimeSpan);
                clock.Start();
                var delivery = enumerator.Current;
                deliveries++;
                rejected += delivery.Rejections.Count;
                updated.Clear();
                var newest = 0L;
                var span = delivery.Samples.Span;
                for (var i = 0; i < span.Length; i++)
                {
                    newest = Math.Max(newest, span[i].TimestampUtcTicks);
                    if (router.Route(span[i]) is { } twin && !updated.Contains(twin))
                    {
                        updated.Add(twin);
                    }
                }

                samples += span.Length;
                if (publisher is not null)
                {
                    var now = Stopwatch.GetTimestamp();
                    foreach (var twin in updated)
                    {
                        if (conflator.Offer(twin, newest, now))
                        {
                            await publisher.PublishAsync(State(options.TwinPrefix, twin, newest), CancellationToken.None).ConfigureAwait(false);
                            states++;
                        }
                    }

                    // Waiting engines go out together at most every MinTick, so the budget is spent in
                    // batches whose trees are walked once for all of them (EnginePrognosis.Refresh) rather
                    // than one engine each time a single token refills.
                    if (conflator.WaitingCount > 0 && Stopwatch.GetElapsedTime(lastDue, now) >= MinTick)
                    {
                        states += await PublishDueAsync(publisher, options.TwinPrefix, conflator, due, all: false).ConfigureAwait(false);
                        lastDue = now;
                    }
                }

                // Not cancellable: a delivery applied to the twins is acknowledged even when the run is ending.
                await delivery.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
                lastSeconds = clock.Elapsed.TotalSeconds;
                if (options.MaxSamples is { } max && samples >= max)
                {
                    reason = "max-samples";
                    break;
                }

                if (options.IdleTimeout is { } timeout)
                {
                    idle.CancelAfter(timeout);
                }
            }
        }
        finally
        {
            try
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The reader was cancelled by the idle clock; nothing is left to release.
            }
        }

        // Every twin still waiting goes out with its latest state.
        if (publisher is not null)
        {
            states += await PublishDueAsync(publisher, options.TwinPrefix, conflator, due, all: true).ConfigureAwait(false);
        }

        _ = router.Assembler.Flush();
        return new TurbofanLiveResult(deliveries, samples, rejected, states, lastSeconds, reason);
    }

    public static TwinStateUpdate State(string twinPrefix, TurbofanEngineTwin twin, long timestampUtcTicks)
    {
        ArgumentNullException.ThrowIfNull(twin);
        var p = twin.Prognosis.Current;
        var b = twin.Blade.Current;
        var values = new Dictionary<string, double>(9, StringComparer.Ordinal)
        {
            ["cycle"] = twin.Prognosis.CycleCount,
            ["health_indicator"] = p.HealthIndicator,
            ["rul_cycles"] = p.RemainingUsefulLifeCycles.Mean,
            ["rul_lower_cycles"] = p.RemainingUsefulLifeCycles.Lower,
            ["rul_upper_cycles"] = p.RemainingUsefulLifeCycles.Upper,
            ["blade_stress_Pa"] = b.StressPa,
            ["blade_margin"] = b.Margin,
            ["blade_margin_lower"] = b.MarginLower,
            ["blade_damage"] = b.Damage,
        };
        return new TwinStateUpdate(twinPrefix + twin.Unit.ToString(System.Globalization.CultureInfo.InvariantCulture), timestampUtcTicks, values);
    }

    private static async Task<long> PublishDueAsync(ITwinStatePublisher publisher, string twinPrefix, StateConflator<TurbofanEngineTwin> conflator, List<(TurbofanEngineTwin Twin, long NewestUtcTicks)> due, bool all)
    {
        due.Clear();
        var now = Stopwatch.GetTimestamp();
        _ = all ? conflator.TakeAll(due) : conflator.TakeDue(now, due);

        // The engines going out together are evaluated together: one pass over the trees for all of them.
        if (due.Count > 1)
        {
            EnginePrognosis.Refresh(due.ConvertAll(d => d.Twin.Prognosis));
        }

        foreach (var (twin, newest) in due)
        {
            await publisher.PublishAsync(State(twinPrefix, twin, newest), CancellationToken.None).ConfigureAwait(false);
        }

        return due.Count;
    }
}

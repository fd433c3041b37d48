using TwinPlatform.Storage.Tests.Crash;
using TwinPlatform.Storage.Twins;

namespace TwinPlatform.Storage.Tests.Twins;

/// <summary>
/// A writer killed with SIGKILL in mid-stream loses no acknowledged sample, leaves a readable store,
/// and a restarted writer resumes from it (with the source redelivering its unacknowledged tail).
/// </summary>
public abstract class TwinStoreCrashTests
{
    private const int Batch = 100;
    private const int Redeliver = 150;

    /// <summary>The store specification the child and the checker open.</summary>
    protected abstract string Spec { get; }

    [Fact]
    public async Task AppendSamples_ProcessKilledThreeTimes_KeepsEveryAcknowledgedSampleAndResumes()
    {
        var runId = "crash-" + Guid.NewGuid().ToString("N");
        var timeout = TimeSpan.FromSeconds(120);
        var acks = new List<(long First, long Last)>();
        var resumedFrom = new List<long>();
        var lastAckOfRound = new List<long>();

        for (var round = 0; round < 3; round++)
        {
            using var child = CrashChild.Start(Spec, runId, Batch, Redeliver);
            await child.WaitForAcksAsync(2_000, timeout);
            await child.KillAsync();
            acks.AddRange(child.Acks);
            resumedFrom.Add(await child.Resumed);
            lastAckOfRound.Add(child.Acks.Max(a => a.Last));
        }

        await using var store = await TwinStores.OpenAsync(Spec);
        var resume = await store.OpenRunAsync(CrashFeed.Run(runId));
        var stored = new List<StoredSample>();
        await foreach (var s in store.ReadSamplesAsync(runId))
        {
            stored.Add(s);
        }

        var maxAcked = acks.Max(a => a.Last);

        // Each restart resumed from at least what the killed child had acknowledged.
        Assert.Equal(0, resumedFrom[0]);
        for (var round = 1; round < resumedFrom.Count; round++)
        {
            Assert.True(resumedFrom[round] >= lastAckOfRound[round - 1], $"round {round} resumed from {resumedFrom[round]}, but round {round - 1} acknowledged up to {lastAckOfRound[round - 1]}");
        }

        // Every acknowledged ordinal is stored, ordinals have no gaps, and the resume point agrees.
        Assert.True(stored.Count >= maxAcked, $"store holds {stored.Count} samples, but the children acknowledged up to {maxAcked}");
        Assert.Equal(stored.Count, resume.AcceptedSamples);
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(i + 1, stored[i].Ordinal);
        }

        foreach (var (first, last) in acks)
        {
            Assert.True(last <= stored.Count && first >= 1, $"acknowledged ordinals {first}-{last} missing");
        }

        // Every channel holds each sequence once, from 1 with no gap, with the value the feed wrote:
        // the redelivered tails were not stored twice and no row is damaged.
        for (var c = 0; c < CrashFeed.Channels.Length; c++)
        {
            var channel = CrashFeed.Channels[c];
            var expected = 1L;
            foreach (var s in stored)
            {
                if (s.Channel != channel)
                {
                    continue;
                }

                Assert.Equal(expected, s.Sequence);
                Assert.Equal(CrashFeed.Sample(c, expected) with { Ordinal = s.Ordinal }, s);
                expected++;
            }

            Assert.Equal(expected - 1, resume.LastSequenceByChannel[channel]);
        }

        await CheckIntegrityAsync();
    }

    /// <summary>Checks the database's own consistency after the kills.</summary>
    protected virtual Task CheckIntegrityAsync() => Task.CompletedTask;
}

using System.Diagnostics;
using TwinPlatform.Twins.Feeds;
using TwinPlatform.Twins.Feeds.Wire;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// <c>twin publish</c> of a <c>kind: turbofan-fleet</c> scene: sends the scene's C-MAPSS test engines as a
/// gateway would, one payload per engine cycle (24 messages: 3 settings and 21 sensors, twin
/// <c>engine-{unit}</c>, sequence = cycle), in fleet time order (cycle 1 of every engine, then cycle 2, ...).
/// </summary>
public static class TurbofanPublish
{
    /// <summary>Publishes the C-MAPSS file <paramref name="testFile"/>.</summary>
    /// <param name="testFile">C-MAPSS trajectories (the scene's test file).</param>
    /// <param name="send">Sends one payload (an engine cycle) and returns when the transport has it.</param>
    /// <param name="cyclesPerSecond">Fleet cycles per wall-clock second (cycle k of every engine is due (k - 1) / speed seconds after the start); 0 or less sends as fast as the transport takes it.</param>
    /// <param name="ct">Stops publishing.</param>
    /// <returns>Payloads and samples sent, the rows the reader rejected, and the wall time.</returns>
    public static async Task<(long Payloads, long Samples, int RejectedRows, double Seconds)> PublishAsync(
        string testFile, Func<SensorMessage[], CancellationToken, Task> send, double cyclesPerSecond, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(send);
        var reader = new CmapssFeedReader(testFile);
        var clock = Stopwatch.StartNew();
        long payloads = 0, samples = 0;
        await foreach (var batch in reader.ReadMessagesAsync(ct).ConfigureAwait(false))
        {
            if (cyclesPerSecond > 0 && batch.Length > 0)
            {
                var due = TimeSpan.FromSeconds((batch[0].Sequence - 1) / cyclesPerSecond);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct).ConfigureAwait(false);
                }
            }

            await send(batch, ct).ConfigureAwait(false);
            payloads++;
            samples += batch.Length;
        }

        return (payloads, samples, reader.Rejected.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Whether the scene at <paramref name="scenePath"/> (folder or file) is a turbofan fleet.</summary>
    internal static bool IsTurbofanScene(string scenePath) => RunCommand.SceneKind(scenePath) == TurbofanRun.Kind;
}

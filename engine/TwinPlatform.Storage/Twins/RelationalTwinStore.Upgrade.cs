using System.Data.Common;

namespace TwinPlatform.Storage.Twins;

public abstract partial class RelationalTwinStore
{
    /// <summary>
    /// Converts a version 1 database in the schema transaction: every run's rows of <c>twin_samples</c> become
    /// blocks with the same ordinals, and <c>twin_samples</c> is dropped. All or nothing: a failure rolls the database back to version 1.
    /// </summary>
    private async Task UpgradeFromVersion1Async(DbConnection c, DbTransaction tx, CancellationToken ct)
    {
        var runs = new List<string>();
        await using (var cmd = Command(c, tx, "SELECT DISTINCT run_id FROM twin_samples ORDER BY run_id"))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                runs.Add(r.GetString(0));
            }
        }

        foreach (var run in runs)
        {
            var page = new List<StoredSample>(SampleBlock.MaxSamples);
            long after = 0;
            while (true)
            {
                page.Clear();
                await using (var read = Command(c, tx, $"""
                    SELECT twin_id, channel, timestamp_utc_ticks, value_si, unit, quality, sequence, ordinal
                    FROM twin_samples WHERE run_id = @run AND ordinal > @after ORDER BY ordinal LIMIT {SampleBlock.MaxSamples}
                    """))
                {
                    AddText(read, "@run", run);
                    AddInt64(read, "@after", after);
                    await using var r = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    while (await r.ReadAsync(ct).ConfigureAwait(false))
                    {
                        var s = new StoredSample(r.GetString(0), r.GetString(1), r.GetInt64(2), GetDouble(r, 3), r.GetString(4), checked((byte)r.GetInt16(5)), r.GetInt64(6), r.GetInt64(7));
                        if (s.Ordinal != after + page.Count + 1)
                        {
                            throw new InvalidDataException($"{DisplayName}: run {run} has no sample at ordinal {after + page.Count + 1} (next is {s.Ordinal}); version 1 ordinals have no gaps");
                        }

                        page.Add(s);
                    }
                }

                if (page.Count == 0)
                {
                    break;
                }

                await WriteBlocksAsync(c, tx, run, after, page, ct).ConfigureAwait(false);
                after += page.Count;
            }
        }

        await ExecuteAsync(c, tx, "DROP TABLE twin_samples", ct).ConfigureAwait(false);
        await ExecuteAsync(c, tx, "UPDATE twin_schema_info SET value = '2' WHERE key = 'version'", ct).ConfigureAwait(false);
    }
}

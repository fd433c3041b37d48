using System.Data.Common;
using TwinPlatform.Core.Lineage;

namespace TwinPlatform.Storage.Twins;

public abstract partial class RelationalTwinStore
{
    private const string SnapshotColumns = "s.twin_id, s.ordinal, s.saved_utc_ticks, s.state_json";

    /// <inheritdoc/>
    public Task SaveSnapshotAsync(string runId, string twinId, long ordinal, string stateJson, CancellationToken cancellationToken = default)
    {
        RequireText(runId, nameof(runId));
        RequireText(twinId, nameof(twinId));
        ArgumentNullException.ThrowIfNull(stateJson);
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ThrowIfDisposed();
        return InWriteTransactionAsync(
            async (c, tx, ct) =>
            {
                // INSERT ... SELECT FROM twin_runs writes nothing for an unknown run. The WHERE clause
                // also keeps SQLite from reading ON CONFLICT as part of the SELECT.
                await using var cmd = Command(c, tx, """
                    INSERT INTO twin_snapshots (run_id, twin_id, ordinal, saved_utc_ticks, state_json)
                    SELECT run_id, @twin, @ordinal, @saved, @state FROM twin_runs WHERE run_id = @run
                    ON CONFLICT (run_id, twin_id, ordinal) DO UPDATE SET saved_utc_ticks = excluded.saved_utc_ticks, state_json = excluded.state_json
                    """);
                AddText(cmd, "@twin", twinId);
                AddInt64(cmd, "@ordinal", ordinal);
                AddInt64(cmd, "@saved", DateTimeOffset.UtcNow.UtcTicks);
                AddText(cmd, "@state", stateJson);
                AddText(cmd, "@run", runId);
                return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1 ? true : throw UnknownRun(runId);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<TwinSnapshot?> ReadLatestSnapshotAsync(string runId, string twinId, CancellationToken cancellationToken = default)
    {
        RequireText(runId, nameof(runId));
        RequireText(twinId, nameof(twinId));
        ThrowIfDisposed();
        await using var c = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        var list = await ReadLatestSnapshotsAsync(c, null, runId, twinId, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    /// <inheritdoc/>
    public Task AppendCalibrationAsync(string runId, CalibrationPoint point, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(point);
        return AppendHistoryAsync(runId, [], [point], cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CalibrationPoint>> ReadCalibrationAsync(string runId, string? twinId = null, CancellationToken cancellationToken = default)
    {
        RequireText(runId, nameof(runId));
        ThrowIfDisposed();
        await using var c = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, null,
            "SELECT twin_id, parameter, timestamp_utc_ticks, mean, sd, lower_bound, upper_bound, observations FROM twin_calibration WHERE run_id = @run"
            + (twinId is null ? string.Empty : " AND twin_id = @twin")
            + " ORDER BY id");
        AddText(cmd, "@run", runId);
        if (twinId is not null)
        {
            AddText(cmd, "@twin", twinId);
        }

        var list = new List<CalibrationPoint>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new CalibrationPoint(
                r.GetString(0),
                r.GetString(1),
                FromUtcTicks(r.GetInt64(2)),
                GetDouble(r, 3),
                GetDouble(r, 4),
                GetDouble(r, 5),
                GetDouble(r, 6),
                r.GetInt64(7)));
        }

        return list;
    }

    /// <inheritdoc/>
    public Task AppendEventAsync(string runId, TwinEvent twinEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(twinEvent);
        return AppendHistoryAsync(runId, [twinEvent], [], cancellationToken);
    }

    /// <inheritdoc/>
    public Task AppendHistoryAsync(string runId, IReadOnlyList<TwinEvent> events, IReadOnlyList<CalibrationPoint> calibration, CancellationToken cancellationToken = default)
    {
        RequireText(runId, nameof(runId));
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(calibration);
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            RequireText(e.TwinId, nameof(e.TwinId));
            RequireText(e.Kind, nameof(e.Kind));
        }

        foreach (var point in calibration)
        {
            ArgumentNullException.ThrowIfNull(point, nameof(calibration));
            RequireText(point.TwinId, nameof(point.TwinId));
            RequireText(point.Parameter, nameof(point.Parameter));
        }

        ThrowIfDisposed();
        return InWriteTransactionAsync(
            async (c, tx, ct) =>
            {
                await using (var known = Command(c, tx, "SELECT COUNT(*) FROM twin_runs WHERE run_id = @run"))
                {
                    AddText(known, "@run", runId);
                    if (Convert.ToInt64(await known.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
                    {
                        throw UnknownRun(runId);
                    }
                }

                if (events.Count > 0)
                {
                    await using var cmd = Command(c, tx, """
                        INSERT INTO twin_events (run_id, twin_id, kind, timestamp_utc_ticks, severity, message)
                        VALUES (@run, @twin, @kind, @ts, @severity, @message)
                        """);
                    AddText(cmd, "@run", runId);
                    var twin = AddText(cmd, "@twin", string.Empty);
                    var kind = AddText(cmd, "@kind", string.Empty);
                    var ts = AddInt64(cmd, "@ts", 0);
                    var severity = AddText(cmd, "@severity", string.Empty);
                    var message = AddText(cmd, "@message", string.Empty);
                    await cmd.PrepareAsync(ct).ConfigureAwait(false);
                    foreach (var e in events)
                    {
                        twin.Value = e.TwinId;
                        kind.Value = e.Kind;
                        ts.Value = e.TimestampUtc.UtcTicks;
                        severity.Value = e.Severity.ToString();
                        message.Value = e.Message ?? string.Empty;
                        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                }

                if (calibration.Count > 0)
                {
                    await using var cmd = Command(c, tx, """
                        INSERT INTO twin_calibration (run_id, twin_id, parameter, timestamp_utc_ticks, mean, sd, lower_bound, upper_bound, observations)
                        VALUES (@run, @twin, @parameter, @ts, @mean, @sd, @lower, @upper, @n)
                        """);
                    AddText(cmd, "@run", runId);
                    var twin = AddText(cmd, "@twin", string.Empty);
                    var parameter = AddText(cmd, "@parameter", string.Empty);
                    var ts = AddInt64(cmd, "@ts", 0);
                    var mean = AddDouble(cmd, "@mean", 0);
                    var sd = AddDouble(cmd, "@sd", 0);
                    var lower = AddDouble(cmd, "@lower", 0);
                    var upper = AddDouble(cmd, "@upper", 0);
                    var n = AddInt64(cmd, "@n", 0);
                    await cmd.PrepareAsync(ct).ConfigureAwait(false);
                    foreach (var point in calibration)
                    {
                        twin.Value = point.TwinId;
                        parameter.Value = point.Parameter;
                        ts.Value = point.TimestampUtc.UtcTicks;
                        mean.Value = DoubleValue(point.Mean);
                        sd.Value = DoubleValue(point.StandardDeviation);
                        lower.Value = DoubleValue(point.Lower);
                        upper.Value = DoubleValue(point.Upper);
                        n.Value = point.Observations;
                        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                }

                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TwinEvent>> ReadEventsAsync(string runId, CancellationToken cancellationToken = default)
    {
        RequireText(runId, nameof(runId));
        ThrowIfDisposed();
        await using var c = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, null, "SELECT twin_id, kind, timestamp_utc_ticks, severity, message FROM twin_events WHERE run_id = @run ORDER BY id");
        AddText(cmd, "@run", runId);
        var list = new List<TwinEvent>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new TwinEvent(
                r.GetString(0),
                r.GetString(1),
                FromUtcTicks(r.GetInt64(2)),
                ParseEnum<TwinEventSeverity>(r.GetString(3), "twin_events.severity"),
                r.GetString(4)));
        }

        return list;
    }

    /// <inheritdoc/>
    public Task<bool> AppendLineageAsync(LineageEdge edge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edge);
        RequireText(edge.FromId, nameof(edge.FromId));
        RequireText(edge.ToId, nameof(edge.ToId));
        RequireText(edge.Relation, nameof(edge.Relation));
        ThrowIfDisposed();
        return InWriteTransactionAsync(
            async (c, tx, ct) =>
            {
                await using var cmd = Command(c, tx, """
                    INSERT INTO twin_lineage (from_id, to_id, relation, provenance_kind, source, date_utc_ticks)
                    VALUES (@from, @to, @relation, @kind, @source, @date)
                    ON CONFLICT (from_id, to_id, relation, provenance_kind, source) DO NOTHING
                    """);
                AddText(cmd, "@from", edge.FromId);
                AddText(cmd, "@to", edge.ToId);
                AddText(cmd, "@relation", edge.Relation);
                AddText(cmd, "@kind", edge.Kind.ToString());
                AddText(cmd, "@source", edge.Source ?? string.Empty);
                AddInt64(cmd, "@date", edge.DateUtc.UtcTicks);
                return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LineageEdge>> ReadLineageAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        RequireText(nodeId, nameof(nodeId));
        ThrowIfDisposed();
        await using var c = await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, null,
            "SELECT from_id, to_id, relation, provenance_kind, source, date_utc_ticks FROM twin_lineage WHERE from_id = @node OR to_id = @node ORDER BY id");
        AddText(cmd, "@node", nodeId);
        var list = new List<LineageEdge>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new LineageEdge(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                ParseEnum<ProvenanceKind>(r.GetString(3), "twin_lineage.provenance_kind"),
                r.GetString(4),
                FromUtcTicks(r.GetInt64(5))));
        }

        return list;
    }

    /// <summary>The latest snapshot per twin of a run (or of one twin), ordered by twin id.</summary>
    private static async Task<IReadOnlyList<TwinSnapshot>> ReadLatestSnapshotsAsync(
        DbConnection c, DbTransaction? tx, string runId, string? twinId, CancellationToken ct)
    {
        await using var cmd = Command(c, tx,
            $"SELECT {SnapshotColumns} FROM twin_snapshots s WHERE s.run_id = @run"
            + (twinId is null ? string.Empty : " AND s.twin_id = @twin")
            + " AND s.ordinal = (SELECT MAX(m.ordinal) FROM twin_snapshots m WHERE m.run_id = s.run_id AND m.twin_id = s.twin_id)"
            + " ORDER BY s.twin_id");
        AddText(cmd, "@run", runId);
        if (twinId is not null)
        {
            AddText(cmd, "@twin", twinId);
        }

        var list = new List<TwinSnapshot>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new TwinSnapshot(r.GetString(0), r.GetInt64(1), FromUtcTicks(r.GetInt64(2)), r.GetString(3)));
        }

        return list;
    }

    private static TEnum ParseEnum<TEnum>(string text, string column)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: false, out var value)
            ? value
            : throw new InvalidDataException($"{column} holds '{text}', which is not a {typeof(TEnum).Name}");
}

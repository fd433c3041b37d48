using System.CommandLine;
using TwinPlatform.Core.Lineage;
using TwinPlatform.Storage;
using TwinPlatform.Storage.Records;

namespace TwinPlatform.Cli.Commands;

/// <summary><c>twin materials records [--db FILE] [--property P] [--kind K] [--limit N] [--json]</c>: list stored records.</summary>
public static class MaterialsRecordsCommand
{
    /// <summary>The <c>records</c> subcommand.</summary>
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "SQLite record store", DefaultValueFactory = _ => Path.Combine("out", "materials.db") };
        var property = new Option<string?>("--property") { Description = "Only records with this property" };
        var kind = new Option<string?>("--kind") { Description = "Only values of this provenance kind: experiment, computation, prediction, in_service" };
        var limit = new Option<int>("--limit") { Description = "At most this many records", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the records as JSON" };
        var command = new Command("records", "List records of the record store with their provenance") { db, property, kind, limit, json };
        command.SetAction((ParseResult r, CancellationToken ct) => Task.FromResult(
            Execute(r.GetValue(db)!, r.GetValue(property), r.GetValue(kind), r.GetValue(limit), r.GetValue(json), Console.Out, Console.Error)));
        return command;
    }

    /// <summary>Lists records; returns the exit code.</summary>
    public static int Execute(string db, string? property, string? kind, int limit, bool json, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!File.Exists(db))
        {
            error.WriteLine($"error: no record store {db} (run 'twin materials import' first)");
            return 2;
        }

        ProvenanceKind? k = null;
        try
        {
            k = kind is null ? null : MaterialRecordJson.ParseKind(kind);
        }
        catch (FormatException e)
        {
            error.WriteLine($"error: --kind: {e.Message}");
            return 2;
        }

        using var store = SqliteRecordStore.Open(db);
        var query = new RecordQuery { Property = property, Kind = k };
        var total = store.Count(query);
        var records = store.Query(query with { Limit = limit });
        if (json)
        {
            output.Write(MaterialRecordJson.SerializeMany(records));
            return 0;
        }

        output.WriteLine($"{total} records match; showing {records.Count}");
        foreach (var r in records)
        {
            var props = string.Join(", ", r.Properties.Select(p => $"{p.Name} ({MaterialRecordJson.KindText(r.ProvenanceOf(p).Kind)})"));
            output.WriteLine($"{r.Id}  {r.Raw.Name}  [{r.Access.ToString().ToLowerInvariant()}]  {MaterialRecordJson.KindText(r.Provenance.Kind)}: {r.Provenance.Source}");
            output.WriteLine($"    {props}");
        }

        return 0;
    }
}

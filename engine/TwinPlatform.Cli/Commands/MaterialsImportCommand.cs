using System.CommandLine;
using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Materials.Import;
using TwinPlatform.Storage;

namespace TwinPlatform.Cli.Commands;

/// <summary><c>twin materials import --data FILE --mapping MAP [--db FILE] [--strict] [--json]</c>: import a data file into the record store.</summary>
public static class MaterialsImportCommand
{
    /// <summary>The <c>import</c> subcommand.</summary>
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data file (CSV or JSON)", Required = true };
        var mapping = new Option<string>("--mapping") { Description = "Mapping file (YAML, schema twinplatform.mapping)", Required = true };
        var db = new Option<string>("--db") { Description = "SQLite record store", DefaultValueFactory = _ => Path.Combine("out", "materials.db") };
        var strict = new Option<bool>("--strict") { Description = "Exit with 1 if any row was skipped" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("import", "Import a data file with a mapping into the record store (units normalised to SI; bad rows reported and skipped)")
        {
            data, mapping, db, strict, json,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => Task.FromResult(
            Execute(r.GetValue(data)!, r.GetValue(mapping)!, r.GetValue(db)!, r.GetValue(strict), r.GetValue(json), Console.Out, Console.Error)));
        return command;
    }

    /// <summary>Runs the import; returns the exit code.</summary>
    public static int Execute(string data, string mapping, string db, bool strict, bool json, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var result = RecordImporter.Import(mapping, data);
            StoreResult stored;
            using (var store = SqliteRecordStore.Open(db))
            {
                stored = store.Put(result.Records);
            }

            if (json)
            {
                output.WriteLine(MaterialsOutput.ImportJson(result, stored, db));
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                output.WriteLine(string.Create(c, $"{result.File}: {result.RowsRead} rows -> {result.Records.Count} records ({result.Duplicates} duplicate rows, {result.Issues.Count} rows skipped)"));
                output.WriteLine(string.Create(c, $"stored in {db}: {stored.Inserted} new, {stored.Existing} already stored"));
                foreach (var issue in result.Issues)
                {
                    error.WriteLine("skipped: " + issue);
                }
            }

            return strict && result.Issues.Count > 0 ? 1 : 0;
        }
        catch (InputFileException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}

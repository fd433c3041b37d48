using TwinPlatform.Storage.Records;

namespace TwinPlatform.Materials.Import;

/// <summary>The outcome of importing one data file with a mapping.</summary>
/// <param name="Mapping">The mapping's name.</param>
/// <param name="File">The data file.</param>
/// <param name="RowsRead">Data rows in the file.</param>
/// <param name="Records">The records imported, in file order; rows with identical content appear once.</param>
/// <param name="Issues">The rows that were skipped, each with file, line, column and reason.</param>
/// <param name="Duplicates">Rows whose content repeated an earlier row's (same persistent id).</param>
public sealed record ImportResult(string Mapping, string File, int RowsRead, IReadOnlyList<MaterialRecord> Records, IReadOnlyList<ImportIssue> Issues, int Duplicates);

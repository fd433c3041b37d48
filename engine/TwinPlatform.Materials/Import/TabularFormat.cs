namespace TwinPlatform.Materials.Import;

/// <summary>The layouts of data files the importer reads.</summary>
public enum TabularFormat
{
    /// <summary>Comma-separated values with a header line (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>Column-oriented JSON, as pandas writes it: <c>{"column": {"0": value, "1": value}, ...}</c>.</summary>
    JsonColumns,

    /// <summary>Record-oriented JSON: <c>[{"column": value, ...}, ...]</c>.</summary>
    JsonRecords,
}

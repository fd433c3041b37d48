using TwinPlatform.Core;

namespace TwinPlatform.Materials.Import;

/// <summary>RFC 4180 CSV with a header line: quoted cells, doubled quotes, line breaks inside quotes; positions kept.</summary>
internal static class CsvParser
{
    public static TabularData Parse(string text, string file)
    {
        var records = new List<(List<string> Cells, List<(int, int)> Positions, int Line)>();
        var cells = new List<string>();
        var positions = new List<(int, int)>();
        var cell = new System.Text.StringBuilder();
        var line = 1;
        var column = 1;
        var cellLine = 1;
        var cellColumn = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quotedCell = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        void EndCell()
        {
            cells.Add(cell.ToString());
            positions.Add((cellLine, cellColumn));
            cell.Clear();
            quotedCell = false;
        }

        void EndRecord()
        {
            EndCell();
            var blank = cells.Count == 1 && cells[0].Length == 0;
            if (!blank)
            {
                records.Add((cells, positions, recordLine));
            }

            cells = [];
            positions = [];
        }

        var atCellStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (atCellStart)
            {
                cellLine = line;
                cellColumn = column;
                if (cells.Count == 0)
                {
                    recordLine = line;
                }

                atCellStart = false;
                if (c == '"')
                {
                    inQuotes = true;
                    quotedCell = true;
                    i++;
                    column++;
                    continue;
                }
            }

            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                        column += 2;
                        continue;
                    }

                    inQuotes = false;
                    i++;
                    column++;
                    continue;
                }

                if (c == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }

                cell.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case ',':
                    EndCell();
                    atCellStart = true;
                    i++;
                    column++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    break;
                case '\n':
                    EndRecord();
                    atCellStart = true;
                    i++;
                    line++;
                    column = 1;
                    break;
                case '"':
                    throw new InputFileException(file, line, column, string.Empty,
                        quotedCell ? "text after a closing quote; a quote inside a quoted cell is written twice (\"\")" : "a quote may only open a cell");
                default:
                    cell.Append(c);
                    i++;
                    column++;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new InputFileException(file, cellLine, cellColumn, string.Empty, "a quoted cell is not closed before the end of the file");
        }

        if (!atCellStart || cells.Count > 0)
        {
            EndRecord();
        }

        if (records.Count == 0)
        {
            throw new InputFileException(file, 1, 0, string.Empty, "the file is empty; expected a header line");
        }

        var header = records[0].Cells;
        for (var h = 0; h < header.Count; h++)
        {
            header[h] = header[h].Trim();
        }

        var rows = new string?[records.Count - 1][];
        var pos = new (int, int)[records.Count - 1][];
        var lines = new int[records.Count - 1];
        var problems = new string?[records.Count - 1];
        for (var r = 1; r < records.Count; r++)
        {
            var (rc, rp, rl) = records[r];
            if (rc.Count != header.Count)
            {
                // Reported by the importer as a bad row; keep what is there and pad.
                var row = new string?[header.Count];
                var p = new (int, int)[header.Count];
                for (var k = 0; k < header.Count; k++)
                {
                    row[k] = k < rc.Count ? rc[k] : null;
                    p[k] = k < rp.Count ? rp[k] : (rl, 0);
                }

                rows[r - 1] = row;
                pos[r - 1] = p;
                lines[r - 1] = rl;
                problems[r - 1] = $"expected {header.Count} comma-separated cells as in the header, found {rc.Count}";
                continue;
            }

            rows[r - 1] = [.. rc];
            pos[r - 1] = [.. rp];
            lines[r - 1] = rl;
        }

        return new TabularData(file, header, rows, pos, lines, problems);
    }
}

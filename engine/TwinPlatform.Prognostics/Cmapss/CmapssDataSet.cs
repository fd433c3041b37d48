namespace TwinPlatform.Prognostics.Cmapss;

/// <summary>The engines of one C-MAPSS file in file order.</summary>
/// <param name="Source">The file the engines were read from.</param>
/// <param name="Engines">Engines in file order.</param>
public sealed record CmapssDataSet(string Source, IReadOnlyList<CmapssEngine> Engines)
{
    /// <summary>Total number of rows (cycles) over all engines.</summary>
    public int RowCount
    {
        get
        {
            var n = 0;
            foreach (var e in Engines)
            {
                n += e.CycleCount;
            }

            return n;
        }
    }
}

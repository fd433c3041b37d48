namespace TwinPlatform.Storage.Twins;

/// <summary>The outcome of <see cref="ITwinStore.AppendSamplesAsync"/>, known only after the batch is committed.</summary>
/// <param name="Inserted">
/// Samples that were new. They hold the ordinals <c>LastOrdinal - Inserted + 1</c> to <c>LastOrdinal</c>, in the
/// order they appeared in the batch.
/// </param>
/// <param name="Duplicates">Samples whose (channel, sequence) was already stored for the run, or repeated within the batch; they were not stored again.</param>
/// <param name="LastOrdinal">The run's accepted sample count after the commit, which is also the ordinal of its latest sample.</param>
public readonly record struct SampleAppendResult(int Inserted, int Duplicates, long LastOrdinal)
{
    /// <summary>The ordinal of the first sample this batch inserted, or 0 when it inserted none.</summary>
    public long FirstInsertedOrdinal => Inserted == 0 ? 0 : LastOrdinal - Inserted + 1;
}

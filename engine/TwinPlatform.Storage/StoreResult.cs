namespace TwinPlatform.Storage;

/// <summary>The outcome of <see cref="IRecordStore.Put"/>.</summary>
/// <param name="Inserted">Records that were new.</param>
/// <param name="Existing">Records already stored (same content id); only their access level was updated.</param>
public readonly record struct StoreResult(int Inserted, int Existing);

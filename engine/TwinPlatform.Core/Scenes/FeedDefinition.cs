namespace TwinPlatform.Core.Scenes;

/// <summary>The scene's default sample source.</summary>
/// <param name="ReplayPath">A recorded feed file to replay (absolute; may not exist yet), or null.</param>
/// <param name="TruthPath">The simulator's statement of what it used to make the feed (absolute), or null.</param>
/// <param name="ReorderWindow">How many samples out of order the twin re-sorts.</param>
public sealed record FeedDefinition(string? ReplayPath, string? TruthPath, int ReorderWindow);

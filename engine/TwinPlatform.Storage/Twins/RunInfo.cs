namespace TwinPlatform.Storage.Twins;

/// <summary>Describes one run of a twin scene: the unit under which the store keeps samples, snapshots, calibration and events.</summary>
/// <param name="RunId">The run's id, chosen by the caller; reopening the same id resumes the run.</param>
/// <param name="SceneName">The scene's name.</param>
/// <param name="SceneFileHash">A hash of the scene file; a run cannot be reopened with a different one.</param>
/// <param name="SourceDescription">Where the samples come from (for example <c>mqtt://broker/topic</c> or <c>replay:feed.csv</c>).</param>
/// <param name="StartedUtc">When the run was first started. On reopen the stored value is kept.</param>
public sealed record RunInfo(string RunId, string SceneName, string SceneFileHash, string SourceDescription, DateTimeOffset StartedUtc);

using TwinPlatform.Prognostics.Training;

namespace TwinPlatform.Prognostics.Models;

/// <summary>One ensemble member in a manifest: its ML.NET zip and training settings.</summary>
public sealed record ManifestMember
{
    /// <summary>File name of the ML.NET model zip in the model folder.</summary>
    public required string File { get; init; }

    /// <summary>Training settings.</summary>
    public required RulMemberOptions Options { get; init; }

    /// <summary>Trees in the trained model.</summary>
    public int Trees { get; init; }
}

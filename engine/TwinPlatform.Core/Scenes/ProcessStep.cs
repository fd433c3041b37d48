using TwinPlatform.Core.Units;

namespace TwinPlatform.Core.Scenes;

/// <summary>One process step with its set-points (SI), in the order applied.</summary>
/// <param name="Name">Step name, for example <c>tempering</c>.</param>
/// <param name="SetPoints">Named set-points: temperature, time, reduction ratio...</param>
/// <param name="Equipment">Equipment or medium, if given.</param>
public sealed record ProcessStep(string Name, IReadOnlyDictionary<string, Quantity> SetPoints, string? Equipment);

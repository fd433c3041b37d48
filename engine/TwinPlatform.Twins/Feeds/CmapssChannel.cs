namespace TwinPlatform.Twins.Feeds;

/// <summary>One column of a C-MAPSS file as a feed channel.</summary>
/// <param name="Name">Channel name (<c>T24</c>, <c>Ps30</c>, <c>setting1</c>).</param>
/// <param name="Description">What it measures.</param>
/// <param name="FileUnit">The unit of the column in the file (<c>degR</c>, <c>psia</c>, <c>rpm</c>, <c>-</c>).</param>
/// <param name="Unit">The catalog unit the channel is sent in.</param>
/// <param name="Scale">Factor from the file's value to the sent value (5/9 for Rankine to kelvin, else 1).</param>
public sealed record CmapssChannel(string Name, string Description, string FileUnit, string Unit, double Scale = 1.0);

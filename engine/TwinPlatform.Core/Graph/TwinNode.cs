namespace TwinPlatform.Core.Graph;

/// <summary>One twin in the graph.</summary>
/// <param name="Id">Unique id within the graph.</param>
/// <param name="Level">Material, component or system.</param>
/// <param name="Name">Human name.</param>
public sealed record TwinNode(TwinId Id, TwinLevel Level, string Name);

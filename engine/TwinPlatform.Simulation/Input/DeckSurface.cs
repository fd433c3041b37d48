namespace TwinPlatform.Simulation.Input;

/// <summary>A named element-face surface (<c>*SURFACE, TYPE=ELEMENT</c>, or a gmsh physical surface).</summary>
/// <param name="Name">Name as first written.</param>
/// <param name="Faces">Element faces, in definition order, without repeats.</param>
/// <param name="Location">The keyword line that defined it.</param>
public sealed record DeckSurface(string Name, DeckFace[] Faces, DeckLocation Location);

namespace TwinPlatform.Simulation.Meshing;

/// <summary>
/// One face of a volume element: the global element number (0-based, as in <see cref="Mesh"/>) and the face
/// number, 1-based, in CalculiX/Abaqus S-numbering (S1..S4 for tetrahedra, S1..S6 for hexahedra, S1..S5 for
/// wedges; see <see cref="ElementTypeExtensions.FaceNodes"/>).
/// </summary>
/// <param name="Element">Global element number, 0-based.</param>
/// <param name="Face">Face number, 1-based (the n of CalculiX's Sn / Pn / Fn labels).</param>
public readonly record struct ElementFace(int Element, int Face);

namespace TwinPlatform.Simulation.Input;

/// <summary>Topological facts about <see cref="DeckElementType"/> values.</summary>
public static class DeckElementTypes
{
    /// <summary>Nodes of one element.</summary>
    public static int NodeCount(this DeckElementType type) => type switch
    {
        DeckElementType.C3D4 => 4,
        DeckElementType.C3D10 => 10,
        DeckElementType.C3D8 => 8,
        DeckElementType.C3D20 or DeckElementType.C3D20R => 20,
        DeckElementType.C3D6 => 6,
        DeckElementType.C3D15 => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>Faces of one element: 4 (tetrahedra), 6 (hexahedra) or 5 (wedges); faces are numbered 1..n (S1..Sn).</summary>
    public static int FaceCount(this DeckElementType type) => type switch
    {
        DeckElementType.C3D4 or DeckElementType.C3D10 => 4,
        DeckElementType.C3D8 or DeckElementType.C3D20 or DeckElementType.C3D20R => 6,
        DeckElementType.C3D6 or DeckElementType.C3D15 => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown element type"),
    };

    /// <summary>Corner-node positions (0-based) of face <paramref name="face"/> (1-based, CalculiX S1..S6), in CalculiX order.</summary>
    /// <remarks>
    /// Tetrahedra: S1 (1,2,3), S2 (1,4,2), S3 (2,4,3), S4 (3,4,1). Hexahedra: S1 (1,2,3,4), S2 (5,8,7,6),
    /// S3 (1,5,6,2), S4 (2,6,7,3), S5 (3,7,8,4), S6 (4,8,5,1). Wedges: S1 (1,2,3), S2 (4,5,6), S3 (1,2,5,4),
    /// S4 (2,3,6,5), S5 (3,1,4,6). Node numbers 1-based as in the CalculiX manual.
    /// </remarks>
    public static ReadOnlySpan<int> FaceCorners(this DeckElementType type, int face)
    {
        if (face < 1 || face > type.FaceCount())
        {
            throw new ArgumentOutOfRangeException(nameof(face), face, $"{type} has faces 1..{type.FaceCount()}");
        }

        ReadOnlySpan<int> tet = [0, 1, 2, -1, 0, 3, 1, -1, 1, 3, 2, -1, 2, 3, 0, -1];
        ReadOnlySpan<int> hex = [0, 1, 2, 3, 4, 7, 6, 5, 0, 4, 5, 1, 1, 5, 6, 2, 2, 6, 7, 3, 3, 7, 4, 0];
        ReadOnlySpan<int> wedge = [0, 1, 2, -1, 3, 4, 5, -1, 0, 1, 4, 3, 1, 2, 5, 4, 2, 0, 3, 5];
        var table = type.FaceCount() switch
        {
            4 => tet,
            6 => hex,
            _ => wedge,
        };
        var slice = table.Slice(4 * (face - 1), 4);
        return slice[3] < 0 ? slice[..3] : slice;
    }

    /// <summary>Parses a CalculiX type name (case-insensitive).</summary>
    public static bool TryParse(string text, out DeckElementType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToUpperInvariant())
        {
            case "C3D4":
                type = DeckElementType.C3D4;
                return true;
            case "C3D10":
                type = DeckElementType.C3D10;
                return true;
            case "C3D8":
                type = DeckElementType.C3D8;
                return true;
            case "C3D20":
                type = DeckElementType.C3D20;
                return true;
            case "C3D20R":
                type = DeckElementType.C3D20R;
                return true;
            case "C3D6":
                type = DeckElementType.C3D6;
                return true;
            case "C3D15":
                type = DeckElementType.C3D15;
                return true;
            default:
                type = default;
                return false;
        }
    }
}

namespace TwinPlatform.Verification.Tests.Input;

/// <summary>Small decks shared by the reader tests.</summary>
internal static class Decks
{
    /// <summary>One unit cube of 8 nodes split into nothing: node and set data for a single C3D8.</summary>
    public const string CubeMesh = """
        *NODE, NSET=NALL
        1, 0, 0, 0
        2, 1, 0, 0
        3, 1, 1, 0
        4, 0, 1, 0
        5, 0, 0, 1
        6, 1, 0, 1
        7, 1, 1, 1
        8, 0, 1, 1
        *ELEMENT, TYPE=C3D8, ELSET=EALL
        1, 1, 2, 3, 4, 5, 6, 7, 8
        *NSET, NSET=BOTTOM
        1, 2, 3, 4
        *NSET, NSET=TOP, GENERATE
        5, 8
        """;

    /// <summary>The cube with a material and a static step pulling the top.</summary>
    public const string CubeStatic = CubeMesh + """

        *MATERIAL, NAME=STEEL
        *ELASTIC
        210000., 0.3
        *DENSITY
        7.85E-9
        *SOLID SECTION, ELSET=EALL, MATERIAL=STEEL
        *BOUNDARY
        BOTTOM, 1, 3
        *STEP
        *STATIC
        *CLOAD
        TOP, 3, 10.
        *NODE FILE
        U, RF
        *EL FILE
        S
        *END STEP
        """;
}

using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Input;

namespace TwinPlatform.Verification.Tests.Input;

public sealed class InpReaderTests
{
    // Every supported keyword once, written in mixed case with comments, blank lines, continued keyword lines
    // and trailing commas.
    private const string AllKeywords = """
        ** a comment
        *Heading
        all keywords
        *node, nset=Nall
        1, 0., 0., 0.
        2, 1., 0., 0.
        3, 0., 1., 0.,
        4, 0., 0., 1.

        5, 1., 1., 1.
        *ELEMENT, TYPE=c3d4,
          ELSET=Eall
        10, 1, 2, 3, 4
        11, 2, 3, 4, 5,
        *NSET, NSET=FIX
        1, 2,
        3,
        *NSET, NSET=EVERYOTHER, GENERATE
        1, 5, 2
        *NSET, NSET=COMBINED
        FIX, 5
        *ELSET, ELSET=FIRST
        10
        *ELSET, ELSET=BOTH, generate
        10, 11
        *SURFACE, NAME=SBOT, TYPE=ELEMENT
        10, S1
        *MATERIAL, NAME=Steel
        *ELASTIC
        210000., 0.3
        *DENSITY
        7.85e-9
        *EXPANSION, ZERO=20.
        1.2D-5
        *CONDUCTIVITY
        50.
        *SPECIFIC HEAT
        4.6e8
        *SOLID SECTION, ELSET=EALL, MATERIAL=STEEL
        *INITIAL CONDITIONS, TYPE=TEMPERATURE
        NALL, 20.
        *BOUNDARY
        FIX, 1, 3
        *STEP
        *STATIC
        0.1, 1.
        *CLOAD
        5, 3, -10.
        4, 1, 2.5
        *DLOAD
        11, P3, 1.5
        SBOT, P, 2.
        EALL, GRAV, 9810., 0., 0., -1.
        FIRST, CENTRIF, 100., 0., 0., 0., 0., 0., 2.
        *TEMPERATURE
        NALL, 120.
        *NODE PRINT, NSET=FIX
        RF
        *EL PRINT, ELSET=FIRST
        S
        *NODE FILE
        U
        *EL FILE
        S
        *END STEP
        *STEP
        *HEAT TRANSFER, STEADY STATE
        *BOUNDARY, OP=NEW
        FIX, 11, 11, 100.
        *DFLUX
        11, S2, 1000.
        *FILM
        SBOT, F, 20., 25.
        *NODE FILE
        NT
        *EL FILE
        HFL
        *END STEP
        *STEP
        *FREQUENCY, STORAGE=YES
        4
        *BOUNDARY, OP=NEW
        FIX, 1, 3
        *END STEP
        """;

    [Fact]
    public void Read_EveryKeyword_BuildsTheModel()
    {
        var folder = new DeckFolder();
        var deck = InpReader.Read(folder.Write("all.inp", AllKeywords));

        Assert.Equal("all keywords", deck.Title);
        Assert.Equal([1, 2, 3, 4, 5], deck.NodeIds);
        Assert.Equal(1.0, deck.Z[deck.NodeIndex(4)]);
        Assert.Equal(2, deck.Elements.Count);
        Assert.Equal(DeckElementType.C3D4, deck.Element(11).Type);
        Assert.Equal([2, 3, 4, 5], deck.Element(11).Nodes);
        Assert.Equal([1, 2, 3], deck.NodeSets["fix"].Ids);
        Assert.Equal([1, 3, 5], deck.NodeSets["EveryOther"].Ids);
        Assert.Equal([1, 2, 3, 5], deck.NodeSets["COMBINED"].Ids);
        Assert.Equal([10, 11], deck.ElementSets["BOTH"].Ids);
        Assert.Equal([new DeckFace(10, 1)], deck.Surfaces["SBOT"].Faces);

        var steel = deck.MaterialOf(10);
        Assert.Equal("Steel", steel.Name);
        Assert.Equal(210000.0, steel.YoungsModulus);
        Assert.Equal(0.3, steel.PoissonsRatio);
        Assert.Equal(7.85e-9, steel.Density);
        Assert.Equal(1.2e-5, steel.Expansion);
        Assert.Equal(20.0, steel.ExpansionZero);
        Assert.Equal(50.0, steel.Conductivity);
        Assert.Equal(4.6e8, steel.SpecificHeat);
        Assert.Equal(20.0, deck.InitialTemperatures[4]);

        Assert.Equal(3, deck.Steps.Count);
        var s = deck.Steps[0];
        Assert.Equal(DeckStepKind.Static, s.Kind);
        Assert.Equal(9, s.Boundaries.Count);
        Assert.Equal(0.0, s.Boundaries[new NodeDof(2, 3)]);
        Assert.Equal(-10.0, s.NodalForces[new NodeDof(5, 3)]);
        Assert.Equal(2.5, s.NodalForces[new NodeDof(4, 1)]);
        Assert.Equal(1.5, s.Pressures[new DeckFace(11, 3)]);
        Assert.Equal(2.0, s.Pressures[new DeckFace(10, 1)]);
        Assert.Equal(new Vector3d(0, 0, -9810), s.Gravity[11]);
        Assert.Equal(new DeckCentrifugal(100, new Vector3d(0, 0, 0), new Vector3d(0, 0, 1)), s.Centrifugal[10]);
        Assert.False(s.Centrifugal.ContainsKey(11));
        Assert.Equal(120.0, s.Temperatures[5]);
        Assert.Equal(["U"], s.Output.NodeFile!);
        Assert.Equal(["S"], s.Output.ElementFile!);
        Assert.Equal("FIX", s.Output.NodePrint.Single().Set);
        Assert.Equal(["S"], s.Output.ElementPrint.Single().Variables);

        var heat = deck.Steps[1];
        Assert.Equal(DeckStepKind.HeatTransfer, heat.Kind);
        Assert.Equal(3, heat.Boundaries.Count);
        Assert.Equal(100.0, heat.Boundaries[new NodeDof(3, 11)]);
        Assert.Equal(1000.0, heat.SurfaceFluxes[new DeckFace(11, 2)]);
        Assert.Equal(new DeckFilm(20, 25), heat.Films[new DeckFace(10, 1)]);
        Assert.Equal(["NT"], heat.Output.NodeFile!);

        var modes = deck.Steps[2];
        Assert.Equal(DeckStepKind.Frequency, modes.Kind);
        Assert.Equal(4, modes.ModeCount);
        Assert.Equal(9, modes.Boundaries.Count);
        Assert.Equal(["NT"], modes.Output.NodeFile!);
    }

    [Fact]
    public void Read_ElementLinesContinuedAfterTrailingComma_JoinsTheNodes()
    {
        var folder = new DeckFolder();
        var deck = InpReader.Read(folder.Write("hex20.inp", Hex20Deck));

        var e = deck.Element(1);
        Assert.Equal(DeckElementType.C3D20R, e.Type);
        Assert.Equal(Enumerable.Range(1, 20), e.Nodes);
    }

    [Fact]
    public void Read_Include_ExpandsRelativeToTheIncludingFile()
    {
        var folder = new DeckFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "mesh"));
        folder.Write("mesh/nodes.inp", """
            *NODE, NSET=NALL
            *INCLUDE, INPUT=coordinates.txt
            """);
        folder.Write("mesh/coordinates.txt", """
            1, 0, 0, 0
            2, 1, 0, 0
            3, 0, 1, 0
            4, 0, 0, 1
            """);
        var deck = InpReader.Read(folder.Write("main.inp", """
            *INCLUDE, INPUT=mesh/nodes.inp
            *ELEMENT, TYPE=C3D4, ELSET=EALL
            1, 1, 2, 3, 4
            """));

        Assert.Equal([1, 2, 3, 4], deck.NodeIds);
        Assert.Equal([1, 2, 3, 4], deck.NodeSets["NALL"].Ids);
    }

    [Fact]
    public void Read_IncludeCycle_IsRefusedWithTheIncludeLine()
    {
        var folder = new DeckFolder();
        folder.Write("b.inp", "*INCLUDE, INPUT=a.inp");
        var a = folder.Write("a.inp", "** first line\n*INCLUDE, INPUT=b.inp");

        var e = Assert.Throws<TwinPlatform.Core.InputFileException>(() => InpReader.Read(a));
        Assert.EndsWith("b.inp", e.File, StringComparison.Ordinal);
        Assert.Equal(1, e.Line);
        Assert.Contains("cycle", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingInclude_NamesTheIncludingLine()
    {
        var folder = new DeckFolder();
        var path = folder.Write("a.inp", "*HEADING\nx\n*INCLUDE, INPUT=nowhere.inp");

        var e = Assert.Throws<TwinPlatform.Core.InputFileException>(() => InpReader.Read(path));
        Assert.Equal(path, e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains("nowhere.inp", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GmshMeshInclude_BringsNodesElementsSetsAndSurfaces()
    {
        var folder = new DeckFolder();
        folder.Write("tet.msh", GmshTet);
        var deck = InpReader.Read(folder.Write("main.inp", """
            *INCLUDE, INPUT=tet.msh
            *MATERIAL, NAME=M
            *ELASTIC
            1., 0.3
            *SOLID SECTION, ELSET=solid, MATERIAL=M
            *STEP
            *STATIC
            *BOUNDARY
            base, 1, 3
            *DLOAD
            base, P, 5.
            *END STEP
            """));

        Assert.Equal(4, deck.NodeCount);
        Assert.Equal(DeckElementType.C3D4, deck.Element(1).Type);
        Assert.Equal([1], deck.ElementSets["SOLID"].Ids);
        Assert.Equal(3, deck.NodeSets["base"].Ids.Length);

        // The base triangle is face S1 (nodes 1-2-3) of the tetrahedron.
        Assert.Equal([new DeckFace(1, 1)], deck.Surfaces["base"].Faces);
        Assert.Equal(5.0, deck.Steps[0].Pressures[new DeckFace(1, 1)]);
    }

    [Fact]
    public void Read_LoadsAcrossSteps_FollowCalculixMergingRules()
    {
        var folder = new DeckFolder();
        var deck = InpReader.Read(folder.Write("steps.inp", Decks.CubeMesh + """

            *MATERIAL, NAME=STEEL
            *ELASTIC
            210000., 0.3
            *SOLID SECTION, ELSET=EALL, MATERIAL=STEEL
            *BOUNDARY
            BOTTOM, 1, 3
            *STEP
            *STATIC
            *CLOAD
            5, 3, 1.
            5, 3, 2.
            *CLOAD
            6, 3, 1.
            *DLOAD
            1, P2, -10.
            1, P2, -5.
            *END STEP
            *STEP
            *STATIC
            *CLOAD
            5, 3, 5.
            *END STEP
            *STEP
            *STATIC
            *CLOAD, OP=NEW
            7, 3, 1.
            *BOUNDARY
            TOP, 1, 1, 0.25
            *END STEP
            """));

        // Within a step repeated loads add up (checked against ccx 2.20).
        Assert.Equal(3.0, deck.Steps[0].NodalForces[new NodeDof(5, 3)]);
        Assert.Equal(-15.0, deck.Steps[0].Pressures[new DeckFace(1, 2)]);

        // A later step replaces the value it sets and keeps the others.
        Assert.Equal(5.0, deck.Steps[1].NodalForces[new NodeDof(5, 3)]);
        Assert.Equal(1.0, deck.Steps[1].NodalForces[new NodeDof(6, 3)]);
        Assert.Equal(-15.0, deck.Steps[1].Pressures[new DeckFace(1, 2)]);

        // OP=NEW drops everything inherited of that kind; boundary conditions carry over and merge.
        Assert.Equal([new NodeDof(7, 3)], deck.Steps[2].NodalForces.Keys);
        Assert.Equal(0.25, deck.Steps[2].Boundaries[new NodeDof(8, 1)]);
        Assert.Equal(12 + 4, deck.Steps[2].Boundaries.Count);
    }

    [Fact]
    public void Read_NoOutputRequests_MeansEveryField()
    {
        var folder = new DeckFolder();
        var deck = InpReader.Read(folder.Write("cube.inp", Decks.CubeStatic.Replace("*NODE FILE\nU, RF\n*EL FILE\nS\n", string.Empty, StringComparison.Ordinal)));

        Assert.True(deck.Steps[0].Output.IsEmpty);
        Assert.True(deck.Steps[0].Output.WantsField("S"));
    }

    private const string Hex20Deck = """
        *NODE
        1, 0, 0, 0
        2, 1, 0, 0
        3, 1, 1, 0
        4, 0, 1, 0
        5, 0, 0, 1
        6, 1, 0, 1
        7, 1, 1, 1
        8, 0, 1, 1
        9, 0.5, 0, 0
        10, 1, 0.5, 0
        11, 0.5, 1, 0
        12, 0, 0.5, 0
        13, 0.5, 0, 1
        14, 1, 0.5, 1
        15, 0.5, 1, 1
        16, 0, 0.5, 1
        17, 0, 0, 0.5
        18, 1, 0, 0.5
        19, 1, 1, 0.5
        20, 0, 1, 0.5
        *ELEMENT, TYPE=C3D20R, ELSET=EALL
        1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 17, 18, 19, 20
        """;

    // One tetrahedron whose base triangle (z = 0) is the physical surface "base" and whose volume is "solid".
    private const string GmshTet = """
        $MeshFormat
        4.1 0 8
        $EndMeshFormat
        $PhysicalNames
        2
        2 5 "base"
        3 7 "solid"
        $EndPhysicalNames
        $Entities
        0 0 1 1
        3 0 0 0 1 1 0 1 5 0
        1 0 0 0 1 1 1 1 7 0
        $EndEntities
        $Nodes
        2 4 1 4
        2 3 0 3
        1
        2
        3
        0 0 0
        1 0 0
        0 1 0
        3 1 0 1
        4
        0 0 1
        $EndNodes
        $Elements
        2 2 1 2
        2 3 2 1
        1 1 3 2
        3 1 4 1
        2 1 2 3 4
        $EndElements
        """;
}

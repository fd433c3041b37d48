using TwinPlatform.Core;
using TwinPlatform.Simulation.Gmsh;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Input;

/// <content>Nodes, elements, sets, surfaces and gmsh mesh includes.</content>
internal sealed partial class InpParser
{
    private void ReadNodes(InpCard card)
    {
        card.Allow("NSET");
        RequireModelData(card);
        var set = card.Optional("NSET") is { } name ? NodeSetBuilder(name, card.Location) : null;
        foreach (var line in card.Data)
        {
            if (line.Fields.Length > 4)
            {
                throw FieldError(line, 4, card.Title, $"a node line is 'number, x, y, z'; found {line.Fields.Length} fields");
            }

            var id = Integer(line, 0, card.Title, "node number");
            if (id <= 0)
            {
                throw FieldError(line, 0, card.Title, $"node number {id} must be positive");
            }

            AddNode(id, Number(line, 1, card.Title, "x coordinate"), OptionalNumber(line, 2, card.Title, "y coordinate", 0), OptionalNumber(line, 3, card.Title, "z coordinate", 0), line.Location, line.Columns[0]);
            set?.Add(id, line.Location);
        }
    }

    private void AddNode(int id, double x, double y, double z, DeckLocation where, int column)
    {
        if (_deck.NodeIndex.TryGetValue(id, out var existing))
        {
            throw InpReader.Error(where, column, "*NODE", $"node {id} is defined twice (first at {_deck.NodeLocations[existing]})");
        }

        _deck.NodeIndex[id] = _deck.NodeIds.Count;
        _deck.NodeIds.Add(id);
        _deck.X.Add(x);
        _deck.Y.Add(y);
        _deck.Z.Add(z);
        _deck.NodeLocations.Add(where);
        _deck.MaxNodeId = Math.Max(_deck.MaxNodeId, id);
    }

    private void ReadElements(InpCard card)
    {
        card.Allow("TYPE", "ELSET");
        RequireModelData(card);
        var typeName = card.Required("TYPE");
        if (!DeckElementTypes.TryParse(typeName, out var type))
        {
            throw card.Error(card.Find("TYPE")!.Column, $"element type {typeName.ToUpperInvariant()} is not supported (supported: C3D4, C3D10, C3D8, C3D20, C3D20R, C3D6, C3D15)");
        }

        var set = card.Optional("ELSET") is { } name ? ElementSetBuilder(name, card.Location) : null;
        var needed = type.NodeCount();
        var fields = new List<(string Text, InpDataLine Line, int Index)>();
        for (var i = 0; i < card.Data.Count; i++)
        {
            var first = card.Data[i];
            fields.Clear();
            var line = first;
            while (true)
            {
                for (var f = 0; f < line.Fields.Length; f++)
                {
                    fields.Add((line.Fields[f], line, f));
                }

                // An element line continues on the next line while it ends with a comma and is short of nodes.
                if (!line.EndsWithComma || fields.Count >= needed + 1 || i + 1 >= card.Data.Count)
                {
                    break;
                }

                line = card.Data[++i];
            }

            var id = Integer(first, 0, card.Title, "element number");
            if (id <= 0)
            {
                throw FieldError(first, 0, card.Title, $"element number {id} must be positive");
            }

            if (fields.Count - 1 != needed)
            {
                throw FieldError(first, 0, card.Title, $"element {id} has {fields.Count - 1} nodes; {type} needs {needed}");
            }

            var nodes = new int[needed];
            for (var k = 0; k < needed; k++)
            {
                var (_, l, index) = fields[k + 1];
                nodes[k] = Integer(l, index, card.Title, $"node {k + 1} of element {id}");
            }

            if (_deck.ElementById.TryGetValue(id, out var existing))
            {
                throw FieldError(first, 0, card.Title, $"element {id} is defined twice (first at {existing.Location})");
            }

            AddElement(new DeckElement(id, type, nodes, first.Location));
            set?.Add(id, first.Location);
        }
    }

    private void AddElement(DeckElement element)
    {
        _deck.Elements.Add(element);
        _deck.ElementById[element.Id] = element;
        _deck.MaxElementId = Math.Max(_deck.MaxElementId, element.Id);
    }

    private void ReadSet(InpCard card, string nameKey, Dictionary<string, SetBuilder> sets, bool isNodeSet)
    {
        card.Allow(nameKey, "GENERATE");
        var set = isNodeSet ? NodeSetBuilder(card.Required(nameKey), card.Location) : ElementSetBuilder(card.Required(nameKey), card.Location);
        var what = isNodeSet ? "node" : "element";
        foreach (var line in card.Data)
        {
            if (card.Has("GENERATE"))
            {
                var first = Integer(line, 0, card.Title, $"first {what}");
                var last = Integer(line, 1, card.Title, $"last {what}");
                var step = Field(line, 2).Length == 0 ? 1 : Integer(line, 2, card.Title, "increment");
                if (step <= 0 || last < first || line.Fields.Length > 3)
                {
                    throw FieldError(line, 0, card.Title, $"GENERATE needs 'first, last[, increment]' with first <= last and increment > 0; found '{string.Join(", ", line.Fields)}'");
                }

                for (long id = first; id <= last; id += step)
                {
                    set.Add((int)id, line.Location);
                }

                continue;
            }

            for (var f = 0; f < line.Fields.Length; f++)
            {
                var text = line.Fields[f];
                if (text.Length == 0)
                {
                    continue;
                }

                if (IsInteger(text))
                {
                    set.Add(Integer(line, f, card.Title, what + " number"), line.Location);
                }
                else if (sets.TryGetValue(text, out var other))
                {
                    foreach (var id in other.Ids)
                    {
                        set.Add(id, line.Location);
                    }
                }
                else
                {
                    throw FieldError(line, f, card.Title, $"{what} set '{text}' is not defined (a set must be defined before it is used)");
                }
            }
        }

    }

    private SetBuilder NodeSetBuilder(string name, DeckLocation where) => Builder(_nodeSets, name, where);

    private SetBuilder ElementSetBuilder(string name, DeckLocation where) => Builder(_elementSets, name, where);

    private static SetBuilder Builder(Dictionary<string, SetBuilder> sets, string name, DeckLocation where)
    {
        if (!sets.TryGetValue(name, out var set))
        {
            set = new SetBuilder(name, where);
            sets[name] = set;
        }

        return set;
    }

    private void ReadSurface(InpCard card)
    {
        card.Allow("NAME", "TYPE");
        var name = card.Required("NAME");
        var type = card.Optional("TYPE")?.ToUpperInvariant() ?? "ELEMENT";
        if (type != "ELEMENT")
        {
            throw card.Error(card.Find("TYPE")!.Column, $"*SURFACE, TYPE={type} is not supported; use TYPE=ELEMENT with element faces");
        }

        var faces = SurfaceList(name, card.Location);
        foreach (var line in card.Data)
        {
            var label = Field(line, 1).ToUpperInvariant();
            if (label.Length < 2 || label[0] != 'S' || !int.TryParse(label.AsSpan(1), out var face))
            {
                throw FieldError(line, 1, card.Title, $"face label '{Field(line, 1)}' is not S1..S6");
            }

            foreach (var element in ResolveElements(line, 0, card.Title))
            {
                faces.Add(CheckedFace(element, face, line, 1, card.Title));
            }
        }
    }

    private List<DeckFace> SurfaceList(string name, DeckLocation where)
    {
        if (!_surfaceFaces.TryGetValue(name, out var faces))
        {
            faces = [];
            _surfaceFaces[name] = faces;
            _surfaceLocations[name] = where;
        }

        return faces;
    }

    private DeckFace CheckedFace(int element, int face, InpDataLine line, int field, string keyword)
    {
        var type = _deck.ElementById[element].Type;
        if (face < 1 || face > type.FaceCount())
        {
            throw FieldError(line, field, keyword, $"element {element} is a {type}; its faces are 1..{type.FaceCount()}, not {face}");
        }

        return new DeckFace(element, face);
    }

    private void ReadMeshInclude(InpCard card)
    {
        RequireModelData(card);
        Mesh mesh;
        try
        {
            mesh = GmshReader.Read(card.MeshPath!);
        }
        catch (InputFileException e)
        {
            throw card.Error(0, $"cannot read the included mesh: {e.Message}");
        }

        var firstNode = _deck.MaxNodeId + 1;
        var firstElement = _deck.MaxElementId + 1;
        for (var n = 0; n < mesh.NodeCount; n++)
        {
            AddNode(firstNode + n, mesh.X[n], mesh.Y[n], mesh.Z[n], card.Location, 0);
        }

        // Tet10 node order of the Mesh is CalculiX's already (the gmsh reader swaps the last two nodes).
        var faceOf = new Dictionary<(int, int, int), DeckFace>();
        foreach (var block in mesh.Blocks)
        {
            var type = block.Type switch
            {
                ElementType.Tet4 => DeckElementType.C3D4,
                ElementType.Tet10 => DeckElementType.C3D10,
                _ => throw card.Error(0, $"the mesh holds {block.Type} elements; mesh includes carry tetrahedra only"),
            };
            for (var e = 0; e < block.Count; e++)
            {
                var id = firstElement + block.FirstElement + e;
                var local = block.Nodes(e);
                var nodes = new int[local.Length];
                for (var k = 0; k < nodes.Length; k++)
                {
                    nodes[k] = firstNode + local[k];
                }

                AddElement(new DeckElement(id, type, nodes, card.Location));
                for (var face = 1; face <= 4; face++)
                {
                    var c = type.FaceCorners(face);
                    faceOf.TryAdd(SortedKey(nodes[c[0]], nodes[c[1]], nodes[c[2]]), new DeckFace(id, face));
                }
            }
        }

        foreach (var (name, set) in mesh.NodeSets)
        {
            var builder = NodeSetBuilder(name, card.Location);
            foreach (var n in set.Nodes)
            {
                builder.Add(firstNode + n, card.Location);
            }
        }

        foreach (var (name, set) in mesh.ElementSets)
        {
            // A volume group becomes an element set and, unless a group of lower dimension took the name, a node
            // set of its elements' nodes (for *INITIAL CONDITIONS, *TEMPERATURE and the like).
            var builder = ElementSetBuilder(name, card.Location);
            var nodes = mesh.NodeSets.ContainsKey(name) ? null : NodeSetBuilder(name, card.Location);
            foreach (var e in set.Elements)
            {
                builder.Add(firstElement + e, card.Location);
                if (nodes is not null)
                {
                    foreach (var n in mesh.ElementNodes(e))
                    {
                        nodes.Add(firstNode + n, card.Location);
                    }
                }
            }
        }

        foreach (var (name, set) in mesh.FaceSets)
        {
            var faces = SurfaceList(name, card.Location);
            for (var f = 0; f < set.Count; f++)
            {
                var t = set.Nodes(f);
                if (!faceOf.TryGetValue(SortedKey(firstNode + t[0], firstNode + t[1], firstNode + t[2]), out var face))
                {
                    throw card.Error(0, $"surface '{name}' of the mesh has a triangle that is no face of a tetrahedron (nodes {firstNode + t[0]}, {firstNode + t[1]}, {firstNode + t[2]})");
                }

                faces.Add(face);
            }
        }
    }

    private static (int, int, int) SortedKey(int a, int b, int c)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (b > c)
        {
            (b, c) = (c, b);
        }

        if (a > b)
        {
            (a, b) = (b, a);
        }

        return (a, b, c);
    }

    private void RequireModelData(InpCard card)
    {
        if (_step is not null || _lastStep is not null)
        {
            throw card.Error(1, $"{card.Title} is model data: it must come before the first *STEP");
        }
    }

    /// <summary>Node numbers of field <paramref name="index"/>: a node number or a node set name.</summary>
    private IEnumerable<int> ResolveNodes(InpDataLine line, int index, string keyword)
    {
        var text = Field(line, index);
        if (text.Length == 0)
        {
            throw FieldError(line, index, keyword, "a node number or node set name is missing");
        }

        if (IsInteger(text))
        {
            var id = Integer(line, index, keyword, "node number");
            return _deck.NodeIndex.ContainsKey(id) ? [id] : throw FieldError(line, index, keyword, $"node {id} is not defined");
        }

        if (_nodeSets.TryGetValue(text, out var set))
        {
            return set.Ids;
        }

        var hint = _elementSets.ContainsKey(text) ? " (an element set has that name; this needs a node set)" : string.Empty;
        throw FieldError(line, index, keyword, $"node set '{text}' is not defined{hint}");
    }

    /// <summary>Element numbers of field <paramref name="index"/>: an element number or an element set name.</summary>
    private IEnumerable<int> ResolveElements(InpDataLine line, int index, string keyword)
    {
        var text = Field(line, index);
        if (text.Length == 0)
        {
            throw FieldError(line, index, keyword, "an element number or element set name is missing");
        }

        if (IsInteger(text))
        {
            var id = Integer(line, index, keyword, "element number");
            return _deck.ElementById.ContainsKey(id) ? [id] : throw FieldError(line, index, keyword, $"element {id} is not defined");
        }

        if (_elementSets.TryGetValue(text, out var set))
        {
            foreach (var id in set.Ids)
            {
                if (!_deck.ElementById.ContainsKey(id))
                {
                    throw FieldError(line, index, keyword, $"element set '{text}' holds element {id}, which is not defined");
                }
            }

            return set.Ids;
        }

        var hint = _nodeSets.ContainsKey(text) ? " (a node set has that name; this needs an element set)" : string.Empty;
        throw FieldError(line, index, keyword, $"element set '{text}' is not defined{hint}");
    }
}

using System.Globalization;
using TwinPlatform.Core;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Gmsh;

/// <summary>What a .msh file declares, collected section by section, then turned into a <see cref="Mesh"/>.</summary>
internal sealed class MshContent
{
    private readonly MshTokenizer _t;
    private readonly Dictionary<(int Dim, int Tag), string> _physicalNames = [];
    private readonly Dictionary<(int Dim, int Tag), int[]> _entityPhysicals = [];
    private readonly Dictionary<long, int> _nodeIndex = [];
    private readonly List<double> _x = [];
    private readonly List<double> _y = [];
    private readonly List<double> _z = [];
    private readonly List<int> _tet4 = [];
    private readonly List<int> _tet4Entity = [];
    private readonly List<int> _tet10 = [];
    private readonly List<int> _tet10Entity = [];
    private readonly List<LowerBlock> _lower = [];
    private bool _sawFormat;
    private bool _sawEntities;
    private bool _sawNodes;
    private bool _sawElements;

    public MshContent(MshTokenizer tokenizer)
    {
        _t = tokenizer;
    }

    public void Parse()
    {
        while (_t.NextLine())
        {
            var header = _t.Current;
            if (header.Length < 2 || header[0] != '$')
            {
                throw _t.Error(1, $"expected a section header such as $Nodes, found '{Shorten(header)}'");
            }

            var name = header[1..].ToString();
            if (!_sawFormat && name != "MeshFormat")
            {
                throw _t.Error(1, $"expected $MeshFormat first, found ${name}: this is not a gmsh .msh file");
            }

            _t.Section = name;
            switch (name)
            {
                case "MeshFormat":
                    ParseFormat();
                    break;
                case "PhysicalNames":
                    ParsePhysicalNames();
                    break;
                case "Entities":
                    ParseEntities();
                    break;
                case "Nodes":
                    ParseNodes();
                    break;
                case "Elements":
                    ParseElements();
                    break;
                default:
                    if (name.StartsWith("End", StringComparison.Ordinal))
                    {
                        throw _t.Error(1, $"${name} without a matching section start");
                    }

                    SkipSection(name);
                    break;
            }

            _t.Section = string.Empty;
        }

        if (!_sawFormat)
        {
            throw _t.Error(0, "the file is empty: no $MeshFormat section");
        }

        if (!_sawNodes || !_sawElements)
        {
            throw _t.Error(0, $"the file has no ${(_sawNodes ? "Elements" : "Nodes")} section");
        }
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length > 40 ? text[..40].ToString() + "..." : text.ToString();

    private void ParseFormat()
    {
        _t.NextDataLine("the format line 'version file-type data-size'");
        var column = _t.Column;
        var version = _t.ReadDouble("the format version");
        if (version != 4.1)
        {
            throw _t.Error(column, $"MSH format version {version} is not supported; write MSH 4.1 (gmsh -format msh41)");
        }

        column = _t.Column;
        var fileType = _t.ReadInt("the file type");
        if (fileType != 0)
        {
            throw _t.Error(column, "binary .msh files are not supported; write ASCII (gmsh -format msh41 without -bin)");
        }

        _ = _t.ReadInt("the data size");
        _t.ExpectEnd();
        _sawFormat = true;
    }

    private void ParsePhysicalNames()
    {
        _t.NextDataLine("the number of physical names");
        var count = _t.ReadCount("the number of physical names");
        for (var i = 0; i < count; i++)
        {
            _t.NextDataLine("a physical name 'dimension tag \"name\"'");
            var column = _t.Column;
            var dim = _t.ReadInt("the dimension");
            if (dim is < 0 or > 3)
            {
                throw _t.Error(column, $"dimension must be 0..3, found {dim}");
            }

            var tag = _t.ReadInt("the physical tag");
            var name = _t.ReadQuoted("the physical name");
            if (string.IsNullOrWhiteSpace(name))
            {
                throw _t.Error(column, "empty physical name");
            }

            _physicalNames[(dim, tag)] = name;
        }

        _t.ExpectEnd();
    }

    private void ParseEntities()
    {
        _t.NextDataLine("the entity counts 'points curves surfaces volumes'");
        Span<int> counts = stackalloc int[4];
        for (var d = 0; d < 4; d++)
        {
            counts[d] = _t.ReadCount("an entity count");
        }

        for (var dim = 0; dim < 4; dim++)
        {
            for (var i = 0; i < counts[dim]; i++)
            {
                _t.NextDataLine($"a dimension-{dim} entity");
                var tag = _t.ReadInt("the entity tag");
                var coordinates = dim == 0 ? 3 : 6;
                for (var k = 0; k < coordinates; k++)
                {
                    _ = _t.ReadDouble("an entity coordinate");
                }

                var n = _t.ReadCount("the number of physical tags");
                var tags = new int[n];
                for (var k = 0; k < n; k++)
                {
                    tags[k] = Math.Abs(_t.ReadInt("a physical tag"));
                }

                _entityPhysicals[(dim, tag)] = tags;
            }
        }

        _t.ExpectEnd();
        _sawEntities = true;
    }

    private void ParseNodes()
    {
        _t.NextDataLine("the node header 'blocks nodes min-tag max-tag'");
        var headerLine = _t.LineNumber;
        var blocks = _t.ReadCount("the number of node blocks");
        var total = _t.ReadCount("the number of nodes");
        _ = _t.ReadLong("the minimum node tag");
        _ = _t.ReadLong("the maximum node tag");
        var capacity = Math.Min(total, 1 << 22);
        _x.EnsureCapacity(capacity);
        _y.EnsureCapacity(capacity);
        _z.EnsureCapacity(capacity);
        _nodeIndex.EnsureCapacity(capacity);
        var tags = new List<long>();
        var read = 0;
        for (var b = 0; b < blocks; b++)
        {
            _t.NextDataLine("a node block header 'dimension entity parametric count'");
            _ = _t.ReadInt("the entity dimension");
            _ = _t.ReadInt("the entity tag");
            _ = _t.ReadInt("the parametric flag");
            var column = _t.Column;
            var count = _t.ReadCount("the number of nodes in the block");
            if (read + count > total)
            {
                throw _t.Error(column, $"node blocks hold more than the {total} nodes the header declares");
            }

            tags.Clear();
            for (var i = 0; i < count; i++)
            {
                _t.NextDataLine("a node tag");
                column = _t.Column;
                var tag = _t.ReadLong("a node tag");
                if (tag <= 0)
                {
                    throw _t.Error(column, $"node tags must be positive, found {tag}");
                }

                if (!_nodeIndex.TryAdd(tag, _x.Count + i))
                {
                    throw _t.Error(column, $"node tag {tag} appears twice");
                }

                tags.Add(tag);
            }

            for (var i = 0; i < count; i++)
            {
                _t.NextDataLine("node coordinates 'x y z'");
                _x.Add(_t.ReadDouble("the x coordinate"));
                _y.Add(_t.ReadDouble("the y coordinate"));
                _z.Add(_t.ReadDouble("the z coordinate"));
            }

            read += count;
        }

        if (read != total)
        {
            throw new InputFileException(_t.File, headerLine, 0, "$Nodes", $"the header declares {total} nodes but the blocks hold {read}");
        }

        _t.ExpectEnd();
        _sawNodes = true;
    }

    private void ParseElements()
    {
        if (!_sawNodes)
        {
            throw _t.Error(1, "$Elements comes before $Nodes");
        }

        _t.NextDataLine("the element header 'blocks elements min-tag max-tag'");
        var headerLine = _t.LineNumber;
        var blocks = _t.ReadCount("the number of element blocks");
        var total = _t.ReadCount("the number of elements");
        _ = _t.ReadLong("the minimum element tag");
        _ = _t.ReadLong("the maximum element tag");
        var read = 0;
        Span<int> nodes = stackalloc int[27];
        for (var b = 0; b < blocks; b++)
        {
            _t.NextDataLine("an element block header 'dimension entity type count'");
            var column = _t.Column;
            var dim = _t.ReadInt("the entity dimension");
            if (dim is < 0 or > 3)
            {
                throw _t.Error(column, $"dimension must be 0..3, found {dim}");
            }

            var entity = _t.ReadInt("the entity tag");
            column = _t.Column;
            var type = _t.ReadInt("the element type");
            var npe = GmshReader.NodesOfType(type);
            if (npe < 0)
            {
                throw _t.Error(column, $"unknown gmsh element type {type}");
            }

            var unsupportedVolume = dim == 3 && type is not (4 or 11);
            if (unsupportedVolume)
            {
                throw _t.Error(column, $"{GmshReader.TypeName(type)} volume elements are not supported yet; mesh with tetrahedra (linear or quadratic)");
            }

            var physical = _sawEntities && _entityPhysicals.TryGetValue((dim, entity), out var p) && p.Length > 0;
            if (dim == 2 && physical && type is not (2 or 9))
            {
                throw _t.Error(column, $"{GmshReader.TypeName(type)} faces in a physical surface are not supported; mesh surfaces with triangles");
            }

            column = _t.Column;
            var count = _t.ReadCount("the number of elements in the block");
            if (read + count > total)
            {
                throw _t.Error(column, $"element blocks hold more than the {total} elements the header declares");
            }

            var lower = dim < 3 && physical ? new LowerBlock(dim, entity, type, _t.LineNumber) : null;
            for (var i = 0; i < count; i++)
            {
                _t.NextDataLine($"a {GmshReader.TypeName(type)} 'tag node-tags...'");
                _ = _t.ReadLong("the element tag");
                for (var a = 0; a < npe; a++)
                {
                    column = _t.Column;
                    var tag = _t.ReadLong($"node tag {a + 1} of {npe}");
                    if (!_nodeIndex.TryGetValue(tag, out var index))
                    {
                        throw _t.Error(column, $"element refers to node tag {tag}, which $Nodes does not define");
                    }

                    nodes[a] = index;
                }

                if (!_t.AtEndOfLine())
                {
                    throw _t.Error(_t.Column, $"a {GmshReader.TypeName(type)} has {npe} nodes, but the line has more entries");
                }

                if (type == 4)
                {
                    AddAll(_tet4, nodes[..4]);
                    _tet4Entity.Add(entity);
                }
                else if (type == 11)
                {
                    // Gmsh: 8 on edge (2,3), 9 on edge (1,3). Internal: 8 on (1,3), 9 on (2,3).
                    (nodes[8], nodes[9]) = (nodes[9], nodes[8]);
                    AddAll(_tet10, nodes[..10]);
                    _tet10Entity.Add(entity);
                }
                else if (lower is not null)
                {
                    AddAll(lower.Nodes, nodes[..npe]);
                }
            }

            if (lower is not null)
            {
                _lower.Add(lower);
            }

            read += count;
        }

        if (read != total)
        {
            throw new InputFileException(_t.File, headerLine, 0, "$Elements", $"the header declares {total} elements but the blocks hold {read}");
        }

        _t.ExpectEnd();
        _sawElements = true;
    }

    private void SkipSection(string name)
    {
        var end = "$End" + name;
        var start = _t.LineNumber;
        while (_t.NextLine())
        {
            if (_t.Current.SequenceEqual(end))
            {
                return;
            }
        }

        throw new InputFileException(_t.File, start, 1, "$" + name, $"section ${name} has no {end}");
    }

    private static void AddAll(List<int> list, ReadOnlySpan<int> values)
    {
        foreach (var v in values)
        {
            list.Add(v);
        }
    }

    public Mesh Build(double scale)
    {
        if (_tet4.Count == 0 && _tet10.Count == 0)
        {
            throw new InputFileException(_t.File, 0, 0, "$Elements", "the mesh has no tetrahedra: generate a volume mesh (gmsh -3) and, if physical groups are used, put the volume in a physical group");
        }

        // Keep only nodes used by volume elements, in file order.
        var map = new int[_x.Count];
        Array.Fill(map, -1);
        foreach (var n in _tet4)
        {
            map[n] = 0;
        }

        foreach (var n in _tet10)
        {
            map[n] = 0;
        }

        var used = 0;
        for (var i = 0; i < map.Length; i++)
        {
            if (map[i] == 0)
            {
                map[i] = used++;
            }
        }

        double[] x = new double[used], y = new double[used], z = new double[used];
        for (var i = 0; i < map.Length; i++)
        {
            if (map[i] >= 0)
            {
                x[map[i]] = _x[i] * scale;
                y[map[i]] = _y[i] * scale;
                z[map[i]] = _z[i] * scale;
            }
        }

        var blocks = new List<ElementBlock>();
        var entityOfElement = new List<int>();
        if (_tet4.Count > 0)
        {
            blocks.Add(new ElementBlock(ElementType.Tet4, Remap(_tet4, map)));
            entityOfElement.AddRange(_tet4Entity);
        }

        if (_tet10.Count > 0)
        {
            blocks.Add(new ElementBlock(ElementType.Tet10, Remap(_tet10, map)));
            entityOfElement.AddRange(_tet10Entity);
        }

        var mesh = new Mesh(x, y, z, blocks);
        AddElementSets(mesh, entityOfElement);
        AddLowerSets(mesh, map);
        return mesh;
    }

    private static int[] Remap(List<int> nodes, int[] map)
    {
        var result = new int[nodes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = map[nodes[i]];
        }

        return result;
    }

    private string GroupName(int dim, int tag) =>
        _physicalNames.TryGetValue((dim, tag), out var name) ? name : dim switch
        {
            0 => "point",
            1 => "curve",
            2 => "surface",
            _ => "volume",
        } + tag.ToString(CultureInfo.InvariantCulture);

    private void AddElementSets(Mesh mesh, List<int> entityOfElement)
    {
        var sets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var e = 0; e < entityOfElement.Count; e++)
        {
            if (!_entityPhysicals.TryGetValue((3, entityOfElement[e]), out var physicals))
            {
                continue;
            }

            foreach (var tag in physicals)
            {
                var name = GroupName(3, tag);
                if (!sets.TryGetValue(name, out var list))
                {
                    sets[name] = list = [];
                }

                list.Add(e);
            }
        }

        foreach (var (name, list) in sets)
        {
            mesh.AddElementSet(new ElementSet(name, list));
        }
    }

    private void AddLowerSets(Mesh mesh, int[] map)
    {
        var faces = new Dictionary<string, (int Type, List<int> Nodes, int Line)>(StringComparer.Ordinal);
        var nodeSets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var block in _lower)
        {
            foreach (var tag in _entityPhysicals[(block.Dim, block.Entity)])
            {
                var name = GroupName(block.Dim, tag);
                var remapped = new List<int>(block.Nodes.Count);
                foreach (var n in block.Nodes)
                {
                    if (map[n] < 0)
                    {
                        throw new InputFileException(_t.File, block.Line, 0, "$Elements", $"physical group '{name}' uses a node that belongs to no volume element: the group is not on the meshed volume");
                    }

                    remapped.Add(map[n]);
                }

                if (!nodeSets.TryGetValue(name, out var set))
                {
                    nodeSets[name] = set = [];
                }

                set.AddRange(remapped);
                if (block.Dim == 2)
                {
                    if (faces.TryGetValue(name, out var existing))
                    {
                        if (existing.Type != block.Type)
                        {
                            throw new InputFileException(_t.File, block.Line, 0, "$Elements", $"surface '{name}' mixes 3-node and 6-node triangles");
                        }

                        existing.Nodes.AddRange(remapped);
                    }
                    else
                    {
                        faces[name] = (block.Type, remapped, block.Line);
                    }
                }
            }
        }

        foreach (var (name, nodes) in nodeSets)
        {
            mesh.AddNodeSet(new NodeSet(name, nodes));
        }

        foreach (var (name, face) in faces)
        {
            mesh.AddFaceSet(new FaceSet(name, face.Type == 2 ? FaceType.Tri3 : FaceType.Tri6, [.. face.Nodes]));
        }
    }

    /// <summary>Elements of a point, curve or surface entity that belongs to a physical group.</summary>
    private sealed class LowerBlock(int dim, int entity, int type, int line)
    {
        public int Dim { get; } = dim;

        public int Entity { get; } = entity;

        public int Type { get; } = type;

        public int Line { get; } = line;

        public List<int> Nodes { get; } = [];
    }
}

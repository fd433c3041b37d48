using TwinPlatform.Simulation.Constitutive;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Analysis;

/// <summary>Material of every element: assignments by element set, checked when an analysis starts.</summary>
internal sealed class ElementMaterials
{
    private readonly Mesh _mesh;
    private readonly int[] _materialOf;
    private readonly List<SolidMaterial> _materials = [];

    public ElementMaterials(Mesh mesh)
    {
        _mesh = mesh;
        _materialOf = new int[mesh.ElementCount];
        Array.Fill(_materialOf, -1);
    }

    /// <summary>Distinct materials, indexed by <see cref="MaterialOf"/>.</summary>
    public IReadOnlyList<SolidMaterial> Materials => _materials;

    /// <summary>Per element: index into <see cref="Materials"/>, or -1 if unassigned.</summary>
    public int[] MaterialOf => _materialOf;

    /// <summary>Assigns <paramref name="material"/> to the elements of set <paramref name="elementSet"/> (later assignments win).</summary>
    public void Assign(string elementSet, SolidMaterial material)
    {
        ArgumentNullException.ThrowIfNull(elementSet);
        ArgumentNullException.ThrowIfNull(material);
        if (!_mesh.ElementSets.TryGetValue(elementSet, out var set))
        {
            throw new ArgumentException($"the mesh has no element set named '{elementSet}'; known sets: {_mesh.KnownSetNames()}", nameof(elementSet));
        }

        var index = IndexOf(material);
        foreach (var e in set.Elements)
        {
            _materialOf[e] = index;
        }
    }

    /// <summary>Assigns <paramref name="material"/> to every element.</summary>
    public void AssignAll(SolidMaterial material)
    {
        ArgumentNullException.ThrowIfNull(material);
        Array.Fill(_materialOf, IndexOf(material));
    }

    /// <summary>Throws if some element has no material, naming the first few.</summary>
    public void RequireAll(string analysis)
    {
        var missing = new List<int>();
        var count = 0;
        for (var e = 0; e < _materialOf.Length; e++)
        {
            if (_materialOf[e] < 0)
            {
                count++;
                if (missing.Count < 8)
                {
                    missing.Add(e);
                }
            }
        }

        if (count > 0)
        {
            throw new ModelException(
                $"{count} element{(count == 1 ? string.Empty : "s")} (element{(count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}{(count > missing.Count ? ", ..." : string.Empty)}) " +
                $"{(count == 1 ? "has" : "have")} no material, which the {analysis} analysis needs; assign one with AssignMaterial (CalculiX *SOLID SECTION)");
        }
    }

    /// <summary>
    /// A property of every used material (indexed like <see cref="Materials"/>); throws naming the first used
    /// material that lacks it.
    /// </summary>
    public double[] Require(Func<SolidMaterial, double?> property, string propertyName, string analysis)
    {
        var used = Used();
        var values = new double[_materials.Count];
        for (var m = 0; m < values.Length; m++)
        {
            if (used[m])
            {
                values[m] = _materials[m].Require(property(_materials[m]), propertyName, analysis);
            }
        }

        return values;
    }

    /// <summary>Elastic laws of every used material (null for unused ones).</summary>
    public IsotropicElastic?[] RequireElastic(string analysis)
    {
        var used = Used();
        var laws = new IsotropicElastic?[_materials.Count];
        for (var m = 0; m < laws.Length; m++)
        {
            if (used[m])
            {
                laws[m] = _materials[m].RequireElastic(analysis);
            }
        }

        return laws;
    }

    /// <summary>Per material: used by some element.</summary>
    public bool[] Used()
    {
        var used = new bool[_materials.Count];
        foreach (var m in _materialOf)
        {
            if (m >= 0)
            {
                used[m] = true;
            }
        }

        return used;
    }

    private int IndexOf(SolidMaterial material)
    {
        material.Validate();
        for (var m = 0; m < _materials.Count; m++)
        {
            if (ReferenceEquals(_materials[m], material) || _materials[m] == material)
            {
                return m;
            }
        }

        _materials.Add(material);
        return _materials.Count - 1;
    }
}

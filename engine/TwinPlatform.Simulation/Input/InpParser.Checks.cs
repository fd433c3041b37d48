namespace TwinPlatform.Simulation.Input;

/// <content>Cross-checks once every card is read, and freezing into the deck.</content>
internal sealed partial class InpParser
{
    private void Finish()
    {
        foreach (var element in _deck.Elements)
        {
            foreach (var node in element.Nodes)
            {
                if (!_deck.NodeIndex.ContainsKey(node))
                {
                    throw InpReader.Error(element.Location, 0, "*ELEMENT", $"element {element.Id} refers to node {node}, which is not defined");
                }
            }
        }

        FreezeSets(_nodeSets, _deck.NodeSets, "node", id => _deck.NodeIndex.ContainsKey(id));
        FreezeSets(_elementSets, _deck.ElementSets, "element", id => _deck.ElementById.ContainsKey(id));
        foreach (var (name, faces) in _surfaceFaces)
        {
            var distinct = new List<DeckFace>(faces.Count);
            var seen = new HashSet<DeckFace>();
            foreach (var f in faces)
            {
                if (seen.Add(f))
                {
                    distinct.Add(f);
                }
            }

            _deck.Surfaces[name] = new DeckSurface(name, [.. distinct], _surfaceLocations[name]);
        }

        foreach (var (name, material) in _materials)
        {
            _deck.Materials[name] = material;
        }

        AssignMaterials();
        if (_deck.Steps.Count > 0 && _deck.Elements.Count == 0)
        {
            throw InpReader.Error(_deck.Steps[0].Location, 0, "*STEP", "the deck defines no elements: nothing to solve");
        }

        foreach (var step in _deck.Steps)
        {
            CheckMaterials(step);
        }
    }

    private static void FreezeSets(Dictionary<string, SetBuilder> builders, Dictionary<string, DeckSet> sets, string what, Func<int, bool> exists)
    {
        foreach (var (name, b) in builders)
        {
            for (var i = 0; i < b.Ids.Count; i++)
            {
                if (!exists(b.Ids[i]))
                {
                    throw InpReader.Error(b.IdLocations[i], 0, what == "node" ? "*NSET" : "*ELSET", $"{what} set '{b.Name}' holds {what} {b.Ids[i]}, which is not defined");
                }
            }

            var ids = b.Ids.ToArray();
            Array.Sort(ids);
            var n = 0;
            for (var i = 0; i < ids.Length; i++)
            {
                if (n == 0 || ids[i] != ids[n - 1])
                {
                    ids[n++] = ids[i];
                }
            }

            sets[name] = new DeckSet(b.Name, ids[..n], b.Location);
        }
    }

    private void AssignMaterials()
    {
        var sectionOf = new Dictionary<int, DeckSection>();
        foreach (var section in _deck.Sections)
        {
            var material = _deck.Materials[section.Material];
            foreach (var e in _deck.ElementSets[section.ElementSet].Ids)
            {
                if (sectionOf.TryGetValue(e, out var other))
                {
                    throw InpReader.Error(section.Location, 0, "*SOLID SECTION", $"element {e} is in two solid sections (also the one at {other.Location})");
                }

                sectionOf[e] = section;
                _deck.MaterialOfElement[e] = material;
            }
        }

        // A deck without steps (a mesh file, an include) may leave elements without a section.
        if (_deck.Steps.Count == 0)
        {
            return;
        }

        foreach (var element in _deck.Elements)
        {
            if (!sectionOf.ContainsKey(element.Id))
            {
                throw InpReader.Error(element.Location, 0, "*ELEMENT", $"element {element.Id} has no material: no *SOLID SECTION covers it");
            }
        }
    }

    private void CheckMaterials(DeckStep step)
    {
        var checkedMaterials = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in _deck.Elements)
        {
            var m = _deck.MaterialOfElement[element.Id];
            if (!checkedMaterials.Add(m.Name))
            {
                continue;
            }

            string? missing = step.Kind switch
            {
                DeckStepKind.Static when m.YoungsModulus is null => "*ELASTIC constants",
                DeckStepKind.Frequency when m.YoungsModulus is null => "*ELASTIC constants",
                DeckStepKind.Frequency when m.Density is null => "a *DENSITY",
                DeckStepKind.HeatTransfer when m.Conductivity is null => "a *CONDUCTIVITY",
                _ => null,
            };
            if (missing is not null)
            {
                var procedure = step.Kind switch
                {
                    DeckStepKind.Static => "*STATIC",
                    DeckStepKind.HeatTransfer => "*HEAT TRANSFER",
                    _ => "*FREQUENCY",
                };
                throw InpReader.Error(m.Location, 0, "*MATERIAL", $"material '{m.Name}' has no {missing}, which the {procedure} step at {step.Location} needs");
            }
        }

        if (step.Kind != DeckStepKind.Static)
        {
            return;
        }

        CheckBodyLoadDensity(step, step.Gravity.Keys, "GRAV");
        CheckBodyLoadDensity(step, step.Centrifugal.Keys, "CENTRIF");
        if (step.Temperatures.Count > 0)
        {
            var warned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var element in _deck.Elements)
            {
                var m = _deck.MaterialOfElement[element.Id];
                if (m.Expansion is null && warned.Add(m.Name))
                {
                    Warn(step.Location, $"step {step.Number} sets temperatures but material '{m.Name}' has no *EXPANSION: its elements get no thermal strain");
                }
            }
        }
    }

    private void CheckBodyLoadDensity(DeckStep step, IEnumerable<int> elements, string label)
    {
        foreach (var e in elements)
        {
            var m = _deck.MaterialOfElement[e];
            if (m.Density is null)
            {
                throw InpReader.Error(m.Location, 0, "*MATERIAL", $"material '{m.Name}' has no *DENSITY, which the {label} load of step {step.Number} ({step.Location}) needs");
            }
        }
    }
}

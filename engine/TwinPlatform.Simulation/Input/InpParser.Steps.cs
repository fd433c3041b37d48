using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation.Input;

/// <content>Steps, procedures, boundary conditions and loads.</content>
internal sealed partial class InpParser
{
    private void BeginStep(InpCard card)
    {
        card.Allow("INC", "INCF", "NLGEOM");
        card.NoData();
        if (_step is not null)
        {
            throw card.Error(1, $"*STEP inside the step that starts at {_step.Card.Location}: close it with *END STEP first");
        }

        if (card.Find("NLGEOM") is { } nlgeom && !string.Equals(nlgeom.Value, "NO", StringComparison.OrdinalIgnoreCase))
        {
            throw card.Error(nlgeom.Column, "*STEP, NLGEOM (geometric nonlinearity) is not supported; the engine is linear");
        }

        _step = new InpStepState(card, _deck.Steps.Count + 1, _lastStep, _modelBoundaries);
    }

    private void ReadProcedure(InpCard card)
    {
        var step = _step ?? throw card.Error(1, $"{card.Title} must be inside a *STEP");
        if (step.ProcedureCard is { } first)
        {
            throw card.Error(1, $"the step already has a procedure ({first.Title} at {first.Location}); one procedure per step");
        }

        step.ProcedureCard = card;
        switch (card.Keyword)
        {
            case "STATIC":
                card.Allow("SOLVER", "DIRECT", "TIME RESET", "TOTAL TIME AT START");
                IgnoreSolverChoice(card);
                step.Kind = DeckStepKind.Static;
                break;
            case "HEAT TRANSFER":
                card.Allow("STEADY STATE", "SOLVER", "DIRECT", "TIME RESET", "TOTAL TIME AT START");
                if (!card.Has("STEADY STATE"))
                {
                    throw card.Error(1, "transient *HEAT TRANSFER is not supported; add STEADY STATE (*HEAT TRANSFER, STEADY STATE)");
                }

                IgnoreSolverChoice(card);
                step.Kind = DeckStepKind.HeatTransfer;
                break;
            default:
                card.Allow("SOLVER", "STORAGE", "GLOBAL");
                IgnoreSolverChoice(card);
                if (card.Data.Count != 1)
                {
                    throw card.Error(0, "*FREQUENCY needs one data line: the number of eigenfrequencies");
                }

                var line = card.Data[0];
                var modes = Integer(line, 0, card.Title, "number of eigenfrequencies");
                if (modes < 1)
                {
                    throw FieldError(line, 0, card.Title, $"the number of eigenfrequencies must be at least 1, found {modes}");
                }

                if (OptionalNumber(line, 1, card.Title, "lower frequency bound", 0) != 0 || Field(line, 2).Length > 0 || line.Fields.Length > 3)
                {
                    throw FieldError(line, 1, card.Title, "a frequency range (fields 2 and 3) is not supported; the lowest modes are computed");
                }

                step.Kind = DeckStepKind.Frequency;
                step.ModeCount = modes;
                break;
        }
    }

    private void IgnoreSolverChoice(InpCard card)
    {
        if (card.Optional("SOLVER") is { } solver)
        {
            Warn(card.Location, $"{card.Title}, SOLVER={solver}: ignored; each solver uses its own linear solver");
        }
    }

    private void EndStep(InpCard card)
    {
        card.Allow();
        card.NoData();
        var step = _step ?? throw card.Error(1, "*END STEP without a *STEP");
        if (step.Kind is null)
        {
            throw step.Card.Error(1, "the step has no procedure: add *STATIC, *HEAT TRANSFER, STEADY STATE or *FREQUENCY");
        }

        _deck.Steps.Add(step.Freeze());
        _lastStep = step;
        _step = null;
    }

    private InpStepState StepFor(InpCard card, string purpose)
    {
        var step = _step ?? throw card.Error(1, $"{card.Title} is step data: it must be inside a *STEP ({purpose})");
        return step.Kind is null
            ? throw card.Error(1, $"{card.Title} comes before the step's procedure; put *STATIC, *HEAT TRANSFER or *FREQUENCY first")
            : step;
    }

    private bool NewOperation(InpCard card)
    {
        var op = card.Optional("OP")?.ToUpperInvariant();
        return op switch
        {
            null or "MOD" => false,
            "NEW" => true,
            _ => throw card.Error(card.Find("OP")!.Column, $"OP={op} is not valid (NEW or MOD)"),
        };
    }

    private void ReadBoundary(InpCard card)
    {
        card.Allow("OP", "TYPE");
        var type = card.Optional("TYPE")?.ToUpperInvariant();
        if (type is not (null or "DISPLACEMENT"))
        {
            throw card.Error(card.Find("TYPE")!.Column, $"*BOUNDARY, TYPE={type} is not supported (only TYPE=DISPLACEMENT)");
        }

        Dictionary<NodeDof, double> target;
        if (_step is null)
        {
            if (_lastStep is not null)
            {
                throw card.Error(1, "*BOUNDARY between steps: put it inside a *STEP or before the first one");
            }

            if (card.Has("OP"))
            {
                throw card.Error(card.Find("OP")!.Column, "OP= applies inside a step only");
            }

            target = _modelBoundaries;
        }
        else
        {
            target = StepFor(card, "or before the first step, for all steps").Boundaries;
            if (NewOperation(card))
            {
                target.Clear();
            }
        }

        foreach (var line in card.Data)
        {
            if (Field(line, 1).Length > 0 && !IsInteger(Field(line, 1)))
            {
                throw FieldError(line, 1, card.Title, $"boundary type '{Field(line, 1)}' is not supported; give degree-of-freedom numbers (1-3 displacement, 11 temperature)");
            }

            if (line.Fields.Length > 4)
            {
                throw FieldError(line, 4, card.Title, "a boundary line is 'node or set, first dof[, last dof[, value]]'");
            }

            var first = Integer(line, 1, card.Title, "first degree of freedom");
            var last = Field(line, 2).Length == 0 ? first : Integer(line, 2, card.Title, "last degree of freedom");
            var value = OptionalNumber(line, 3, card.Title, "prescribed value", 0);
            var mechanical = first >= 1 && last <= 3 && first <= last;
            if (!mechanical && !(first == 11 && last == 11))
            {
                var why = first is >= 4 and <= 6 || last is >= 4 and <= 6 ? "rotations (4-6) do not exist on solid elements" : "use 1-3 (displacement) or 11 (temperature)";
                throw FieldError(line, 1, card.Title, $"degrees of freedom {first}..{last} are not valid: {why}");
            }

            foreach (var node in ResolveNodes(line, 0, card.Title))
            {
                for (var dof = first; dof <= last; dof++)
                {
                    target[new NodeDof(node, dof)] = value;
                }
            }
        }
    }

    private void ReadCload(InpCard card)
    {
        card.Allow("OP");
        var step = StepFor(card, "a concentrated force");
        RequireMechanicalStep(card, step);
        if (NewOperation(card))
        {
            step.NodalForces.Clear();
        }

        foreach (var line in card.Data)
        {
            var dof = Integer(line, 1, card.Title, "degree of freedom");
            if (dof is < 1 or > 3)
            {
                throw FieldError(line, 1, card.Title, $"degree of freedom {dof} is not a force direction (1, 2 or 3)");
            }

            var value = Number(line, 2, card.Title, "force");
            foreach (var node in ResolveNodes(line, 0, card.Title))
            {
                step.AddForce(new NodeDof(node, dof), value);
            }
        }
    }

    private void ReadDload(InpCard card)
    {
        card.Allow("OP");
        var step = StepFor(card, "a distributed load");
        RequireMechanicalStep(card, step);
        if (NewOperation(card))
        {
            step.Pressures.Clear();
            step.Gravity.Clear();
            step.Centrifugal.Clear();
        }

        foreach (var line in card.Data)
        {
            var label = Field(line, 1).ToUpperInvariant();
            switch (label)
            {
                case "GRAV":
                    {
                        CheckFieldCount(card, line, 6, "element or set, GRAV, magnitude, nx, ny, nz");
                        var direction = UnitVector(line, 3, card.Title, "gravity direction");
                        var g = Number(line, 2, card.Title, "gravity magnitude") * direction;
                        foreach (var e in ResolveElements(line, 0, card.Title))
                        {
                            step.AddGravity(e, g);
                        }

                        break;
                    }

                case "CENTRIF":
                    {
                        CheckFieldCount(card, line, 9, "element or set, CENTRIF, omega^2, point x, y, z, axis x, y, z");
                        var omega2 = Number(line, 2, card.Title, "omega squared");
                        var point = new Vector3d(Number(line, 3, card.Title, "axis point x"), Number(line, 4, card.Title, "axis point y"), Number(line, 5, card.Title, "axis point z"));
                        var axis = UnitVector(line, 6, card.Title, "axis direction");
                        foreach (var e in ResolveElements(line, 0, card.Title))
                        {
                            step.Centrifugal[e] = new DeckCentrifugal(omega2, point, axis);
                        }

                        break;
                    }

                default:
                    CheckFieldCount(card, line, 3, "element, set or surface, Pn (or P with a surface), pressure");
                    var p = Number(line, 2, card.Title, "pressure");
                    foreach (var face in ResolveFaces(line, 'P', card.Title, "pressure (Pn), GRAV or CENTRIF"))
                    {
                        step.AddPressure(face, p);
                    }

                    break;
            }
        }
    }

    private void ReadTemperature(InpCard card)
    {
        card.Allow("OP");
        var step = StepFor(card, "nodal temperatures for thermal strain");
        if (step.Kind == DeckStepKind.HeatTransfer)
        {
            throw card.Error(1, "*TEMPERATURE sets the temperature field of a stress step; in a *HEAT TRANSFER step fix temperatures with *BOUNDARY, dof 11");
        }

        if (_deck.InitialTemperatures.Count == 0)
        {
            throw card.Error(1, "a *TEMPERATURE card needs *INITIAL CONDITIONS, TYPE=TEMPERATURE before the first step (the strain-free temperatures), as in CalculiX");
        }

        if (NewOperation(card))
        {
            step.Temperatures.Clear();
        }

        foreach (var line in card.Data)
        {
            CheckFieldCount(card, line, 2, "node or set, temperature");
            var t = Number(line, 1, card.Title, "temperature");
            foreach (var node in ResolveNodes(line, 0, card.Title))
            {
                step.Temperatures[node] = t;
            }
        }
    }

    private void ReadDflux(InpCard card)
    {
        card.Allow("OP");
        var step = StepFor(card, "a surface heat flux");
        RequireHeatStep(card, step);
        if (NewOperation(card))
        {
            step.Fluxes.Clear();
        }

        foreach (var line in card.Data)
        {
            CheckFieldCount(card, line, 3, "element, set or surface, Sn (or S with a surface), flux");
            var q = Number(line, 2, card.Title, "heat flux");
            foreach (var face in ResolveFaces(line, 'S', card.Title, "surface flux Sn (body flux BF is not supported)"))
            {
                step.AddFlux(face, q);
            }
        }
    }

    private void ReadFilm(InpCard card)
    {
        card.Allow("OP");
        var step = StepFor(card, "a film condition");
        RequireHeatStep(card, step);
        if (NewOperation(card))
        {
            step.Films.Clear();
        }

        foreach (var line in card.Data)
        {
            CheckFieldCount(card, line, 4, "element, set or surface, Fn (or F with a surface), sink temperature, film coefficient");
            var film = new DeckFilm(Number(line, 2, card.Title, "sink temperature"), Number(line, 3, card.Title, "film coefficient"));
            if (film.Coefficient < 0)
            {
                throw FieldError(line, 3, card.Title, $"film coefficient must not be negative, found {film.Coefficient}");
            }

            foreach (var face in ResolveFaces(line, 'F', card.Title, "film Fn (non-uniform and forced-convection films are not supported)"))
            {
                step.Films[face] = film;
            }
        }
    }

    private static void CheckFieldCount(InpCard card, InpDataLine line, int count, string form)
    {
        if (line.Fields.Length != count)
        {
            throw FieldError(line, Math.Min(line.Fields.Length, count), card.Title, $"expected {count} fields '{form}', found {line.Fields.Length}");
        }
    }

    private static Vector3d UnitVector(InpDataLine line, int index, string keyword, string what)
    {
        var v = new Vector3d(Number(line, index, keyword, what + " x"), Number(line, index + 1, keyword, what + " y"), Number(line, index + 2, keyword, what + " z"));
        return v.Length > 0 ? v.Normalized() : throw FieldError(line, index, keyword, $"the {what} is a zero vector");
    }

    private static void RequireMechanicalStep(InpCard card, InpStepState step)
    {
        if (step.Kind == DeckStepKind.HeatTransfer)
        {
            throw card.Error(1, $"{card.Title} is a mechanical load; a *HEAT TRANSFER step takes *BOUNDARY (dof 11), *DFLUX and *FILM");
        }
    }

    private static void RequireHeatStep(InpCard card, InpStepState step)
    {
        if (step.Kind != DeckStepKind.HeatTransfer)
        {
            throw card.Error(1, $"{card.Title} is a thermal load; it needs a *HEAT TRANSFER, STEADY STATE step");
        }
    }

    /// <summary>Faces named by field 0 and the label in field 1: element or set with <c>Xn</c>, or a surface with <c>X</c>.</summary>
    private List<DeckFace> ResolveFaces(InpDataLine line, char letter, string keyword, string expected)
    {
        var label = Field(line, 1).ToUpperInvariant();
        var target = Field(line, 0);
        var faces = new List<DeckFace>();
        if (label.Length == 1 && label[0] == letter)
        {
            if (!_surfaceFaces.TryGetValue(target, out var surface))
            {
                throw FieldError(line, 0, keyword, $"surface '{target}' is not defined (label {letter} takes a *SURFACE name)");
            }

            faces.AddRange(surface);
            return faces;
        }

        if (label.Length < 2 || label[0] != letter || !int.TryParse(label.AsSpan(1), out var face))
        {
            throw FieldError(line, 1, keyword, $"load label '{Field(line, 1)}' is not supported here; expected {expected}");
        }

        foreach (var e in ResolveElements(line, 0, keyword))
        {
            faces.Add(CheckedFace(e, face, line, 1, keyword));
        }

        return faces;
    }

    private void ReadOutput(InpCard card)
    {
        var isNode = card.Keyword.StartsWith("NODE", StringComparison.Ordinal);
        var isPrint = card.Keyword.EndsWith("PRINT", StringComparison.Ordinal);
        var setKey = isNode ? "NSET" : "ELSET";
        if (isPrint)
        {
            card.Allow(setKey, "FREQUENCY", "TOTALS", "GLOBAL");
        }
        else
        {
            card.Allow(setKey, "FREQUENCY", "OUTPUT", "GLOBAL");
        }

        var step = StepFor(card, "an output request");
        if (card.Optional("TOTALS") is { } totals && !totals.Equals("NO", StringComparison.OrdinalIgnoreCase))
        {
            throw card.Error(card.Find("TOTALS")!.Column, $"TOTALS={totals} is not supported; sum the printed table instead");
        }

        var set = card.Optional(setKey) ?? string.Empty;
        if (set.Length > 0 && !(isNode ? _nodeSets.ContainsKey(set) : _elementSets.ContainsKey(set)))
        {
            throw card.Error(card.Find(setKey)!.Column, $"{(isNode ? "node" : "element")} set '{set}' is not defined");
        }

        if (!isPrint && set.Length > 0)
        {
            Warn(card.Location, $"{card.Title}, {setKey}={set}: file output always covers the whole model");
        }

        string[] allowed = isNode ? ["U", "RF", "NT", "RFL"] : ["S", "E", "HFL"];
        var variables = new List<string>();
        foreach (var line in card.Data)
        {
            for (var f = 0; f < line.Fields.Length; f++)
            {
                var v = line.Fields[f].ToUpperInvariant();
                if (v.Length == 0)
                {
                    continue;
                }

                if (Array.IndexOf(allowed, v) < 0)
                {
                    throw FieldError(line, f, card.Title, $"output variable {v} is not supported by {card.Title} (supported: {string.Join(", ", allowed)})");
                }

                if (!variables.Contains(v))
                {
                    variables.Add(v);
                }
            }
        }

        if (variables.Count == 0)
        {
            throw card.Error(0, $"{card.Title} needs a data line naming the variables ({string.Join(", ", allowed)})");
        }

        var first = step.FirstOutputOfKind(card.Keyword);
        var o = step.Output;
        step.Output = card.Keyword switch
        {
            "NODE FILE" => o with { NodeFile = Merge(first ? null : o.NodeFile, variables) },
            "EL FILE" => o with { ElementFile = Merge(first ? null : o.ElementFile, variables) },
            "NODE PRINT" => o with { NodePrint = [.. first ? [] : o.NodePrint, new DeckPrintRequest(set, variables, card.Location)] },
            _ => o with { ElementPrint = [.. first ? [] : o.ElementPrint, new DeckPrintRequest(set, variables, card.Location)] },
        };
    }

    private static List<string> Merge(IReadOnlyList<string>? existing, List<string> added)
    {
        var all = new List<string>(existing ?? []);
        foreach (var v in added)
        {
            if (!all.Contains(v))
            {
                all.Add(v);
            }
        }

        return all;
    }
}

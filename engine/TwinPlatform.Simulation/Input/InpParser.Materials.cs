namespace TwinPlatform.Simulation.Input;

/// <content>Materials, sections and initial conditions.</content>
internal sealed partial class InpParser
{
    private void ReadMaterial(InpCard card)
    {
        card.Allow("NAME");
        card.NoData();
        RequireModelData(card);
        var name = card.Required("NAME");
        if (_materials.TryGetValue(name, out var existing))
        {
            throw card.Error(card.Find("NAME")!.Column, $"material '{name}' is defined twice (first at {existing.Location})");
        }

        _materials[name] = new DeckMaterial { Name = name, Location = card.Location };
        _material = name;
    }

    private void ReadMaterialProperty(InpCard card)
    {
        if (_material is null)
        {
            throw card.Error(1, $"{card.Title} must follow a *MATERIAL card (or another property of it)");
        }

        var m = _materials[_material];
        var line = SingleDataLine(card);
        switch (card.Keyword)
        {
            case "ELASTIC":
                card.Allow("TYPE");
                RequireIsotropic(card);
                CheckNoTemperatureColumn(card, line, 2);
                var e = Number(line, 0, card.Title, "Young's modulus");
                var nu = Number(line, 1, card.Title, "Poisson's ratio");
                if (!(e > 0))
                {
                    throw FieldError(line, 0, card.Title, $"Young's modulus must be positive, found {e}");
                }

                if (!(nu > -1 && nu < 0.5))
                {
                    throw FieldError(line, 1, card.Title, $"Poisson's ratio must lie in (-1, 0.5), found {nu}");
                }

                m = m with { YoungsModulus = e, PoissonsRatio = nu };
                break;
            case "DENSITY":
                card.Allow();
                CheckNoTemperatureColumn(card, line, 1);
                m = m with { Density = Positive(line, 0, card.Title, "density") };
                break;
            case "EXPANSION":
                card.Allow("TYPE", "ZERO");
                RequireIsotropic(card);
                CheckNoTemperatureColumn(card, line, 1);
                var zero = 0.0;
                if (card.Optional("ZERO") is { } z && !double.TryParse(z, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out zero))
                {
                    throw card.Error(card.Find("ZERO")!.Column, $"ZERO={z} is not a number");
                }

                m = m with { Expansion = Number(line, 0, card.Title, "expansion coefficient"), ExpansionZero = zero };
                break;
            case "CONDUCTIVITY":
                card.Allow("TYPE");
                RequireIsotropic(card);
                CheckNoTemperatureColumn(card, line, 1);
                m = m with { Conductivity = Positive(line, 0, card.Title, "conductivity") };
                break;
            default:
                card.Allow();
                CheckNoTemperatureColumn(card, line, 1);
                m = m with { SpecificHeat = Positive(line, 0, card.Title, "specific heat") };
                break;
        }

        _materials[_material] = m;
    }

    private static double Positive(InpDataLine line, int index, string keyword, string what)
    {
        var v = Number(line, index, keyword, what);
        return v > 0 ? v : throw FieldError(line, index, keyword, $"{what} must be positive, found {v}");
    }

    private static InpDataLine SingleDataLine(InpCard card)
    {
        if (card.Data.Count == 0)
        {
            throw card.Error(0, $"{card.Title} needs a data line with its constants");
        }

        if (card.Data.Count > 1)
        {
            throw InpReader.Error(card.Data[1].Location, 1, card.Title, $"temperature-dependent {card.Title} (more than one data line) is not supported");
        }

        return card.Data[0];
    }

    private static void RequireIsotropic(InpCard card)
    {
        var type = card.Optional("TYPE")?.ToUpperInvariant();
        if (type is not (null or "ISO" or "ISOTROPIC"))
        {
            throw card.Error(card.Find("TYPE")!.Column, $"{card.Title}, TYPE={type} is not supported; only isotropic constants are");
        }
    }

    private void CheckNoTemperatureColumn(InpCard card, InpDataLine line, int temperatureIndex)
    {
        if (line.Fields.Length > temperatureIndex + 1)
        {
            throw FieldError(line, temperatureIndex + 1, card.Title, $"{card.Title} has {line.Fields.Length} fields; expected {temperatureIndex + 1} (constants and an optional temperature)");
        }

        if (Field(line, temperatureIndex).Length > 0)
        {
            Warn(line.Location, $"{card.Title}: the temperature column is ignored; a single data line is a constant value");
        }
    }

    private void ReadSection(InpCard card)
    {
        card.Allow("ELSET", "MATERIAL");
        RequireModelData(card);
        var elset = card.Required("ELSET");
        var material = card.Required("MATERIAL");
        if (!_elementSets.ContainsKey(elset))
        {
            throw card.Error(card.Find("ELSET")!.Column, $"element set '{elset}' is not defined");
        }

        if (!_materials.ContainsKey(material))
        {
            throw card.Error(card.Find("MATERIAL")!.Column, $"material '{material}' is not defined (define *MATERIAL before the section)");
        }

        foreach (var line in card.Data)
        {
            if (line.Fields.Length > 1 || Field(line, 0).Length > 0)
            {
                throw FieldError(line, 0, card.Title, "a solid section of 3D elements takes no thickness or other data");
            }
        }

        _deck.Sections.Add(new DeckSection(_elementSets[elset].Name, _materials[material].Name, card.Location));
    }

    private void ReadInitialConditions(InpCard card)
    {
        card.Allow("TYPE");
        RequireModelData(card);
        var type = card.Required("TYPE").ToUpperInvariant();
        if (type != "TEMPERATURE")
        {
            throw card.Error(card.Find("TYPE")!.Column, $"*INITIAL CONDITIONS, TYPE={type} is not supported (only TYPE=TEMPERATURE)");
        }

        foreach (var line in card.Data)
        {
            var t = Number(line, 1, card.Title, "temperature");
            foreach (var node in ResolveNodes(line, 0, card.Title))
            {
                _deck.InitialTemperatures[node] = t;
            }
        }
    }
}

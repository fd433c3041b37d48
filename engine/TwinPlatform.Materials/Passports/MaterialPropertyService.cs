using TwinPlatform.Core;
using TwinPlatform.Core.Scenes;
using TwinPlatform.Core.Uncertainty;
using TwinPlatform.Core.Yaml;
using TwinPlatform.Materials.Prediction;
using TwinPlatform.Materials.Tables;

namespace TwinPlatform.Materials.Passports;

/// <summary>
/// Builds a material's passport from its scene definition: <c>properties.model</c> (a model folder,
/// relative to the scene folder) gives predicted properties, <c>properties.passport</c> (a passport
/// JSON file, relative to the scene folder, for example written by <c>twin materials design
/// --passport-out</c>) gives the properties it holds, and <c>properties.elastic</c> (a key of the
/// elastic constants table) gives Young's modulus and Poisson's ratio.
/// </summary>
/// <remarks>
/// <para>Usage by a scene runner:
/// <code>
/// var scene = SceneLoader.Load("scenes/bracket");
/// var service = new MaterialPropertyService();
/// var passport = service.GetPassport(scene.Material("steel"), scene.Directory);
/// double e = passport[MaterialPropertyNames.YoungsModulus].Value.Mean;    // Pa
/// File.WriteAllText("out/passport.json", passport.ToJson());
/// </code></para>
/// <para>Loaded models are cached per instance by folder. Thread-safe.</para>
/// </remarks>
public sealed class MaterialPropertyService
{
    private readonly ElasticConstantsTable _elastic;
    private readonly Dictionary<string, PropertyModel> _models = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates the service over an elastic constants table (<see cref="ElasticConstantsTable.Default"/> if null).</summary>
    public MaterialPropertyService(ElasticConstantsTable? elastic = null)
    {
        _elastic = elastic ?? ElasticConstantsTable.Default;
    }

    /// <summary>The passports of every material of a scene, by material id.</summary>
    /// <exception cref="InputFileException">A material's properties cannot be obtained; names the scene file, line and field.</exception>
    public IReadOnlyDictionary<string, MaterialPassport> GetPassports(SceneDefinition scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var result = new Dictionary<string, MaterialPassport>(StringComparer.Ordinal);
        foreach (var m in scene.Materials)
        {
            result[m.Id] = GetPassport(m, scene.Directory);
        }

        return result;
    }

    /// <summary>The passport of one material.</summary>
    /// <param name="material">The material as the scene defines it.</param>
    /// <param name="sceneDirectory">The scene folder; <c>properties.model</c> and <c>properties.passport</c> are relative to it.</param>
    /// <exception cref="InputFileException">
    /// No <c>properties</c>, an unknown key in it, a missing model folder or passport file, a malformed
    /// passport, a property given twice, an unknown elastic entry or a model input the material lacks;
    /// names the scene file, line and field.
    /// </exception>
    public MaterialPassport GetPassport(MaterialDefinition material, string sceneDirectory)
    {
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(sceneDirectory);
        if (material.Properties is not { } settings)
        {
            var where = material.Field;
            throw new InputFileException(where.File, where.Node.Line, where.Node.Column, $"{where.Path}.properties",
                "the material has no 'properties'; give 'model' (a model folder), 'passport' (a passport file) and/or 'elastic' (an elastic table entry: " +
                $"{string.Join(", ", _elastic.Ids)})");
        }

        settings.Only("model", "passport", "elastic");
        var properties = new List<KeyValuePair<string, UncertainQuantity>>();
        var notes = new List<string>();
        if (settings.Optional("model") is { } modelField)
        {
            var model = LoadModel(modelField, sceneDirectory);
            var x = model.Featurizer.Featurize(material);
            var check = model.Domain.Check(x, model.Featurizer.Features);
            if (!check.InDomain)
            {
                notes.Add($"model {model.ModelId}: outside its applicability domain ({check.Reason}); the interval is not calibrated there");
            }

            var predicted = model.Predict(x);
            foreach (var name in model.Properties)
            {
                properties.Add(new(name, predicted[name]));
            }
        }

        if (settings.Optional("passport") is { } passportField)
        {
            var file = ReadPassport(passportField, sceneDirectory);
            foreach (var name in file.PropertyNames)
            {
                if (properties.Exists(p => p.Key == name))
                {
                    throw passportField.Error($"the passport gives '{name}', which the model already predicts; a property may come from one source only");
                }

                properties.Add(new(name, file[name]));
            }

            notes.Add($"properties {string.Join(", ", file.PropertyNames)} from passport {passportField.AsString()} (material '{file.MaterialId}')");
            notes.AddRange(file.Notes);
        }

        if (settings.Optional("elastic") is { } elasticField)
        {
            var id = elasticField.AsString();
            if (!_elastic.TryGet(id, out var constants))
            {
                throw elasticField.Error($"unknown elastic table entry '{id}' (known: {string.Join(", ", _elastic.Ids)})");
            }

            foreach (var (name, value) in new[] { (MaterialPropertyNames.YoungsModulus, constants.YoungsModulus), (MaterialPropertyNames.PoissonsRatio, constants.Poisson) })
            {
                if (properties.Exists(p => p.Key == name))
                {
                    throw elasticField.Error($"'{name}' is already given by the passport; a property may come from one source only");
                }

                properties.Add(new(name, value));
            }
        }

        return new MaterialPassport(material.Id, material.Name, properties, notes);
    }

    /// <summary>Reads the passport file a scene field names (every call: the file may have changed).</summary>
    private static MaterialPassport ReadPassport(YamlField field, string sceneDirectory)
    {
        var path = Path.GetFullPath(Path.Combine(sceneDirectory, field.AsString()));
        if (!File.Exists(path))
        {
            throw field.Error($"no passport file {path}");
        }

        try
        {
            return MaterialPassport.FromJson(File.ReadAllText(path));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw field.Error($"cannot read the passport {path}: {e.Message}", e);
        }
    }

    /// <summary>Loads (once per folder) the model a scene field names.</summary>
    private PropertyModel LoadModel(YamlField field, string sceneDirectory)
    {
        var folder = Path.GetFullPath(Path.Combine(sceneDirectory, field.AsString()));
        lock (_gate)
        {
            if (_models.TryGetValue(folder, out var cached))
            {
                return cached;
            }

            if (!Directory.Exists(folder))
            {
                throw field.Error($"no model folder {folder}");
            }

            PropertyModel model;
            try
            {
                model = PropertyModel.Load(folder);
            }
            catch (Exception e) when (e is FileNotFoundException or InputFileException or IOException)
            {
                throw field.Error($"cannot load the model in {folder}: {e.Message}", e);
            }

            _models[folder] = model;
            return model;
        }
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwinPlatform.Core;

namespace TwinPlatform.Materials.Prediction.Manifest;

/// <summary>
/// <c>model.json</c>: everything needed to use and to judge a trained property model — features in
/// order with units and training ranges, the domain test, the ensembles and their conformal
/// calibration, cross-validation metrics, training data and what was held out.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The schema name every manifest declares.</summary>
    public const string SchemaName = "twinplatform.model";

    /// <summary>The manifest file name inside a model folder.</summary>
    public const string FileName = "model.json";

    /// <summary>Serializer settings: snake_case names, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // A file, never embedded in HTML: keep quotes and '+' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Always <see cref="SchemaName"/>.</summary>
    public string Schema { get; init; } = SchemaName;

    /// <summary>Manifest schema version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Model id (<c>nims-steel</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What the model predicts, for whom.</summary>
    public required string Description { get; init; }

    /// <summary>Id of the featuriser that turns a scene material into the inputs.</summary>
    public required string Featurizer { get; init; }

    /// <summary>The learning algorithm and interval method, in words.</summary>
    public required string Algorithm { get; init; }

    /// <summary>When the model was trained (UTC).</summary>
    public required DateTimeOffset Trained { get; init; }

    /// <summary>Ensemble settings, including the seed.</summary>
    public required EnsembleOptions Ensemble { get; init; }

    /// <summary>Training data.</summary>
    public required ManifestData Data { get; init; }

    /// <summary>Cross-validation protocol, if one was run.</summary>
    public ManifestCrossValidation? CrossValidation { get; init; }

    /// <summary>The inputs in vector order.</summary>
    public required IReadOnlyList<ManifestFeature> Features { get; init; }

    /// <summary>The applicability-domain test.</summary>
    public required ManifestDomain Domain { get; init; }

    /// <summary>The predicted properties.</summary>
    public required IReadOnlyList<ManifestProperty> Properties { get; init; }

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InputFileException">Not a valid manifest; names the line.</exception>
    public static ModelManifest Read(string path)
    {
        var text = File.ReadAllText(path);
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(text, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InputFileException(path, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, e.Path ?? string.Empty, e.Message, e);
        }

        if (manifest is null || manifest.Schema != SchemaName)
        {
            throw new InputFileException(path, 1, 0, "schema", $"expected a '{SchemaName}' manifest");
        }

        if (manifest.Version != 1)
        {
            throw new InputFileException(path, 0, 0, "version", $"manifest version {manifest.Version} is not supported; this build reads version 1");
        }

        return manifest;
    }

    /// <summary>Writes the manifest as indented JSON with a final newline.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
}

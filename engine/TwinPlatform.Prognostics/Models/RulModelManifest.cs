using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwinPlatform.Prognostics.Features;

namespace TwinPlatform.Prognostics.Models;

/// <summary>
/// <c>model.json</c> of a remaining-useful-life model folder: features and window, target cap,
/// health indicator, ensemble members (ML.NET zips beside it), conformal interval bands,
/// cross-validation and test metrics, training data and citation. Everything the runtime needs
/// besides the zips; nothing refers to the training data at run time.
/// </summary>
public sealed record RulModelManifest
{
    /// <summary>The schema name every manifest declares.</summary>
    public const string SchemaName = "twinplatform.rul-model";

    /// <summary>The manifest file name inside a model folder.</summary>
    public const string FileName = "model.json";

    /// <summary>Serializer settings: snake_case names, enums as strings, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Always <see cref="SchemaName"/>.</summary>
    public string Schema { get; init; } = SchemaName;

    /// <summary>Manifest schema version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Model id (<c>cmapss-fd001</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What the model predicts.</summary>
    public required string Description { get; init; }

    /// <summary>Learning algorithm and interval method, in words.</summary>
    public required string Algorithm { get; init; }

    /// <summary>When the model was trained (UTC; fixed by the trainer for reproducible files).</summary>
    public required DateTimeOffset Trained { get; init; }

    /// <summary>Training target: RUL capped at this many cycles.</summary>
    public required double CapCycles { get; init; }

    /// <summary>The online window features.</summary>
    public required FeatureWindowOptions Window { get; init; }

    /// <summary>Names of the features the trees read, in order (see <see cref="FeatureLayout"/>).</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>The learned linear health indicator.</summary>
    public required ManifestHealthIndicator HealthIndicator { get; init; }

    /// <summary>Ensemble members; the prediction is their mean, clamped to [0, cap].</summary>
    public required IReadOnlyList<ManifestMember> Members { get; init; }

    /// <summary>Weight of training cycles above the cap relative to degrading ones.</summary>
    public double HealthyCycleWeight { get; init; } = 1.0;

    /// <summary>The conformal interval.</summary>
    public required ManifestInterval Interval { get; init; }

    /// <summary>Training data and citation.</summary>
    public required ManifestDataSource Data { get; init; }

    /// <summary>Cross-validation protocol and metrics (model selection used these only).</summary>
    public ManifestCrossValidation? CrossValidation { get; init; }

    /// <summary>The one evaluation on the held-out test set.</summary>
    public ManifestTestEvaluation? Test { get; init; }

    /// <summary>Reads and checks a manifest.</summary>
    /// <exception cref="InvalidDataException">The file is not a remaining-useful-life model manifest.</exception>
    public static RulModelManifest Read(string path)
    {
        RulModelManifest? m;
        try
        {
            m = JsonSerializer.Deserialize<RulModelManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        if (m is null || m.Schema != SchemaName)
        {
            throw new InvalidDataException($"{path}: not a {SchemaName} manifest");
        }

        if (m.Version != 1)
        {
            throw new InvalidDataException($"{path}: manifest version {m.Version} is not supported (expected 1)");
        }

        return m;
    }

    /// <summary>Writes the manifest as indented JSON.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
}

namespace TwinPlatform.Materials.Features;

/// <summary>The featurisers a model manifest may name, by id.</summary>
public static class FeaturizerCatalog
{
    private static readonly IMaterialFeaturizer[] Known = [new NimsSteelFeaturizer()];

    /// <summary>The ids known to this build, comma separated, for error messages.</summary>
    public static string KnownIds => string.Join(", ", Array.ConvertAll(Known, f => f.Id));

    /// <summary>Finds a featuriser by id; false when unknown.</summary>
    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IMaterialFeaturizer? featurizer)
    {
        foreach (var f in Known)
        {
            if (string.Equals(f.Id, id, StringComparison.Ordinal))
            {
                featurizer = f;
                return true;
            }
        }

        featurizer = null;
        return false;
    }
}

namespace TwinPlatform.Storage.Twins;

/// <summary>Opens a twin store from a one-string specification (a command-line option or a setting).</summary>
public static class TwinStores
{
    /// <summary>
    /// Opens the store a specification names: <c>sqlite:PATH</c> or a bare path is a SQLite file;
    /// <c>postgres:CONNECTION</c>, <c>postgresql:CONNECTION</c> or an Npgsql connection string starting
    /// with <c>Host=</c> is a PostgreSQL database.
    /// </summary>
    /// <param name="spec">The specification.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<ITwinStore> OpenAsync(string spec, CancellationToken cancellationToken = default)
    {
        var (dialect, target) = Parse(spec);
        return dialect == TwinStoreDialect.PostgreSql
            ? await PostgresTwinStore.OpenAsync(target, cancellationToken).ConfigureAwait(false)
            : await SqliteTwinStore.OpenAsync(target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Splits a specification into the database kind and its path or connection string, without opening anything.</summary>
    /// <param name="spec">The specification (see <see cref="OpenAsync"/>).</param>
    public static (TwinStoreDialect Dialect, string Target) Parse(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        spec = spec.Trim();
        if (TryStrip(spec, "sqlite:", out var path))
        {
            return (TwinStoreDialect.Sqlite, RequireTarget(path, spec));
        }

        if (TryStrip(spec, "postgresql:", out var cs) || TryStrip(spec, "postgres:", out cs))
        {
            return (TwinStoreDialect.PostgreSql, RequireTarget(cs, spec));
        }

        return spec.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            ? (TwinStoreDialect.PostgreSql, spec)
            : (TwinStoreDialect.Sqlite, spec);
    }

    private static bool TryStrip(string spec, string prefix, out string rest)
    {
        if (spec.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            rest = spec[prefix.Length..].Trim();
            return true;
        }

        rest = string.Empty;
        return false;
    }

    private static string RequireTarget(string target, string spec) =>
        target.Length > 0 ? target : throw new ArgumentException($"store specification '{spec}' names no path or connection string", nameof(spec));
}

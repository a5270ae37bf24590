using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Interregnum.Store;

/// <summary>Which backend a store location names.</summary>
public enum RunStoreBackend
{
    /// <summary>A SQLite file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database.</summary>
    Postgres,
}

/// <summary>A resolved store location: the backend and its target (a file path or an Npgsql connection string).</summary>
/// <param name="Backend">The backend.</param>
/// <param name="Target">The SQLite file path, or the connection text as given (URI or key=value).</param>
public sealed record RunStoreLocation(RunStoreBackend Backend, string Target);

/// <summary>
/// Opens the run store named by <c>--db</c>, else by the <c>INTERREGNUM_DB</c> environment variable, else the
/// default SQLite file in the user's data folder. A value starting with <c>postgres://</c> or
/// <c>postgresql://</c>, or one holding a <c>Host=</c> (or <c>Server=</c>) key, is PostgreSQL; anything else is a
/// SQLite file path.
/// </summary>
public static partial class RunStoreFactory
{
    /// <summary>The environment variable naming the store when <c>--db</c> is not given.</summary>
    public const string EnvironmentVariable = "INTERREGNUM_DB";

    /// <summary>The default SQLite file: <c>interregnum/runs.db</c> in the user's local application data folder.</summary>
    public static string DefaultSqlitePath =>
        Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "interregnum",
            "runs.db");

    /// <summary>Opens (and migrates) the store named by <paramref name="db"/>, else INTERREGNUM_DB, else the default file.</summary>
    /// <exception cref="RunStoreException">The store cannot be opened.</exception>
    public static IRunStore Open(string? db) =>
        Open(Resolve(db, Environment.GetEnvironmentVariable(EnvironmentVariable), DefaultSqlitePath));

    /// <summary>Opens (and migrates) the store at a resolved location.</summary>
    /// <exception cref="RunStoreException">The store cannot be opened.</exception>
    public static IRunStore Open(RunStoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Backend switch
        {
            RunStoreBackend.Postgres => PostgresRunStore.Open(location.Target),
            _ => SqliteRunStore.Open(location.Target),
        };
    }

    /// <summary>
    /// Chooses the location from the option, the environment variable's value and the default path (in that
    /// order, blank values skipped), and tells the backend from its form. Pure; no I/O.
    /// </summary>
    public static RunStoreLocation Resolve(string? db, string? environmentValue, string defaultSqlitePath)
    {
        var chosen = !string.IsNullOrWhiteSpace(db) ? db.Trim()
            : !string.IsNullOrWhiteSpace(environmentValue) ? environmentValue.Trim()
            : defaultSqlitePath;
        return PostgresConnection.IsUri(chosen) || KeyValueHost().IsMatch(chosen)
            ? new RunStoreLocation(RunStoreBackend.Postgres, chosen)
            : new RunStoreLocation(RunStoreBackend.Sqlite, chosen);
    }

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValueHost();
}

/// <summary>Converts PostgreSQL connection URIs to Npgsql connection strings.</summary>
public static class PostgresConnection
{
    /// <summary>Whether <paramref name="text"/> is a <c>postgres://</c> or <c>postgresql://</c> URI.</summary>
    public static bool IsUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Converts <c>postgres://user:password@host:port/database?sslmode=require</c> to an Npgsql connection string.
    /// User, password and database are percent-decoded; the port defaults to 5432; query parameters
    /// <c>sslmode</c>, <c>application_name</c>, <c>connect_timeout</c> and <c>options</c> are carried over.
    /// </summary>
    /// <exception cref="ArgumentException">The URI is malformed or has an unknown query parameter.</exception>
    public static string FromUri(string uri)
    {
        if (!IsUri(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
        {
            throw new ArgumentException("Not a postgres://user:password@host:port/database URI: " + Redact(uri), nameof(uri));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host.Trim('[', ']'),
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port,
        };
        if (parsed.UserInfo.Length > 0)
        {
            var colon = parsed.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? parsed.UserInfo : parsed.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(parsed.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (key)
            {
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "options":
                    builder.Options = value;
                    break;
                default:
                    throw new ArgumentException("Unsupported parameter '" + key + "' in PostgreSQL URI " + Redact(uri) + "; use an Npgsql connection string instead.", nameof(uri));
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>The URI with its password replaced by <c>***</c>, for messages.</summary>
    public static string Redact(string uri) => PasswordInUri().Replace(uri, "$1***@");

    private static Regex PasswordInUri() => new("(://[^:/@]*:)[^@]*@", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

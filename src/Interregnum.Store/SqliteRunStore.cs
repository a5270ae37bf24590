using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Interregnum.Store;

/// <summary>
/// Runs in one SQLite file (the default store). Write-ahead logging lets readers work beside a writer, and a
/// busy timeout makes a second writing process wait its turn instead of failing; each run is one transaction,
/// so a process killed mid-write leaves the file as it was before that run.
/// </summary>
public sealed class SqliteRunStore : SqlRunStore
{
    /// <summary>How long a writer waits for another process's write to finish before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    private readonly string _connectionString;

    private SqliteRunStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string Location => "sqlite:" + Path;

    /// <inheritdoc />
    protected override string IdColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    /// <summary>Opens (creating the file and its folder if needed) and migrates the store at <paramref name="path"/>.</summary>
    /// <exception cref="RunStoreException">The file cannot be opened or its schema is newer than this program.</exception>
    public static SqliteRunStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var store = new SqliteRunStore(path);
        try
        {
            var folder = System.IO.Path.GetDirectoryName(store.Path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            store.Migrate();
            return store;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            store.Dispose();
            throw new RunStoreException("Cannot open the run store " + store.Location + ": " + ex.Message, ex);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // busy_timeout first, so that switching to WAL waits for another process instead of failing.
            command.CommandText =
                "PRAGMA busy_timeout = " + ((long)BusyTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + ";" +
                "PRAGMA journal_mode = WAL;" +
                "PRAGMA synchronous = FULL;" +
                "PRAGMA foreign_keys = ON;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}

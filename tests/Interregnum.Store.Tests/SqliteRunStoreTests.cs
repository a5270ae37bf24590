using Microsoft.Data.Sqlite;
using Xunit;

namespace Interregnum.Store.Tests;

/// <summary>The run store contract against SQLite, each test in a new temporary file.</summary>
public sealed class SqliteRunStoreTests : RunStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("interregnum-store-").FullName;
    private int _files;

    protected override string NewLocation() => Path.Combine(_folder, "runs" + Interlocked.Increment(ref _files) + ".db");

    protected override void ExecuteRaw(string location, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Open_NewFile_UsesWriteAheadLog()
    {
        var path = NewLocation();
        using (SqliteRunStore.Open(path))
        {
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public void Open_FolderThatDoesNotExist_CreatesIt()
    {
        var path = Path.Combine(_folder, "a", "b", "runs.db");

        using var store = SqliteRunStore.Open(path);

        Assert.True(File.Exists(path));
        Assert.Equal("sqlite:" + path, store.Location);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_FailsWithClearMessage()
    {
        var path = Path.Combine(_folder, "not-a-db.db");
        File.WriteAllText(path, "this is a text file, not a SQLite database, and it is long enough to have a header.");

        var error = Assert.Throws<RunStoreException>(() => SqliteRunStore.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public override void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A killed writer's file may still be closing; the temporary folder is left for the OS.
        }

        base.Dispose();
    }
}

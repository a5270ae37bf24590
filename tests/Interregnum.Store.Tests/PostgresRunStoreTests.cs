using Npgsql;
using Xunit;

namespace Interregnum.Store.Tests;

/// <summary>
/// The run store contract against PostgreSQL, when INTERREGNUM_TEST_PG holds an Npgsql connection string
/// (CI starts a throwaway server); each test gets its own new schema, dropped afterwards.
/// </summary>
public sealed class PostgresRunStoreTests : RunStoreContract
{
    public const string Variable = "INTERREGNUM_TEST_PG";

    private readonly List<string> _schemas = [];

    private static string Server()
    {
        var connection = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            Assert.Skip($"{Variable} is not set: these tests need a PostgreSQL server (an Npgsql connection string; .ci/run starts one).");
        }

        return connection;
    }

    protected override string NewLocation()
    {
        var server = Server();
        var schema = "interregnum_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand("CREATE SCHEMA " + schema, connection);
            command.ExecuteNonQuery();
        }

        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
    }

    protected override void ExecuteRaw(string location, string sql)
    {
        using var connection = new NpgsqlConnection(location);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Open_ServerThatIsNotThere_FailsWithClearMessage()
    {
        _ = Server();

        var error = Assert.Throws<RunStoreException>(() =>
            PostgresRunStore.Open("postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2"));

        Assert.Contains("postgres:nobody@127.0.0.1:1/none", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    public override void Dispose()
    {
        if (_schemas.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Server());
            connection.Open();
            foreach (var schema in _schemas)
            {
                using var command = new NpgsqlCommand("DROP SCHEMA IF EXISTS " + schema + " CASCADE", connection);
                command.ExecuteNonQuery();
            }
        }

        base.Dispose();
    }
}

using Npgsql;
using Xunit;

namespace Interregnum.Store.Tests;

public sealed class RunStoreFactoryTests
{
    [Fact]
    public void Resolve_OptionGiven_WinsOverEnvironmentAndDefault()
    {
        var location = RunStoreFactory.Resolve("/tmp/mine.db", "postgres://u@h/d", "/home/x/.local/share/interregnum/runs.db");

        Assert.Equal(new RunStoreLocation(RunStoreBackend.Sqlite, "/tmp/mine.db"), location);
    }

    [Fact]
    public void Resolve_NoOption_UsesEnvironmentThenDefault()
    {
        Assert.Equal(
            new RunStoreLocation(RunStoreBackend.Postgres, "postgresql://u@h/d"),
            RunStoreFactory.Resolve(null, "postgresql://u@h/d", "/default.db"));
        Assert.Equal(
            new RunStoreLocation(RunStoreBackend.Sqlite, "/default.db"),
            RunStoreFactory.Resolve("  ", "", "/default.db"));
    }

    [Theory]
    [InlineData("Host=localhost;Database=runs", RunStoreBackend.Postgres)]
    [InlineData("Port=5433; server = db.example;Database=runs", RunStoreBackend.Postgres)]
    [InlineData("runs=2026.db", RunStoreBackend.Sqlite)]
    [InlineData("C:\\data\\runs.db", RunStoreBackend.Sqlite)]
    [InlineData("localhost.db", RunStoreBackend.Sqlite)]
    public void Resolve_FormOfValue_TellsBackend(string value, RunStoreBackend expected)
    {
        Assert.Equal(expected, RunStoreFactory.Resolve(value, null, "/unused").Backend);
    }

    [Fact]
    public void FromUri_FullUri_GivesEachPartPercentDecoded()
    {
        var connection = PostgresConnection.FromUri("postgres://ana%40lyst:p%3Ass%2Fw@db.example.org:6543/interregnum%20runs?sslmode=require&application_name=brief");

        var builder = new NpgsqlConnectionStringBuilder(connection);
        Assert.Equal("ana@lyst", builder.Username);
        Assert.Equal("p:ss/w", builder.Password);
        Assert.Equal("db.example.org", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("interregnum runs", builder.Database);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("brief", builder.ApplicationName);
    }

    [Fact]
    public void FromUri_NoPortNoPassword_DefaultsTo5432()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnection.FromUri("postgresql://me@localhost/runs"));

        Assert.Equal(5432, builder.Port);
        Assert.Equal("me", builder.Username);
        Assert.Null(builder.Password);
        Assert.Equal("runs", builder.Database);
    }

    [Fact]
    public void FromUri_UnknownParameter_FailsNamingItWithoutThePassword()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnection.FromUri("postgres://me:secret@h/d?frobnicate=1"));

        Assert.Contains("frobnicate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHash_KnownVectors_MatchPublishedSha256()
    {
        // FIPS 180-2 test vector "abc" and the empty string.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.Sha256Hex("abc"));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.Sha256Hex(string.Empty));
    }
}

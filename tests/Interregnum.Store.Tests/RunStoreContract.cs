using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Interregnum.Store.CrashWriter;
using Xunit;

namespace Interregnum.Store.Tests;

/// <summary>
/// The contract every run store keeps; run once per backend by the derived classes
/// (<see cref="SqliteRunStoreTests"/>, <see cref="PostgresRunStoreTests"/>).
/// </summary>
public abstract class RunStoreContract : IDisposable
{
    /// <summary>A location (SQLite path or Npgsql connection string) of a new, empty store; skips the test if the backend is unavailable.</summary>
    protected abstract string NewLocation();

    /// <summary>Runs a statement directly against the store's database (to simulate a future schema).</summary>
    protected abstract void ExecuteRaw(string location, string sql);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    protected static IRunStore Open(string location) => RunStoreFactory.Open(RunStoreFactory.Resolve(location, null, location));

    private static RunRecord Sample(string scenario = "name: Sample\nactors: []\n", long seed = 42, int minute = 0) => new()
    {
        Kind = RunKind.Compare,
        ScenarioText = scenario,
        ScenarioFile = "scenarios/sample.yaml",
        ShockId = "death-in-office",
        Seed = seed,
        Draws = 10_000,
        ModelName = "expected-utility",
        ModelParameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["contested_threshold"] = "0.35",
            ["rounds"] = "12",
            ["note"] = "quoted \"text\", commas; and ünïcödé",
        }),
        ProgramVersion = "0.1.0+abc123",
        CreatedAt = new DateTimeOffset(2026, 11, 29, 12, 30, 15, TimeSpan.Zero).AddTicks(1234567).AddMinutes(minute),
        Arguments = ["compare", "scenarios/sample.yaml", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--draws", "10000"],
        ResultsJson = "{\"candidates\":[{\"name\":\"Mishustin\",\"probability\":0.41}],\"contested\":0.2}",
        DrawsCsv = "draw,winner\n0,Mishustin\n1,\"Patrushev, N.\"\n",
    };

    private static void AssertSameRun(RunRecord expected, RunRecord actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.ScenarioText, actual.ScenarioText);
        Assert.Equal(expected.ScenarioHash, actual.ScenarioHash);
        Assert.Equal(expected.ScenarioFile, actual.ScenarioFile);
        Assert.Equal(expected.ShockId, actual.ShockId);
        Assert.Equal(expected.Seed, actual.Seed);
        Assert.Equal(expected.Draws, actual.Draws);
        Assert.Equal(expected.ModelName, actual.ModelName);
        Assert.Equal(expected.ModelParameters.OrderBy(p => p.Key, StringComparer.Ordinal), actual.ModelParameters.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.ProgramVersion, actual.ProgramVersion);
        Assert.Equal(expected.CreatedAt.UtcTicks, actual.CreatedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, actual.CreatedAt.Offset);
        Assert.Equal(expected.Arguments, actual.Arguments);
        Assert.Equal(expected.ResultsJson, actual.ResultsJson);
        Assert.Equal(expected.DrawsCsv, actual.DrawsCsv);
    }

    [Fact]
    public void Add_ThenGet_RoundTripsEveryField()
    {
        // Given
        using var store = Open(NewLocation());
        var run = Sample() with { CreatedAt = new DateTimeOffset(2026, 11, 29, 15, 30, 15, TimeSpan.FromHours(3)).AddTicks(7) };

        // When
        var id = store.Add(run);
        var back = store.Get(id);

        // Then
        Assert.NotNull(back);
        Assert.Equal(id, back.Id);
        AssertSameRun(run, back);
        Assert.Equal(ScenarioSha256, back.ScenarioHash);
    }

    // SHA-256 of Sample()'s scenario text, computed independently: printf 'name: Sample\nactors: []\n' | sha256sum
    private const string ScenarioSha256 = "8dce2865aab35f382b9065e1fb80547677f14c74cb9a315a26ceef27d15a0686";

    [Fact]
    public void Add_WithoutOptionalFields_RoundTripsNullsAndEmptyCollections()
    {
        // Given
        using var store = Open(NewLocation());
        var run = Sample() with
        {
            Kind = RunKind.Bargain,
            ShockId = null,
            DrawsCsv = null,
            ModelParameters = ImmutableSortedDictionary<string, string>.Empty,
            Arguments = [],
            Draws = 0,
            ScenarioText = string.Empty,
        };

        // When
        var back = store.Get(store.Add(run));

        // Then
        Assert.NotNull(back);
        AssertSameRun(run, back);
        Assert.False(store.List().Single().HasDrawsCsv);
    }

    [Fact]
    public void Get_UnknownId_ReturnsNull()
    {
        using var store = Open(NewLocation());
        store.Add(Sample());

        Assert.Null(store.Get(987_654));
    }

    [Fact]
    public void List_ReturnsNewestFirst_ThenHigherIdFirst()
    {
        // Given: runs added out of time order, two with the same time
        using var store = Open(NewLocation());
        var middle = store.Add(Sample(minute: 5));
        var oldest = store.Add(Sample(minute: 0));
        var newest = store.Add(Sample(minute: 9));
        var sameTimeLater = store.Add(Sample(minute: 5));

        // When
        var listed = store.List();

        // Then
        Assert.Equal([newest, sameTimeLater, middle, oldest], listed.Select(r => r.Id));
        var first = listed[0];
        Assert.Equal(RunKind.Compare, first.Kind);
        Assert.Equal("scenarios/sample.yaml", first.ScenarioFile);
        Assert.Equal(ScenarioSha256, first.ScenarioHash);
        Assert.Equal("death-in-office", first.ShockId);
        Assert.Equal(42, first.Seed);
        Assert.Equal(10_000, first.Draws);
        Assert.Equal("expected-utility", first.ModelName);
        Assert.Equal("0.1.0+abc123", first.ProgramVersion);
        Assert.True(first.HasDrawsCsv);
        Assert.Equal(Sample(minute: 9).CreatedAt, first.CreatedAt);
        Assert.Equal([newest, sameTimeLater], store.List(new RunFilter(Limit: 2)).Select(r => r.Id));
    }

    [Fact]
    public void List_WithFilter_ReturnsOnlyMatchingScenarioAndKind()
    {
        // Given
        using var store = Open(NewLocation());
        var a = store.Add(Sample(scenario: "a\n"));
        var b = store.Add(Sample(scenario: "b\n"));
        var aSimulate = store.Add(Sample(scenario: "a\n", minute: 1) with { Kind = RunKind.Simulate });

        // When
        var byHash = store.List(new RunFilter(ScenarioHash: ContentHash.Sha256Hex("a\n")));
        var byKind = store.List(new RunFilter(Kind: RunKind.Compare));
        var both = store.List(new RunFilter(ScenarioHash: ContentHash.Sha256Hex("a\n").ToUpperInvariant(), Kind: RunKind.Simulate));

        // Then
        Assert.Equal([aSimulate, a], byHash.Select(r => r.Id));
        Assert.Equal([b, a], byKind.Select(r => r.Id));
        Assert.Equal([aSimulate], both.Select(r => r.Id));
    }

    [Fact]
    public void Add_SameScenarioTwice_BothRunsReadTheText()
    {
        using var store = Open(NewLocation());
        var first = store.Add(Sample(seed: 1));
        var second = store.Add(Sample(seed: 2));

        Assert.Equal(Sample().ScenarioText, store.Get(first)!.ScenarioText);
        Assert.Equal(Sample().ScenarioText, store.Get(second)!.ScenarioText);
        Assert.Equal(2, store.Get(second)!.Seed);
    }

    [Fact]
    public void Add_ResultsThatAreNotJson_ThrowsAndStoresNothing()
    {
        using var store = Open(NewLocation());

        Assert.Throws<ArgumentException>(() => store.Add(Sample() with { ResultsJson = "{\"truncated\": [1, 2" }));
        Assert.Throws<ArgumentException>(() => store.Add(Sample() with { Draws = -1 }));

        Assert.Empty(store.List());
    }

    [Fact]
    public void Open_Twice_AppliesMigrationsOnceAndKeepsRuns()
    {
        // Given
        var location = NewLocation();
        long id;
        using (var first = Open(location))
        {
            id = first.Add(Sample());
        }

        // When
        using var second = Open(location);
        using var third = Open(location);

        // Then
        Assert.Equal(SchemaMigrations.All.Select(m => m.Version), ((SqlRunStore)third).AppliedSchemaVersions());
        AssertSameRun(Sample(), third.Get(id)!);
        Assert.Single(second.List());
    }

    [Fact]
    public void Open_SchemaNewerThanProgram_FailsWithClearMessage()
    {
        var location = NewLocation();
        using (Open(location))
        {
        }

        ExecuteRaw(location, "INSERT INTO schema_version (version, description) VALUES (999, 'from the future')");

        var error = Assert.Throws<RunStoreException>(() => Open(location));
        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade interregnum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoThreadsWithTheirOwnStores_AllRunsLand()
    {
        // Given
        var location = NewLocation();
        using (Open(location))
        {
        }

        // When
        const int perWriter = 15;
        var writers = new[] { "t1", "t2" }.Select(tag => Task.Run(() =>
        {
            using var store = Open(location);
            for (var i = 0; i < perWriter; i++)
            {
                store.Add(Payload.Run(tag, i, 200));
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        await Task.WhenAll(writers);

        // Then
        using var reader = Open(location);
        var counts = AssertEveryRunComplete(reader);
        Assert.Equal(perWriter, counts.GetValueOrDefault("t1"));
        Assert.Equal(perWriter, counts.GetValueOrDefault("t2"));
    }

    [Fact]
    public void TwoWriterProcessesAtOnce_BothLand()
    {
        // Given: a new store, not yet created or migrated
        var location = NewLocation();

        // When: two processes create, migrate and write to it at the same time
        const int perWriter = 25;
        using var a = Writer.Start(location, "pa", perWriter, values: 2000);
        using var b = Writer.Start(location, "pb", perWriter, values: 2000);
        var exitA = a.WaitForExit(TimeSpan.FromMinutes(3));
        var exitB = b.WaitForExit(TimeSpan.FromMinutes(3));

        // Then
        Assert.True(exitA == 0, "writer A: exit " + exitA + "\n" + a.Errors);
        Assert.True(exitB == 0, "writer B: exit " + exitB + "\n" + b.Errors);
        Assert.Equal(perWriter, a.StoredCount);
        Assert.Equal(perWriter, b.StoredCount);
        using var store = Open(location);
        var counts = AssertEveryRunComplete(store);
        Assert.Equal(perWriter, counts["pa"]);
        Assert.Equal(perWriter, counts["pb"]);
    }

    [Fact]
    public void WriterKilledMidWrite_LeavesNoPartialRun()
    {
        // Given: a store that three writers in turn fill with large runs (about 0.5 MB each) in a loop
        var location = NewLocation();
        var reported = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (tag, delayMs) in new[] { ("kill0", 0), ("kill1", 7), ("kill2", 23) })
        {
            using var writer = Writer.Start(location, tag, count: 0, values: Payload.DefaultValues);
            Assert.True(writer.WaitForStored(2, TimeSpan.FromMinutes(2)), "the writer stored nothing:\n" + writer.Errors);

            // When: each is killed with SIGKILL at a different point of its next writes
            Thread.Sleep(delayMs);
            writer.Kill();
            reported[tag] = writer.StoredCount;
        }

        // Then: every stored run is whole, and the runs reported stored are there (one more may have committed
        // between its commit and the line that reports it)
        using var store = Open(location);
        var counts = AssertEveryRunComplete(store);
        foreach (var (tag, count) in reported)
        {
            Assert.InRange(counts.GetValueOrDefault(tag), count, count + 1);
        }

        // and the store still takes new runs
        var id = store.Add(Sample());
        AssertSameRun(Sample(), store.Get(id)!);
    }

    [Fact]
    public void WriterKilledBeforeCommit_LeavesNoTraceOfThatRun()
    {
        // Given: a writer that has stored two runs and has written every row of the third, uncommitted
        var location = NewLocation();
        using var writer = Writer.Start(location, "pause", count: 0, values: 500, pauseAt: 2);
        Assert.True(writer.WaitForPause(TimeSpan.FromMinutes(2)), "the writer did not reach the commit:\n" + writer.Errors);

        // When: it is killed with SIGKILL there
        writer.Kill();

        // Then: the two committed runs are whole, and the third is not there at all
        using var store = Open(location);
        var counts = AssertEveryRunComplete(store);
        Assert.Equal(2, counts["pause"]);
        Assert.Equal(2, writer.StoredCount);
        Assert.Null(store.Get(writer.PausedBeforeCommit));
        Assert.Equal(2, store.List().Count);
    }

    /// <summary>Checks that every stored run equals the run its writer meant to store; returns runs per tag.</summary>
    private static Dictionary<string, int> AssertEveryRunComplete(IRunStore store)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var summary in store.List())
        {
            var run = store.Get(summary.Id);
            Assert.NotNull(run);
            using var results = JsonDocument.Parse(run.ResultsJson);
            var tag = results.RootElement.GetProperty("tag").GetString()!;
            var index = results.RootElement.GetProperty("index").GetInt32();
            var values = results.RootElement.GetProperty("values_count").GetInt32();
            AssertSameRun(Payload.Run(tag, index, values), run);
            counts[tag] = counts.GetValueOrDefault(tag) + 1;
        }

        return counts;
    }
}

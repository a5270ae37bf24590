using Interregnum.Simulation;
using Interregnum.Store;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Runs.Tests;

public sealed class RunReplayersTests
{
    private static string Teaching => Path.Combine(TestData.RepositoryRoot(), "scenarios", "teaching.yaml");

    [Fact]
    public void BuiltIn_Kinds_ReplaysForecastsAndBargainsButNotBacktests()
    {
        Assert.True(RunReplayers.BuiltIn.TryGet(RunKind.Simulate, out _));
        Assert.True(RunReplayers.BuiltIn.TryGet(RunKind.Compare, out _));
        Assert.True(RunReplayers.BuiltIn.TryGet(RunKind.Sensitivity, out _));
        Assert.True(RunReplayers.BuiltIn.TryGet(RunKind.Bargain, out _));

        // A backtest depends on its case folder, which is not stored with the run.
        Assert.False(RunReplayers.BuiltIn.TryGet(RunKind.Backtest, out _));
    }

    [Fact]
    public void With_AddedKind_LeavesTheOriginalUnchanged()
    {
        var extended = RunReplayers.BuiltIn.With(RunKind.Backtest, (_, _, _) => "{}");

        Assert.True(extended.TryGet(RunKind.Backtest, out var replay));
        Assert.Equal("{}", replay(new RunRecord { Kind = RunKind.Backtest, ScenarioText = "", ScenarioFile = "x", Seed = 1, Draws = 1, ModelName = "smp", ProgramVersion = "0", CreatedAt = default, ResultsJson = "{}" }, TextWriter.Null, CancellationToken.None));
        Assert.False(RunReplayers.BuiltIn.TryGet(RunKind.Backtest, out _));
    }

    [Fact]
    public void SimulateReplay_StoredRecord_GivesTheStoredDocumentByteForByte()
    {
        // Given: a simulate run computed and mapped to its stored record, with no historical data (no outside view)
        var loaded = ScenarioFiles.Load(Teaching);
        var request = new SimulateRequest(loaded, loaded.Scenario.Shocks[0].Id, new SimulationSettings(Draws: 200, Seed: 11), new DirectoryInfo(Path.Combine(Path.GetTempPath(), "interregnum-no-data-" + Guid.NewGuid().ToString("N"))));
        var notes = new StringWriter();
        var (doc, _) = SimulateRun.Compute(request, notes, null, CancellationToken.None);
        var json = RunJson.Serialize(doc);
        var record = SimulateRun.ToRecord(request, json, null, ["simulate", "teaching.yaml", "--data", request.Data!.FullName], new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        // When
        var again = SimulateRun.Replay(record, TextWriter.Null, CancellationToken.None);

        // Then
        Assert.Equal(json, again);
        Assert.Equal(RunKind.Simulate, record.Kind);
        Assert.Equal(11L, record.Seed);
        Assert.Equal(200, record.Draws);
        Assert.Equal("smp", record.ModelName);
    }

    [Fact]
    public void CompareRequest_UnknownShock_FailsAsInvalidInputNamingTheShocks()
    {
        var loaded = ScenarioFiles.Load(Teaching);

        var ex = Assert.Throws<RunException>(() => CompareRun.Request(loaded, "no-such-shock", new SimulationSettings(), null));

        Assert.Equal(RunFailure.InvalidInput, ex.Failure);
        Assert.Contains("unknown shock 'no-such-shock'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioFilesLoad_MissingFile_FailsAsMissingResource()
    {
        var path = Path.Combine(Path.GetTempPath(), "interregnum-missing-" + Guid.NewGuid().ToString("N") + ".yaml");

        var ex = Assert.Throws<RunException>(() => ScenarioFiles.Load(path));

        Assert.Equal(RunFailure.MissingResource, ex.Failure);
        Assert.Equal($"{path}: no such file", ex.Message);
    }
}

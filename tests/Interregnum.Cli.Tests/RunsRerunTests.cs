using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Interregnum.Runs;
using Interregnum.Store;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary>
/// <c>runs rerun</c> and <see cref="RunRecorder"/>. The replayer given here is for <see cref="RunKind.Backtest"/>
/// (which no command replays), passed to the program explicitly (<see cref="RunReplayers.With"/>).
/// </summary>
public sealed class RunsRerunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("interregnum-rerun-cli-").FullName;
    private readonly string _db;

    public RunsRerunTests() => _db = Path.Combine(_folder, "runs.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A deterministic "model": the mean of `draws` uniform numbers from a generator seeded with the run's seed.
    private static string Model(RunRecord run, TextWriter log, CancellationToken cancellationToken)
    {
        var random = new Random(checked((int)run.Seed));
        var sum = 0.0;
        for (var i = 0; i < run.Draws; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sum += random.NextDouble();
        }

        return JsonSerializer.Serialize(new { seed = run.Seed, draws = run.Draws, mean = sum / run.Draws });
    }

    private static RunRecord Recorded(string version, Func<RunRecord, string> results)
    {
        var run = new RunRecord
        {
            Kind = RunKind.Backtest,
            ScenarioText = "cases: all\n",
            ScenarioFile = "cases",
            Seed = 20261129,
            Draws = 1000,
            ModelName = "compromise",
            ProgramVersion = version,
            CreatedAt = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero),
            ResultsJson = "{}",
        };
        return run with { ResultsJson = results(run) };
    }

    private (int Code, string Out, string Err) Cli(params string[] args) => Cli(RunReplayers.BuiltIn, args);

    private (int Code, string Out, string Err) Cli(RunReplayers replayers, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run([.. args, "--db", _db], stdout, stderr, replayers);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Add(RunRecord run)
    {
        using var store = SqliteRunStore.Open(_db);
        return store.Add(run).ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Rerun_SameProgram_ReproducesResultsExactly()
    {
        var replayers = RunReplayers.BuiltIn.With(RunKind.Backtest, Model);
        var id = Add(Recorded(RunRecorder.ProgramVersion, run => Model(run, TextWriter.Null, CancellationToken.None)));

        var (code, output, error) = Cli(replayers, "runs", "rerun", id);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"reproduced exactly: run {id} (backtest, seed 20261129, 1000 draws)\n", output.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Rerun_ResultsThatDiffer_ListsDifferingPathsAndFails()
    {
        // Given: stored results whose mean was written by another model version
        var replayers = RunReplayers.BuiltIn.With(RunKind.Backtest, Model);
        var id = Add(Recorded("0.0.1", run => """{"seed":20261129,"draws":1000,"mean":0.5,"extra":1}"""));

        // When
        var (code, output, error) = Cli(replayers, "runs", "rerun", id);

        // Then
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"warning: run {id} was made by version 0.0.1", error, StringComparison.Ordinal);
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"not reproduced: run {id}'s results differ from the stored ones", lines[0]);
        Assert.StartsWith("mean: 0.5 -> 0.", lines[1], StringComparison.Ordinal);
        Assert.Equal("extra: 1 -> (absent)", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Rerun_NoReplayForKind_SaysWhy()
    {
        // A backtest depends on its case folder, which is not stored with the run, so it has no replayer.
        var id = Add(Recorded(RunRecorder.ProgramVersion, _ => "{}") with { Kind = RunKind.Backtest });
        Assert.False(RunReplayers.BuiltIn.TryGet(RunKind.Backtest, out _));

        var (code, _, error) = Cli("runs", "rerun", id);

        Assert.Equal(ExitCodes.MissingResource, code);
        Assert.Equal($"error: cannot rerun run {id}: this program cannot replay 'backtest' runs.\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Record_WithDbOption_StoresRunAndSaysSo()
    {
        // Given: a command with the recording convention's options
        var command = new RootCommand { CommonOptions.Db(), RunRecorder.NoStore(), new Argument<string>("file") };
        var stderr = new StringWriter();
        var parse = command.Parse(["scenario.yaml", "--db", _db], new ParserConfiguration());
        var invocation = new InvocationConfiguration { Output = TextWriter.Null, Error = stderr };
        long? id = null;
        command.SetAction(parseResult =>
        {
            id = RunRecorder.Record(parseResult, Recorded(RunRecorder.ProgramVersion, _ => "{\"x\":1}") with
            {
                Arguments = RunRecorder.Arguments(parseResult),
            });
            return 0;
        });

        // When
        var code = parse.Invoke(invocation);

        // Then
        Assert.Equal(0, code);
        Assert.NotNull(id);
        Assert.Equal($"stored run {id}\n", stderr.ToString().ReplaceLineEndings("\n"));
        using var store = SqliteRunStore.Open(_db);
        var stored = store.Get(id.Value);
        Assert.NotNull(stored);
        Assert.Equal(["scenario.yaml", "--db", _db], stored.Arguments);
    }

    [Fact]
    public void Record_NoStore_StoresNothing()
    {
        var command = new RootCommand { CommonOptions.Db(), RunRecorder.NoStore() };
        long? id = 1;
        command.SetAction(parseResult =>
        {
            id = RunRecorder.Record(parseResult, Recorded(RunRecorder.ProgramVersion, _ => "{}"));
            return 0;
        });

        command.Parse(["--db", _db, "--no-store"]).Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });

        Assert.Null(id);
        Assert.False(File.Exists(_db));
    }

    [Fact]
    public void Record_StoreThatCannotOpen_ThrowsCliExceptionNamingIt()
    {
        var notADatabase = Path.Combine(_folder, "text.db");
        File.WriteAllText(notADatabase, "plain text, not a database file; long enough to fill SQLite's header check.");
        var command = new RootCommand { CommonOptions.Db(), RunRecorder.NoStore() };
        var parse = command.Parse(["--db", notADatabase]);

        var error = Assert.Throws<CliException>(() => RunRecorder.Record(parse, Recorded(RunRecorder.ProgramVersion, _ => "{}")));

        Assert.Equal(ExitCodes.MissingResource, error.ExitCode);
        Assert.Contains(notADatabase, error.Message, StringComparison.Ordinal);
        Assert.Contains("--no-store", error.Message, StringComparison.Ordinal);
    }
}

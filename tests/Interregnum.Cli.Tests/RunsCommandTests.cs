using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using Interregnum.Store;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary><c>interregnum runs ...</c> against a temporary SQLite store filled through the store's own API.</summary>
public sealed class RunsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("interregnum-runs-cli-").FullName;
    private readonly string _db;

    public RunsCommandTests() => _db = Path.Combine(_folder, "runs.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RunRecord Run(int minute = 0, long seed = 11, string results = """{"winner":{"patrushev":0.42,"mishustin":0.31},"contested":0.2,"note":"a, \"b\""}""") => new()
    {
        Kind = RunKind.Simulate,
        ScenarioText = "name: Russia\nshocks:\n  - id: death\n",
        ScenarioFile = "scenarios/russia.yaml",
        ShockId = "death",
        Seed = seed,
        Draws = 5000,
        ModelName = "compromise",
        ModelParameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string> { ["threshold"] = "0.35" }),
        ProgramVersion = RunRecorder.ProgramVersion,
        CreatedAt = new DateTimeOffset(2026, 11, 29, 10, minute, 0, TimeSpan.Zero),
        Arguments = ["simulate", "scenarios/russia.yaml", "--seed", "11"],
        ResultsJson = results,
    };

    private long Add(RunRecord run)
    {
        using var store = SqliteRunStore.Open(_db);
        return store.Add(run);
    }

    private (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run([.. args, "--db", _db], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void List_Json_GivesRunsNewestFirstWithTheirInputs()
    {
        // Given
        var older = Add(Run(minute: 1));
        var newer = Add(Run(minute: 2, seed: 12) with { Kind = RunKind.Compare, ShockId = null });

        // When
        var (code, output, error) = Cli("runs", "list", "--format", "json");

        // Then
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var runs = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([newer, older], runs.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal("compare", runs[0].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, runs[0].GetProperty("shock_id").ValueKind);
        Assert.Equal(12, runs[0].GetProperty("seed").GetInt64());
        Assert.Equal(ContentHash.Sha256Hex(Run().ScenarioText), runs[1].GetProperty("scenario_hash").GetString());
    }

    [Fact]
    public void List_TableAndCsv_ShowEveryRunAndFilterByKind()
    {
        var simulate = Add(Run(minute: 1));
        Add(Run(minute: 2) with { Kind = RunKind.Bargain });

        var (tableCode, table, _) = Cli("runs", "list");
        var (csvCode, csv, _) = Cli("runs", "list", "--format", "csv", "--kind", "simulate");

        Assert.Equal(0, tableCode);
        Assert.Contains("bargain", table, StringComparison.Ordinal);
        Assert.Contains("scenarios/russia.yaml", table, StringComparison.Ordinal);
        Assert.Equal(0, csvCode);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,created_at,kind,scenario_file,scenario_hash,shock_id,seed,draws,model_name,program_version,has_draws_csv", lines[0]);
        var row = Assert.Single(lines[1..]).Split(',');
        Assert.Equal(simulate.ToString(System.Globalization.CultureInfo.InvariantCulture), row[0]);
        Assert.Equal("2026-11-29T10:01:00.0000000Z", row[1]);
        Assert.Equal("simulate", row[2]);
    }

    [Fact]
    public void List_ByScenarioFile_HashesTheFileAndMatchesItsRuns()
    {
        var id = Add(Run());
        Add(Run(minute: 3) with { ScenarioText = "name: Other\n" });
        var file = Path.Combine(_folder, "russia.yaml");
        File.WriteAllText(file, Run().ScenarioText);

        var (code, output, _) = Cli("runs", "list", "--format", "json", "--scenario", file);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal([id], json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
    }

    [Fact]
    public void List_UnknownKind_IsAUsageError()
    {
        var (code, _, error) = Cli("runs", "list", "--kind", "forecast");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: --kind forecast", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Table_ListsInputsParametersAndResults()
    {
        var id = Add(Run());

        var (code, output, _) = Cli("runs", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, code);
        Assert.Contains("threshold", output, StringComparison.Ordinal);
        Assert.Contains("0.35", output, StringComparison.Ordinal);
        Assert.Contains("winner.patrushev", output, StringComparison.Ordinal);
        Assert.Contains("0.42", output, StringComparison.Ordinal);
        Assert.Contains("interregnum simulate scenarios/russia.yaml --seed 11", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UnknownId_SaysSoWithMissingResourceCode()
    {
        Add(Run());

        var (code, output, error) = Cli("runs", "show", "99");

        Assert.Equal(ExitCodes.MissingResource, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: no run 99 in sqlite:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportJson_HoldsEveryFieldWithResultsAsJson()
    {
        var run = Run() with { DrawsCsv = "draw,winner\n0,patrushev\n" };
        var id = Add(run);

        var (code, output, _) = Cli("runs", "export", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(id, root.GetProperty("id").GetInt64());
        Assert.Equal("simulate", root.GetProperty("kind").GetString());
        Assert.Equal(run.ScenarioText, root.GetProperty("scenario_text").GetString());
        Assert.Equal(run.ScenarioHash, root.GetProperty("scenario_hash").GetString());
        Assert.Equal("death", root.GetProperty("shock_id").GetString());
        Assert.Equal(11, root.GetProperty("seed").GetInt64());
        Assert.Equal(5000, root.GetProperty("draws").GetInt32());
        Assert.Equal("0.35", root.GetProperty("model_parameters").GetProperty("threshold").GetString());
        Assert.Equal(["simulate", "scenarios/russia.yaml", "--seed", "11"], root.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(0.42, root.GetProperty("results").GetProperty("winner").GetProperty("patrushev").GetDouble());
        Assert.Equal(run.DrawsCsv, root.GetProperty("draws_csv").GetString());
    }

    [Fact]
    public void ExportCsv_WithStoredDraws_WritesThemVerbatim()
    {
        var id = Add(Run() with { DrawsCsv = "draw,winner\n0,patrushev\n1,mishustin\n" });

        var (code, output, _) = Cli("runs", "export", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "csv");

        Assert.Equal(0, code);
        Assert.Equal("draw,winner\n0,patrushev\n1,mishustin\n", output);
    }

    [Fact]
    public void ExportCsv_WithoutDraws_FlattensResultsToPathValueRows()
    {
        var id = Add(Run());

        var (code, output, _) = Cli("runs", "export", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "csv");

        Assert.Equal(0, code);
        Assert.Equal("path,value\nwinner.patrushev,0.42\nwinner.mishustin,0.31\ncontested,0.2\nnote,\"a, \"\"b\"\"\"\n", output);
    }

    [Fact]
    public void Diff_TwoRuns_ShowsChangedInputsAndNumbers()
    {
        // Given: the second run has another seed, one more scenario line, and other probabilities
        var a = Add(Run());
        var b = Add(Run(minute: 5, seed: 12, results: """{"winner":{"patrushev":0.40,"mishustin":0.31},"contested":0.25,"note":"x"}""") with
        {
            ScenarioText = Run().ScenarioText + "  - id: coup\n",
        });

        // When
        var (code, output, _) = Cli("runs", "diff", a.ToString(System.Globalization.CultureInfo.InvariantCulture), b.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        var (tableCode, table, _) = Cli("runs", "diff", a.ToString(System.Globalization.CultureInfo.InvariantCulture), b.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Then
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var inputs = json.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("field").GetString()).ToList();
        Assert.Equal(["scenario_hash", "seed"], inputs);
        Assert.Equal(1, json.RootElement.GetProperty("scenario").GetProperty("lines_added").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("scenario").GetProperty("lines_removed").GetInt32());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["winner.patrushev", "contested"], results.Select(r => r.GetProperty("path").GetString()));
        Assert.Equal(0.42, results[0].GetProperty("old").GetDouble());
        Assert.Equal(0.40, results[0].GetProperty("new").GetDouble());
        Assert.Equal(0, tableCode);
        Assert.Contains("+    4:   - id: coup", table, StringComparison.Ordinal);
        Assert.Contains("-0.02", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_SameRunTwice_SaysNothingChanged()
    {
        var a = Add(Run());
        var b = Add(Run(minute: 9));

        var (code, output, _) = Cli("runs", "diff", a.ToString(System.Globalization.CultureInfo.InvariantCulture), b.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, code);
        Assert.Contains("have the same inputs and the same numeric results", output, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

public sealed class BacktestCommandTests
{
    private static readonly string[] Rivals = ["equal-odds", "formal-successor", "most-coercion", "base-rate", "no-change"];

    private static readonly string[] Others = ["inside-only", "outside-only", .. Rivals];

    private static string PublicSet => Path.Combine(TestData.RepositoryRoot(), "backtests");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Backtest_PublicSet_Json_ScoresTheModelAndEveryRivalOnEveryCase()
    {
        // When
        var (code, output, err) = Run("backtest", PublicSet, "--model", "compromise", "--draws", "120", "--seed", "1", "--format", "json", "--no-store");

        // Then
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("backtest", root.GetProperty("command").GetString());
        Assert.Equal(0.01, root.GetProperty("log_floor").GetDouble());
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.True(cases.Count >= 6);
        foreach (var c in cases)
        {
            var forecasters = c.GetProperty("forecasts").EnumerateArray().Select(f => f.GetProperty("forecaster").GetString()).ToList();
            Assert.Equal(["model", .. Others], forecasters);
            var model = c.GetProperty("forecasts")[0];
            Assert.InRange(model.GetProperty("winner_brier").GetDouble(), 0, 2);
            Assert.InRange(model.GetProperty("winner_log").GetDouble(), 0, -Math.Log(0.01) + 1e-12);
            Assert.InRange(model.GetProperty("contested_brier").GetDouble(), 0, 1);
        }

        var aggregates = root.GetProperty("aggregates").EnumerateArray().Select(a => a.GetProperty("forecaster").GetString()).ToList();
        Assert.Equal(["model", .. Others], aggregates);
        Assert.Equal(Others, root.GetProperty("skill").EnumerateArray().Select(s => s.GetProperty("rival").GetString()).ToArray());
        Assert.Equal(10, root.GetProperty("reliability").GetArrayLength());
        Assert.Contains("Brier score", root.GetProperty("exclusion_note").GetString(), StringComparison.Ordinal);

        // Exclusion: the blended model, the ruling coalition alone and three rivals, pooled over every scored (case, actor) pair. Nobody-excluded's
        // Brier score is the share of scored actors who were excluded: Σ over cases of the outcome's excluded
        // actors (each case's "excluded" list), over the number of scored actors.
        var exclusion = root.GetProperty("exclusion");
        var byForecaster = exclusion.GetProperty("aggregates").EnumerateArray().ToDictionary(a => a.GetProperty("forecaster").GetString()!);
        Assert.Equal(["model", "inside-only", "nobody-excluded", "losers-excluded", "base-rate"], byForecaster.Keys);
        var pairs = byForecaster["model"].GetProperty("actors").GetInt32();
        var excluded = cases.Sum(c => c.GetProperty("excluded").GetArrayLength());
        Assert.Equal(excluded / (double)pairs, byForecaster["nobody-excluded"].GetProperty("exclusion_brier").GetDouble(), 1e-12);
        Assert.InRange(byForecaster["model"].GetProperty("exclusion_brier").GetDouble(), 0, 1);
        foreach (var c in exclusion.GetProperty("comparisons").EnumerateArray())
        {
            Assert.True(c.GetProperty("low").GetDouble() <= c.GetProperty("high").GetDouble());
        }

        Assert.Equal(4, exclusion.GetProperty("comparisons").GetArrayLength());

        // Each case's blended probability is its leave-one-case-out pool applied to the model's own:
        // w·p_inside + (1 − w)·r, and r is the base-rate rival's probability (the share excluded in the other cases).
        foreach (var c in exclusion.GetProperty("cases").EnumerateArray())
        {
            var pool = c.GetProperty("pool_leave_one_out");
            var w = pool.GetProperty("model_weight").GetDouble();
            var r = pool.GetProperty("rate").GetDouble();
            var f = c.GetProperty("forecasts").EnumerateArray().ToDictionary(x => x.GetProperty("forecaster").GetString()!, x => x.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("probability").GetDouble()).ToList());
            Assert.All(f["base-rate"], p => Assert.Equal(r, p, 1e-12));
            for (var k = 0; k < f["model"].Count; k++)
            {
                Assert.Equal((w * f["inside-only"][k]) + ((1 - w) * r), f["model"][k], 1e-12);
            }
        }
    }

    [Fact]
    public void Backtest_PublicSet_Table_PrintsPerCaseAggregateSkillAndReliability()
    {
        var (code, output, err) = Run("backtest", PublicSet, "--model", "compromise", "--draws", "100", "--no-store");

        Assert.True(code == 0, err);
        foreach (var text in (string[])["Per case", "All cases", "skill against each other forecaster", "bootstrap intervals", "By exit and regime type", "Pool fitted on all", "Reliability", "ussr-1982", "iran-2024", "model", "Who is left out", "nobody-excluded", "losers-excluded", .. Rivals])
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Backtest_SameSeed_SameJson()
    {
        var a = Run("backtest", PublicSet, "--model", "compromise", "--draws", "80", "--seed", "5", "--format", "json", "--no-store", "--threads", "1");
        var b = Run("backtest", PublicSet, "--model", "compromise", "--draws", "80", "--seed", "5", "--format", "json", "--no-store", "--threads", "2");

        Assert.Equal(0, a.Code);
        Assert.Equal(a.Out, b.Out);
    }

    [Fact]
    public void Backtest_Csv_IsTidyWithAHeader()
    {
        var (code, output, err) = Run("backtest", PublicSet, "--model", "compromise", "--draws", "60", "--format", "csv", "--no-store");

        Assert.True(code == 0, err);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("section,case,forecaster,statistic,value", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Equal(5, l.Split(',').Length));
        Assert.Contains(lines, l => l.StartsWith("skill,all,most-coercion,winner_brier,", StringComparison.Ordinal));
    }

    [Fact]
    public void Backtest_Chart_WritesAPng()
    {
        var png = Path.Combine(Path.GetTempPath(), $"interregnum-reliability-{Guid.NewGuid():N}.png");
        try
        {
            var (code, _, err) = Run("backtest", PublicSet, "--model", "compromise", "--draws", "60", "--no-store", "--chart", png);

            Assert.True(code == 0, err);
            var bytes = File.ReadAllBytes(png);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public void Backtest_MalformedCases_ReportedWithFileLineColumn_OtherCasesStillRun()
    {
        // Given: one good case copied from the public set, one without an outcome, one with an unknown winner,
        // one whose outcome predates its question.
        var dir = Directory.CreateTempSubdirectory("interregnum-backtest-");
        try
        {
            var source = Path.Combine(PublicSet, "ussr-1985");
            var scenario = File.ReadAllText(Path.Combine(source, "scenario.yaml"));
            var outcome = File.ReadAllText(Path.Combine(source, "outcome.yaml"));
            Write(dir, "good", scenario, outcome);
            Write(dir, "no-outcome", scenario, null);
            Write(dir, "unknown-winner", scenario, outcome.Replace("winner: gorbachev", "winner: yeltsin", StringComparison.Ordinal));
            Write(dir, "early", scenario, outcome.Replace("outcome_date: 1985-03-11", "outcome_date: 1985-03-01", StringComparison.Ordinal));

            // When
            var (code, output, err) = Run("backtest", dir.FullName, "--model", "compromise", "--draws", "50", "--format", "json", "--no-store");

            // Then: exit 1, each problem as file:line:column, and the good case scored.
            Assert.Equal(1, code);
            Assert.Contains(Path.Combine(dir.FullName, "no-outcome", "outcome.yaml") + ":1:1: missing outcome file", err, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(dir.FullName, "unknown-winner", "outcome.yaml") + ":3:9: unknown candidate 'yeltsin' as winner", err, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(dir.FullName, "early", "outcome.yaml") + ":2:15: the outcome date 1985-03-01 is before the question date 1985-03-11", err, StringComparison.Ordinal);
            Assert.Contains("3 of 4 cases were not run", err, StringComparison.Ordinal);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal("good", doc.RootElement.GetProperty("cases")[0].GetProperty("id").GetString());
            Assert.Equal(3, doc.RootElement.GetProperty("cases_not_run").GetArrayLength());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Backtest_Stored_AsABacktestRunWithItsJson()
    {
        var dir = Directory.CreateTempSubdirectory("interregnum-backtest-store-");
        try
        {
            var db = Path.Combine(dir.FullName, "runs.db");
            var (code, output, err) = Run("backtest", PublicSet, "--model", "compromise", "--draws", "30", "--format", "json", "--db", db);

            Assert.True(code == 0, err);
            Assert.Contains("stored run 1", err, StringComparison.Ordinal);
            using var store = Store.SqliteRunStore.Open(db);
            var run = store.Get(1)!;
            Assert.Equal(Store.RunKind.Backtest, run.Kind);
            Assert.Equal(30, run.Draws);
            Assert.Equal(output.TrimEnd(), run.ResultsJson.TrimEnd());
            Assert.Contains("# ---- ussr-1982/outcome.yaml", run.ScenarioText, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Backtest_NoSuchFolder_ExitsWithMissingResource()
    {
        var (code, _, err) = Run("backtest", Path.Combine(Path.GetTempPath(), "no-such-backtest-folder"), "--no-store");

        Assert.Equal(ExitCodes.MissingResource, code);
        Assert.Contains("no such folder", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_WithData_BaseRateCountsOnlyExitsBeforeTheQuestion()
    {
        var data = TestData.Folder();

        var (code, output, err) = Run("backtest", PublicSet, "--model", "compromise", "--draws", "40", "--format", "json", "--no-store", "--data", data);

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var ussr = doc.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "ussr-1982");
        var baseRate = ussr.GetProperty("forecasts").EnumerateArray().Single(f => f.GetProperty("forecaster").GetString() == "base-rate");
        Assert.Equal(JsonValueKind.Number, baseRate.GetProperty("contested_probability").ValueKind);
        // The class asked for is 1946–1981; contests are looked for within a year, so the last exit counted is a year and a day before the question (1981-11-10) and the coup list starts in 1950.
        Assert.Contains("1950–1981", baseRate.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    private static void Write(DirectoryInfo root, string name, string scenario, string? outcome)
    {
        var d = Directory.CreateDirectory(Path.Combine(root.FullName, name));
        File.WriteAllText(Path.Combine(d.FullName, "scenario.yaml"), scenario);
        if (outcome is not null)
        {
            File.WriteAllText(Path.Combine(d.FullName, "outcome.yaml"), outcome);
        }
    }
}

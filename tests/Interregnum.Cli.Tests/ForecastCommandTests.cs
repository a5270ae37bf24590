using System.Security.Cryptography;
using System.Text.Json;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

public sealed class ForecastCommandTests
{
    private static string Teaching => Path.Combine(TestData.RepositoryRoot(), "scenarios", "teaching.yaml");

    private static string Russia => Path.Combine(TestData.RepositoryRoot(), "scenarios", "russia-2024.yaml");

    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    [Fact]
    public void Simulate_Json_CarriesSeedDrawsShockHashCandidatesContestedAndDimensions()
    {
        var (code, output, err) = Run("simulate", Teaching, "--draws", "400", "--seed", "7", "--model", "compromise", "--format", "json", "--no-store");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(7UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(400, root.GetProperty("draws").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Teaching))), root.GetProperty("scenario").GetProperty("sha256").GetString());
        var forecast = root.GetProperty("forecast");
        Assert.Equal("natural-death", forecast.GetProperty("shock").GetProperty("id").GetString());
        var candidates = forecast.GetProperty("candidates").EnumerateArray().ToList();
        Assert.NotEmpty(candidates);
        Assert.Equal(1.0, candidates.Sum(c => c.GetProperty("probability").GetDouble()), 1e-9);
        foreach (var c in candidates)
        {
            var p = c.GetProperty("probability").GetDouble();
            var ci = c.GetProperty("interval90").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.InRange(p, ci[0], ci[1]);
            Assert.True(c.GetProperty("mc_se").GetDouble() >= 0);
        }

        Assert.InRange(forecast.GetProperty("contested").GetProperty("probability").GetDouble(), 0, 1);
        foreach (var d in forecast.GetProperty("dimensions").EnumerateArray())
        {
            foreach (var key in new[] { "status_quo", "mean", "p5", "p50", "p95" })
            {
                Assert.InRange(d.GetProperty(key).GetDouble(), 0, 100);
            }
        }
    }

    [Fact]
    public void Simulate_Json_KeyJudgmentsInEstimativeWordsMatchingTheirNumbers()
    {
        var (code, stdout, _) = Run("simulate", Teaching, "--draws", "400", "--seed", "7", "--model", "compromise", "--format", "json", "--no-store");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var forecast = doc.RootElement.GetProperty("forecast");
        var judgments = forecast.GetProperty("key_judgments").EnumerateArray().ToList();
        // The leader, the runner-up and the contested succession.
        Assert.Equal(3, judgments.Count);
        var leader = forecast.GetProperty("candidates").EnumerateArray().Max(c => c.GetProperty("probability").GetDouble());
        Assert.Equal(leader, judgments[0].GetProperty("probability").GetDouble());
        foreach (var j in judgments)
        {
            // ICD 203 ranges (shared end points to the band nearer 50%), written out independently of the program.
            var p = j.GetProperty("probability").GetDouble();
            var expected = p < 0.05 ? "almost no chance" : p < 0.20 ? "very unlikely" : p < 0.45 ? "unlikely" : p <= 0.55 ? "roughly even chance" : p <= 0.80 ? "likely" : p <= 0.95 ? "very likely" : "almost certain";
            Assert.Equal(expected, j.GetProperty("words").GetString());
            Assert.Contains(j.GetProperty("confidence").GetString(), new[] { "low", "moderate", "high" });
            Assert.StartsWith("It is " + expected + " (", j.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Simulate_Table_OpensWithKeyJudgments()
    {
        var (code, stdout, _) = Run("simulate", Teaching, "--draws", "200", "--seed", "7", "--model", "compromise", "--no-store");

        Assert.Equal(0, code);
        Assert.Contains("Key judgments", stdout, StringComparison.Ordinal);
        Assert.True(stdout.IndexOf("Key judgments", StringComparison.Ordinal) < stdout.IndexOf("Who prevails", StringComparison.Ordinal));
    }

    [Fact]
        public void Simulate_Json_CarriesTheRulingCoalition()
    {
        var (code, output, err) = Run("simulate", Teaching, "--draws", "400", "--seed", "7", "--model", "compromise", "--format", "json", "--no-store");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var coalition = doc.RootElement.GetProperty("forecast").GetProperty("coalition");
        Assert.Equal(0.5, coalition.GetProperty("alpha").GetDouble());
        var actors = coalition.GetProperty("actors").EnumerateArray().ToList();
        Assert.Equal(["arlen", "bram", "cato", "dara", "egon"], actors.Select(a => a.GetProperty("id").GetString()).Order());
        foreach (var a in actors)
        {
            var p = a.GetProperty("in_coalition").GetProperty("probability").GetDouble();
            var excluded = a.GetProperty("excluded");
            if (a.GetProperty("id").GetString() == "arlen")
            {
                // The incumbent who died is not part of the new elite: no exclusion forecast.
                Assert.Equal(JsonValueKind.Null, excluded.ValueKind);
                Assert.Equal(0, p);
            }
            else
            {
                Assert.Equal(1, p + excluded.GetProperty("probability").GetDouble(), 1e-9);

                // The blended figure is the shipped exclusion pool: w·model + (1 − w)·base rate.
                var pool = Interregnum.Backtesting.ExclusionPool.Shipped;
                var expected = (pool.ModelWeight * excluded.GetProperty("probability").GetDouble()) + ((1 - pool.ModelWeight) * pool.Rate);
                Assert.Equal(expected, a.GetProperty("excluded_blended").GetDouble(), 1e-12);
            }
        }

        // Who displaces the winner is split among the coalition's members: the shares add up to P(displaced).
        Assert.Equal(
            coalition.GetProperty("winner_displaced").GetProperty("probability").GetDouble(),
            actors.Sum(a => a.GetProperty("displacer").GetProperty("probability").GetDouble()),
            1e-9);
    }

    [Fact]
    public void Simulate_Table_ShowsWhoIsInAndOut()
    {
        var (code, output, err) = Run("simulate", Teaching, "--draws", "200", "--model", "compromise", "--no-store");

        Assert.True(code == 0, err);
        Assert.Contains("the ruling coalition", output, StringComparison.Ordinal);
        Assert.Contains("P(left out)", output, StringComparison.Ordinal);
        Assert.Contains("Collective leadership", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_SameSeed_ByteIdenticalWithOneThreadOrMany()
    {
        var one = Run("simulate", Teaching, "--draws", "300", "--seed", "3", "--format", "json", "--no-store", "--threads", "1");
        var many = Run("simulate", Teaching, "--draws", "300", "--seed", "3", "--format", "json", "--no-store", "--threads", "4");

        Assert.Equal(0, one.Code);
        Assert.Equal(one.Out, many.Out);
    }

    [Fact]
    public void Simulate_Out_WritesDrawsCsvAndSummaryJson()
    {
        var dir = Directory.CreateTempSubdirectory("interregnum-out-");
        try
        {
            var (code, output, err) = Run("simulate", Teaching, "--draws", "250", "--model", "compromise", "--format", "json", "--no-store", "--out", dir.FullName);

            Assert.True(code == 0, err);
            var lines = File.ReadAllLines(Path.Combine(dir.FullName, "draws.csv"));
            Assert.Equal(251, lines.Length);
            Assert.StartsWith("draw,winner,contested,p_contested,p_", lines[0], StringComparison.Ordinal);
            Assert.Equal(output.TrimEnd(), File.ReadAllText(Path.Combine(dir.FullName, "summary.json")).TrimEnd());
            Assert.Empty(dir.GetFiles("*.partial"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Simulate_Csv_IsTidyWithHeader()
    {
        var (code, output, _) = Run("simulate", Teaching, "--draws", "200", "--model", "compromise", "--format", "csv", "--no-store");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("shock,section,id,statistic,value", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Equal(5, l.Split(',').Length));
        Assert.Contains(lines, l => l.StartsWith("natural-death,contested,contested,probability,", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulate_InvalidScenario_ExitsOneWithFileLineColumnAndWritesNothing()
    {
        var dir = Directory.CreateTempSubdirectory("interregnum-bad-");
        try
        {
            var bad = Path.Combine(dir.FullName, "bad.yaml");
            File.WriteAllText(bad, File.ReadAllText(Teaching).Replace("incumbent: arlen", "incumbent: nobody", StringComparison.Ordinal));
            var outDir = Path.Combine(dir.FullName, "out");

            var (code, output, err) = Run("simulate", bad, "--no-store", "--out", outDir);

            Assert.Equal(1, code);
            Assert.Empty(output);
            Assert.Matches(@"bad\.yaml:\d+:\d+: ", err);
            Assert.False(Directory.Exists(outDir));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Simulate_UnknownShock_ListsDeclaredShocks()
    {
        var (code, _, err) = Run("simulate", Teaching, "--shock", "meteor", "--no-store");

        Assert.Equal(1, code);
        Assert.Contains("unknown shock 'meteor'", err, StringComparison.Ordinal);
        Assert.Contains("natural-death", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Russia_RunsEveryShockSideBySide()
    {
        var (code, output, err) = Run("compare", Russia, "--draws", "200", "--model", "compromise", "--format", "json", "--no-store");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var shocks = doc.RootElement.GetProperty("shocks").EnumerateArray().Select(s => s.GetProperty("shock").GetProperty("manner").GetString()).ToList();
        Assert.Equal(["natural-death", "incapacity", "coup", "assassination", "failed-attempt"], shocks);
        foreach (var shock in doc.RootElement.GetProperty("shocks").EnumerateArray())
        {
            Assert.InRange(shock.GetProperty("coalition").GetProperty("collective").GetProperty("probability").GetDouble(), 0, 1);
        }
    }

    [Fact]
    public void Sensitivity_Teaching_ReportsTornadoAndImportanceForEveryHeadline()
    {
        var (code, output, err) = Run("sensitivity", Teaching, "--draws", "120", "--model", "compromise", "--format", "json", "--no-store");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var outputs = doc.RootElement.GetProperty("outputs").EnumerateArray().ToList();
        Assert.Contains(outputs, o => o.GetProperty("id").GetString() == "p_contested");
        var inputs = doc.RootElement.GetProperty("uncertain_inputs").GetInt32();
        Assert.All(outputs, o => Assert.Equal(inputs, o.GetProperty("tornado").GetArrayLength()));
        Assert.All(outputs, o => Assert.Equal(inputs, o.GetProperty("importance").GetArrayLength()));
    }

    [Fact]
    public void Simulate_StoreDraws_RunsExportGivesOneRowPerDraw()
    {
        var dir = Directory.CreateTempSubdirectory("interregnum-draws-");
        try
        {
            var db = Path.Combine(dir.FullName, "runs.db");
            var (code, _, err) = Run("simulate", Teaching, "--draws", "150", "--model", "compromise", "--db", db, "--store-draws", "--format", "csv");
            Assert.True(code == 0, err);

            var export = Run("runs", "export", "1", "--format", "csv", "--db", db);

            Assert.True(export.Code == 0, export.Err);
            var lines = export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("draw,winner,contested", lines[0], StringComparison.Ordinal);
            Assert.Equal(151, lines.Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void RunsRerun_StoredSimulateRun_ReproducesByteForByte()
    {
        var db = Path.Combine(Path.GetTempPath(), $"interregnum-rerun-{Guid.NewGuid():N}.db");
        try
        {
            var (code, _, err) = Run("simulate", Teaching, "--draws", "300", "--seed", "11", "--format", "json", "--db", db);
            Assert.True(code == 0, err);
            Assert.Contains("stored run 1", err, StringComparison.Ordinal);

            var rerun = Run("runs", "rerun", "1", "--db", db);

            Assert.True(rerun.Code == 0, rerun.Out + rerun.Err);
            Assert.Contains("reproduced exactly", rerun.Out + rerun.Err, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*"))
            {
                File.Delete(f);
            }
        }
    }
}

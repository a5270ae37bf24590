using System.Globalization;
using System.Text.Json;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

public sealed class HistoryCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("base-rates")]
    [InlineData("cases", "--outcome", "coup-success")]
    [InlineData("survival")]
    [InlineData("replicate", "jones-olken")]
    public void History_DataFolderWithoutDatasets_SaysWhichDatasetIsMissingAndWhereToGetIt(params string[] command)
    {
        // Given an empty data folder
        var empty = Directory.CreateTempSubdirectory("interregnum-empty-").FullName;
        try
        {
            // When
            var (code, output, error) = Run(["history", .. command, "--data", empty]);

            // Then
            Assert.Equal(ExitCodes.MissingResource, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("error: dataset 'jones-olken'", error, StringComparison.Ordinal);
            Assert.Contains("Get it from", error, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(empty, "jones-olken-2009", "leader_year_merged.csv"), error, StringComparison.Ordinal);
            Assert.All(Lines(error), line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void BaseRates_Csv_HasTidyHeaderAndPowellThyneRow()
    {
        var folder = TestData.Folder();
        var (code, output, error) = Run("history", "base-rates", "--outcome", "coup-success", "--format", "csv", "--data", folder);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var lines = Lines(output);
        Assert.Equal("outcome,category,label,dataset,k,n,rate,lower,upper,level,method", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("coup-success,yes,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",powell-thyne,236,476,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void BaseRates_Json_CarriesReferenceClassAndRates()
    {
        var folder = TestData.Folder();
        var (code, output, _) = Run("history", "base-rates", "--exit", "assassination", "--era", "1875-2004", "--format", "json", "--data", folder);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("assassination", doc.RootElement.GetProperty("reference_class").GetProperty("exit_manner").GetString());
        var rates = doc.RootElement.GetProperty("base_rates").EnumerateArray().ToList();
        var success = rates.Single(r => r.GetProperty("outcome").GetString() == "assassination-success");
        Assert.Equal(59, success.GetProperty("k").GetInt32());
        Assert.Equal(251, success.GetProperty("n").GetInt32());
    }

    [Fact]
    public void BaseRates_Table_ShowsRatesAndNotes()
    {
        var folder = TestData.Folder();
        var (code, output, _) = Run("history", "base-rates", "--exit", "coup", "--regime", "military", "--data", folder);
        Assert.Equal(0, code);
        Assert.Contains("successor-entry", output, StringComparison.Ordinal);
        Assert.Contains("90% interval (Wilson)", output, StringComparison.Ordinal);
        Assert.Contains("note: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_Csv_ListsEveryCaseBehindTheRate()
    {
        var folder = TestData.Folder();
        var (code, output, _) = Run("history", "cases", "--outcome", "coup-success", "--format", "csv", "--data", folder);
        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.Equal("outcome,category,dataset,id,country,leader,start,end,year,has_outcome,detail", lines[0]);
        Assert.Equal(476, lines.Length - 1);
        Assert.Equal(236, lines.Skip(1).Count(l => l.Split(',')[9] == "1"));
    }

    [Fact]
    public void Cases_UnknownCategory_IsInvalidInput()
    {
        var folder = TestData.Folder();
        var (code, _, error) = Run("history", "cases", "--outcome", "leader-fate", "--category", "knighted", "--data", folder);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("unknown category 'knighted'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--era", "nineteen-fifty", "--era 'nineteen-fifty'")]
    [InlineData("--exit", "poison", "unknown exit manner 'poison'")]
    [InlineData("--region", "mars", "unknown region 'mars'")]
    [InlineData("--outcome", "weather", "unknown outcome 'weather'")]
    public void BaseRates_BadFilter_IsOneClearErrorLine(string option, string value, string expected)
    {
        var (code, output, error) = Run("history", "base-rates", option, value, "--data", Path.GetTempPath());
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Fact]
    public void Survival_Csv_IsTidyCurveAndPngIsWritten()
    {
        var folder = TestData.Folder();
        var png = Path.Combine(Path.GetTempPath(), "interregnum-cli-km-" + Guid.NewGuid().ToString("N") + ".png");
        try
        {
            var (code, output, _) = Run("history", "survival", "--by", "regime", "--format", "csv", "--out", png, "--data", folder);
            Assert.Equal(0, code);
            var lines = Lines(output);
            Assert.Equal("group,time_years,at_risk,events,censored,survival,std_error,lower,upper,cumulative_hazard", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("personal,", StringComparison.Ordinal));
            Assert.True(new FileInfo(png).Length > 1000);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public void Survival_Cox_Json_MatchesRCoxphOnTheSameRows()
    {
        // R survival::coxph, Efron ties, irregular exits (tests/Interregnum.History.Tests/Reference/archigos_cox.R,
        // R 4.2.2, survival 3.5.3): n 2066, 328 events, LR 209.136297; irregular_entry 0.795758 (SE 0.141111),
        // democracy -1.003152 (0.188337). R prints six decimals: tolerance 1e-5 (LR 1e-4).
        var folder = TestData.Folder();
        var (code, output, _) = Run("history", "survival", "--cox", "--irregular", "--format", "json", "--data", folder);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("efron", root.GetProperty("ties").GetString());
        Assert.Equal(2066, root.GetProperty("subjects").GetInt32());
        Assert.Equal(328, root.GetProperty("events").GetInt32());
        Assert.Equal(209.136297, root.GetProperty("likelihood_ratio").GetDouble(), 1e-4);
        var coefficients = root.GetProperty("coefficients").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(8, coefficients.Count);
        Assert.Equal(0.795758, coefficients["irregular_entry"].GetProperty("estimate").GetDouble(), 1e-5);
        Assert.Equal(0.141111, coefficients["irregular_entry"].GetProperty("standard_error").GetDouble(), 1e-5);
        Assert.Equal(-1.003152, coefficients["democracy"].GetProperty("estimate").GetDouble(), 1e-5);
        Assert.Equal(0.188337, coefficients["democracy"].GetProperty("standard_error").GetDouble(), 1e-5);
    }

    [Theory]
    [InlineData("--exit", "coup", "--region", "oceania")]
    public void BaseRates_ClassWithEmptyOutcomes_ShowsNoRowWithNZeroAndNamesThem(params string[] filters)
    {
        // Given a reference class in which some outcomes have no case at all (n = 0: no rate to show)
        var folder = TestData.Folder();

        // When
        var csv = Run(["history", "base-rates", .. filters, "--format", "csv", "--data", folder]);
        var json = Run(["history", "base-rates", .. filters, "--format", "json", "--data", folder]);
        var table = Run(["history", "base-rates", .. filters, "--data", folder]);

        // Then
        Assert.Equal(0, csv.Code);
        var rows = Lines(csv.Out).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotEqual("0", r[^6]));
        using var doc = JsonDocument.Parse(json.Out);
        Assert.All(doc.RootElement.GetProperty("base_rates").EnumerateArray(), r => Assert.True(r.GetProperty("n").GetInt32() > 0));
        Assert.NotEqual(0, doc.RootElement.GetProperty("no_cases").GetArrayLength());
        Assert.Contains("note: no case in this class, so no rate, for ", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("│ 0 │ 0 ", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_OutsideViewNote_HintsAtHistoryCasesWithItsRequiredOutcome()
    {
        // `history cases` requires --outcome: the hint that points there must say so.
        var folder = TestData.Folder();

        var (code, output, error) = Run("simulate", Cli.Repo("scenarios", "teaching.yaml"), "--model", "compromise", "--draws", "20", "--format", "json", "--no-store", "--data", folder);

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var note = doc.RootElement.GetProperty("outside_view").GetProperty("note").GetString()!;
        Assert.Contains("`interregnum history cases --outcome OUTCOME`", note, StringComparison.Ordinal);
        var hinted = Run("history", "cases", "--outcome", "coup-success", "--data", folder);
        Assert.True(hinted.Code == 0, hinted.Err);
    }

    [Fact]
    public void ReplicateJonesOlken_Table_ShowsThePublishedValueBesideEachReplication()
    {
        var folder = TestData.Folder();

        var (code, output, _) = Run("history", "replicate", "jones-olken", "--data", folder);

        // Then: the columns, and on succAut's row the replication, the reference output and the paper's printed figure
        Assert.Equal(0, code);
        Assert.Contains("Published coef. (SE)", output, StringComparison.Ordinal);
        Assert.Contains("Paper prints", output, StringComparison.Ordinal);
        var succAut = Lines(output).First(l => l.Contains("succAut", StringComparison.Ordinal));
        Assert.Contains("0.131206 (0.055002)", succAut, StringComparison.Ordinal);
        Assert.Contains("0.131 (0.0550)", succAut, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplicateJonesOlken_Csv_PublishedColumnsAgreeWithTheReplication()
    {
        var folder = TestData.Folder();

        var (code, output, _) = Run("history", "replicate", "jones-olken", "--format", "csv", "--data", folder);

        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.EndsWith(",published_estimate,published_std_error,published_printed", lines[0], StringComparison.Ordinal);
        var withPublished = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[10].Length > 0).ToList();
        Assert.True(withPublished.Count >= 20, $"only {withPublished.Count} terms carry a published value");
        foreach (var f in withPublished)
        {
            // The published reference has six decimals: agreement within 5e-7 plus rounding.
            Assert.Equal(double.Parse(f[10], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), 1e-6);
            Assert.Equal(double.Parse(f[11], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture), 1e-6);
        }
    }

    [Fact]
    public void ReplicateJonesOlken_Csv_ReproducesHeadlineCoefficients()
    {
        // Jones & Olken (2009) Table 5b: succAut 0.131206 (0.055002); Table 7b: −0.254739 (0.143540) and 0.333659 (0.163309).
        var folder = TestData.Folder();
        var (code, output, _) = Run("history", "replicate", "jones-olken", "--format", "csv", "--data", folder);
        Assert.Equal(0, code);
        var rows = Lines(output).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0] + "/" + f[1], f => (Estimate: double.Parse(f[2], CultureInfo.InvariantCulture), Se: double.Parse(f[3], CultureInfo.InvariantCulture)));
        Assert.Equal(0.131206, rows["table5b_col1_democratization/succAut"].Estimate, 5e-7);
        Assert.Equal(0.055002, rows["table5b_col1_democratization/succAut"].Se, 5e-7);
        Assert.Equal(-0.254739, rows["table7b_col1_any_war/succLagWar"].Estimate, 5e-7);
        Assert.Equal(0.143540, rows["table7b_col1_any_war/succLagWar"].Se, 5e-7);
        Assert.Equal(0.333659, rows["table7b_col3_prio_intensity/succLagSome"].Estimate, 5e-7);
        Assert.Equal(0.163309, rows["table7b_col3_prio_intensity/succLagSome"].Se, 5e-7);
    }

    [Fact]
    public void Datasets_Table_ListsEveryDatasetAndPresence()
    {
        var folder = TestData.Folder();
        var (code, output, _) = Run("history", "datasets", "--format", "csv", "--data", folder);
        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.Equal(10, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal("1", l.Split(',')[3]));
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Interregnum.Model;
using Interregnum.Reports;
using Interregnum.Runs;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary><c>interregnum report</c>: the HTML brief for the Russia example, from the file and from stored runs.</summary>
public sealed partial class ReportCommandTests : IDisposable
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    // One brief of the Russia example with the default policy model (SMP), shared by the tests that only read it; fewer
    // draws than the defaults keep it to seconds.
    private static readonly Lazy<(string Html, string Stdout, string Stderr)> RussiaBrief = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("interregnum-report-shared-").FullName;
        try
        {
            var path = Path.Combine(folder, "brief.html");
            // Its own empty run store: the track-record section must not depend on runs stored by other tests or the
            // user (issue 15, defect 9).
            var db = Path.Combine(folder, "runs.db");
            var (code, stdout, stderr) = Cli.Run("report", Russia, "--out", path, "--draws", "1000", "--sensitivity-draws", "40", "--seed", "7", "--db", db);
            Assert.True(code == ExitCodes.Ok, "report failed: " + stderr);
            return (File.ReadAllText(path), stdout, stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    private readonly string _folder = Directory.CreateTempSubdirectory("interregnum-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Russia => Cli.Repo("scenarios", "russia-2024.yaml");

    private static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    private static Dictionary<string, string> SectionClasses(XDocument document) =>
        document.Descendants(Xhtml + "section").ToDictionary(s => (string)s.Attribute("id")!, s => (string)s.Attribute("class")!);

    private static XElement Section(XDocument document, string id) =>
        document.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == id);

    /// <summary>The cells of the table row whose header cell is <paramref name="rowHeader"/>, in the given section.</summary>
    private static List<string> Row(XDocument document, string section, string rowHeader) =>
        Section(document, section).Descendants(Xhtml + "tr")
            .First(tr => tr.Elements(Xhtml + "th").FirstOrDefault()?.Value == rowHeader)
            .Elements(Xhtml + "td").Select(td => td.Value).ToList();

    private static string Percent(double p) => (p * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    [Fact]
    public void Report_RussiaScenario_WritesEverySectionUnder5MB()
    {
        // Given the Russia example / When the brief is made through the CLI
        var (html, stdout, _) = RussiaBrief.Value;
        var document = Parse(html);

        // Then every section is there, each with content except the track record (no scored forecasts yet),
        // and the outside view has content exactly when the historical data are available
        var sections = SectionClasses(document);
        Assert.Equal(BriefRenderer.SectionIds, sections.Keys);
        var dataAvailable = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestData.Variable));
        foreach (var (id, cls) in sections)
        {
            // The Russia example cites two external forecasts (docs/scenario-format.md, "The Russia example").
            // With no backtest in its store, the track record comes from the shipped record (docs/backtesting.md).
            var expected = id == "outside-view" && !dataAvailable ? "not-available" : "available";
            Assert.True(expected == cls, $"section {id} is {cls}, expected {expected}");
        }

        // And it is one self-contained file well under the 5 MB limit, with a chart per figure and nothing to fetch
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(html), 50_000, 5 * 1024 * 1024);
        Assert.DoesNotMatch("<(img|link|iframe|object|embed)\\b", html);
        Assert.DoesNotMatch("<script[^>]*\\ssrc=", html);
        Assert.Contains("data-chart=\"network\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"tornado-1\"", html, StringComparison.Ordinal);
        Assert.StartsWith("wrote ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_RussiaScenario_OpensWithKeyJudgmentsAndListsEveryContestParameter()
    {
        var document = Parse(RussiaBrief.Value.Html);

        // Key judgments come first, each a sentence in ICD 203 words with its number and confidence
        var first = document.Descendants(Xhtml + "section").First();
        Assert.Equal("key-judgments", (string)first.Attribute("id")!);
        var items = first.Descendants(Xhtml + "li").ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, li => Assert.Matches("^It is (almost no chance|very unlikely|unlikely|roughly even chance|likely|very likely|almost certain) \\(\\d+%", li.Value));
        Assert.All(items, li => Assert.Contains(" confidence: ", li.Value, StringComparison.Ordinal));

        // The parameter table has every contest parameter, including the acting successor's following (issue 13)
        var methods = Section(document, "methods").Value;
        Assert.Contains("contest.acting_successor_following", methods, StringComparison.Ordinal);
        Assert.Contains("contest.acting_successor_bonus", methods, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_RussiaScenario_MethodsStateModelSeedDrawsAndHash()
    {
        // Given the brief made with seed 7, 1000 draws and 40 sensitivity draws
        var document = Parse(RussiaBrief.Value.Html);
        var methods = Section(document, "methods");

        // Then the methods section states them, the policy model (SMP by default) and the scenario's SHA-256
        Assert.Equal("7", Row(document, "methods", "Seed").Single());
        Assert.Equal("1000", Row(document, "methods", "Monte Carlo draws").Single());
        Assert.Equal("smp", Row(document, "methods", "policy model").Single());
        Assert.Equal("40", Row(document, "methods", "sensitivity draws per run").Single());
        Assert.Equal("natural-death, incapacity, coup, killed-abroad, failed-attempt", Row(document, "methods", "shocks compared").Single());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Russia)));
        Assert.Equal("sha256:" + hash, Row(document, "methods", "Scenario hash").Single());
        Assert.Contains("spatial model of politics (SMP)", methods.Value, StringComparison.Ordinal);
        Assert.Contains("40 draws per run, policy model smp", methods.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_RussiaScenario_ForecastsEqualCompareWithTheSameSeedAndDraws()
    {
        // Given the compare command run separately with the brief's seed, draws and model
        var (code, json, error) = Cli.Run("compare", Russia, "--model", "smp", "--draws", "1000", "--seed", "7", "--no-store", "--format", "json");
        Assert.True(code == ExitCodes.Ok, error);
        using var compare = JsonDocument.Parse(json);
        var shocks = compare.RootElement.GetProperty("shocks").EnumerateArray().ToList();
        var document = Parse(RussiaBrief.Value.Html);

        // Then the headline shock's candidate probabilities, intervals and contested probability are the same numbers
        var headline = shocks[0];
        Assert.Equal("natural-death", headline.GetProperty("shock").GetProperty("id").GetString());
        foreach (var candidate in headline.GetProperty("candidates").EnumerateArray())
        {
            var cells = Row(document, "candidates", candidate.GetProperty("label").GetString()!);
            var interval = candidate.GetProperty("interval90");
            Assert.Equal(Percent(candidate.GetProperty("probability").GetDouble()), cells[0]);
            Assert.Equal(Percent(interval[0].GetDouble()) + " – " + Percent(interval[1].GetDouble()), cells[1]);
        }

        var contested = headline.GetProperty("contested").GetProperty("probability").GetDouble();
        Assert.Contains("Probability of a contested succession: " + Percent(contested), Section(document, "contested").Value, StringComparison.Ordinal);

        // And every shock's row in the side-by-side table carries compare's contested probability
        foreach (var shock in shocks)
        {
            var label = shock.GetProperty("shock").GetProperty("label").GetString()!;
            var stays = shock.GetProperty("incumbent_stays").GetBoolean();
            var cells = Row(document, "shocks", stays ? label + " (no succession)" : label);
            Assert.Equal(Percent(shock.GetProperty("contested").GetProperty("probability").GetDouble()), cells[^1]);
        }
    }

    [Fact]
    public void Report_RussiaScenario_PowerTableMatchesHandComputation()
    {
        // Given the Russia example's holdings at their central values (medians of the declared ranges):
        //   money: Sechin 5 personal, Sobyanin 5 personal; Rosneft 25 (loyalty head 0.5 = median of [0.4, 0.6],
        //          office 0.3, incumbent 0.1); the government 30 (head 0.3 = median of [0.2, 0.4], office 0.5,
        //          incumbent 0.1). Total 5 + 5 + 25 + 30 = 65.
        //   Sechin controls 5 + 25·0.5 = 17.5 → 17.5 / 65 = 0.26923.
        //   Putin (incumbent, in office) controls the office's following 25·0.3 + 30·0.5 = 22.5 and the personal
        //          following 25·0.1 + 30·0.1 = 5.5 → 28 / 65 = 0.43077.
        //   infrastructure: Sobyanin 10 personal, Rosneft 10, the government 40 (total 60); Mishustin heads the
        //          government: 40·0.3 = 12 → 12 / 60 = 0.2.
        var document = Parse(RussiaBrief.Value.Html);

        // Then the brief's power table (columns in the scenario's instrument order: coercion, money,
        // infrastructure, natural resources, connections, knowledge; shown to three decimals) has those shares
        Assert.Equal("0.269", Row(document, "power", "Igor Sechin")[1]);
        Assert.Equal("0.431", Row(document, "power", "Vladimir Putin")[1]);
        Assert.Equal("0.2", Row(document, "power", "Mikhail Mishustin")[2]);
    }

    [Fact]
    public void Report_EmptyDataFolderAndNoSensitivity_SectionsSayWhyTheyAreMissing()
    {
        // Given a data folder without the datasets, and the sensitivity analysis left out
        var data = Directory.CreateDirectory(Path.Combine(_folder, "no-data")).FullName;
        var output = Path.Combine(_folder, "brief.html");

        // When
        var (code, _, error) = Cli.Run("report", Russia, "--out", output, "--draws", "200", "--model", "compromise", "--sensitivity-draws", "0", "--data", data);

        // Then the brief is written, and the outside view and the sensitivity sections give their reasons
        Assert.True(code == ExitCodes.Ok, error);
        var document = Parse(File.ReadAllText(output));
        var sections = SectionClasses(document);
        Assert.Equal("not-available", sections["outside-view"]);
        Assert.Equal("not-available", sections["tornado"]);
        Assert.Equal("not-available", sections["importance"]);
        Assert.Contains("--sensitivity-draws 0", Section(document, "tornado").Value, StringComparison.Ordinal);
        Assert.Contains("no outside view", error, StringComparison.Ordinal);
        Assert.Contains("Not available:", Section(document, "outside-view").Value, StringComparison.Ordinal);
        Assert.Equal("not run", Row(document, "methods", "sensitivity draws per run").Single());
    }

    [Fact]
    public void Report_HeadlineShock_ChoosesTheForecastShown()
    {
        // Given the failed attempt as the headline shock (the incumbent stays)
        var output = Path.Combine(_folder, "brief.html");

        // When
        var (code, _, error) = Cli.Run("report", Russia, "--out", output, "--draws", "200", "--model", "compromise", "--sensitivity-draws", "0", "--shock", "failed-attempt", "--data", _folder);

        // Then there is no succession to forecast, and the brief says why
        Assert.True(code == ExitCodes.Ok, error);
        var document = Parse(File.ReadAllText(output));
        Assert.Equal("not-available", SectionClasses(document)["candidates"]);
        Assert.Contains("the incumbent stays in office", Section(document, "candidates").Value, StringComparison.Ordinal);
        Assert.Equal("failed-attempt", Row(document, "methods", "headline shock").Single());
    }

    [Fact]
    public void Report_StoredSimulateRun_ReproducesTheRunAndNamesIt()
    {
        // Given a simulate run stored in a temporary SQLite store
        var db = Path.Combine(_folder, "runs.db");
        var (code, json, error) = Cli.Run("simulate", Russia, "--model", "compromise", "--draws", "1500", "--seed", "42", "--shock", "coup", "--format", "json", "--db", db);
        Assert.True(code == ExitCodes.Ok, error);
        var id = StoredRun().Match(error).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), "no 'stored run N' on stderr: " + error);
        var output = Path.Combine(_folder, "brief.html");

        // When the brief is made from the stored run
        var (reportCode, _, reportError) = Cli.Run("report", "--run", id, "--db", db, "--out", output, "--sensitivity-draws", "0");

        // Then it re-ran with the stored seed, draws, model and shock, says which run it came from, and shows the
        // stored run's probabilities
        Assert.True(reportCode == ExitCodes.Ok, reportError);
        Assert.DoesNotContain("warning", reportError, StringComparison.Ordinal);
        var document = Parse(File.ReadAllText(output));
        Assert.Equal("42", Row(document, "methods", "Seed").Single());
        Assert.Equal("1500", Row(document, "methods", "Monte Carlo draws").Single());
        Assert.Equal("coup", Row(document, "methods", "headline shock").Single());
        Assert.StartsWith("stored run " + id + " (simulate, ", Row(document, "methods", "source").Single(), StringComparison.Ordinal);
        Assert.StartsWith("yes: ", Row(document, "methods", "reproduction").Single(), StringComparison.Ordinal);
        using var simulated = JsonDocument.Parse(json);
        foreach (var candidate in simulated.RootElement.GetProperty("forecast").GetProperty("candidates").EnumerateArray())
        {
            Assert.Equal(Percent(candidate.GetProperty("probability").GetDouble()), Row(document, "candidates", candidate.GetProperty("label").GetString()!)[0]);
        }
    }

    [Fact]
    public void Report_StoredCompareRun_ReproducesEveryComparedShock()
    {
        // Given a compare run over two shocks, stored
        var db = Path.Combine(_folder, "runs.db");
        var (code, _, error) = Cli.Run("compare", Russia, "--model", "compromise", "--draws", "500", "--seed", "3", "--shocks", "killed-abroad,natural-death", "--db", db);
        Assert.True(code == ExitCodes.Ok, error);
        var id = StoredRun().Match(error).Groups[1].Value;
        var output = Path.Combine(_folder, "brief.html");

        // When
        var (reportCode, _, reportError) = Cli.Run("report", "--run", id, "--db", db, "--out", output, "--sensitivity-draws", "0");

        // Then the brief compares the same two shocks, the first as the headline, and reproduces the stored results
        Assert.True(reportCode == ExitCodes.Ok, reportError);
        var document = Parse(File.ReadAllText(output));
        Assert.Equal("killed-abroad, natural-death", Row(document, "methods", "shocks compared").Single());
        Assert.Equal("killed-abroad", Row(document, "methods", "headline shock").Single());
        Assert.StartsWith("yes: ", Row(document, "methods", "reproduction").Single(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], int, string> BadInputs => new()
    {
        { "missing file", ["report", "{folder}/nope.yaml"], ExitCodes.MissingResource, "nope.yaml: no such file" },
        { "invalid scenario", ["report", "{folder}/bad.yaml"], ExitCodes.InvalidInput, "bad.yaml:" },
        { "unknown shock", ["report", "{russia}", "--shock", "meteor"], ExitCodes.InvalidInput, "unknown shock 'meteor'" },
        { "unknown run", ["report", "--run", "999", "--db", "{folder}/runs.db"], ExitCodes.MissingResource, "no run 999" },
        { "neither file nor run", ["report"], ExitCodes.Usage, "give a scenario FILE or --run ID" },
        { "both file and run", ["report", "{russia}", "--run", "1"], ExitCodes.Usage, "give a scenario FILE or --run ID" },
        { "run with a seed", ["report", "--run", "1", "--seed", "5", "--db", "{folder}/runs.db"], ExitCodes.Usage, "leave out --seed" },
        { "no output folder", ["report", "{russia}", "--out", "{folder}/missing/brief.html"], ExitCodes.MissingResource, "does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Report_BadInput_ClearErrorAndNothingWritten(string what, string[] args, int exitCode, string message)
    {
        // Given a scenario with an error on line 3 and an earlier brief at the output path
        File.WriteAllText(Path.Combine(_folder, "bad.yaml"), "interregnum: 1\nid: bad\ntitle: [unclosed\n");
        var output = Path.Combine(_folder, "brief.html");
        File.WriteAllText(output, "earlier brief");
        var arguments = args.Select(a => a.Replace("{folder}", _folder, StringComparison.Ordinal).Replace("{russia}", Russia, StringComparison.Ordinal)).ToList();
        if (!arguments.Contains("--out"))
        {
            arguments.AddRange(["--out", output]);
        }

        // When
        var (code, stdout, error) = Cli.Run([.. arguments]);

        // Then one clear error, the exit code for it, and the earlier file untouched with no partial file beside it
        Assert.True(code == exitCode, $"{what}: exit {code}, expected {exitCode}; stderr: {error}");
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("earlier brief", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(_folder, "*.partial"));
    }

    [Fact]
    public void InputLabel_EveryUncertainInputOfTheRussiaExample_IsInWords()
    {
        // Given the Russia example
        var scenario = ScenarioFiles.Load(Russia).Scenario;

        // Then every uncertain input has a label in words (never the raw path), all of them distinct
        var labels = ScenarioInputs.Uncertain(scenario).Select(i => (i.Path, Label: BriefBuilder.InputLabel(scenario, i.Path))).ToList();
        Assert.All(labels, l => Assert.NotEqual(l.Path, l.Label));
        Assert.Equal(labels.Count, labels.Select(l => l.Label).Distinct(StringComparer.Ordinal).Count());

        // And a few read as a person would write them
        Assert.Equal("Mikhail Mishustin: ambition", BriefBuilder.InputLabel(scenario, "actors.mishustin.ambition"));
        Assert.Equal("FSO: loyalty to its head", BriefBuilder.InputLabel(scenario, "organizations.fso.loyalty.head"));
        Assert.Equal("Shared background tie Vladimir Putin → Igor Sechin", BriefBuilder.InputLabel(scenario, "ties.putin.sechin.sharedbackground.weight"));
        Assert.Equal("Weight of knowledge of where the skeletons are in the crisis phase", BriefBuilder.InputLabel(scenario, "instruments.knowledge.weights.crisis"));
        Assert.Equal("Killed abroad; a foreign state is blamed: shift of every actor's position on domestic repression",
            BriefBuilder.InputLabel(scenario, "shocks.killed-abroad.effects.0.position.*.repression"));
    }

    [Fact]
    public void Histogram_HandCounts_BinsOfRoundWidth()
    {
        // Given 1.0, 1.5, 2.0, 3.9: range 2.9, so 1-point bins from 1: [1,2) holds 1.0 and 1.5, [2,3) 2.0, [3,4) 3.9
        var bins = BriefBuilder.Histogram([1.0, 1.5, 2.0, 3.9])!;
        Assert.Equal([(1.0, 2.0, 2), (2.0, 3.0, 1), (3.0, 4.0, 1)], bins.Select(b => (b.Low, b.High, b.Count)));

        // Given 0 and 50: 1-point bins would be 50 (more than 30), 2-point bins 25, so the width is 2; 50 lies on the
        // top edge of the 25th bin [48, 50), so a 26th bin [50, 52) holds it
        var wide = BriefBuilder.Histogram([0.0, 50.0])!;
        Assert.Equal(26, wide.Count);
        Assert.Equal((0.0, 2.0, 1), (wide[0].Low, wide[0].High, wide[0].Count));
        Assert.Equal((50.0, 52.0, 1), (wide[^1].Low, wide[^1].High, wide[^1].Count));
        Assert.Equal(2, wide.Sum(b => b.Count));
    }

    [Fact]
    public void Chromium_RussiaBriefFromTheCli_LoadsWithEverySectionAndEveryChartDrawn()
    {
        var chromium = ChromiumBriefCheck.ChromiumOrSkip();

        // Given the real Russia brief made by the CLI with its default model (fewer draws than the defaults keep the
        // test to seconds; the draws change no section or chart)
        var output = Path.Combine(_folder, "brief.html");
        var (code, _, error) = Cli.Run("report", Russia, "--out", output, "--draws", "1000", "--sensitivity-draws", "50");
        Assert.True(code == ExitCodes.Ok, error);

        // When Chromium opens it, then it loads cleanly with every section and every chart drawn
        var charts = ChromiumBriefCheck.Check(chromium, output, "brief-russia-cli");

        // And the charts are the network, the candidates, the policy box and one histogram per dimension, the shocks,
        // a tornado per output shown, and the base rates when the historical data are available
        Assert.Equal(["candidates", "network", "policy", "policy-histogram-1", "policy-histogram-2", "policy-histogram-3", "shocks"], charts.Take(7));
        Assert.Contains("tornado-1", charts);
        Assert.Equal(!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestData.Variable)), charts.Contains("base-rates"));
    }

    [GeneratedRegex("stored run (\\d+)")]
    private static partial Regex StoredRun();
}

using Interregnum.Testing;
using Xunit;

namespace Interregnum.Runs.Tests;

public sealed class ExitRiskRunTests
{
    private const string Section = """
        exit_risk:
          in_office_since: 2001-03-01
          entry: irregular
          served_before: false
          regime_type: military
          region: africa
          coup_attempts_past_5_years: 2
          coup_attempt_since_1950: true
          coup_attempts_this_tenure: 1
          irregular_exits_past_10_years: 1
          last_coup_attempt: 2010-05-01
          scheduled_elections: [2012-11-04, 2013-10-01]
          sources: [src]
        """;

    private static LoadedScenario Mini(string extra)
    {
        var text = File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "tests", "Interregnum.Scenarios.Tests", "Valid", "mini.yaml"))
            .Replace("title: Mini\n", "title: Mini\nas_of: 2012-01-01\n", StringComparison.Ordinal).TrimEnd() + "\n" + Section + "\n" + extra;
        return ScenarioFiles.FromText(text, "mini.yaml");
    }

    [Fact]
    public void Specification_SearchOptions_NameTheModelOrComeBackAsProblems()
    {
        // Given boosting and irregular-only options, and a malformed boosting list
        var (boosted, none) = ExitRiskRun.Specification("default,+military_career", null, null, "100,2,0.05,10");
        var (own, _) = ExitRiskRun.Specification(null, null, 0.5);
        var (_, bad) = ExitRiskRun.Specification(null, null, null, "100,2");

        // Then
        Assert.Empty(none);
        Assert.Equal(new History.ExitRisk.BoostedTreesSettings(100, 2, 0.05, 10), boosted.IrregularBoosting);
        Assert.Contains("military_career", boosted.Covariates);
        Assert.Contains("gradient-boosted trees (100 trees, depth 2, rate 0.05, min child weight 10, lambda 1)", ExitRiskRun.ModelName(boosted), StringComparison.Ordinal);
        Assert.Equal(0.5, own.IrregularPriorScale);
        Assert.Contains("binary logit of its own, normal(0, 0.5) prior", ExitRiskRun.ModelName(own), StringComparison.Ordinal);
        Assert.Contains(bad, p => p.StartsWith("--irregular-boosting:", StringComparison.Ordinal));
    }

    [Fact]
    public void View_WithJudgment_ShowsTheJudgmentAndKeepsTheModelBesideIt()
    {
        // Given a declared judgment of 0.30 (any) and 0.20 (irregular) with its source
        var loaded = Mini("  judgment: { any_within_12_months: 0.3, irregular_within_12_months: 0.2, source: src, note: analyst }\n");
        var folder = new DirectoryInfo(TestData.Folder());

        // When
        var view = ExitRiskRun.View(loaded, folder, TextWriter.Null);

        // Then the judgment is what is shown, named as such, and the model's estimates stay listed
        Assert.NotNull(view);
        Assert.Equal("judgment", view.Shown);
        Assert.Equal((0.3, 0.2), (view.AnyWithin12Months, view.IrregularWithin12Months));
        Assert.Equal("src", view.Judgment!.Source);
        Assert.Contains("judgment (source: src)", view.Note, StringComparison.Ordinal);
        Assert.Equal(7, view.Model.Count);
        Assert.NotEqual(0.3, view.Model.Single(e => e.Manner == "any").Probability);
    }

    [Fact]
    public void View_WithoutJudgment_ShowsTheModel()
    {
        var view = ExitRiskRun.View(Mini(""), new DirectoryInfo(TestData.Folder()), TextWriter.Null);

        Assert.NotNull(view);
        Assert.Equal("model", view.Shown);
        Assert.Equal(view.Model.Single(e => e.Manner == "any").Probability, view.AnyWithin12Months);
        Assert.Equal(view.Model.Single(e => e.Manner == "irregular").Probability, view.IrregularWithin12Months);
    }

    [Fact]
    public void View_NoDataFolder_SaysSoAndShowsNothing()
    {
        var missing = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "interregnum-no-data-" + Guid.NewGuid().ToString("N")));
        var notes = new StringWriter();

        var view = ExitRiskRun.View(Mini(""), missing, notes);

        Assert.Null(view);
        Assert.StartsWith("note: no exit risk", notes.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForScenario_MilitaryRegimeInAfrica_ReadsAgeFromBirthYearAndAsOf()
    {
        // mini.yaml's incumbent was born in 1950; as_of 2012-01-01 → age 62 → (62 − 60) / 10 = 0.2.
        var (model, panel) = ExitRiskRun.Fit(TestData.Folder());
        var doc = ExitRiskRun.ForScenario(Mini(""), model, panel.Rows.Count, 200, 1);
        Assert.Equal(0.2, doc.Covariates["age_decades_from_60"], 12);
        Assert.Equal(1, doc.Covariates["regime_military"]);
        Assert.Equal(1, doc.Covariates["region_africa"]);
        Assert.Equal(2012, doc.TrendYear); // inside the data: no cap

        // Last attempt 2010-05-01: 365 days to 2011-05-01, 245 more to 2012-01-01 (May–December) = 610 days.
        // Votes 2012-11-04 (month 11: months 1–12) and 2013-10-01 (month 22: months 13–24).
        Assert.Equal(Math.Log(1 + (610 / 365.25)), doc.Covariates["log1p_years_since_coup_attempt"], 12);
        Assert.Equal((1.0, 1.0), (doc.Covariates["election_next_12_months"], doc.Covariates["election_months_13_24"]));
        Assert.Equal(["src"], doc.Sources);
    }

    [Theory]
    [InlineData("2011-09-15", 1, 1)] // 3.5 months before as_of 2012-01-01: within 6 and 12 months
    [InlineData("2011-03-01", 0, 1)] // 10 months before: within 12 months only (from 2011-01-01)
    [InlineData("2010-05-01", 0, 0)] // 20 months before
    [InlineData("2011-01-01", 0, 1)] // exactly 12 months before: the 12 months are [2011-01-01, 2012-01-01)
    public void ScenarioIncumbent_LastCoupAttempt_SetsTheMonthlyCoupTerms(string lastAttempt, int sixMonths, int twelveMonths)
    {
        var loaded = ScenarioFiles.FromText(
            File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "tests", "Interregnum.Scenarios.Tests", "Valid", "mini.yaml"))
                .Replace("title: Mini\n", "title: Mini\nas_of: 2012-01-01\n", StringComparison.Ordinal).TrimEnd() + "\n" + Section.Replace("2010-05-01", lastAttempt, StringComparison.Ordinal) + "\n",
            "mini.yaml");
        var c = History.ExitRisk.ScenarioIncumbent.Covariates(loaded.Scenario)!;
        Assert.Equal((sixMonths, twelveMonths), (c.CoupAttemptsPast6Months, c.CoupAttemptsPast12Months));
        Assert.False(c.ElectionPast3Months);
    }
}

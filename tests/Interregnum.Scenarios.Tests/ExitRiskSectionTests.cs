using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>The optional <c>exit_risk</c> section, appended to Valid/mini.yaml; error positions come from a text search.</summary>
public sealed class ExitRiskSectionTests
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
          last_coup_attempt: 2023-01-10
          scheduled_elections: [2025-03-01]
          sources: [src]
        """;

    private static string Mini() =>
        File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "tests", "Interregnum.Scenarios.Tests", "Valid", "mini.yaml")).TrimEnd() + "\n";

    private static string WithAsOf(string text) => text.Replace("title: Mini\n", "title: Mini\nas_of: 2024-07-15\n", StringComparison.Ordinal);

    private static (int Line, int Column) Position(string text, string token)
    {
        var index = text.IndexOf(token, StringComparison.Ordinal);
        Assert.True(index >= 0, token);
        var before = text[..index];
        return (before.Count(c => c == '\n') + 1, index - before.LastIndexOf('\n'));
    }

    [Fact]
    public void Read_ValidSection_BindsEveryFact()
    {
        var result = ScenarioReader.ReadText(WithAsOf(Mini()) + Section + "\n", "mini.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var d = result.Scenario!.ExitRisk!;
        Assert.Equal(new DateOnly(2001, 3, 1), d.InOfficeSince);
        Assert.Equal(("irregular", false, "military", "africa"), (d.Entry, d.ServedBefore, d.RegimeType, d.Region));
        Assert.Equal((2, true, 1, 1), (d.CoupAttemptsPast5Years, d.CoupAttemptSince1950, d.CoupAttemptsThisTenure, d.IrregularExitsPast10Years));
        Assert.Equal(new DateOnly(2023, 1, 10), d.LastCoupAttempt);
        Assert.Equal([new DateOnly(2025, 3, 1)], d.ScheduledElections);
        Assert.Equal(0, d.RegionCoupAttemptsPast3Years);
        Assert.Equal(0, d.MilitaryCareer);
        Assert.Null(d.Judgment);
        Assert.Equal(["src"], d.Sources);
    }

    [Fact]
    public void Read_MilitaryCareer_BindsReignCodesAndRejectsOthersAtTheirPosition()
    {
        var mixed = WithAsOf(Mini()) + Section.Replace("sources: [src]", "military_career: 0.5\n  sources: [src]", StringComparison.Ordinal) + "\n";
        var read = ScenarioReader.ReadText(mixed, "mini.yaml");
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(0.5, read.Scenario!.ExitRisk!.MilitaryCareer);

        var bad = WithAsOf(Mini()) + Section.Replace("sources: [src]", "military_career: 2\n  sources: [src]", StringComparison.Ordinal) + "\n";
        var result = ScenarioReader.ReadText(bad, "mini.yaml");
        var error = Assert.Single(result.Errors);
        var (line, column) = Position(bad, "military_career: 2");
        Assert.Equal(line, error.Line);
        Assert.Equal(column + "military_career: ".Length, error.Column);
        Assert.Contains("'military_career'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LastCoupAttemptNoneWithAttemptsSince1950_ReportsItsPosition()
    {
        var text = WithAsOf(Mini()) + Section.Replace("last_coup_attempt: 2023-01-10", "last_coup_attempt: none", StringComparison.Ordinal) + "\n";
        var result = ScenarioReader.ReadText(text, "mini.yaml");
        var error = Assert.Single(result.Errors);
        var (line, column) = Position(text, "last_coup_attempt: none");
        Assert.Equal((line, column + "last_coup_attempt: ".Length), (error.Line, error.Column));
        Assert.Contains("'coup_attempt_since_1950' is true", error.Message);
    }

    [Fact]
    public void Read_LastCoupAttemptOlderThanTheFiveYearCount_IsRejected()
    {
        // as_of 2024-07-15: an attempt of 2018 cannot be the last if two fell in the five years before.
        var text = WithAsOf(Mini()) + Section.Replace("last_coup_attempt: 2023-01-10", "last_coup_attempt: 2018-01-10", StringComparison.Ordinal) + "\n";
        var result = ScenarioReader.ReadText(text, "mini.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Contains("more than five years before as_of", error.Message);
        Assert.Equal(Position(text, "2018-01-10"), (error.Line, error.Column));
    }

    [Fact]
    public void Read_ElectionBeforeAsOfAndBadDate_ReportsBoth()
    {
        var text = WithAsOf(Mini()) + Section.Replace("[2025-03-01]", "[2024-03-17, 2026-13-01]", StringComparison.Ordinal) + "\n";
        var result = ScenarioReader.ReadText(text, "mini.yaml");
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => (e.Line, e.Column) == Position(text, "2024-03-17") && e.Message.Contains("before as_of", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => (e.Line, e.Column) == Position(text, "2026-13-01") && e.Message.Contains("YYYY-MM-DD", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NoSection_LeavesExitRiskNull()
    {
        var result = ScenarioReader.ReadText(Mini(), "mini.yaml");
        Assert.True(result.IsValid);
        Assert.Null(result.Scenario!.ExitRisk);
    }

    [Fact]
    public void Read_JudgmentIrregularAboveAny_ReportsItsPosition()
    {
        var text = WithAsOf(Mini()) + Section + "\n  judgment: { any_within_12_months: 0.1, irregular_within_12_months: 0.2, source: src }\n";
        var result = ScenarioReader.ReadText(text, "mini.yaml");
        var error = Assert.Single(result.Errors);
        var (line, column) = Position(text, "0.2, source");
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains("exceeds 'any_within_12_months'", error.Message);
    }

    [Fact]
    public void Read_JudgmentWithUnknownSource_IsRejected()
    {
        var text = WithAsOf(Mini()) + Section + "\n  judgment: { any_within_12_months: 0.1, source: nowhere }\n";
        var result = ScenarioReader.ReadText(text, "mini.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal(Position(text, "nowhere"), (error.Line, error.Column));
    }

    [Fact]
    public void Read_JudgmentInRange_IsBound()
    {
        var text = WithAsOf(Mini()) + Section + "\n  judgment: { any_within_12_months: 0.1, irregular_within_12_months: 0.04, source: src, note: analyst }\n";
        var result = ScenarioReader.ReadText(text, "mini.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(0.1, result.Scenario!.ExitRisk!.Judgment!.AnyWithin12Months);
        Assert.Equal(0.04, result.Scenario.ExitRisk.Judgment.IrregularWithin12Months);
    }

    [Fact]
    public void Read_SectionWithoutAsOf_NamesTheMissingDate()
    {
        var text = Mini() + Section + "\n";
        var result = ScenarioReader.ReadText(text, "mini.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Contains("'as_of'", error.Message);
        Assert.Equal(Position(text, "in_office_since").Line, error.Line);
    }

    [Fact]
    public void Read_UnknownRegionAndNegativeCount_ReportsBoth()
    {
        var text = WithAsOf(Mini()) + Section.Replace("region: africa", "region: atlantis", StringComparison.Ordinal)
            .Replace("coup_attempts_this_tenure: 1", "coup_attempts_this_tenure: -1", StringComparison.Ordinal) + "\n";
        var result = ScenarioReader.ReadText(text, "mini.yaml");
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => (e.Line, e.Column) == Position(text, "atlantis"));
        var (line, column) = Position(text, "coup_attempts_this_tenure: -1");
        Assert.Contains(result.Errors, e => (e.Line, e.Column) == (line, column + "coup_attempts_this_tenure: ".Length));
    }
}

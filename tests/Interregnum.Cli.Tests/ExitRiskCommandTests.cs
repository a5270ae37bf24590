using System.Text.Json;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

public sealed class ExitRiskCommandTests
{
    [Fact]
    public void ExitRisk_RussiaScenario_ReadsTheDeclaredFactsAndAddsUp()
    {
        var (code, output, error) = Cli.Run("history", "exit-risk", Cli.Repo("scenarios", "russia-2024.yaml"), "--format", "json", "--draws", "200", "--data", TestData.Folder());
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2024-07-15", root.GetProperty("origin").GetString());

        // Hand computation from the scenario: born 1952, as_of 2024-07-15, in office since 1999-12-31,
        // one coup attempt in the five years before and in the tenure, one since 1950.
        var c = root.GetProperty("covariates");
        Assert.Equal((72 - 60) / 10.0, c.GetProperty("age_decades_from_60").GetDouble(), 12);
        var tenureDays = new DateOnly(2024, 7, 15).DayNumber - new DateOnly(1999, 12, 31).DayNumber;
        Assert.Equal(Math.Log(1 + (tenureDays / 365.25)), c.GetProperty("log1p_tenure_years").GetDouble(), 12);
        Assert.Equal(Math.Log(2), c.GetProperty("log1p_coup_attempts_5y").GetDouble(), 12);
        Assert.Equal(1, c.GetProperty("regime_personal").GetDouble());
        Assert.Equal(0, c.GetProperty("region_africa").GetDouble());
        Assert.Equal(2016, root.GetProperty("trend_year").GetInt32()); // data end 2015: trend held at 2016
        Assert.Equal((2016 - 1990) / 10.0, c.GetProperty("decades_from_1990").GetDouble(), 12);

        // Last attempt 2023-06-23 (the Wagner mutiny as Cline codes it): 366 days to 2024-06-23 (2024 is a leap year)
        // + 22 to 2024-07-15 = 388 days. The next national vote (Duma, 2026-09-20) is 26 months away: in neither window.
        Assert.Equal(Math.Log(1 + (388 / 365.25)), c.GetProperty("log1p_years_since_coup_attempt").GetDouble(), 12);
        Assert.Equal((0.0, 0.0), (c.GetProperty("election_next_12_months").GetDouble(), c.GetProperty("election_months_13_24").GetDouble()));

        var estimates = root.GetProperty("estimates").EnumerateArray().ToDictionary(
            e => (e.GetProperty("horizon_months").GetInt32(), e.GetProperty("manner").GetString()!),
            e => e.GetProperty("probability").GetDouble());
        Assert.Equal(14, estimates.Count);
        foreach (var h in new[] { 12, 24 })
        {
            Assert.Equal(estimates[(h, "any")], estimates[(h, "regular")] + estimates[(h, "natural")] + estimates[(h, "irregular")], 12);
            Assert.Equal(estimates[(h, "irregular")], estimates[(h, "irregular_coup")] + estimates[(h, "irregular_killing")] + estimates[(h, "irregular_other")], 12);
        }

        Assert.True(estimates[(24, "any")] > estimates[(12, "any")]);
        Assert.Contains("coups-pt-cline", root.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("2015-12-31", StringComparison.Ordinal));
    }

    [Fact]
    public void ExitRisk_ArchigosLeaderYear_Csv_IsTidy()
    {
        var (code, output, error) = Cli.Run("history", "exit-risk", "--obsid", "RUS-2000", "--year", "2010", "--format", "csv", "--draws", "200", "--data", TestData.Folder());
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("horizon_months,manner,probability,lower,upper", lines[0]);
        Assert.Equal(15, lines.Length);
        Assert.StartsWith("12,any,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ExitRisk_UnknownLeaderYear_NamesIt()
    {
        var (code, output, error) = Cli.Run("history", "exit-risk", "--obsid", "RUS-2000", "--year", "1990", "--data", TestData.Folder());
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("'RUS-2000' in 1990", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitRisk_ScenarioWithoutSection_SaysWhatIsMissingBeforeReadingData()
    {
        // No --data: the missing section is reported first, so no data folder is needed to see it.
        var (code, output, error) = Cli.Run("history", "exit-risk", Cli.Repo("tests", "Interregnum.Scenarios.Tests", "Valid", "mini.yaml"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("no 'exit_risk' section", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitRisk_NothingToForecast_IsAnError()
    {
        var (code, output, error) = Cli.Run("history", "exit-risk");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("exactly one of", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitRisk_Backtest_Json_NamesIrregularAucAndBrierSkill()
    {
        // Fifteen origins (the minimum) and 100 replicates keep the test short.
        var (code, output, error) = Cli.Run("history", "exit-risk", "--backtest", "--first-origin", "2001", "--last-origin", "2015", "--replicates", "100", "--format", "json", "--data", TestData.Folder());
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var irregular = json.RootElement.GetProperty("irregular");
        var auc = irregular.GetProperty("auc");
        Assert.InRange(auc.GetProperty("value").GetDouble(), 0.5, 1);
        var interval = auc.GetProperty("interval").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.True(interval[0] <= auc.GetProperty("value").GetDouble() && auc.GetProperty("value").GetDouble() <= interval[1]);
        Assert.True(irregular.TryGetProperty("brier_skill", out _));
        Assert.Equal(15, json.RootElement.GetProperty("settings").GetProperty("origins").GetInt32());
        Assert.Equal(10, irregular.GetProperty("reliability").GetArrayLength());
    }

    [Fact]
    public void ExitRisk_BacktestOriginsOutsideTheData_IsAnError()
    {
        var (code, output, error) = Cli.Run("history", "exit-risk", "--backtest", "--last-origin", "2020", "--data", TestData.Folder());
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("<= 2015", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitRisk_MonthlyBacktestPast2014_IsAnErrorThatSaysWhy()
    {
        // Monthly windows that start in 2015 after January run past 2015-12-31, where Archigos ends.
        var (code, output, error) = Cli.Run("history", "exit-risk", "--backtest", "--origins", "monthly", "--last-origin", "2015", "--data", TestData.Folder());
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("<= 2014", error, StringComparison.Ordinal);
        Assert.Contains("Archigos ends", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitRisk_UnknownOrigins_IsAnError()
    {
        var (code, output, error) = Cli.Run("history", "exit-risk", "--backtest", "--origins", "weekly", "--data", TestData.Folder());
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("january or monthly", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitRisk_MonthlyBacktest_Json_ForecastsEveryFirstOfMonthOfTheOrigins()
    {
        // Two origins, 2013 and 2014 (the last the monthly design allows), 100 replicates to keep the test short.
        var (code, output, error) = Cli.Run("history", "exit-risk", "--backtest", "--origins", "monthly", "--first-origin", "2013", "--replicates", "100", "--format", "json", "--data", TestData.Folder());
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var settings = json.RootElement.GetProperty("settings");
        Assert.Equal("monthly", settings.GetProperty("design").GetString());
        Assert.Equal(2014, settings.GetProperty("last_origin").GetInt32());
        Assert.Equal(2, settings.GetProperty("origins").GetInt32());

        // Every row of the monthly panel whose window starts in 2013 or 2014 is forecast once.
        var panel = Interregnum.History.ExitRisk.ExitRiskPanel.Build(Interregnum.History.HistoricalData.Load(TestData.Folder()), Interregnum.History.ExitRisk.ExitRiskOrigins.Monthly);
        var irregular = json.RootElement.GetProperty("irregular");
        Assert.Equal(panel.Rows.Count(r => r.Year is 2013 or 2014), irregular.GetProperty("cases").GetInt32());
        Assert.InRange(irregular.GetProperty("auc").GetProperty("value").GetDouble(), 0, 1);
        Assert.True(irregular.TryGetProperty("brier_skill", out _));
        Assert.Contains("origin 2014", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitRisk_MonthlyBacktestFittedOnJanuaryRows_NamesBothDesigns()
    {
        // The shipped design's model (1-January rows) scored on the monthly rows of 2014.
        var (code, output, error) = Cli.Run("history", "exit-risk", "--backtest", "--origins", "monthly", "--fit-origins", "january", "--first-origin", "2014", "--replicates", "100", "--format", "json", "--data", TestData.Folder());
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var settings = json.RootElement.GetProperty("settings");
        Assert.Equal(("monthly", "january"), (settings.GetProperty("design").GetString(), settings.GetProperty("fit_design").GetString()));
        Assert.StartsWith("leader-years from 1 January", settings.GetProperty("training").GetString(), StringComparison.Ordinal);
        var panel = Interregnum.History.ExitRisk.ExitRiskPanel.Build(Interregnum.History.HistoricalData.Load(TestData.Folder()), Interregnum.History.ExitRisk.ExitRiskOrigins.Monthly);
        Assert.Equal(panel.Rows.Count(r => r.Year == 2014), json.RootElement.GetProperty("irregular").GetProperty("cases").GetInt32());
    }

    [Fact]
    public void ExitRisk_RussiaFittedOnMonthlyRows_ReadsTheMonthlyTermsAndWarnsOfNarrowIntervals()
    {
        // Not the shipped model: the monthly design's specification, fitted on every monthly row. Putin took office
        // 24 years before as_of (not a new leader) and the last attempt, 2023-06-23, is 12.7 months before 2024-07-15
        // (not within 6 months).
        var (code, output, error) = Cli.Run("history", "exit-risk", Cli.Repo("scenarios", "russia-2024.yaml"), "--origins", "monthly", "--format", "json", "--draws", "200", "--data", TestData.Folder());
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var c = json.RootElement.GetProperty("covariates");
        Assert.Equal((0.0, 0.0), (c.GetProperty("irregular_entry_x_new_leader").GetDouble(), c.GetProperty("coup_attempt_6m").GetDouble()));
        Assert.Contains("normal(0, 0.25)", json.RootElement.GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("too narrow", StringComparison.Ordinal));
    }

    [Fact]
    public void ExitRisk_ScenarioWithIqbalZornCovariates_IsRefused_TheyEndIn2000()
    {
        var (code, output, error) = Cli.Run("history", "exit-risk", Cli.Repo("scenarios", "russia-2024.yaml"), "--covariates", "default,+unrest_prev_year", "--data", TestData.Folder());
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("unrest_prev_year", error, StringComparison.Ordinal);
        Assert.Contains("for --backtest", error, StringComparison.Ordinal);
    }
}

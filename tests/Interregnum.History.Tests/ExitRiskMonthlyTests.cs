using Interregnum.History.Datasets;
using Interregnum.History.ExitRisk;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.History.Tests;

/// <summary>The monthly-origin design: rows from the first of every month, hand-computed on a synthetic country.</summary>
public sealed class ExitRiskMonthlyTests
{
    private const int Country = 2; // the Americas; no GWF period is given, so every regime reads "other"

    private static readonly Lazy<HistoricalData> Data = new(() => HistoricalData.Load(TestData.Folder()));

    // Three leaders in a row: A (1960-03-15 to 1961-05-20, removed by a coup), B (seized power on 1961-05-20, removed on
    // 1961-11-10 by other government actors: never in office on a 1 January) and C (from 1961-11-10, left regularly on
    // 1963-02-14). Coup attempts on 1961-05-20 (A's fall), 1961-09-03 (failed) and 1961-11-10 (B's fall); an early vote
    // on 1962-04-15 with no announcement in REIGN.
    private static HistoricalData Synthetic(IEnumerable<PowellThyneCoup>? extraCoups = null, IEnumerable<ReignElection>? extraVotes = null, IEnumerable<ArchigosSpell>? extraSpells = null) =>
        new(
            [
                Spell("A", new(1960, 3, 15), new(1961, 5, 20), "Regular", "Irregular", "Removed by Military, without Foreign Support", 1910),
                Spell("B", new(1961, 5, 20), new(1961, 11, 10), "Irregular", "Irregular", "Removed by Other Government Actors, without Foreign Support", 1920),
                Spell("C", new(1961, 11, 10), new(1963, 2, 14), "Regular", "Regular", "Regular", 1930),
                .. extraSpells ?? [],
            ],
            [],
            [Coup(1961, 5, 20, true), Coup(1961, 9, 3, false), Coup(1961, 11, 10, true), .. extraCoups ?? []],
            [],
            [],
            [],
            [],
            [new ReignElection(Country, "Synthetica", 1962, 4, 15, "Vote, Early", "L", 1, false), .. extraVotes ?? []]);

    private static ArchigosSpell Spell(string name, DateOnly start, DateOnly end, string entry, string exit, string exitCode, int born) =>
        new($"SYN-{name}", name, Country, "SYN", name, start, end, entry, exit, exitCode, 0, "OK", "M", born, null);

    private static PowellThyneCoup Coup(int year, int month, int day, bool successful) => new("Synthetica", Country, year, month, day, successful, "test");

    [Fact]
    public void Monthly_SyntheticCountry_RowsAndOutcomesMatchHandCount()
    {
        // Given three synthetic spells; When the monthly panel is built
        var panel = ExitRiskPanel.Build(Synthetic(), ExitRiskOrigins.Monthly);

        // Then a row per first-of-month day with the leader in office (start before the day, end on or after it):
        // A: 1960-04-01 … 1961-05-01 = 9 + 5 = 14 rows; B: 1961-06-01 … 1961-11-01 = 6; C: 1961-12-01 … 1963-02-01 = 1 + 12 + 2 = 15.
        Assert.Equal(ExitRiskOrigins.Monthly, panel.Origins);
        var byLeader = panel.Rows.GroupBy(r => r.Leader).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal((14, 6, 15), (byLeader["A"].Count, byLeader["B"].Count, byLeader["C"].Count));
        Assert.Equal(new DateOnly(1960, 4, 1), byLeader["A"][0].Start);
        Assert.Equal(new DateOnly(1961, 5, 1), byLeader["A"][^1].Start);

        // The outcome is the exit within [day, day + 12 months). A fell on 1961-05-20: inside the window from 1960-06-01
        // on (1960-06-01 + 12 months = 1961-06-01 > 1961-05-20), not from 1960-05-01 (window ends 1961-05-01).
        Assert.Equal(
            [ExitManner.None, ExitManner.None, .. Enumerable.Repeat(ExitManner.Irregular, 12)],
            byLeader["A"].Select(r => r.Outcome));
        Assert.All(byLeader["A"].Where(r => r.Outcome == ExitManner.Irregular), r => Assert.Equal(IrregularKind.Coup, r.Kind));

        // B, never in office on a 1 January, has six rows, every one ending in B's irregular exit (kind other).
        Assert.All(byLeader["B"], r => Assert.Equal((ExitManner.Irregular, IrregularKind.Other), (r.Outcome, r.Kind!.Value)));

        // C left on 1963-02-14: regular from the window of 1962-03-01 on (1962-02-01 + 12 months = 1963-02-01 < 1963-02-14).
        Assert.Equal(
            [ExitManner.None, ExitManner.None, ExitManner.None, .. Enumerable.Repeat(ExitManner.Regular, 12)],
            byLeader["C"].Select(r => r.Outcome));
    }

    [Fact]
    public void January_SyntheticCountry_HasOnlyTheLeadersInOfficeOnJanuary1()
    {
        // The 1-January design on the same data: A on 1961-01-01 (falls within 1961), C on 1962-01-01 (stays) and
        // 1963-01-01 (leaves regularly); B is never in office on a 1 January and is not in it.
        var rows = ExitRiskPanel.Build(Synthetic()).Rows;
        Assert.Equal(
            [("A", 1961, ExitManner.Irregular), ("C", 1962, ExitManner.None), ("C", 1963, ExitManner.Regular)],
            rows.Select(r => (r.Leader, r.Year, r.Outcome)));
        Assert.All(rows, r => Assert.Equal(1, r.Month));
    }

    [Fact]
    public void Monthly_SyntheticCountry_CovariatesMatchHandComputation()
    {
        var rows = ExitRiskPanel.Build(Synthetic(), ExitRiskOrigins.Monthly).Rows.ToDictionary(r => (r.Leader, r.Start));

        // B on 1961-10-01: in office since 1961-05-20 = 11 + 30 + 31 + 31 + 30 + 1 = 134 days; born 1920, age 41; entered
        // irregularly, so new_leader = 1 and irregular_entry × new_leader = 1. Attempts before the day: 1961-05-20 and
        // 1961-09-03, both within 6 and 12 months (from 1961-04-01 and 1960-10-01), both in B's tenure (the first on B's
        // first day, as the shipped rule counts from the first day in office); last attempt 28 days before.
        // Irregular exits in the ten years before: A's. No vote in the three months before (the only vote is 1962-04-15).
        var b = rows[("B", new DateOnly(1961, 10, 1))].Covariates;
        Assert.Equal(134 / 365.25, b.TenureYears, 12);
        Assert.Equal(41, b.Age);
        Assert.Equal(1961, b.Year);
        Assert.Equal((2, 2, 2, 2, 1), (b.CoupAttemptsPast6Months, b.CoupAttemptsPast12Months, b.CoupAttemptsPast5Years, b.CoupAttemptsThisTenure, b.IrregularExitsPast10Years));
        Assert.Equal(28 / 365.25, b.YearsSinceCoupAttempt, 12);
        Assert.False(b.ElectionPast3Months);
        Assert.Equal(ExitRegime.Other, b.Regime);
        var vb = Named(b);
        Assert.Equal((1.0, 1.0, 1.0, 1.0, 0.0), (vb["new_leader"], vb["irregular_entry_x_new_leader"], vb["coup_attempt_6m"], vb["coup_attempt_12m"], vb["election_past_3_months"]));

        // C on 1962-06-01: 203 days in office (21 + 31 + 31 + 28 + 31 + 30 + 31), regular entry. Attempts from 1961-12-01:
        // none; from 1961-06-01: 1961-09-03 and 1961-11-10. In C's tenure (from 1961-11-10): the attempt of that day.
        // Irregular exits in ten years: A's and B's. The early vote of 1962-04-15 fell in [1962-03-01, 1962-06-01).
        var c = rows[("C", new DateOnly(1962, 6, 1))].Covariates;
        Assert.Equal(203 / 365.25, c.TenureYears, 12);
        Assert.Equal((0, 2, 3, 1, 2), (c.CoupAttemptsPast6Months, c.CoupAttemptsPast12Months, c.CoupAttemptsPast5Years, c.CoupAttemptsThisTenure, c.IrregularExitsPast10Years));
        Assert.True(c.ElectionPast3Months);
        var vc = Named(c);
        Assert.Equal((1.0, 0.0, 0.0, 1.0, 1.0), (vc["new_leader"], vc["irregular_entry_x_new_leader"], vc["coup_attempt_6m"], vc["coup_attempt_12m"], vc["election_past_3_months"]));

        // The vote is not yet held on 1962-04-01 and no longer within three months on 1962-08-01 ([05-01, 08-01)); an early
        // vote with no announcement is never known ahead, so no row reads it in the next 12 months.
        Assert.False(rows[("C", new DateOnly(1962, 4, 1))].Covariates.ElectionPast3Months);
        Assert.True(rows[("C", new DateOnly(1962, 7, 1))].Covariates.ElectionPast3Months);
        Assert.False(rows[("C", new DateOnly(1962, 8, 1))].Covariates.ElectionPast3Months);
        Assert.DoesNotContain(rows.Values, r => r.Covariates.ElectionNext12Months);

        // C on 1962-12-01: 386 days in office, no longer new.
        Assert.Equal(0.0, Named(rows[("C", new DateOnly(1962, 12, 1))].Covariates)["new_leader"]);
    }

    [Fact]
    public void Monthly_EventsOnOrAfterTheDay_DoNotChangeTheRowOfThatDay()
    {
        // Given C's row on 1962-06-01; When a coup attempt on that very day and one later, a vote on that day and a new
        // leader who takes office that day are added; Then every covariate of C's row on that day is unchanged (each new
        // covariate reads only what is dated before the day).
        var day = new DateOnly(1962, 6, 1);
        var before = ExitRiskPanel.Build(Synthetic(), ExitRiskOrigins.Monthly, [day]).Rows.Single(r => r.Leader == "C");
        var changed = Synthetic(
            extraCoups: [Coup(1962, 6, 1, false), Coup(1962, 9, 20, false)],
            extraVotes: [new ReignElection(Country, "Synthetica", 1962, 6, 1, "Vote, Early", "E", 2, false)],
            extraSpells: [Spell("D", day, new DateOnly(1962, 7, 1), "Irregular", "Irregular", "Removed by Military, without Foreign Support", 1940)]);
        var after = ExitRiskPanel.Build(changed, ExitRiskOrigins.Monthly, [day]).Rows.Single(r => r.Leader == "C");
        Assert.Equal(before.Covariates, after.Covariates);

        // The coup of the day does count from the next month on (a check that the change reaches the panel at all).
        var next = ExitRiskPanel.Build(changed, ExitRiskOrigins.Monthly, [day.AddMonths(1)]).Rows.Single(r => r.Leader == "C");
        Assert.Equal((1, 3), (next.Covariates.CoupAttemptsPast6Months, next.Covariates.CoupAttemptsPast12Months));
    }

    [Fact]
    public void TrainingRows_Monthly_OnlyWindowsThatEndedBeforeTheOrigin()
    {
        // A fit at origin 1962 may see windows that start on or before 1961-01-01 (+12 months = 1962-01-01): A's rows of
        // 1960-04-01 … 1961-01-01 (10), not A's 1961 rows, nor B's or C's. At origin 1963: every row starting by 1962-01-01.
        var rows = ExitRiskPanel.Build(Synthetic(), ExitRiskOrigins.Monthly).Rows;
        var at1962 = ExitRiskBacktest.TrainingRows(rows, 1962);
        Assert.Equal(10, at1962.Count);
        Assert.All(at1962, r => Assert.True(r.Leader == "A" && r.Start <= new DateOnly(1961, 1, 1)));
        Assert.Equal(rows.Count(r => r.Start <= new DateOnly(1962, 1, 1)), ExitRiskBacktest.TrainingRows(rows, 1963).Count);
        Assert.Equal(14 + 6 + 2, ExitRiskBacktest.TrainingRows(rows, 1963).Count);
    }

    [Theory]
    [InlineData(1975, 7)]
    [InlineData(1991, 4)]
    [InlineData(2005, 10)]
    public void Monthly_CovariatesOfADay_DoNotDependOnLaterInformation(int year, int month)
    {
        // Leakage test, monthly design. Rebuild the rows of a first-of-month day d from a world cut at d: Archigos spells
        // that start on or after d are gone and every spell running on d is censored (in office, no exit); GWF periods
        // that start on or after d are gone and the one running is extended to GWF's end; coup attempts of d's month and
        // later, Cline events dated on or after d and REIGN leaders who took office in d's month or later are gone; REIGN
        // events dated before d are kept, plus the future votes of elections announced before d or set by the calendar.
        // Every covariate of d's rows must come out the same.
        var day = new DateOnly(year, month, 1);
        var full = Data.Value;
        static DateOnly Day(ReignElection e) => new(e.Year, e.Month, 1);
        var known = full.Elections
            .GroupBy(e => (e.CountryCode, e.ElectionId))
            .SelectMany(g =>
            {
                var early = g.Where(e => Day(e) < day).ToList();
                var announcedBefore = early.Any(e => e.Event.StartsWith("Announce", StringComparison.OrdinalIgnoreCase) || e.Event.StartsWith("Delay Announced", StringComparison.OrdinalIgnoreCase));
                var calendar = g.Count() == 1 && g.Single().Event.StartsWith("Vote, As Scheduled", StringComparison.OrdinalIgnoreCase) && g.Single().Regular;
                return announcedBefore || calendar ? g.Where(e => Day(e) < day || e.Event.StartsWith("Vote", StringComparison.OrdinalIgnoreCase)) : early;
            })
            .ToList();
        var cut = full with
        {
            Archigos = full.Archigos
                .Where(s => s.StartDate < day)
                .Select(s => s.EndDate >= day ? s with { EndDate = new DateOnly(2015, 12, 31), Exit = "Still in Office", ExitCode = "Still in Office" } : s)
                .ToList(),
            Gwf = full.Gwf
                .Where(g => g.StartDate < day)
                .Select(g => g.EndDate >= day ? g with { EndDate = ExitRiskPanel.GwfEnd, HowEnd = null, Violent = null } : g)
                .ToList(),
            PowellThyne = full.PowellThyne.Where(c => new DateOnly(c.Year, c.Month, 1) < day).ToList(),
            Elections = known,
            ReignLeaders = full.ReignLeaders.Where(l => new DateOnly(l.StartYear, l.StartMonth, 1) < day).ToList(),
            Cline = full.Cline.Where(c => ExitRiskPanel.ClineDate(c) < day).ToList(),
        };
        Assert.True(cut.Archigos.Count < full.Archigos.Count && cut.PowellThyne.Count < full.PowellThyne.Count && cut.Elections.Count < full.Elections.Count);
        var expected = ExitRiskPanel.Build(full, ExitRiskOrigins.Monthly, [day]).Rows.ToDictionary(r => r.ObsId);
        var actual = ExitRiskPanel.Build(cut, ExitRiskOrigins.Monthly, [day]).Rows.ToDictionary(r => r.ObsId);

        // The cut world has no exits after d, so it keeps the few rows the full panel leaves out as held-out cases.
        Assert.Subset(actual.Keys.ToHashSet(), expected.Keys.ToHashSet());
        Assert.True(expected.Count > 100);
        foreach (var (id, row) in expected)
        {
            Assert.Equal(row.Covariates, actual[id].Covariates);
        }
    }

    [Fact]
    public void Monthly_RealData_JanuaryRowsAreTheJanuaryDesignsRowsButForRegimesStartingThatDay()
    {
        // The monthly panel's 1 January rows are the 1-January design's rows: same leaders, outcomes and covariates,
        // but the regime is read on 31 December in the monthly design, so a GWF regime that starts with the fall of the
        // leader on the day is not shown to that leader. On the shipped data that happens three times, each time with
        // the same regime type on both days, so only the regime's age (a candidate covariate, not in the shipped
        // specification) differs, 0 from 1 January: Batista (CUB-1952, removed by rebels on 1959-01-01; his regime
        // began 1952-03-10, 2,488 days before), Dacko (CEN-1960, removed by Bokassa's coup on 1966-01-01) and BOS-2009
        // on 2010-01-01.
        var january = ExitRiskPanel.Build(Data.Value).Rows;
        var days = Enumerable.Range(ExitRiskPanel.FirstYear, ExitRiskPanel.LastYear - ExitRiskPanel.FirstYear + 1).Select(y => new DateOnly(y, 1, 1));
        var monthly = ExitRiskPanel.Build(Data.Value, ExitRiskOrigins.Monthly, days).Rows;
        Assert.Equal(january.Select(r => (r.ObsId, r.Year, r.Outcome, r.Kind)), monthly.Select(r => (r.ObsId, r.Year, r.Outcome, r.Kind)));
        Assert.Equal(january.Select(r => r.Covariates with { RegimeYears = 0 }), monthly.Select(r => r.Covariates with { RegimeYears = 0 }));
        var differ = january.Zip(monthly).Where(p => p.First.Covariates.RegimeYears != p.Second.Covariates.RegimeYears).ToList();
        Assert.Equal([("CUB-1952", 1959), ("CEN-1960", 1966), ("BOS-2009", 2010)], differ.Select(p => (p.First.ObsId, p.First.Year)));
        Assert.All(differ, p => Assert.Equal(0, p.First.Covariates.RegimeYears));
        Assert.Equal(2488 / 365.25, differ[0].Second.Covariates.RegimeYears, 12);
    }

    [Fact]
    public void Monthly_RealData_CoversEveryFirstOfMonthTo2015January()
    {
        var panel = ExitRiskPanel.Build(Data.Value, ExitRiskOrigins.Monthly);
        Assert.Equal(new DateOnly(ExitRiskPanel.FirstYear, 1, 1), panel.Rows.Min(r => r.Start));
        Assert.Equal(new DateOnly(ExitRiskPanel.LastYear, 1, 1), panel.Rows.Max(r => r.Start));
        Assert.Equal((ExitRiskPanel.LastYear - ExitRiskPanel.FirstYear) * 12 + 1, panel.Rows.Select(r => r.Start).Distinct().Count());
        Assert.All(panel.Rows, r => Assert.Equal(r.Outcome == ExitManner.Irregular, r.Kind is not null));

        // No held-out exit is in it: no row of a spell whose exit is a held-out case ends in that exit.
        Assert.True(panel.HeldOut > 0);
        var heldOutSpells = Data.Value.Archigos
            .Where(s => !s.InOffice && ExitRiskPanel.HeldOutExits.Contains((s.CountryCode, s.EndDate.Year)))
            .Select(s => s.ObsId)
            .ToHashSet();
        Assert.NotEmpty(heldOutSpells);
        Assert.DoesNotContain(panel.Rows, r => heldOutSpells.Contains(r.ObsId) && r.Outcome != ExitManner.None);
    }

    [Fact]
    public void Backtest_MonthlyLastOriginPast2014_IsRejected()
    {
        var settings = new ExitRiskBacktestSettings(1991, 2015, 100, 1, Origins: ExitRiskOrigins.Monthly);
        Assert.Contains(settings.Validate(), e => e.Contains("<= 2014", StringComparison.Ordinal));
        Assert.Empty((settings with { LastOrigin = 2014 }).Validate());
    }

    [Fact]
    public void Backtest_MonthlyFittedOnJanuaryRows_FitsOnlyThePastJanuaryRowsAndForecastsEveryMonth()
    {
        // Given the monthly rows to forecast and the 1-January rows to fit on; When origin 2014 is run
        var monthly = ExitRiskPanel.Build(Data.Value, ExitRiskOrigins.Monthly);
        var january = ExitRiskPanel.Build(Data.Value);
        var settings = new ExitRiskBacktestSettings(2014, 2014, 100, 1, Origins: ExitRiskOrigins.Monthly, FitOrigins: ExitRiskOrigins.January);
        var result = ExitRiskBacktest.Run(monthly, settings, fitPanel: january);

        // Then every monthly row of 2014 is forecast, and the base rate is the share of 1-January rows before 2014 that
        // ended irregularly (the training sample)
        Assert.Equal(monthly.Rows.Count(r => r.Year == 2014), result.Predictions.Count);
        var train = january.Rows.Where(r => r.Year < 2014).ToList();
        Assert.Equal(train.Count(r => r.Outcome == ExitManner.Irregular) / (double)train.Count, result.Predictions[0].BaseIrregular, 12);

        // A fitting panel of the wrong design is refused.
        Assert.Throws<ArgumentException>(() => ExitRiskBacktest.Run(monthly, settings, fitPanel: monthly));
    }

    [Fact]
    public void Specification_ForEachDesign_IsTheOneChosenOnItsValidationWindow()
    {
        // 1-January rows: the shipped specification; monthly rows: it plus the two terms chosen on validation, scale 0.25.
        Assert.Same(ExitRiskSpecification.Default, ExitRiskSpecification.For(ExitRiskOrigins.January));
        var monthly = ExitRiskSpecification.For(ExitRiskOrigins.Monthly);
        var parsed = ExitRiskSpecification.Parse("default,+irregular_entry_x_new_leader,+coup_attempt_6m", 0.25);
        Assert.Equal(parsed.Covariates, monthly.Covariates);
        Assert.Equal(0.25, monthly.PriorScale);
        Assert.Empty(monthly.Validate());
        Assert.Equal(new ExitRiskBacktestSettings(Origins: ExitRiskOrigins.Monthly).Specification, monthly);
        Assert.Equal(new ExitRiskBacktestSettings(Origins: ExitRiskOrigins.Monthly, FitOrigins: ExitRiskOrigins.January).Specification, ExitRiskSpecification.Default);
    }

    private static Dictionary<string, double> Named(ExitRiskCovariates covariates) =>
        ExitRiskCovariates.AllNames.Zip(covariates.ToVector()).ToDictionary(p => p.First, p => p.Second);
}

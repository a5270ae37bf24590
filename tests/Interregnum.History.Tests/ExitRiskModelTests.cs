using Interregnum.History.ExitRisk;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.History.Tests;

public sealed class ExitRiskModelTests
{
    private static readonly ExitRiskCovariates Autocrat = new(71, 24, ExitRegime.Personal, "europe", false, false, false, 0, true, 2024, 0, 0, 30, false, true, 0);

    private static readonly Lazy<HistoricalData> Data = new(() => HistoricalData.Load(TestData.Folder()));

    [Fact]
    public void Panel_PutinOn2010January1_HasHandComputedCovariates()
    {
        // Archigos: Putin from 1999-12-31, born 1952, entry Regular; GWF: "Russia 93-NA" personal; Powell & Thyne list one
        // attempt in Russia (GW 365), the failed one of 1991-08-21, so none in 2005–2009 or in his tenure but one since 1950;
        // Archigos irregular exits in Russia 2000–2009: none.
        // Tenure = (2010-01-01 − 1999-12-31) / 365.25 = 3654 / 365.25 days.
        var panel = ExitRiskPanel.Build(HistoricalData.Load(TestData.Folder()));
        var row = panel.Rows.Single(r => r.Leader == "Putin" && r.Year == 2010);
        var c = row.Covariates;
        Assert.Equal(58, c.Age);
        Assert.Equal(3654 / 365.25, c.TenureYears, 12);
        Assert.Equal(ExitRegime.Personal, c.Regime);
        Assert.Equal("europe", c.Region);
        Assert.Equal((0, true, 0, 0), (c.CoupAttemptsPast5Years, c.CoupAttemptSince1950, c.CoupAttemptsThisTenure, c.IrregularExitsPast10Years));
        Assert.Equal(ExitManner.None, row.Outcome);

        // Years since the last attempt: 1991-08-21 to 2010-01-01 is 6,708 days (8 days of August, 30 of September,
        // 31 + 30 + 31 of October–December 1991 = 130, then 1992–2009: 18 years with 5 leap days = 6,575, plus 1 for the
        // 21st itself: 130 + 6,575 + 3 = 6,708).
        Assert.Equal(6708 / 365.25, c.YearsSinceCoupAttempt, 12);
    }

    [Fact]
    public void Panel_PutinElectionCalendar_ReadsTheScheduledPresidentialVote()
    {
        // REIGN lists the Russian presidential vote of 2012-03-04 "as scheduled", with no announcement event (the
        // constitutional calendar), and no national vote in 2010 or 2011. So on 2011-01-01 the vote is in months 13–24,
        // on 2012-01-01 in months 1–12; on 2010-01-01 it is 26 months away, in neither.
        var rows = ExitRiskPanel.Build(Data.Value).Rows.Where(r => r.Leader == "Putin").ToDictionary(r => r.Year);
        Assert.Equal((false, false), (rows[2010].Covariates.ElectionNext12Months, rows[2010].Covariates.ElectionMonths13To24));
        Assert.Equal((false, true), (rows[2011].Covariates.ElectionNext12Months, rows[2011].Covariates.ElectionMonths13To24));
        Assert.Equal((true, false), (rows[2012].Covariates.ElectionNext12Months, rows[2012].Covariates.ElectionMonths13To24));
    }

    [Fact]
    public void Panel_SnapElectionCalledDuringTheYear_IsNotKnownOnJanuary1()
    {
        // The UK votes of 2001-06-07 and 2005-05-05 were called in May 2001 and April 2005 (REIGN: Announced, then
        // Vote, Early): unknown on 1 January, so Blair's 2001 and 2005 rows have no vote in months 1–12. The
        // 2015-05-07 vote was "as scheduled" with no announcement (the Fixed-term Parliaments Act), so Cameron's 2014
        // row has it in months 13–24 and his 2015 row in months 1–12.
        var rows = ExitRiskPanel.Build(Data.Value).Rows.Where(r => r.CountryCode == 200).ToList();
        var blair = rows.Where(r => r.Leader == "Blair").ToDictionary(r => r.Year);
        Assert.False(blair[2001].Covariates.ElectionNext12Months);
        Assert.False(blair[2005].Covariates.ElectionNext12Months);
        var cameron = rows.Where(r => r.Leader == "Cameron").ToDictionary(r => r.Year);
        Assert.Equal((false, true), (cameron[2014].Covariates.ElectionNext12Months, cameron[2014].Covariates.ElectionMonths13To24));
        Assert.True(cameron[2015].Covariates.ElectionNext12Months);
    }

    [Theory]
    [InlineData(1975)]
    [InlineData(1991)]
    [InlineData(2005)]
    public void Panel_CovariatesOfAnOriginYear_DoNotDependOnLaterInformation(int year)
    {
        // Leakage test. Rebuild the panel from what was public on 1 January of the year: coup attempts before it;
        // REIGN events dated before it, plus the future votes of elections announced before it or set by the calendar
        // (a lone "as scheduled" vote on the regular calendar). Later coups, announcements, snap votes and cancellations are gone. Every
        // covariate of that year's leaders must come out the same.
        var origin = new DateOnly(year, 1, 1);
        var full = Data.Value;
        static DateOnly Day(Datasets.ReignElection e) => new(e.Year, e.Month, 1);
        var known = full.Elections
            .GroupBy(e => (e.CountryCode, e.ElectionId))
            .SelectMany(g =>
            {
                var early = g.Where(e => Day(e) < origin).ToList();
                var announcedBefore = early.Any(e => e.Event.StartsWith("Announce", StringComparison.OrdinalIgnoreCase) || e.Event.StartsWith("Delay Announced", StringComparison.OrdinalIgnoreCase));
                var calendar = g.Count() == 1 && g.Single().Event.StartsWith("Vote, As Scheduled", StringComparison.OrdinalIgnoreCase) && g.Single().Regular;
                return announcedBefore || calendar ? g.Where(e => Day(e) < origin || e.Event.StartsWith("Vote", StringComparison.OrdinalIgnoreCase)) : early;
            })
            .ToList();
        var past = full with { PowellThyne = full.PowellThyne.Where(c => new DateOnly(c.Year, c.Month, 1) < origin).ToList(), Elections = known };
        var expected = ExitRiskPanel.Build(full).Rows.Where(r => r.Year == year).ToList();
        var actual = ExitRiskPanel.Build(past).Rows.Where(r => r.Year == year).ToList();
        Assert.True(full.Elections.Count > known.Count && full.PowellThyne.Count > past.PowellThyne.Count);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Select(r => r.Covariates), actual.Select(r => r.Covariates));
    }

    [Theory]
    [InlineData(1975)]
    [InlineData(1991)]
    [InlineData(2005)]
    public void Panel_CandidateCovariatesOfAnOriginYear_DoNotDependOnLaterLeadersRegimesOrExits(int year)
    {
        // Leakage test for the leader, regime and exit-history covariates (military career, regime duration, leader
        // entries, irregular exits since 1950, Cline plots). Rebuild the panel from a world cut at 1 January of the year: Archigos
        // spells that start on or after the day are gone and every spell still running on the day is censored (in
        // office, no exit); GWF periods that start on or after the day are gone and the one running is extended to
        // GWF's end with no end coded; REIGN leaders who took office on or after the day are gone; coup attempts after
        // the day and Cline events dated on or after it are gone. The covariates of the leaders in office on the day must not change.
        var origin = new DateOnly(year, 1, 1);
        var full = Data.Value;
        var cut = full with
        {
            Archigos = full.Archigos
                .Where(s => s.StartDate < origin)
                .Select(s => s.EndDate >= origin ? s with { EndDate = new DateOnly(2015, 12, 31), Exit = "Still in Office", ExitCode = "Still in Office" } : s)
                .ToList(),
            Gwf = full.Gwf
                .Where(g => g.StartDate < origin)
                .Select(g => g.EndDate >= origin ? g with { EndDate = ExitRiskPanel.GwfEnd, HowEnd = null, Violent = null } : g)
                .ToList(),
            PowellThyne = full.PowellThyne.Where(c => new DateOnly(c.Year, c.Month, 1) < origin).ToList(),
            ReignLeaders = full.ReignLeaders.Where(l => new DateOnly(l.StartYear, l.StartMonth, 1) < origin).ToList(),
            Cline = full.Cline.Where(c => ExitRiskPanel.ClineDate(c) < origin).ToList(),
        };
        Assert.True(cut.Archigos.Count < full.Archigos.Count && cut.Gwf.Count < full.Gwf.Count && cut.ReignLeaders.Count < full.ReignLeaders.Count && cut.Cline.Count < full.Cline.Count);
        var expected = ExitRiskPanel.Build(full).Rows.Where(r => r.Year == year).ToDictionary(r => r.ObsId);
        var actual = ExitRiskPanel.Build(cut).Rows.Where(r => r.Year == year).ToDictionary(r => r.ObsId);

        // The cut world has no exits in the year, so it keeps the few leader-years the full panel leaves out as held-out cases.
        Assert.Subset(actual.Keys.ToHashSet(), expected.Keys.ToHashSet());
        Assert.True(expected.Count > 100);
        foreach (var (id, row) in expected)
        {
            var later = actual[id].Covariates;
            Assert.Equal(
                (row.Covariates.MilitaryCareer, row.Covariates.RegimeYears, row.Covariates.LeaderEntriesPast5Years, row.Covariates.IrregularExitsSince1950, row.Covariates.ClinePlotsPast5Years, row.Covariates.Regime, row.Covariates.IrregularExitsPast10Years),
                (later.MilitaryCareer, later.RegimeYears, later.LeaderEntriesPast5Years, later.IrregularExitsSince1950, later.ClinePlotsPast5Years, later.Regime, later.IrregularExitsPast10Years));
        }
    }

    [Fact]
    public void Panel_PutinOn2010January1_HasHandComputedCandidateCovariates()
    {
        // GWF "Russia 93-NA" (personal) began 1993-09-21: 5,946 days before 2010-01-01 (Python's date arithmetic).
        // REIGN dates Putin's start 2000-01-01, one day after Archigos's 1999-12-31, with militarycareer 0.
        // Archigos leaders of Russia who took office 2005–2009: none (Putin's spell runs on; Medvedev is inside it).
        // Irregular or foreign exits of Russia's leaders (COW 365) 1950–2009 in Archigos: one, Gorbachev's spell ending
        // 1991-08-21, coded Irregular (the August coup); the other two, Alexander II 1881 and Nicholas II 1917, are before 1950.
        var row = ExitRiskPanel.Build(Data.Value).Rows.Single(r => r.Leader == "Putin" && r.Year == 2010);
        Assert.Equal(5946 / 365.25, row.Covariates.RegimeYears, 12);
        Assert.Equal(0, row.Covariates.MilitaryCareer);
        Assert.Equal(0, row.Covariates.LeaderEntriesPast5Years);
        Assert.Equal(1, row.Covariates.IrregularExitsSince1950);
    }

    [Fact]
    public void MilitaryCareerOf_NearestReignStartWithin31Days_IsMatched()
    {
        // Country 1: REIGN starts 2000-01-01 (career 1) and 2000-03-01 (career 0.5); a spell from 1999-12-31 matches the
        // first (1 day), one from 2000-02-20 the second (10 days against 50). A spell from 2000-06-01 is 92 days from the
        // nearest: no match, 0. Country 2 has no REIGN leader: 0.
        Datasets.ReignLeader L(int code, int y, int m, int d, double? career) => new("X", code, "id", "x", y, m, d, null, null, 1950, career);
        var careers = ExitRiskPanel.MilitaryCareers([L(1, 2000, 1, 1, 1), L(1, 2000, 3, 1, 0.5)]);
        Datasets.ArchigosSpell S(int code, DateOnly start) => new("o", "l", code, "X", "x", start, start.AddYears(1), "Regular", "Regular", "Regular", 0, "OK", "M", 1950, null);
        Assert.Equal(1, ExitRiskPanel.MilitaryCareerOf(careers, S(1, new DateOnly(1999, 12, 31))));
        Assert.Equal(0.5, ExitRiskPanel.MilitaryCareerOf(careers, S(1, new DateOnly(2000, 2, 20))));
        Assert.Equal(0, ExitRiskPanel.MilitaryCareerOf(careers, S(1, new DateOnly(2000, 6, 1))));
        Assert.Equal(0, ExitRiskPanel.MilitaryCareerOf(careers, S(2, new DateOnly(2000, 1, 1))));
    }

    [Fact]
    public void Model_IrregularOfItsOwn_MatchesABinaryLogitAndKeepsTheOtherOdds()
    {
        // With an irregular-exit model of its own, the irregular probability is the binary logit's (irregular against
        // every other outcome, fitted alone here) and stay, regular and natural keep their shared-model odds against
        // each other, scaled to add up to 1.
        var rows = ExitRiskPanel.Build(Data.Value).Rows.Where(r => r.Year < 1991).ToList();
        var spec = ExitRiskSpecification.Default with { IrregularPriorScale = 1 };
        var model = ExitRiskModel.FitOn(rows, spec);
        var shared = ExitRiskModel.FitOn(rows, ExitRiskSpecification.Default);
        var x = new double[rows.Count, spec.Covariates.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var v = spec.Select(rows[i].Covariates);
            for (var a = 0; a < v.Length; a++)
            {
                x[i, a] = v[a];
            }
        }

        var binary = MultinomialLogit.Fit(x, rows.Select(r => r.Outcome == ExitManner.Irregular ? 1 : 0).ToArray(), 2, 1);
        var leader = Autocrat with { Year = 1985 };
        var p = model.YearProbabilities(leader);
        var q = shared.YearProbabilities(leader);
        Assert.Equal(binary.Predict(spec.Select(leader))[1], p[3], 12);
        Assert.Equal(1, p.Sum(), 12);
        Assert.Equal(q[1] / q[0], p[1] / p[0], 10);
        Assert.Equal(q[2] / q[1], p[2] / p[1], 10);
    }

    [Fact]
    public void Model_IrregularFromBoostedTrees_UsesTheTreesAndItsForecastStillAddsUp()
    {
        // With boosted trees for irregular exit, the year's irregular probability is the trees' (fitted alone here on
        // the same rows and covariates), and the 12- and 24-month forecast still adds up across manners.
        var rows = ExitRiskPanel.Build(Data.Value).Rows.Where(r => r.Year < 1980).ToList();
        var boosting = new BoostedTreesSettings(Trees: 30, Depth: 2, LearningRate: 0.1);
        var spec = ExitRiskSpecification.Default with { IrregularBoosting = boosting };
        var model = ExitRiskModel.FitOn(rows, spec);
        var x = new double[rows.Count, spec.Covariates.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var v = spec.Select(rows[i].Covariates);
            for (var a = 0; a < v.Length; a++)
            {
                x[i, a] = v[a];
            }
        }

        var trees = BoostedTrees.Fit(x, rows.Select(r => r.Outcome == ExitManner.Irregular).ToArray(), boosting);
        var leader = Autocrat with { Year = 1979 };
        Assert.Equal(trees.Predict(spec.Select(leader)), model.YearProbabilities(leader)[3], 12);
        // Blended at weight 0.5, the irregular probability is the mean of the trees' and the shared logit's.
        var blended = ExitRiskModel.FitOn(rows, spec with { IrregularBoosting = boosting with { Blend = 0.5 } });
        var shared = ExitRiskModel.FitOn(rows, ExitRiskSpecification.Default);
        Assert.Equal((trees.Predict(spec.Select(leader)) + shared.YearProbabilities(leader)[3]) / 2, blended.YearProbabilities(leader)[3], 12);
        var f = model.Forecast(leader, draws: 200, seed: 2);
        foreach (var h in new[] { 12, 24 })
        {
            Assert.Equal(f.Get(h, "any").Probability, f.Get(h, "regular").Probability + f.Get(h, "natural").Probability + f.Get(h, "irregular").Probability, 12);
        }
    }

    [Fact]
    public void ElectionCalendar_HandBuiltEvents_CountsOnlyVotesKnownOnTheDay()
    {
        // Country 1: a calendar vote 2001-05-10 (known). Country 2: an early vote 2001-06-01 announced 2001-03 (month
        // only: known from 2001-04-01). Country 3: an early vote 2001-02-01 announced 2000-12 (known from 2001-01-01).
        // Country 4: a vote voided by regime change (no vote). Country 5: a referendum (ignored). Country 6: an early
        // vote with no announcement (never known ahead). Country 7: a vote "as scheduled" not on the regular calendar,
        // with no announcement (no date it was known from: never counted).
        Datasets.ReignElection E(int country, int year, int month, int? day, string ev, string type, int id, bool regular = true) => new(country, "x", year, month, day, ev, type, id, regular);
        var calendar = new ElectionCalendar(
        [
            E(1, 2001, 5, 10, "Vote, As Scheduled", "X", 1),
            E(2, 2001, 3, null, "Announced", "L", 2), E(2, 2001, 6, 1, "Vote, Early", "L", 2),
            E(3, 2000, 12, null, "Announced", "L", 3), E(3, 2001, 2, 1, "Vote, Early", "L", 3),
            E(4, 2000, 6, null, "Regime Failure", "X", 4), E(4, 2000, 9, null, "Voided by Regime Change", "X", 4),
            E(5, 2001, 4, 1, "Vote, As Scheduled", "R", 5),
            E(6, 2001, 4, 1, "Vote, Early", "L", 6),
            E(7, 2001, 4, 1, "Vote, As Scheduled", "X", 7, regular: false),
        ]);
        var jan1 = new DateOnly(2001, 1, 1);
        Assert.Equal(
            [true, false, true, false, false, false, false],
            Enumerable.Range(1, 7).Select(c => calendar.KnownVoteBetween(c, jan1, 0, 12)).ToArray());
        Assert.True(calendar.KnownVoteBetween(2, new DateOnly(2001, 4, 1), 0, 12));
        Assert.False(calendar.KnownVoteBetween(2, new DateOnly(2001, 3, 31), 0, 12));
        Assert.True(calendar.KnownVoteBetween(1, new DateOnly(2000, 1, 1), 12, 24));
        Assert.False(calendar.KnownVoteBetween(1, new DateOnly(2000, 1, 1), 0, 12));
    }

    [Fact]
    public void Specification_ParseWithTerms_KeepsCandidateOrderAndRejectsUnknownNames()
    {
        var spec = ExitRiskSpecification.Parse("base,+election_next_12_months,-served_before,+log1p_years_since_coup_attempt", 1);
        Assert.Equal(20 - 1 + 2, spec.Covariates.Count);
        Assert.DoesNotContain("served_before", spec.Covariates);
        Assert.Equal(["log1p_years_since_coup_attempt", "election_next_12_months"], spec.Covariates.TakeLast(2));
        Assert.Contains(ExitRiskSpecification.Parse("base,+nonsense", 1).Validate(), e => e.Contains("'nonsense'", StringComparison.Ordinal));
        Assert.NotEmpty(ExitRiskSpecification.Parse("base", 0).Validate());
    }

    [Fact]
    public void Panel_HeldOutExits_AreNotInThePanel()
    {
        var panel = ExitRiskPanel.Build(HistoricalData.Load(TestData.Folder()));
        Assert.True(panel.HeldOut > 0);
        foreach (var (code, year) in ExitRiskPanel.HeldOutExits)
        {
            Assert.DoesNotContain(panel.Rows, r => r.CountryCode == code && r.Year == year && r.Outcome != ExitManner.None);
        }
    }

    [Fact]
    public void Panel_Rows_CoverOnlyTheYearsArchigosObserves()
    {
        var panel = ExitRiskPanel.Build(HistoricalData.Load(TestData.Folder()));
        Assert.Equal(ExitRiskPanel.FirstYear, panel.Rows.Min(r => r.Year));
        Assert.Equal(ExitRiskPanel.LastYear, panel.Rows.Max(r => r.Year));
        Assert.All(panel.Rows, r => Assert.Equal(r.Outcome == ExitManner.Irregular, r.Kind is not null));
    }

    [Fact]
    public void Forecast_Estimates_AddUpAcrossMannersAndHorizons()
    {
        var model = ExitRiskModel.FitOn(ExitRiskPanel.Build(HistoricalData.Load(TestData.Folder())).Rows);
        var f = model.Forecast(Autocrat, draws: 500, seed: 7);
        foreach (var h in new[] { 12, 24 })
        {
            Assert.Equal(f.Get(h, "any").Probability, f.Get(h, "regular").Probability + f.Get(h, "natural").Probability + f.Get(h, "irregular").Probability, 12);
            Assert.Equal(f.Get(h, "irregular").Probability, f.Get(h, "irregular_coup").Probability + f.Get(h, "irregular_killing").Probability + f.Get(h, "irregular_other").Probability, 12);
            Assert.All(f.Estimates, e => Assert.InRange(e.Probability, e.Lower - 1e-12, e.Upper + 1e-12));
        }

        // 24 months: 1 − S(1)·S(2), with S from the year probabilities at the covariates now and a year on.
        var s1 = model.YearProbabilities(Autocrat)[0];
        var s2 = model.YearProbabilities(Autocrat.OneYearLater())[0];
        Assert.Equal(1 - (s1 * s2), f.Get(24, "any").Probability, 12);
        Assert.Equal(1 - s1, f.Get(12, "any").Probability, 12);
    }

    [Fact]
    public void Forecast_SameSeed_SameIntervals()
    {
        var model = ExitRiskModel.FitOn(ExitRiskPanel.Build(HistoricalData.Load(TestData.Folder())).Rows);
        Assert.Equal(model.Forecast(Autocrat, 300, 3).Estimates, model.Forecast(Autocrat, 300, 3).Estimates);
    }

    [Fact]
    public void Backtest_FifteenOrigins_FitsOnlyThePastAndBeatsTheBaseRate()
    {
        // Fifteen origins 2001–2015 (the minimum the issue asks), 200 replicates to keep the test short.
        var panel = ExitRiskPanel.Build(HistoricalData.Load(TestData.Folder()));
        var result = ExitRiskBacktest.Run(panel, new ExitRiskBacktestSettings(2001, 2015, 200, 1));
        Assert.Equal(15, result.Origins.Count);
        Assert.Equal(panel.Rows.Count(r => r.Year >= 2001), result.Predictions.Count);

        // The base rate of each origin is the share of training leader-years (before the origin) that ended irregularly.
        var first = result.Predictions.First(p => p.Origin == 2001);
        var train = panel.Rows.Where(r => r.Year < 2001).ToList();
        Assert.Equal(train.Count(r => r.Outcome == ExitManner.Irregular) / (double)train.Count, first.BaseIrregular, 12);

        // Better than chance at ranking irregular exits, with the interval above 0.5, and a positive Brier skill.
        Assert.True(result.Irregular.Auc.Lower > 0.5, $"irregular AUC {result.Irregular.Auc}");
        Assert.True(result.AnyExit.BrierSkill.Value > 0, $"any-exit Brier skill {result.AnyExit.BrierSkill}");
        Assert.InRange(result.Irregular.Auc.Value, result.Irregular.Auc.Lower, result.Irregular.Auc.Upper);
    }
}

using Interregnum.History.ExitRisk;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.History.Tests;

public sealed class ExitRiskModelTests
{
    private static readonly ExitRiskCovariates Autocrat = new(71, 24, ExitRegime.Personal, "europe", false, false, false, 0, true, 2024, 0, 0);

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

using Interregnum.Backtesting;
using Xunit;

namespace Interregnum.Tests.Backtesting;

public sealed class BacktestScoringTests
{
    // The hand-worked scenario (TestScenarios.HandWorked): candidates a (position 80) and b (20); the incumbent's
    // position (status quo) is 50. Outcome used throughout: b prevailed, contested, policy down by 20 points.
    private static readonly CaseOutcome Outcome = new(
        new DateOnly(2000, 1, 2),
        new DateOnly(2000, 1, 3),
        "b",
        true,
        [],
        new Dictionary<string, DimensionOutcome> { ["policy"] = new(PolicyDirection.Down, 20, null) },
        ["hand"],
        null);

    [Fact]
    public void MostCoercion_HandWorkedScenario_PicksTheGuardsHead()
    {
        // Coercion total 60 (guard) + 40 (army) = 100. a heads the guard: 60 × 0.5 = 30 → share 0.30;
        // b heads the army: 40 × 0.25 = 10 → share 0.10. Crisis weight 0.6: a 0.18, b 0.06.
        var s = TestScenarios.HandWorked();

        var coercion = Forecasters.CandidateCoercion(s);
        var forecast = Forecasters.MostCoercionForecast(s);

        Assert.Equal(0.18, coercion[0], 1e-12);
        Assert.Equal(0.06, coercion[1], 1e-12);
        Assert.Equal([1.0, 0.0], forecast.Candidates!);
        Assert.Null(forecast.Contested);
        Assert.Equal([30.0], forecast.Shifts!["policy"]);
    }

    [Fact]
    public void NoChange_HandWorkedScenario_PredictsNoneAndScoresTheObservedChange()
    {
        // The outcome moved policy down 20 points; a point forecast of 0 has CRPS |0 − (−20)| = 20 and direction none (wrong).
        var s = TestScenarios.HandWorked();

        var score = BacktestScoring.Score(s, Outcome, Forecasters.NoChangeForecast(s));

        var d = Assert.Single(score.Dimensions);
        Assert.Equal(PolicyDirection.None, d.Predicted);
        Assert.False(d.Right);
        Assert.Equal(20, d.Crps, 12);
        Assert.Null(score.WinnerBrier);
        Assert.Null(score.ContestedBrier);
    }

    [Fact]
    public void Rivals_HandWorkedScenario_ScoreAsComputedByHand()
    {
        var s = TestScenarios.HandWorked();

        var equal = BacktestScoring.Score(s, Outcome, Forecasters.EqualOddsForecast(s));
        var formal = BacktestScoring.Score(s, Outcome, Forecasters.FormalSuccessorForecast(s));

        // Equal odds (0.5, 0.5): Brier 0.25 + 0.25 = 0.5; log −ln 0.5 = 0.6931472; contested (0.5 − 1)² = 0.25.
        // Shifts {+30, −30} (a's and b's positions − 50) against −20: E|X − y| = (50 + 10)/2 = 30,
        // ½E|X − X′| = ½ · (0 + 60 + 60 + 0)/4 = 15, CRPS 15; up and down tie (1 each), the tie goes to up: wrong.
        Assert.Equal(0.5, equal.WinnerBrier!.Value, 1e-12);
        Assert.Equal(0.6931471805599453, equal.WinnerLog!.Value, 1e-12);
        Assert.Equal(0.25, equal.ContestedBrier!.Value, 1e-12);
        Assert.Equal(15, equal.MeanCrps!.Value, 1e-12);
        Assert.Equal(PolicyDirection.Up, equal.Dimensions[0].Predicted);
        Assert.Equal(0.0, equal.DirectionShareRight);
        Assert.Equal(0.5, equal.TopPick);

        // No acting successor, so the rule names nobody and the formal-successor rival spreads equally: (0.5, 0.5),
        // as equal odds: Brier 0.5, log 0.6931472, CRPS 15, top pick 1/2; but it says orderly (0) against contested: 1.
        Assert.Equal(0.5, formal.WinnerBrier!.Value, 1e-12);
        Assert.Equal(0.6931471805599453, formal.WinnerLog!.Value, 1e-12);
        Assert.Equal(1, formal.ContestedBrier!.Value, 1e-12);
        Assert.Equal(15, formal.MeanCrps!.Value, 1e-12);
        Assert.Equal(0.5, formal.TopPick);
    }

    [Fact]
    public void Summarise_ModelAgainstRivals_SkillMatchesHandComputation()
    {
        var s = TestScenarios.HandWorked();
        var model = new CaseForecast(Forecasters.Model, [0.25, 0.75], 0.8, new Dictionary<string, IReadOnlyList<double>> { ["policy"] = [-20.0, -10.0] }, null);

        var scores = BacktestScoring.ScoreCase("hand", s, Outcome, [model, Forecasters.EqualOddsForecast(s), Forecasters.MostCoercionForecast(s), Forecasters.BaseRateForecast(null, "none")]);
        var summary = BacktestScoring.Summarise([scores]);

        // Model: Brier 0.0625 + 0.0625 = 0.125; log −ln 0.75 = 0.2876821; contested (0.8 − 1)² = 0.04;
        // CRPS of {−20, −10} at −20: E|X − y| = (0 + 10)/2 = 5, ½E|X − X′| = ½ · 20/4 = 2.5 → 2.5; both down: right.
        var m = summary.Aggregates.Single(a => a.Forecaster == Forecasters.Model);
        Assert.Equal(0.125, m.WinnerBrier!.Value, 1e-12);
        Assert.Equal(0.2876820724517809, m.WinnerLog!.Value, 1e-12);
        Assert.Equal(0.04, m.ContestedBrier!.Value, 1e-12);
        Assert.Equal(2.5, m.Crps!.Value, 1e-12);
        Assert.Equal(1.0, m.DirectionShareRight);

        // Skill against equal odds: 1 − 0.125/0.5 = 0.75; 1 − 0.2876821/0.6931472 = 0.5849625;
        // 1 − 0.04/0.25 = 0.84; 1 − 2.5/15 = 0.8333333.
        var equal = summary.Skill.Single(k => k.Rival == Forecasters.EqualOdds);
        Assert.Equal(0.75, equal.WinnerBrier!.Value, 1e-12);
        Assert.Equal(0.5849625007211562, equal.WinnerLog!.Value, 1e-12);
        Assert.Equal(0.84, equal.ContestedBrier!.Value, 1e-12);
        Assert.Equal(5.0 / 6.0, equal.Crps!.Value, 1e-12);

        // The most-coercion rival makes no contested forecast and the base-rate rival none at all but P(contested)
        // (here not available): those skills are absent, not zero.
        Assert.Null(summary.Skill.Single(k => k.Rival == Forecasters.MostCoercion).ContestedBrier);
        Assert.Null(summary.Skill.Single(k => k.Rival == Forecasters.BaseRate).WinnerBrier);
        Assert.Null(summary.Aggregates.Single(a => a.Forecaster == Forecasters.BaseRate).ContestedBrier);

        // Reliability points: (0.25, no), (0.75, yes), (0.8, yes) → bin [0.2, 0.3): 1 forecast, 0 hits;
        // bin [0.7, 0.8): 0.75, 1 hit; bin [0.8, 0.9): 0.8, 1 hit.
        Assert.Equal((1, 0), (summary.Reliability[2].Count, summary.Reliability[2].Hits));
        Assert.Equal((1, 1), (summary.Reliability[7].Count, summary.Reliability[7].Hits));
        Assert.Equal((1, 1), (summary.Reliability[8].Count, summary.Reliability[8].Hits));
        Assert.Equal(3, summary.Reliability.Sum(b => b.Count));
    }

    [Theory]
    [InlineData(new[] { 0.0, 0.0, 4.0, 10.0 }, PolicyDirection.None)]
    [InlineData(new[] { 5.0, 6.0, -7.0 }, PolicyDirection.Up)]
    [InlineData(new[] { -5.0, -6.0, 1.0 }, PolicyDirection.Down)]
    [InlineData(new[] { 4.99, -4.99 }, PolicyDirection.None)]
    public void PredictedDirection_UsesTheFivePointBand(double[] shifts, PolicyDirection expected)
    {
        Assert.Equal(expected, BacktestScoring.PredictedDirection(shifts));
    }
}

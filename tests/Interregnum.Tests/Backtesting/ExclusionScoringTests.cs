using Interregnum.Backtesting;
using Xunit;

namespace Interregnum.Tests.Backtesting;

public sealed class ExclusionScoringTests
{
    // The hand-worked scenario (TestScenarios.HandWorked): actors inc (the incumbent, who dies), a, b, c;
    // candidates a and b. Outcome: b prevailed; a was arrested; a led two years later (a succession in stages).
    private static CaseOutcome Outcome(string? eventualLeader = "a") => new(
        new DateOnly(2000, 1, 2),
        new DateOnly(2000, 1, 3),
        "b",
        false,
        [new ExcludedActor("a", "arrested", null)],
        new Dictionary<string, DimensionOutcome>(),
        ["hand"],
        null,
        eventualLeader);

    [Fact]
    public void ScoreCase_HandForecasts_BrierAsComputedByHand()
    {
        var s = TestScenarios.HandWorked();
        var model = new ExclusionForecast("model", new Dictionary<string, double> { ["a"] = 0.6, ["b"] = 0.1, ["c"] = 0.5 }, 0.3, null);

        var scores = ExclusionScoring.ScoreCase("hand", s, "death", Outcome(), [model, ExclusionScoring.NobodyExcludedForecast(s, "death"), ExclusionScoring.LosersExcludedForecast(s, "death", Outcome())]);

        // Scored: a, b, c (not the departed incumbent). Observed: a 1, b 0, c 0.
        // Model: (0.6 − 1)² + 0.1² + 0.5² = 0.16 + 0.01 + 0.25 = 0.42, mean 0.14.
        // Nobody excluded: 1 + 0 + 0 = 1, mean 1/3. Losers excluded (b won, so a is the loser): 0 + 0 + 0 = 0.
        // Displaced: the eventual leader a is not the winner b, so o = 1; model (0.3 − 1)² = 0.49, rivals (0 − 1)² = 1.
        Assert.True(scores.Displaced);
        Assert.Equal(["a", "b", "c"], scores.Scores[0].Actors.Select(x => x.Actor));
        Assert.Equal(0.42, scores.Scores[0].SquaredErrorSum, 1e-12);
        Assert.Equal(0.14, scores.Scores[0].Brier, 1e-12);
        Assert.Equal(1.0 / 3, scores.Scores[1].Brier, 1e-12);
        Assert.Equal(0, scores.Scores[2].Brier, 1e-12);
        Assert.Equal(0.49, scores.Scores[0].DisplacedBrier!.Value, 1e-12);
        Assert.Equal(1, scores.Scores[1].DisplacedBrier!.Value, 1e-12);
    }

    [Fact]
    public void ScoreCase_NoEventualLeader_DisplacementNotScored()
    {
        var s = TestScenarios.HandWorked();

        var scores = ExclusionScoring.ScoreCase("hand", s, "death", Outcome(null), [ExclusionScoring.NobodyExcludedForecast(s, "death")]);

        Assert.Null(scores.Displaced);
        Assert.Null(scores.Scores[0].DisplacedBrier);
    }

    [Fact]
    public void Summarise_TwoCases_PooledOverPairsAndBootstrapIntervalBracketsEveryResample()
    {
        // Case 1: 3 actors, model squared errors summing to 0.42, rival 1. Case 2: 1 actor, model 0.81, rival 0.
        // Pooled: model (0.42 + 0.81)/4 = 0.3075, rival 1/4 = 0.25; difference 0.0575; skill 1 − 0.3075/0.25 = −0.23.
        // A resample draws each of the two cases with replacement: the differences possible are
        // {1,1}: (0.84 − 2)/6 = −0.19333, {1,2}: 0.0575, {2,2}: (1.62 − 0)/2 = 0.81, so the interval lies in [−0.19333, 0.81].
        static ExclusionScore Score(string who, double sum, int n) =>
            new(who, Enumerable.Range(0, n).Select(i => ("x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0.0, false)).ToList(), sum, null);
        var cases = new[]
        {
            new ExclusionCaseScores("one", null, [Score("model", 0.42, 3), Score("rival", 1, 3)]),
            new ExclusionCaseScores("two", null, [Score("model", 0.81, 1), Score("rival", 0, 1)]),
        };

        var summary = ExclusionScoring.Summarise(cases, resamples: 500, seed: 3);

        Assert.Equal(0.3075, summary.Aggregates[0].Brier, 1e-12);
        Assert.Equal(4, summary.Aggregates[0].Actors);
        var c = Assert.Single(summary.Comparisons);
        Assert.Equal("rival", c.Rival);
        Assert.Equal(0.0575, c.Difference, 1e-12);
        Assert.Equal(-0.23, c.Skill, 1e-12);
        Assert.InRange(c.Low, -0.19334, c.Difference);
        Assert.InRange(c.High, c.Difference, 0.81);
    }

    [Fact]
    public void LeaveOneOutRates_ThreeCases_ExcludeTheCaseItself()
    {
        // Case 0: 2 scored, 1 excluded; case 1: 3 scored, 0 excluded, displaced; case 2: 1 scored, 1 excluded, not recorded.
        static CaseOutcome O(params string[] excluded) => Outcome(null) with { Excluded = excluded.Select(a => new ExcludedActor(a, "demoted", null)).ToList() };
        var cases = new (IReadOnlyList<string>, CaseOutcome, bool?)[]
        {
            (["a", "b"], O("a"), null),
            (["a", "b", "c"], O(), true),
            (["a"], O("a"), null),
        };

        // Without case 0: (0 + 1)/(3 + 1) = 0.25, displaced 1/1. Without case 1: 2/3, displaced none recorded.
        Assert.Equal((0.25, 1.0), ExclusionScoring.LeaveOneOutRates(cases, 0));
        Assert.Equal((2.0 / 3, (double?)null), ExclusionScoring.LeaveOneOutRates(cases, 1));
    }
}

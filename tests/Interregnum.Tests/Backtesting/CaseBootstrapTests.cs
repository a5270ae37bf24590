using Interregnum.Backtesting;
using Xunit;

namespace Interregnum.Tests.Backtesting;

public sealed class CaseBootstrapTests
{
    [Fact]
    public void Resample_SameSeed_SameIndicesAndEveryIndexInRange()
    {
        var a = CaseBootstrap.Resample(12, 7, 1);
        var b = CaseBootstrap.Resample(12, 7, 1);
        var c = CaseBootstrap.Resample(12, 7, 2);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, i => Assert.InRange(i, 0, 11));
    }

    [Fact]
    public void Resample_ManyResamples_EachCaseDrawnOneTimeInNOnAverage()
    {
        // 2,000 resamples of 10 cases: each index is drawn 2,000 times in expectation, with binomial sd
        // sqrt(20,000 × 0.1 × 0.9) ≈ 42; ±5 sd = ±212.
        var counts = new int[10];
        for (var b = 0; b < 2000; b++)
        {
            foreach (var i in CaseBootstrap.Resample(10, b, 3))
            {
                counts[i]++;
            }
        }

        Assert.All(counts, n => Assert.InRange(n, 2000 - 212, 2000 + 212));
    }

    [Fact]
    public void Percentile_ThreeCasesOneHit_MatchesTheExactBootstrapDistribution()
    {
        // Scores {0, 0, 1}: a resample's mean is j/3 with j ~ Binomial(3, 1/3): P(0) = 8/27 = 0.296,
        // P(1/3) = 12/27, P(2/3) = 6/27, P(1) = 1/27 = 0.037. The exact 5% quantile is 0 (0.296 > 0.05), and the
        // exact 95% quantile is 2/3 (P(mean ≤ 2/3) = 26/27 = 0.963 ≥ 0.95). The sampled frequency of a mean of 1
        // over 2,000 resamples is 0.037 ± 0.0042 (sd), so it stays below 0.05 with a margin of 3 sd.
        double[] scores = [0, 0, 1];

        var interval = CaseBootstrap.Percentile(3, idx => idx.Average(i => scores[i]), seed: 11, resamples: 2000, level: 0.90);

        Assert.Equal(0, interval.Lower!.Value, 12);
        Assert.Equal(2 / 3.0, interval.Upper!.Value, 12);
    }

    [Fact]
    public void Intervals_EveryCaseScoresTheSame_IntervalsCollapseToThePoint()
    {
        // Three identical cases: every resample has the same means, so each interval is the point itself.
        var one = new CaseScores("c", "t", "a", false,
        [
            new ForecasterScore(Forecasters.Model, 0.6, 0.32, 0.51, 1, 0.2, 0.04, [new DimensionScore("p", PolicyDirection.Up, PolicyDirection.Up, 3)], null),
            new ForecasterScore(Forecasters.EqualOdds, 0.5, 0.5, 0.69, 0.5, 0.5, 0.25, [new DimensionScore("p", PolicyDirection.None, PolicyDirection.Up, 6)], null),
        ], []);

        var result = CaseBootstrap.Intervals([one, one, one], seed: 1, resamples: 50);

        var model = result.Aggregates[0];
        Assert.Equal(Forecasters.Model, model.Forecaster);
        Assert.Equal(new ScoreInterval(0.32, 0.32), model.WinnerBrier);
        Assert.Equal(new ScoreInterval(1.0, 1.0), model.DirectionShareRight);
        var skill = result.Skill.Single();
        Assert.Equal(1 - (0.32 / 0.5), skill.WinnerBrier.Lower!.Value, 12);
        Assert.Equal(1 - (0.04 / 0.25), skill.ContestedBrier.Upper!.Value, 12);
        Assert.Equal(0.5, skill.Crps.Lower!.Value, 12);
    }

    [Fact]
    public void Intervals_RivalPerfectOnEveryResample_SkillBoundsAreUndefined()
    {
        // The rival scores 0 on every case and the model does not: 1 − m/0 is −∞ on every resample, so both bounds are null.
        var c = new CaseScores("c", "t", "a", false,
        [
            new ForecasterScore(Forecasters.Model, null, null, null, null, 0.3, 0.09, [], null),
            new ForecasterScore(Forecasters.FormalSuccessor, null, null, null, null, 0, 0, [], null),
        ], []);

        var result = CaseBootstrap.Intervals([c, c], seed: 1, resamples: 20);

        Assert.Equal(new ScoreInterval(null, null), result.Skill.Single().ContestedBrier);
    }

    [Fact]
    public void Intervals_SameSeed_Reproducible()
    {
        var cases = Enumerable.Range(0, 8).Select(i => new CaseScores($"c{i}", "t", "a", i % 3 == 0,
        [
            new ForecasterScore(Forecasters.Model, null, i / 10.0, null, null, null, null, [], null),
            new ForecasterScore(Forecasters.EqualOdds, null, 0.5, null, null, null, null, [], null),
        ], [])).ToList();

        var a = CaseBootstrap.Intervals(cases, seed: 4, resamples: 300);
        var b = CaseBootstrap.Intervals(cases, seed: 4, resamples: 300);

        Assert.Equal(a.Aggregates[0], b.Aggregates[0]);
        Assert.Equal(a.Skill[0], b.Skill[0]);
        Assert.True(a.Aggregates[0].WinnerBrier.Lower < 0.35 && a.Aggregates[0].WinnerBrier.Upper > 0.35, "the interval holds the mean 0.35");
    }
}

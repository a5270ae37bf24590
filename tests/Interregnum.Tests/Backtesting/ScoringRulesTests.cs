using FsCheck.Xunit;
using Interregnum.Backtesting;
using Xunit;

namespace Interregnum.Tests.Backtesting;

public sealed class ScoringRulesTests
{
    [Fact]
    public void MultiClassBrier_ThreeClasses_MatchesHandComputation()
    {
        // p = (0.5, 0.3, 0.2), observed class 1:
        //   (0.5 − 0)² + (0.3 − 1)² + (0.2 − 0)² = 0.25 + 0.49 + 0.04 = 0.78
        Assert.Equal(0.78, ScoringRules.MultiClassBrier([0.5, 0.3, 0.2], 1), 1e-12);

        // Certain and right: 0; certain and wrong: 1 + 1 = 2 (the maximum).
        Assert.Equal(0, ScoringRules.MultiClassBrier([1, 0, 0], 0), 1e-15);
        Assert.Equal(2, ScoringRules.MultiClassBrier([1, 0, 0], 2), 1e-15);

        // Equal odds over four, observed any: (3/4)² + 3·(1/4)² = 9/16 + 3/16 = 0.75 = 1 − 1/4.
        Assert.Equal(0.75, ScoringRules.MultiClassBrier([0.25, 0.25, 0.25, 0.25], 3), 1e-15);
    }

    [Fact]
    public void LogScore_AboveAndBelowFloor_MatchesHandComputation()
    {
        // −ln 0.3 = 1.2039728043259361 (ln 0.3 = −1.20397280432593...).
        Assert.Equal(1.2039728043259361, ScoringRules.LogScore([0.5, 0.3, 0.2], 1), 1e-12);

        // Probability 0 and 0.004 fall below the floor 0.01: −ln 0.01 = 2·ln 10 = 4.605170185988091.
        Assert.Equal(4.605170185988091, ScoringRules.LogScore([1, 0], 1), 1e-12);
        Assert.Equal(4.605170185988091, ScoringRules.LogScore([0.996, 0.004], 1), 1e-12);
        Assert.Equal(0.01, ScoringRules.LogFloor);
        Assert.Equal(0, ScoringRules.LogScore([0, 1], 1), 1e-15);
    }

    [Fact]
    public void BinaryBrier_MatchesHandComputation()
    {
        // (0.7 − 1)² = 0.09; (0.7 − 0)² = 0.49; (0.5 − o)² = 0.25 either way.
        Assert.Equal(0.09, ScoringRules.BinaryBrier(0.7, true), 1e-12);
        Assert.Equal(0.49, ScoringRules.BinaryBrier(0.7, false), 1e-12);
        Assert.Equal(0.25, ScoringRules.BinaryBrier(0.5, true), 1e-15);
    }

    [Fact]
    public void Crps_TwoMembers_MatchesIntegralForm()
    {
        // Sample {3, 1} (unsorted on purpose), y = 2. Empirical CDF F: 0 below 1, 1/2 on [1, 3), 1 from 3.
        //   ∫ (F(x) − 1{x ≥ 2})² dx = ∫_1^2 (1/2)² dx + ∫_2^3 (1/2 − 1)² dx = 0.25 + 0.25 = 0.5.
        // Energy form: E|X − y| = (1 + 1)/2 = 1; E|X − X'| = (0 + 2 + 2 + 0)/4 = 1; 1 − 1/2 = 0.5.
        Assert.Equal(0.5, ScoringRules.Crps([3, 1], 2), 1e-12);
    }

    [Fact]
    public void Crps_FourMembers_MatchesHandComputation()
    {
        // Sample {0, 0, 4, 10}, y = 5.
        //   E|X − y| = (5 + 5 + 1 + 5)/4 = 4.
        //   Pairwise |x_i − x_j| over all 16 ordered pairs: unordered pairs (0,0)=0, (0,4)=4 twice, (0,10)=10 twice,
        //   (4,10)=6, sum 0 + 8 + 20 + 6 = 34, doubled for order = 68; E|X − X'| = 68/16 = 4.25; half = 2.125.
        //   CRPS = 4 − 2.125 = 1.875.
        // Integral check: F = 1/2 on [0,4), 3/4 on [4,10), 1 from 10; H = 1{x ≥ 5}:
        //   ∫_0^4 1/4 + ∫_4^5 9/16 + ∫_5^10 1/16 = 1 + 0.5625 + 0.3125 = 1.875.
        Assert.Equal(1.875, ScoringRules.Crps([10, 0, 4, 0], 5), 1e-12);
    }

    [Fact]
    public void Crps_OneMember_IsAbsoluteError()
    {
        Assert.Equal(7, ScoringRules.Crps([-2], 5), 1e-12);
    }

    [Property]
    public bool Crps_NeverAboveMeanAbsoluteError_NorNegative(double[] raw, double yRaw)
    {
        var sample = raw.Where(double.IsFinite).Select(x => Math.Clamp(x, -1e6, 1e6)).ToArray();
        if (sample.Length == 0 || !double.IsFinite(yRaw))
        {
            return true;
        }

        var y = Math.Clamp(yRaw, -1e6, 1e6);
        var crps = ScoringRules.Crps(sample, y);
        var mae = sample.Average(x => Math.Abs(x - y));
        return crps >= -1e-6 && crps <= mae + 1e-6;
    }

    [Fact]
    public void Skill_MatchesDefinition()
    {
        // 1 − 0.2/0.5 = 0.6; 1 − 0.5/0.25 = −1.
        Assert.Equal(0.6, ScoringRules.Skill(0.2, 0.5), 1e-12);
        Assert.Equal(-1, ScoringRules.Skill(0.5, 0.25), 1e-12);
        Assert.True(double.IsNaN(ScoringRules.Skill(0.1, 0)));
    }

    [Fact]
    public void ReliabilityBins_FiveBins_MatchHandCounts()
    {
        // Forecasts: 0.05 (no), 0.15 (no), 0.1 (yes), 0.45 (yes), 0.55 (no), 0.95 (yes), 1.0 (yes); five bins of 0.2.
        // Bin [0, 0.2): 0.05, 0.15, 0.1 → count 3, hits 1, mean p = 0.3/3 = 0.1, frequency 1/3.
        // Bin [0.2, 0.4): empty. Bin [0.4, 0.6): 0.45, 0.55 → count 2, hits 1, mean 0.5, frequency 0.5.
        // Bin [0.6, 0.8): empty. Bin [0.8, 1]: 0.95, 1.0 → count 2, hits 2, mean 0.975, frequency 1.
        var bins = ScoringRules.ReliabilityBins(
            [(0.05, false), (0.15, false), (0.1, true), (0.45, true), (0.55, false), (0.95, true), (1.0, true)],
            5);

        Assert.Equal(5, bins.Count);
        Assert.Equal((3, 1), (bins[0].Count, bins[0].Hits));
        Assert.Equal(0.1, bins[0].MeanProbability, 1e-12);
        Assert.Equal(1.0 / 3.0, bins[0].ObservedFrequency, 1e-12);
        Assert.Equal(0, bins[1].Count);
        Assert.True(double.IsNaN(bins[1].ObservedFrequency));
        Assert.Equal((2, 1), (bins[2].Count, bins[2].Hits));
        Assert.Equal(0.5, bins[2].MeanProbability, 1e-12);
        Assert.Equal(0.5, bins[2].ObservedFrequency, 1e-12);
        Assert.Equal(0, bins[3].Count);
        Assert.Equal((2, 2), (bins[4].Count, bins[4].Hits));
        Assert.Equal(0.975, bins[4].MeanProbability, 1e-12);
        Assert.Equal(1, bins[4].ObservedFrequency, 1e-12);
        Assert.Equal(0.8, bins[4].From, 1e-15);
        Assert.Equal(1.0, bins[4].To, 1e-15);
    }

    [Fact]
    public void Scores_RejectBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringRules.MultiClassBrier([0.5, 0.5], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringRules.BinaryBrier(1.2, true));
        Assert.Throws<ArgumentException>(() => ScoringRules.Crps([], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringRules.ReliabilityBins([(-0.1, true)]));
    }
}

using Interregnum.Judgments;
using Interregnum.Model;
using Xunit;

namespace Interregnum.Tests.Judgments;

public sealed class ValueOfInformationTests
{
    /// <summary>
    /// A toy a reader can check by hand. N = 100 draws; input X has quantiles (i + 0.5) / 100, input Z has a
    /// permuted copy of them, balanced across X's halves. Two candidates: in draws with X below its
    /// median A prevails with 0.8, above it B does (A with 0.2). So p̄ = (0.5, 0.5).
    /// </summary>
    private static (double[][] P, UncertainInput[] Inputs, double[][] U) Toy()
    {
        const int n = 100;
        var x = new double[n];
        var z = new double[n];
        var p = new double[n][];
        for (var i = 0; i < n; i++)
        {
            x[i] = (i + 0.5) / n;
            // Z's rank is 2·(i mod 50) + (i ≥ 50): each of Z's 10 bins (ranks 10b … 10b + 9) holds five draws from
            // each half of X, so Z carries no information about the winner.
            z[i] = ((2 * (i % 50)) + (i / 50) + 0.5) / n;
            p[i] = x[i] < 0.5 ? [0.8, 0.2] : [0.2, 0.8];
        }

        UncertainInput[] inputs = [new("x", Uncertain.Uniform(10, 20)), new("z", Uncertain.Uniform(0, 1))];
        return (p, inputs, [x, z]);
    }

    [Fact]
    public void Compute_Toy_MatchesHandComputation()
    {
        var (p, inputs, u) = Toy();

        var voi = ValueOfInformation.Compute(["a", "b"], p, inputs, u);

        // Hand computation. H(0.5, 0.5) = ln 2 = 0.693147; H(0.8, 0.2) = −0.8 ln 0.8 − 0.2 ln 0.2 = 0.500402.
        // EVPI (log score) = H(p̄) − mean H(pᵢ) = 0.693147 − 0.500402 = 0.192745 nats.
        // Learning X tells which half the draw is in, so EVPPI(X) = EVPI; the 10 bins of X (⌊√100⌋) are pure.
        // Naming the leader: without information 0.5; with X, 0.8 in every bin: EVPPI = 0.3 = EVPI.
        Assert.Equal(10, voi.Bins);
        Assert.Equal(0.192745, voi.EvpiLogScore, 6);
        Assert.Equal(0.3, voi.EvpiNamedLeader, 12);
        var x = voi.Inputs.Single(v => v.Input == "x");
        Assert.Equal(0.192745, x.LogScore, 6);
        Assert.Equal(0.3, x.NamedLeader, 12);
        Assert.Equal("x", voi.Inputs[0].Input);
    }

    [Fact]
    public void Compute_ToyIrrelevantInput_HasNoValue()
    {
        var (p, inputs, u) = Toy();
        // Each bin of Z (10 draws) must hold 5 draws from each half of X for the hand value 0 to hold.
        var order = Enumerable.Range(0, 100).OrderBy(i => u[1][i]).ToArray();
        for (var b = 0; b < 10; b++)
        {
            Assert.Equal(5, order[(b * 10)..((b + 1) * 10)].Count(i => u[0][i] < 0.5));
        }

        var voi = ValueOfInformation.Compute(["a", "b"], p, inputs, u);

        var z = voi.Inputs.Single(v => v.Input == "z");
        Assert.Equal(0, z.LogScore, 12);
        Assert.Equal(0, z.NamedLeader, 12);
        Assert.Empty(z.Switches);
    }

    [Fact]
    public void Compute_Toy_LeaderSwitchesAtMedianOfX()
    {
        var (p, inputs, u) = Toy();
        // Make A the overall leader by a hair, so that "A leads below the median, B above" is a switch.
        p[0] = [0.81, 0.19];

        var voi = ValueOfInformation.Compute(["a", "b"], p, inputs, u);

        Assert.Equal("a", voi.Leader);
        var s = Assert.Single(voi.Inputs.Single(v => v.Input == "x").Switches);
        // Between draws 49 and 50: quantile (0.495 + 0.505) / 2 = 0.5; X ~ Uniform(10, 20) has value 15 there.
        Assert.True(s.Above);
        Assert.Equal("b", s.NewLeader);
        Assert.Equal(0.5, s.Quantile, 12);
        Assert.Equal(15, s.Value, 9);
    }

    [Fact]
    public void Compute_PartialValue_NeverExceedsTotal()
    {
        var (p, inputs, u) = Toy();

        var voi = ValueOfInformation.Compute(["a", "b"], p, inputs, u);

        Assert.All(voi.Inputs, v => Assert.True(v.LogScore <= voi.EvpiLogScore + 1e-12));
    }

    [Fact]
    public void Compute_Toy_NoiseFloorWellBelowTheInformativeInput()
    {
        var (p, inputs, u) = Toy();

        var voi = ValueOfInformation.Compute(["a", "b"], p, inputs, u);

        // A random split of the 100 draws into 10 bins of 10: each bin's share of "X below the median" draws is
        // hypergeometric, so the floor is small but not zero; it must stay far below the informative input's 0.1927.
        Assert.InRange(voi.NoiseFloorLogScore, 0, 0.1);
    }

    [Fact]
    public void Compute_CloseCandidatesFlippingBetweenBins_ReportsNoSwitch()
    {
        // Given two candidates at 0.5 ± 0.01, alternating decile by decile along X (pure noise between close candidates)
        var (_, inputs, u) = Toy();
        var p = new double[100][];
        for (var i = 0; i < 100; i++)
        {
            p[i] = (i / 10) % 2 == 0 ? [0.51, 0.49] : [0.49, 0.51];
        }

        p[0] = [0.52, 0.48];

        var voi = ValueOfInformation.Compute(["a", "b"], p, inputs, u);

        // Then no value of X changes the lead for good, so none is reported
        Assert.Empty(voi.Inputs.Single(v => v.Input == "x").Switches);
    }
}

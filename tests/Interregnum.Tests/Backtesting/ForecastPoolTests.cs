using Interregnum.Backtesting;
using Xunit;

namespace Interregnum.Tests.Backtesting;

public sealed class ForecastPoolTests
{
    private static PoolCase Case(string id, double[] model, double[] formal, double[] coercion, int winner, double? modelContested = null, double? prior = null, bool contested = false) =>
        new(id, model, formal, coercion, winner, modelContested, prior, contested);

    [Fact]
    public void Contested_HandComputed_PriorMovedByTheCentredSignal()
    {
        // logit 0.2 = ln 0.25; β = 0.5, model 0.8 (logit ln 4), centre 0: ln 0.25 + 0.5 ln 4 = ln 0.5 → p = 0.5/1.5 = 1/3.
        Assert.Equal(1 / 3.0, ForecastPool.Contested(0.2, 0.8, 0.5, 0), 12);

        // The model at its usual level (its log-odds equal to the centre) leaves the prior as it is, whatever β.
        Assert.Equal(0.1, ForecastPool.Contested(0.1, 0.3, 2.0, Math.Log(0.3 / 0.7)), 12);

        // β = 0 is the outside view alone.
        Assert.Equal(0.07, ForecastPool.Contested(0.07, 0.9, 0, 0), 12);
    }

    [Fact]
    public void Winner_HandComputed_LinearPool()
    {
        // 0.5·(0.6, 0.4) + 0.2·(1, 0) + 0.2·(0, 1) + 0.1·(½, ½) = (0.30 + 0.20 + 0 + 0.05, 0.20 + 0 + 0.20 + 0.05) = (0.55, 0.45).
        var p = ForecastPool.Winner(new WinnerPoolWeights(0.5, 0.2, 0.2, 0.1), [0.6, 0.4], [1, 0], [0, 1]);

        Assert.Equal(0.55, p[0], 12);
        Assert.Equal(0.45, p[1], 12);
    }

    [Fact]
    public void Fit_ModelAloneGivesTheWinnerMost_AllWeightGoesToTheModel()
    {
        // The model gives each winner 0.8, the rules and coercion pick the loser, equal odds gives ½: the
        // likelihood Π (0.8 w_m + 0.5 w_e) is largest at w_m = 1 (0.8 > 0.5), so EM drives w_m to 1.
        var cases = Enumerable.Range(0, 5).Select(i => Case($"c{i}", [0.8, 0.2], [0, 1], [0, 1], 0)).ToList();

        var fit = ForecastPool.Fit(cases);

        Assert.Equal(1, fit.Blended.Model, 3);
        Assert.Equal(0, fit.Blended.FormalSuccessor, 12);
        Assert.Equal(0, fit.Blended.MostCoercion, 12);
    }

    [Fact]
    public void Fit_MixedRecord_WeightsSatisfyTheMaximumLikelihoodConditions()
    {
        // The conditions for a maximum of L(w) = Σ_i ln Σ_k w_k q_ik on the simplex (Karush–Kuhn–Tucker): the
        // gradient g_k = Σ_i q_ik / Σ_j w_j q_ij equals N for every component with weight > 0 and is at most N for a
        // weight of 0. Checked on a record where no component is best everywhere.
        List<PoolCase> cases =
        [
            Case("a", [0.7, 0.2, 0.1], [1, 0, 0], [0, 1, 0], 0),
            Case("b", [0.5, 0.4, 0.1], [1, 0, 0], [0, 1, 0], 1),
            Case("c", [0.3, 0.3, 0.4], [0, 1, 0], [0, 0, 1], 2),
            Case("d", [0.6, 0.3, 0.1], [1, 0, 0], [1, 0, 0], 0),
            Case("e", [0.2, 0.5, 0.3], [1, 0, 0], [0, 0, 1], 1),
        ];

        var w = ForecastPool.Fit(cases).Blended;

        double[] weights = [w.Model, w.FormalSuccessor, w.MostCoercion, w.EqualOdds];
        Assert.Equal(1, weights.Sum(), 9);
        for (var k = 0; k < 4; k++)
        {
            var g = cases.Sum(c =>
            {
                double[] q = [c.Model[c.Winner], c.FormalSuccessor[c.Winner], c.MostCoercion[c.Winner], 1.0 / 3];
                return q[k] / q.Select((x, j) => x * weights[j]).Sum();
            });
            if (weights[k] > 1e-4)
            {
                Assert.Equal(cases.Count, g, 2);
            }
            else
            {
                Assert.True(g <= cases.Count + 0.01, $"component {k} at weight 0 has gradient {g} > {cases.Count}");
            }
        }
    }

    [Fact]
    public void Fit_ModelSignalSeparatesContestedCases_SignalWeightPositive()
    {
        // Contested cases are the ones the model rates higher: the likelihood grows with β at β = 0.
        List<PoolCase> cases =
        [
            Case("a", [1, 0], [1, 0], [1, 0], 0, 0.6, 0.1, contested: true),
            Case("b", [1, 0], [1, 0], [1, 0], 0, 0.1, 0.1),
            Case("c", [1, 0], [1, 0], [1, 0], 0, 0.2, 0.1),
            Case("d", [1, 0], [1, 0], [1, 0], 0, 0.1, 0.1),
        ];

        var fit = ForecastPool.Fit(cases);

        Assert.True(fit.ContestedSignal > 0.5, $"β = {fit.ContestedSignal}");
        Assert.Equal(4, fit.ContestedCases);
    }

    [Fact]
    public void Fit_ModelSignalUninformative_SignalWeightZero()
    {
        // The model says the same on every case: its centred signal is 0 everywhere, the likelihood is flat in β,
        // and the tie keeps β = 0 (the outside view).
        var cases = Enumerable.Range(0, 6).Select(i => Case($"c{i}", [1, 0], [1, 0], [1, 0], 0, 0.3, 0.2, contested: i == 0)).ToList();

        Assert.Equal(0, ForecastPool.Fit(cases).ContestedSignal);
    }

    [Fact]
    public void LeaveOneOut_ChangingACaseOutcome_DoesNotChangeItsOwnParameters()
    {
        List<PoolCase> cases =
        [
            Case("a", [0.7, 0.3], [1, 0], [0, 1], 0, 0.4, 0.1, contested: true),
            Case("b", [0.4, 0.6], [1, 0], [0, 1], 1, 0.2, 0.1),
            Case("c", [0.5, 0.5], [1, 0], [1, 0], 0, 0.3, 0.2),
        ];
        var flipped = cases.ToList();
        flipped[0] = cases[0] with { Winner = 1, Contested = false };

        var before = ForecastPool.LeaveOneOut(cases);
        var after = ForecastPool.LeaveOneOut(flipped);

        Assert.Equal(before[0], after[0]);
        Assert.NotEqual(before[1], after[1]);
        Assert.Equal(ForecastPool.Fit(cases.Skip(1).ToList()), before[0]);
    }
}

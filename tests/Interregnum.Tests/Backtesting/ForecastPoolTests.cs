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

        var fit = ForecastPool.FitWinner(cases, WinnerPoolForm.LikelihoodAllComponents);

        Assert.Equal(1, fit.Model, 3);
        Assert.Equal(0, fit.FormalSuccessor, 12);
        Assert.Equal(0, fit.MostCoercion, 12);
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

        var w = ForecastPool.FitWinner(cases, WinnerPoolForm.LikelihoodAllComponents);

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

        var (signal, _) = ForecastPool.FitContested(cases, ContestedForm.MaximumLikelihood);

        Assert.True(signal > 0.5, $"β = {signal}");
        Assert.Equal(4, ForecastPool.Fit(cases).ContestedCases);
    }

    [Fact]
    public void Fit_ModelSignalUninformative_SignalWeightZero()
    {
        // The model says the same on every case: its centred signal is 0 everywhere, the likelihood is flat in β,
        // and the tie keeps β = 0 (the outside view).
        var cases = Enumerable.Range(0, 6).Select(i => Case($"c{i}", [1, 0], [1, 0], [1, 0], 0, 0.3, 0.2, contested: i == 0)).ToList();

        Assert.Equal(0, ForecastPool.FitContested(cases, ContestedForm.MaximumLikelihood).Signal);
        Assert.Equal(0, ForecastPool.FitContested(cases, ContestedForm.CauchyPrior).Signal);

        // Every form then forecasts the prior on every case, the leave-one-case-out scores tie, and the tie keeps the
        // first form, the outside view.
        Assert.Equal(ContestedForm.OutsideView, ForecastPool.Fit(cases).ContestedForm);
    }

    // Two cases, two candidates; the formal successor and coercion are left out of the two-component forms.
    // A: model (0.9, 0.1), the first wins; B: model (0.7, 0.3), the second wins.
    private static List<PoolCase> TwoCases() =>
    [
        Case("a", [0.9, 0.1], [1, 0], [1, 0], 0),
        Case("b", [0.7, 0.3], [1, 0], [1, 0], 1),
    ];

    [Fact]
    public void FitWinner_BrierModelAndEqualOdds_HandComputed()
    {
        // p = w·model + (1 − w)·(½, ½) = (½, ½) + w·d with d = model − (½, ½): d_A = (0.4, −0.4), d_B = (0.2, −0.2);
        // (½, ½) − outcome: e_A = (−½, ½), e_B = (½, −½). Σ_i |w d_i + e_i|² is least at
        // w = −Σ d_i·e_i / Σ |d_i|² = −(−0.4 + 0.2) / (0.32 + 0.08) = 0.5.
        var w = ForecastPool.FitWinner(TwoCases(), WinnerPoolForm.BrierModelAndEqualOdds);

        Assert.Equal(0.5, w.Model, 9);
        Assert.Equal(0.5, w.EqualOdds, 9);
        Assert.Equal(0, w.FormalSuccessor);
        Assert.Equal(0, w.MostCoercion);
    }

    [Fact]
    public void FitWinner_LikelihoodModelAndEqualOdds_HandComputed()
    {
        // The winner's probability is 0.5 + 0.4w in A and 0.5 − 0.2w in B; the log-likelihood's derivative
        // 0.4/(0.5 + 0.4w) − 0.2/(0.5 − 0.2w) is 0 at 0.2 − 0.08w = 0.1 + 0.08w, w = 0.625 (EM converges to it to 1e-10
        // per step, so to about 1e-6).
        var w = ForecastPool.FitWinner(TwoCases(), WinnerPoolForm.LikelihoodModelAndEqualOdds);

        Assert.Equal(0.625, w.Model, 5);
        Assert.Equal(0.375, w.EqualOdds, 5);
        Assert.Equal(0, w.FormalSuccessor);
        Assert.Equal(0, w.MostCoercion);
    }

    [Fact]
    public void FitWinner_BrierAllComponents_NoPointOfAFineGridScoresLess()
    {
        // An independent check of the exact minimiser: the summed Brier score of its weights is no more than that of any
        // point of the simplex on a grid of 0.02 (and within the grid's resolution of the best of them).
        List<PoolCase> cases =
        [
            Case("a", [0.7, 0.2, 0.1], [1, 0, 0], [0, 1, 0], 0),
            Case("b", [0.5, 0.4, 0.1], [1, 0, 0], [0, 1, 0], 1),
            Case("c", [0.3, 0.3, 0.4], [0, 1, 0], [0, 0, 1], 2),
            Case("d", [0.6, 0.3, 0.1], [1, 0, 0], [1, 0, 0], 0),
            Case("e", [0.2, 0.5, 0.3], [1, 0, 0], [0, 0, 1], 1),
        ];
        double Score(WinnerPoolWeights w) => cases.Sum(c => ForecastPool.Winner(w, c.Model, c.FormalSuccessor, c.MostCoercion).Select((p, k) => (p - (k == c.Winner ? 1 : 0)) * (p - (k == c.Winner ? 1 : 0))).Sum());

        var fit = ForecastPool.FitWinner(cases, WinnerPoolForm.BrierAllComponents);

        Assert.Equal(1, fit.Model + fit.FormalSuccessor + fit.MostCoercion + fit.EqualOdds, 9);
        Assert.True(new[] { fit.Model, fit.FormalSuccessor, fit.MostCoercion, fit.EqualOdds }.All(x => x >= 0));
        var best = double.PositiveInfinity;
        for (var a = 0; a <= 50; a++)
        {
            for (var b = 0; a + b <= 50; b++)
            {
                for (var c = 0; a + b + c <= 50; c++)
                {
                    best = Math.Min(best, Score(new WinnerPoolWeights(a / 50.0, b / 50.0, c / 50.0, (50 - a - b - c) / 50.0)));
                }
            }
        }

        Assert.True(Score(fit) <= best + 1e-12, $"exact {Score(fit)} > grid {best}");
        Assert.True(best - Score(fit) < 0.01, $"grid {best} far above exact {Score(fit)}");
    }

    [Fact]
    public void FitContested_CauchyPrior_HandComputed()
    {
        // Two cases, both priors ½, model log-odds +1 (contested) and −1 (not): c = 0, sd = √2, so the prior's scale on
        // this input is s = 2.5 · ½ / √2 (s² = 0.78125). The log-likelihood 2 ln σ(β) grows without bound, so maximum
        // likelihood takes the top of the grid, 3. The penalised objective 2 ln σ(β) − ln(1 + β²/s²) has derivative
        // 2(1 − σ(β)) − 2β/(s² + β²), which is 1 at β = 0 and 0 at β = 0.3756 (bisection), so the grid of 0.01 gives 0.38.
        var up = 1 / (1 + Math.Exp(-1));
        List<PoolCase> cases =
        [
            Case("a", [1, 0], [1, 0], [1, 0], 0, up, 0.5, contested: true),
            Case("b", [1, 0], [1, 0], [1, 0], 0, 1 - up, 0.5),
        ];

        Assert.Equal(3, ForecastPool.FitContested(cases, ContestedForm.MaximumLikelihood).Signal, 12);
        var (signal, centre) = ForecastPool.FitContested(cases, ContestedForm.CauchyPrior);
        Assert.Equal(0.38, signal, 12);
        Assert.Equal(0, centre, 12);
        Assert.Equal(0, ForecastPool.FitContested(cases, ContestedForm.OutsideView).Signal);
    }

    [Fact]
    public void FormScores_OutsideView_IsThePriorsBrierScore()
    {
        // β = 0 whatever the other cases say, so each case's leave-one-case-out forecast is its prior:
        // ((0.2 − 1)² + 0.1² + 0.3²) / 3 = (0.64 + 0.01 + 0.09) / 3.
        List<PoolCase> cases =
        [
            Case("a", [1, 0], [1, 0], [1, 0], 0, 0.6, 0.2, contested: true),
            Case("b", [1, 0], [1, 0], [1, 0], 0, 0.1, 0.1),
            Case("c", [1, 0], [1, 0], [1, 0], 0, 0.4, 0.3),
        ];

        var scores = ForecastPool.FormScores(cases);

        Assert.Equal(0.74 / 3, scores.Contested[(int)ContestedForm.OutsideView], 12);
        Assert.Equal(Enum.GetValues<WinnerPoolForm>().Length, scores.Winner.Count);
    }

    [Fact]
    public void Fit_ChoosesTheFormWithTheLeastLeaveOneOutScore_AndFitsItOnEveryCase()
    {
        List<PoolCase> cases =
        [
            Case("a", [0.7, 0.2, 0.1], [1, 0, 0], [0, 1, 0], 0, 0.6, 0.2, contested: true),
            Case("b", [0.5, 0.4, 0.1], [1, 0, 0], [0, 1, 0], 1, 0.1, 0.1),
            Case("c", [0.3, 0.3, 0.4], [0, 1, 0], [0, 0, 1], 2, 0.4, 0.3),
            Case("d", [0.6, 0.3, 0.1], [1, 0, 0], [1, 0, 0], 0, 0.2, 0.2),
            Case("e", [0.2, 0.5, 0.3], [1, 0, 0], [0, 0, 1], 1, 0.3, 0.1, contested: true),
        ];

        var scores = ForecastPool.FormScores(cases);
        var fit = ForecastPool.Fit(cases);

        Assert.Equal(scores.Winner.Min(), scores.Winner[(int)fit.WinnerForm]);
        Assert.Equal(scores.Contested.Min(), scores.Contested[(int)fit.ContestedForm]);
        Assert.Equal(ForecastPool.FitWinner(cases, fit.WinnerForm), fit.Blended);
        Assert.Equal(ForecastPool.FitContested(cases, fit.ContestedForm), (fit.ContestedSignal, fit.ContestedCentre));
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

using Interregnum.Backtesting;
using Xunit;

namespace Interregnum.Tests.Backtesting;

public sealed class ExclusionPoolTests
{
    private static ExclusionPoolCase Case(string id, (double Model, bool Excluded)[] actors, double? modelDisplaced = null, bool? displaced = null) =>
        new(id, actors.Select((a, k) => new ExclusionPoolActor(id + k.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Model, a.Excluded)).ToList(), modelDisplaced, displaced);

    [Fact]
    public void Fit_FourActors_WeightIsTheMaximumOfTheLikelihoodComputedByHand()
    {
        // Given four actors: model 1 and excluded; model 0 and excluded; model 0 and not excluded (twice).
        // The share excluded r = 2/4 = 1/2. With p = w·m + (1 − w)/2:
        //   A: p = (1 + w)/2, excluded;  B: p = (1 − w)/2, excluded;  C, D: 1 − p = (1 + w)/2 each.
        // log L = 3·ln(1 + w) + ln(1 − w) + const; d/dw = 3/(1 + w) − 1/(1 − w) = 0 at w = 1/2 (on the grid; no clamp binds).
        var cases = new[] { Case("x", [(1, true), (0, true)]), Case("y", [(0, false), (0, false)]) };

        // When
        var fit = ExclusionPool.Fit(cases);

        // Then
        Assert.Equal(0.5, fit.Rate, 12);
        Assert.Equal(0.5, fit.ModelWeight, 12);
        Assert.Equal(2, fit.Cases);
        Assert.Equal(4, fit.Actors);
        Assert.Null(fit.DisplacedRate);
        Assert.Equal(0, fit.DisplacedCases);
    }

    [Fact]
    public void Fit_ModelNoBetterThanTheRate_KeepsTheOutsideView()
    {
        // The model says the base rate itself (1/3) for everyone: every weight gives the same likelihood, and ties keep w = 0.
        var cases = new[] { Case("x", [(1 / 3.0, true), (1 / 3.0, false), (1 / 3.0, false)]) };

        var fit = ExclusionPool.Fit(cases);

        Assert.Equal(0, fit.ModelWeight);
        Assert.Equal(1 / 3.0, fit.Rate, 12);
    }

    [Fact]
    public void Fit_ModelThatAlwaysSaysTheOpposite_GetsNoWeight()
    {
        // Model 1 for the one kept, 0 for the one excluded: any weight on it lowers the likelihood, so w = 0.
        var fit = ExclusionPool.Fit([Case("x", [(1, false), (0, true)])]);

        Assert.Equal(0, fit.ModelWeight);
        Assert.Equal(0.5, fit.Rate, 12);
    }

    [Fact]
    public void Fit_Displacement_RateAndWeightFromTheCasesThatRecordIt()
    {
        // Displacement recorded in two cases (model 0.9 and displaced; model 0.1 and kept), not in the third.
        // r_d = 1/2. log L = 2·ln(0.5 + 0.4·w): increasing, so the grid's top, w_d = 1.
        var cases = new[]
        {
            Case("x", [(0.5, true)], 0.9, true),
            Case("y", [(0.5, false)], 0.1, false),
            Case("z", [(0.5, false)], 0.7, null),
        };

        var fit = ExclusionPool.Fit(cases);

        Assert.Equal(0.5, fit.DisplacedRate!.Value, 12);
        Assert.Equal(1, fit.DisplacedWeight, 12);
        Assert.Equal(2, fit.DisplacedCases);
    }

    [Fact]
    public void Fit_NoCases_TheModelAlone()
    {
        var fit = ExclusionPool.Fit([]);

        Assert.Equal(1, fit.ModelWeight);
        Assert.Equal(0.3, ExclusionPool.Excluded(fit, 0.3), 12);
        Assert.Equal(0.7, ExclusionPool.Displaced(fit, 0.7), 12);
    }

    [Fact]
    public void Excluded_AndDisplaced_AreTheLinearPool()
    {
        // 0.2·0.9 + 0.8·0.3 = 0.18 + 0.24 = 0.42; 0.6·0.5 + 0.4·0.25 = 0.3 + 0.1 = 0.4.
        var p = new ExclusionPoolParameters(0.2, 0.3, 0.6, 0.25, 10, 50, 9);

        Assert.Equal(0.42, ExclusionPool.Excluded(p, 0.9), 12);
        Assert.Equal(0.4, ExclusionPool.Displaced(p, 0.5), 12);
    }

    [Fact]
    public void LeaveOneOut_EachFitLeavesItsOwnCaseOut()
    {
        // Given three cases whose shares excluded differ: 1/2, 0/3, 1/1
        var cases = new[]
        {
            Case("a", [(0.5, true), (0.5, false)]),
            Case("b", [(0.2, false), (0.2, false), (0.2, false)]),
            Case("c", [(0.9, true)]),
        };

        // When
        var loo = ExclusionPool.LeaveOneOut(cases);

        // Then the rate of fold i is the share over the other cases: (0 + 1)/(3 + 1), (1 + 1)/(2 + 1), (1 + 0)/(2 + 3)
        Assert.Equal(0.25, loo[0].Rate, 12);
        Assert.Equal(2 / 3.0, loo[1].Rate, 12);
        Assert.Equal(0.2, loo[2].Rate, 12);
        Assert.All(loo, f => Assert.Equal(2, f.Cases));
        Assert.Equal(ExclusionPool.Fit([cases[0], cases[2]]), loo[1]);
    }
}

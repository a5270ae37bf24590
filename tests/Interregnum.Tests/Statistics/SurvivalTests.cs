using Interregnum.Statistics;
using Xunit;

namespace Interregnum.Tests.Statistics;

/// <summary>
/// Kaplan–Meier and Cox against the acute myelogenous leukaemia data (R survival::aml, Embury et al. 1977),
/// a standard textbook example whose estimates are printed in R's documentation and in Miller (1981).
/// </summary>
public sealed class SurvivalTests
{
    // Maintained group: weeks to relapse; + = censored (9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+).
    private static readonly double[] MaintainedTimes = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161];
    private static readonly bool[] MaintainedEvents = [true, true, false, true, true, false, true, true, false, true, false];

    // Nonmaintained group: 5, 5, 8, 8, 12, 16+, 23, 27, 30, 33, 43, 45.
    private static readonly double[] NonmaintainedTimes = [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45];
    private static readonly bool[] NonmaintainedEvents = [true, true, true, true, true, false, true, true, true, true, true, true];

    [Fact]
    public void KaplanMeier_AmlMaintained_MatchesHandWorkedProductLimit()
    {
        // Hand-worked product limit (n at risk, d events):
        //   t=9:  n=11 d=1  S = 10/11                    = 0.909091
        //   t=13: n=10 d=1  S = 0.909091 × 9/10          = 0.818182 (one censored at 13 leaves after)
        //   t=18: n=8  d=1  S = 0.818182 × 7/8           = 0.715909
        //   t=23: n=7  d=1  S = 0.715909 × 6/7           = 0.613636
        //   t=31: n=5  d=1  S = 0.613636 × 4/5           = 0.490909 (28+ censored before)
        //   t=34: n=4  d=1  S = 0.490909 × 3/4           = 0.368182
        //   t=48: n=2  d=1  S = 0.368182 × 1/2           = 0.184091 (45+ censored before)
        // Greenwood SE at t=9: 0.909091·sqrt(1/(11·10)) = 0.086678; at t=13: 0.818182·sqrt(1/110 + 1/90) = 0.116291.
        // Log-log 95% band at t=9 (R survfit conf.type="log-log"): 0.508080 .. 0.986699.
        var curve = KaplanMeier.Fit(MaintainedTimes, MaintainedEvents, 0.95);

        Assert.Equal(10.0 / 11, curve.SurvivalAt(9), 1e-12);
        Assert.Equal(10.0 / 11 * 9 / 10, curve.SurvivalAt(13), 1e-12);
        Assert.Equal(0.715909, curve.SurvivalAt(18), 1e-6);
        Assert.Equal(0.613636, curve.SurvivalAt(23), 1e-6);
        Assert.Equal(0.490909, curve.SurvivalAt(31), 1e-6);
        Assert.Equal(0.368182, curve.SurvivalAt(34), 1e-6);
        Assert.Equal(0.184091, curve.SurvivalAt(48), 1e-6);
        Assert.Equal(0.184091, curve.SurvivalAt(200), 1e-6);
        Assert.Equal(31.0, curve.Median);

        var at9 = curve.Steps.Single(s => s.Time == 9);
        Assert.Equal(11, at9.AtRisk);
        Assert.Equal(0.086678, at9.StandardError, 1e-6);
        var at13 = curve.Steps.Single(s => s.Time == 13);
        Assert.Equal(1, at13.Censored);
        Assert.Equal(0.116291, at13.StandardError, 1e-6);

        // Log-log band by hand at t=9: σ = sqrt(1/110)/|ln(10/11)| = 0.0953463/0.0953102 = 1.000379;
        // lower = S^exp(1.959964·σ) = 0.909091^7.10269 = 0.508080 ... upper = 0.909091^exp(−1.960708) = 0.986699.
        var sigma = Math.Sqrt(1.0 / 110) / Math.Abs(Math.Log(10.0 / 11));
        Assert.Equal(Math.Pow(10.0 / 11, Math.Exp(1.959963984540054 * sigma)), at9.Lower, 1e-9);
        Assert.Equal(Math.Pow(10.0 / 11, Math.Exp(-1.959963984540054 * sigma)), at9.Upper, 1e-9);
        Assert.Equal(0.50808, at9.Lower, 1e-5);
    }

    [Fact]
    public void KaplanMeier_NelsonAalen_IsSumOfEventsOverAtRisk()
    {
        // Nonmaintained: H(8) = 2/12 + 2/10 = 0.366667.
        var curve = KaplanMeier.Fit(NonmaintainedTimes, NonmaintainedEvents);
        Assert.Equal((2.0 / 12) + (2.0 / 10), curve.Steps.Single(s => s.Time == 8).CumulativeHazard, 1e-12);
        Assert.Equal(11, curve.Events);
    }

    [Fact]
    public void Cox_AmlNonmaintained_MatchesRCoxph()
    {
        // R: coxph(Surv(time, status) ~ x, data = aml) (Efron ties) prints
        //   xNonmaintained coef 0.9155, exp(coef) 2.4981, se(coef) 0.5119, z 1.788, p 0.0737; LR test 3.38.
        // Tolerance 5e-4 (four printed decimals).
        var times = MaintainedTimes.Concat(NonmaintainedTimes).ToArray();
        var events = MaintainedEvents.Concat(NonmaintainedEvents).ToArray();
        var x = new double[times.Length, 1];
        for (var i = MaintainedTimes.Length; i < times.Length; i++)
        {
            x[i, 0] = 1.0;
        }

        var fit = CoxRegression.Fit(times, events, x, ["nonmaintained"]);

        var c = fit.Coefficients[0];
        Assert.Equal(0.9155, c.Estimate, 5e-4);
        Assert.Equal(2.4981, c.HazardRatio, 5e-4);
        Assert.Equal(0.5119, c.StandardError, 5e-4);
        Assert.Equal(1.788, c.Z, 5e-3);
        Assert.Equal(0.0737, c.P, 5e-4);
        Assert.Equal(3.38, fit.LikelihoodRatio, 5e-3);
    }

    [Fact]
    public void Cox_FourSubjectsNoTies_SolvesHandWrittenScoreEquation()
    {
        // Times 1..4, all events, x = 1, 0, 1, 0. Risk sets {1,2,3,4}, {2,3,4}, {3,4}, {4}; the partial likelihood is
        //   L(b) = e^b/(2e^b + 2) · 1/(e^b + 2) · e^b/(e^b + 1) · 1
        // and its score U(b) = [1 − 2e^b/(2e^b+2)] − e^b/(e^b+2) + [1 − e^b/(e^b+1)]; the MLE solves U(b) = 0.
        // The information is I(b) = [2e^b/(2e^b+2)]·[1 − e^b/(e^b+1)] + 2e^b/(e^b+2)² + e^b/(e^b+1)².
        static double Score(double b)
        {
            var e = Math.Exp(b);
            return (1 - (2 * e / ((2 * e) + 2))) - (e / (e + 2)) + (1 - (e / (e + 1)));
        }

        double lo = -10, hi = 10;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (Score(mid) > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var b = (lo + hi) / 2;
        var eb = Math.Exp(b);
        var information = (eb / (eb + 1) * (1 - (eb / (eb + 1)))) + (2 * eb / ((eb + 2) * (eb + 2))) + (eb / ((eb + 1) * (eb + 1)));

        var fit = CoxRegression.Fit([1, 2, 3, 4], [true, true, true, true], new double[,] { { 1 }, { 0 }, { 1 }, { 0 } }, ["x"]);

        Assert.Equal(b, fit.Coefficients[0].Estimate, 1e-7);
        Assert.Equal(1 / Math.Sqrt(information), fit.Coefficients[0].StandardError, 1e-6);
    }
}

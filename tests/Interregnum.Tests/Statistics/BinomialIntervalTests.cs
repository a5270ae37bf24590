using FsCheck.Xunit;
using Interregnum.Statistics;
using Xunit;

namespace Interregnum.Tests.Statistics;

public sealed class BinomialIntervalTests
{
    // z for 90%: Φ⁻¹(0.95) = 1.6448536269514715 (Python statistics.NormalDist().inv_cdf(0.95)).
    private const double Z90 = 1.6448536269514715;

    [Fact]
    public void Wilson_ThreeOfTen_MatchesHandComputation()
    {
        // Hand computation, k = 3, n = 10, z = 1.64485:
        //   p̂ = 0.3, z² = 2.705543, denominator = 1 + z²/n = 1.2705543
        //   centre = p̂ + z²/(2n) = 0.4352772
        //   half = z·sqrt(p̂(1−p̂)/n + z²/(4n²)) = 1.6448536·sqrt(0.021 + 0.0067639) = 0.2740767
        //   lower = (0.4352772 − 0.2740767)/1.2705543 = 0.1268766; upper = 0.5583002
        var p = 0.3;
        var z2 = Z90 * Z90;
        var expectedLower = (p + (z2 / 20) - (Z90 * Math.Sqrt((p * (1 - p) / 10) + (z2 / 400)))) / (1 + (z2 / 10));
        Assert.Equal(0.1268766, expectedLower, 1e-7);

        var interval = BinomialInterval.Wilson(3, 10, 0.90);

        Assert.Equal(0.3, interval.Estimate, 1e-15);
        Assert.Equal(0.1268766, interval.Lower, 1e-7);
        Assert.Equal(0.5583002, interval.Upper, 1e-7);
        Assert.Equal("wilson", interval.Method);
    }

    [Fact]
    public void Wilson_JonesOlkenSuccesses_MatchesHandComputation()
    {
        // k = 59 successful of n = 251 serious attempts: p̂ = 0.2350598; by the formula above (Python, same z):
        // lower 0.1940050, upper 0.2817652.
        var interval = BinomialInterval.Wilson(59, 251, 0.90);
        Assert.Equal(0.1940050, interval.Lower, 1e-7);
        Assert.Equal(0.2817652, interval.Upper, 1e-7);
    }

    [Fact]
    public void Wilson_ZeroOfTwenty_LowerIsZeroUpperIsZSquaredOverNPlusZSquared()
    {
        // With k = 0 the Wilson upper bound reduces to z²/(n + z²) = 2.705543/22.705543 = 0.1191578.
        var interval = BinomialInterval.Wilson(0, 20, 0.90);
        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(Z90 * Z90 / (20 + (Z90 * Z90)), interval.Upper, 1e-12);
        Assert.Equal(0.1191578, interval.Upper, 1e-7);
    }

    [Fact]
    public void Jeffreys_ThreeOfTen_MatchesNumericalBetaQuantiles()
    {
        // Beta(3.5, 7.5) quantiles 0.05 and 0.95, computed independently by bisection on Simpson's-rule integrals
        // of the Beta density x^2.5 (1−x)^6.5 / B(3.5, 7.5) (Python, 20,000 panels; the lower tail from 0 to x, the
        // upper tail from x to 1, where the integrands are smooth): 0.1173294 and 0.5581268. Tolerance 1e-6.
        var interval = BinomialInterval.Jeffreys(3, 10, 0.90);
        Assert.Equal(0.1173294, interval.Lower, 1e-6);
        Assert.Equal(0.5581268, interval.Upper, 1e-6);
        Assert.Equal("jeffreys", interval.Method);
    }

    [Fact]
    public void Jeffreys_OneOfOne_LowerSolvesClosedFormBetaCdf()
    {
        // k = n = 1: the posterior is Beta(1.5, 0.5); upper bound 1 by convention. The lower bound L solves
        // P(Beta(1.5, 0.5) ≤ L) = 0.05, i.e. I_{1−L}(1/2, 3/2) = 0.95 where, substituting x = sin²θ,
        // I_y(1/2, 3/2) = (2/π)(asin √y + √(y(1−y))). Solved here by bisection.
        static double Cdf(double y) => 2.0 / Math.PI * (Math.Asin(Math.Sqrt(y)) + Math.Sqrt(y * (1 - y)));
        double lo = 0, hi = 1;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            if (Cdf(mid) < 0.95)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var expectedLower = 1 - ((lo + hi) / 2);

        var interval = BinomialInterval.Jeffreys(1, 1, 0.90);

        Assert.Equal(expectedLower, interval.Lower, 1e-9);
        Assert.Equal(1.0, interval.Upper);
    }

    [Fact]
    public void Jeffreys_ZeroOfTwenty_UpperMatchesNumericalQuantile()
    {
        // Beta(0.5, 20.5) 0.95 quantile by bisection on a Simpson integral of the upper tail (Python): 0.0904764.
        var interval = BinomialInterval.Jeffreys(0, 20, 0.90);
        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(0.0904764, interval.Upper, 1e-6);
    }

    [Fact]
    public void Wilson_NoTrials_IsWholeUnitInterval()
    {
        var interval = BinomialInterval.Wilson(0, 0);
        Assert.True(double.IsNaN(interval.Estimate));
        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(1.0, interval.Upper);
    }

    [Fact]
    public void Wilson_SuccessesAboveTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Wilson(5, 4));
    }

    [Property]
    public bool WilsonAndJeffreys_AnyCounts_ContainEstimateInsideUnitInterval(byte kRaw, byte extra)
    {
        var k = (int)kRaw;
        var n = k + extra + 1;
        var w = BinomialInterval.Wilson(k, n, 0.9);
        var j = BinomialInterval.Jeffreys(k, n, 0.9);
        return w.Lower >= 0 && w.Upper <= 1 && w.Lower <= w.Estimate + 1e-12 && w.Estimate <= w.Upper + 1e-12
            && j.Lower >= 0 && j.Upper <= 1 && j.Lower <= j.Upper;
    }
}

using Interregnum.Model;
using Xunit;

namespace Interregnum.Tests;

/// <summary>
/// Uncertain.Quantile and Uncertain.Mean against closed forms worked out by hand (each written beside its check),
/// and against each other: the mean of the quantile function over (0, 1) is the distribution's mean.
/// </summary>
public sealed class UncertainTests
{
    [Fact]
    public void Quantile_Fixed_IsTheValueEverywhere()
    {
        var x = Uncertain.Fixed(42);
        Assert.Equal(42, x.Quantile(0));
        Assert.Equal(42, x.Quantile(0.37));
        Assert.Equal(42, x.Quantile(1));
        Assert.Equal(42, x.Mean);
    }

    [Fact]
    public void Quantile_Uniform70To90_IsLinear()
    {
        // F⁻¹(u) = 70 + 20u: u = 0.25 → 75; mean (70 + 90)/2 = 80.
        var x = Uncertain.Uniform(70, 90);
        Assert.Equal(70, x.Quantile(0), 12);
        Assert.Equal(75, x.Quantile(0.25), 12);
        Assert.Equal(90, x.Quantile(1), 12);
        Assert.Equal(80, x.Mean, 12);
    }

    [Fact]
    public void Quantile_Triangular0_30_100_MatchesClosedForm()
    {
        // F(mode) = (30 − 0)/(100 − 0) = 0.3. Below: F⁻¹(u) = sqrt(u·100·30): u = 0.1 → sqrt(300) = 17.320508;
        // at u = 0.3 → sqrt(900) = 30 (the mode). Above: F⁻¹(u) = 100 − sqrt((1 − u)·100·70): u = 0.9 →
        // 100 − sqrt(700) = 73.542487. Mean (0 + 30 + 100)/3 = 43.333333.
        var x = Uncertain.Triangular(0, 30, 100);
        Assert.Equal(17.320508, x.Quantile(0.1), 6);
        Assert.Equal(30, x.Quantile(0.3), 9);
        Assert.Equal(73.542487, x.Quantile(0.9), 6);
        Assert.Equal(43.333333, x.Mean, 6);
    }

    [Fact]
    public void Quantile_NormalTruncatedAtItsMean_IsTheHalfNormal()
    {
        // Normal(0, 1) truncated to [0, 10] is the half-normal (the mass above 10 is 7.6e-24): its median is
        // Φ⁻¹(0.75) = 0.674490 and its mean sqrt(2/π) = 0.797885 (Johnson, Kotz and Balakrishnan 1994, §13.10).
        // Rescaled: Normal(50, 10) truncated to [50, 150] has median 56.744898 and mean 57.978846.
        var x = Uncertain.Normal(50, 10, 50, 150);
        Assert.Equal(56.744898, x.Quantile(0.5), 5);
        Assert.Equal(57.978846, x.Mean, 5);
        Assert.Equal(50, x.Quantile(0), 9);
    }

    [Fact]
    public void Quantile_NormalWideBounds_IsTheNormalQuantile()
    {
        // Truncation at ±10 SD changes nothing at 1e-9: Φ⁻¹(0.975) = 1.959964, so 50 + 10·1.959964 = 69.599640.
        var x = Uncertain.Normal(50, 10, -50, 150);
        Assert.Equal(69.599640, x.Quantile(0.975), 5);
        Assert.Equal(50, x.Mean, 9);
    }

    [Fact]
    public void Quantile_Beta2_1_IsTheSquareRoot()
    {
        // Beta(2, 1) has CDF x², so F⁻¹(u) = sqrt(u): u = 0.25 → 0.5, on [0, 100] → 50; mean 2/(2 + 1) → 66.666667.
        var x = Uncertain.Beta(2, 1, 0, 100);
        Assert.Equal(50, x.Quantile(0.25), 9);
        Assert.Equal(30, x.Quantile(0.09), 9);
        Assert.Equal(66.666667, x.Mean, 6);
    }

    [Fact]
    public void Quantile_OutsideZeroToOne_ClampsToTheBounds()
    {
        var x = Uncertain.Triangular(10, 20, 40);
        Assert.Equal(10, x.Quantile(-0.5), 12);
        Assert.Equal(40, x.Quantile(1.5), 12);
    }

    public static TheoryData<string, Uncertain> Distributions => new()
    {
        { "uniform", Uncertain.Uniform(-3, 5) },
        { "triangular", Uncertain.Triangular(0, 80, 100) },
        { "normal, asymmetric truncation", Uncertain.Normal(60, 15, 40, 100) },
        { "beta", Uncertain.Beta(2.5, 6, 10, 90) },
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Mean_EveryKind_EqualsTheAverageOfItsQuantiles(string kind, Uncertain x)
    {
        // E[X] = ∫₀¹ F⁻¹(u) du; the midpoint rule with 200,000 points is accurate to about 1e-6 of the range here
        // (the error of the rule is O(h²) where F⁻¹ is smooth, larger only near the bounds of a triangular).
        const int points = 200_000;
        double sum = 0;
        double previous = double.NegativeInfinity;
        for (int k = 0; k < points; k++)
        {
            double q = x.Quantile((k + 0.5) / points);
            Assert.True(q >= previous, $"{kind}: the quantile function decreases at u = {(k + 0.5) / points}");
            Assert.InRange(q, x.Min, x.Max);
            previous = q;
            sum += q;
        }

        Assert.Equal(sum / points, x.Mean, 1e-4 * (x.Max - x.Min));
    }
}

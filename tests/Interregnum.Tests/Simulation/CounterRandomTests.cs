using Interregnum.Simulation;
using Xunit;

namespace Interregnum.Tests.Simulation;

/// <summary>
/// The counter-based generator: its mixer against SplitMix64's published outputs, its uniforms by statistical
/// tests with a fixed seed and bounds from theory (Math.NET style), and its purity.
/// </summary>
public sealed class CounterRandomTests
{
    private const int Draws = 160_000;

    [Fact]
    public void Mix_SplitMix64SeedZero_GivesTheReferenceOutputs()
    {
        // Vigna's splitmix64.c seeded with 0 returns 0xE220A8397B1DCDAF, then 0x6E789E6AA1B965F4, then
        // 0x06C45D188009454F; its n-th output is the finaliser of n·0x9E3779B97F4A7C15, which Mix does after its
        // own increment, so Mix((n − 1)·0x9E3779B97F4A7C15) is the n-th output.
        Assert.Equal(0xE220A8397B1DCDAFUL, CounterRandom.Mix(0));
        Assert.Equal(0x6E789E6AA1B965F4UL, CounterRandom.Mix(0x9E3779B97F4A7C15UL));
        Assert.Equal(0x06C45D188009454FUL, CounterRandom.Mix(unchecked(2 * 0x9E3779B97F4A7C15UL)));
    }

    [Fact]
    public void Uniform_SameKeys_SameNumberAndDifferentKeys_DifferentNumbers()
    {
        Assert.Equal(CounterRandom.Uniform(7, 12, 3), CounterRandom.Uniform(7, 12, 3));
        Assert.NotEqual(CounterRandom.Uniform(7, 12, 3), CounterRandom.Uniform(8, 12, 3));
        Assert.NotEqual(CounterRandom.Uniform(7, 12, 3), CounterRandom.Uniform(7, 13, 3));
        Assert.NotEqual(CounterRandom.Uniform(7, 12, 3), CounterRandom.Uniform(7, 12, 4));
    }

    [Fact]
    public void Uniform_ManyDraws_OpenIntervalMeanAndHistogramWithinTheoreticalBounds()
    {
        // Mean of n uniforms: SD = 1/sqrt(12n) = 7.2e-4 for n = 160,000; bound 5 SD.
        // 16 equal bins, 10,000 expected each: Pearson's chi-square has 15 degrees of freedom; its 0.9999 quantile
        // is 44.26 (R: qchisq(0.9999, 15)), the bound used.
        var bins = new int[16];
        double sum = 0;
        for (long i = 0; i < Draws; i++)
        {
            var u = CounterRandom.Uniform(20261201, i, 5);
            Assert.True(u > 0 && u < 1);
            sum += u;
            bins[(int)(u * 16)]++;
        }

        Assert.InRange(sum / Draws, 0.5 - (5 / Math.Sqrt(12.0 * Draws)), 0.5 + (5 / Math.Sqrt(12.0 * Draws)));
        double expected = Draws / 16.0;
        double chiSquare = bins.Sum(b => (b - expected) * (b - expected) / expected);
        Assert.True(chiSquare < 44.26, $"chi-square {chiSquare:F1} ≥ 44.26 (15 df, p = 1e-4)");
    }

    [Theory]
    [InlineData(0UL, 1UL)]
    [InlineData(1UL, 2UL)]
    [InlineData(17UL, 0x8000_0000_0000_0000UL)]
    public void Uniform_TwoStreams_Uncorrelated(ulong streamA, ulong streamB)
    {
        // Under independence the sample correlation of n pairs has SD ≈ 1/sqrt(n) = 0.0025; bound 5 SD. The same
        // holds for neighbouring draws of one stream (lag-1 autocorrelation).
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, lag = 0;
        double previous = 0.5;
        for (long i = 0; i < Draws; i++)
        {
            double a = CounterRandom.Uniform(99, i, streamA) - 0.5;
            double b = CounterRandom.Uniform(99, i, streamB) - 0.5;
            sa += a;
            sb += b;
            saa += a * a;
            sbb += b * b;
            sab += a * b;
            lag += a * previous;
            previous = a;
        }

        double n = Draws;
        double r = ((sab / n) - (sa / n * sb / n)) / Math.Sqrt(((saa / n) - (sa / n * sa / n)) * ((sbb / n) - (sb / n * sb / n)));
        double bound = 5 / Math.Sqrt(n);
        Assert.InRange(r, -bound, bound);
        Assert.InRange(lag / n / (1.0 / 12), -bound, bound);
    }
}

using FsCheck.Xunit;
using Interregnum.Simulation;
using Xunit;

namespace Interregnum.Tests.Simulation;

/// <summary>
/// The first-order index and its bootstrap interval (issue 15, defect 6: the table printed "0.00 (0.01–0.05)", an
/// estimate outside its own interval).
/// </summary>
public sealed class SensitivityIndexTests
{
    private static (double[] X, double[] Y) Sample(int seed, int n, double signal)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble();
            // A share of draws at exactly 0, as a probability output has where the incumbent stays.
            y[i] = rng.Next(4) == 0 ? 0 : (signal * x[i]) + rng.NextDouble();
        }

        return (x, y);
    }

    [Property(MaxTest = 60)]
    public bool FirstOrder_AnySample_EstimateLiesInItsInterval(int seed, byte size, byte signalPercent)
    {
        var (x, y) = Sample(seed, 20 + size, signalPercent / 100.0);

        var index = Sensitivity.FirstOrder("input", x, y, (ulong)seed);

        return index.Low <= index.Index && index.Index <= index.High && index.Low >= 0 && index.High <= 1;
    }

    [Fact]
    public void FirstOrder_OutputIsTheInput_IndexNearOne()
    {
        // y = x exactly: all of y's variance is explained by x; the binned estimator with √n bins loses only the
        // within-bin spread, (1/bins)² of the range, so the index is above 0.99 for n = 400 (20 bins).
        var x = Enumerable.Range(0, 400).Select(i => ((i * 37) % 400) / 400.0).ToArray();

        var index = Sensitivity.FirstOrder("input", x, x, 7);

        Assert.InRange(index.Index, 0.99, 1.0);
        Assert.InRange(index.Index, index.Low, index.High);
    }

    [Fact]
    public void FirstOrder_OutputIgnoresTheInput_IndexNearZero()
    {
        // y independent of x: the true index is 0; the estimate (bias-corrected for within-bin noise) is small.
        var (x, y) = Sample(11, 1000, 0);

        var index = Sensitivity.FirstOrder("input", x, y, 7);

        Assert.InRange(index.Index, 0, 0.05);
        Assert.InRange(index.Index, index.Low, index.High);
    }
}

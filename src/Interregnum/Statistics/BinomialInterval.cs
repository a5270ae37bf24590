using MathNet.Numerics.Distributions;

namespace Interregnum.Statistics;

/// <summary>
/// A two-sided confidence interval for a binomial proportion k/n. Immutable.
/// </summary>
/// <param name="Successes">k, the number of cases with the outcome.</param>
/// <param name="Trials">n, the number of cases.</param>
/// <param name="Estimate">The point estimate k/n (NaN when n = 0).</param>
/// <param name="Lower">Lower bound, in [0, 1] (0 when n = 0).</param>
/// <param name="Upper">Upper bound, in [0, 1] (1 when n = 0).</param>
/// <param name="Level">Coverage level, e.g. 0.90.</param>
/// <param name="Method">The method that produced the bounds ("wilson" or "jeffreys").</param>
public readonly record struct BinomialInterval(int Successes, int Trials, double Estimate, double Lower, double Upper, double Level, string Method)
{
    /// <summary>
    /// The Wilson score interval (Wilson 1927): the set of p for which |k/n − p| ≤ z·sqrt(p(1−p)/n), with
    /// z the (1+level)/2 standard normal quantile. Closed form:
    /// (p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). Good coverage even for small n and k near 0 or n.
    /// </summary>
    /// <param name="successes">k, 0 ≤ k ≤ n.</param>
    /// <param name="trials">n ≥ 0; for n = 0 the interval is [0, 1] and the estimate NaN.</param>
    /// <param name="level">Coverage level in (0, 1), e.g. 0.90.</param>
    public static BinomialInterval Wilson(int successes, int trials, double level = 0.90)
    {
        Validate(successes, trials, level);
        if (trials == 0)
        {
            return new BinomialInterval(0, 0, double.NaN, 0.0, 1.0, level, "wilson");
        }

        var z = Normal.InvCDF(0.0, 1.0, (1.0 + level) / 2.0);
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1.0 + (z2 / n);
        var centre = p + (z2 / (2.0 * n));
        var half = z * Math.Sqrt((p * (1.0 - p) / n) + (z2 / (4.0 * n * n)));
        var lower = successes == 0 ? 0.0 : Math.Max(0.0, (centre - half) / denominator);
        var upper = successes == trials ? 1.0 : Math.Min(1.0, (centre + half) / denominator);
        return new BinomialInterval(successes, trials, p, lower, upper, level, "wilson");
    }

    /// <summary>
    /// The Jeffreys interval: the equal-tailed (1−level)/2 and (1+level)/2 quantiles of the Beta(k + ½, n − k + ½)
    /// posterior under the Jeffreys prior, with the lower bound set to 0 when k = 0 and the upper to 1 when k = n
    /// (Brown, Cai and DasGupta 2001).
    /// </summary>
    /// <param name="successes">k, 0 ≤ k ≤ n.</param>
    /// <param name="trials">n ≥ 0; for n = 0 the interval is [0, 1] and the estimate NaN.</param>
    /// <param name="level">Coverage level in (0, 1), e.g. 0.90.</param>
    public static BinomialInterval Jeffreys(int successes, int trials, double level = 0.90)
    {
        Validate(successes, trials, level);
        if (trials == 0)
        {
            return new BinomialInterval(0, 0, double.NaN, 0.0, 1.0, level, "jeffreys");
        }

        var a = successes + 0.5;
        var b = trials - successes + 0.5;
        var tail = (1.0 - level) / 2.0;
        var lower = successes == 0 ? 0.0 : Beta.InvCDF(a, b, tail);
        var upper = successes == trials ? 1.0 : Beta.InvCDF(a, b, 1.0 - tail);
        return new BinomialInterval(successes, trials, successes / (double)trials, lower, upper, level, "jeffreys");
    }

    private static void Validate(int successes, int trials, double level)
    {
        if (trials < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "The number of trials must be 0 or more.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, "The number of successes must lie in [0, trials].");
        }

        if (!(level > 0.0 && level < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie strictly between 0 and 1.");
        }
    }
}

namespace Interregnum.Backtesting;

/// <summary>
/// Proper scoring rules for probabilistic forecasts, as pure functions. Every score here is a loss: lower is
/// better. Thread-safe (no state).
/// <list type="bullet">
/// <item>Multi-class Brier score (Brier 1950, the original sum form): Σ_k (p_k − o_k)², in [0, 2].</item>
/// <item>Log score: −ln(max(p_observed, <see cref="LogFloor"/>)); the floor keeps a forecast that gave the observed
/// outcome zero probability finite (at most −ln 0.01 ≈ 4.605).</item>
/// <item>Binary Brier score: (p − o)², in [0, 1].</item>
/// <item>CRPS of an ensemble (sample) against an observed value, in the energy form E|X − y| − ½E|X − X′| over the
/// empirical distribution of the sample (Gneiting &amp; Raftery 2007, eq. 21), computed exactly on the sorted
/// sample; in the units of the forecast quantity.</item>
/// </list>
/// </summary>
public static class ScoringRules
{
    /// <summary>The floor applied to the observed outcome's probability in <see cref="LogScore"/>: 0.01.</summary>
    public const double LogFloor = 0.01;

    /// <summary>Multi-class Brier score Σ_k (p_k − o_k)² where o is 1 for the observed class and 0 elsewhere.</summary>
    /// <param name="probabilities">Forecast probability of each class (each in [0, 1]).</param>
    /// <param name="observed">Index of the class that happened.</param>
    /// <exception cref="ArgumentException">No classes, a probability outside [0, 1], or the index out of range.</exception>
    public static double MultiClassBrier(IReadOnlyList<double> probabilities, int observed)
    {
        CheckClasses(probabilities, observed);
        double sum = 0;
        for (var k = 0; k < probabilities.Count; k++)
        {
            var d = probabilities[k] - (k == observed ? 1 : 0);
            sum += d * d;
        }

        return sum;
    }

    /// <summary>Log score −ln(max(p_observed, <see cref="LogFloor"/>)) (natural log; 0 for a certain, correct forecast).</summary>
    /// <param name="probabilities">Forecast probability of each class (each in [0, 1]).</param>
    /// <param name="observed">Index of the class that happened.</param>
    /// <exception cref="ArgumentException">No classes, a probability outside [0, 1], or the index out of range.</exception>
    public static double LogScore(IReadOnlyList<double> probabilities, int observed)
    {
        CheckClasses(probabilities, observed);
        var score = -Math.Log(Math.Max(probabilities[observed], LogFloor));
        return score == 0 ? 0 : score; // no negative zero for a certain, correct forecast
    }

    /// <summary>Binary Brier score (p − o)².</summary>
    /// <param name="probability">Forecast probability that the event happens, in [0, 1].</param>
    /// <param name="happened">Whether it happened.</param>
    /// <exception cref="ArgumentOutOfRangeException">The probability lies outside [0, 1].</exception>
    public static double BinaryBrier(double probability, bool happened)
    {
        CheckProbability(probability, nameof(probability));
        var d = probability - (happened ? 1 : 0);
        return d * d;
    }

    /// <summary>
    /// The continuous ranked probability score of the empirical distribution of <paramref name="sample"/> against
    /// <paramref name="observed"/>: (1/n) Σ|x_i − y| − (1/n²) Σ_i (2i − n − 1) x_(i), where x_(1) ≤ … ≤ x_(n)
    /// (the second term is ½E|X − X′| written on the sorted sample, exact, O(n log n)). A one-member sample gives
    /// |x − y|, the absolute error of a point forecast.
    /// </summary>
    /// <param name="sample">The ensemble (at least one finite value).</param>
    /// <param name="observed">The observed value.</param>
    /// <exception cref="ArgumentException">An empty sample or a non-finite value.</exception>
    public static double Crps(IReadOnlyList<double> sample, double observed)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Count == 0)
        {
            throw new ArgumentException("the sample is empty", nameof(sample));
        }

        if (!double.IsFinite(observed))
        {
            throw new ArgumentException("the observed value must be finite", nameof(observed));
        }

        var sorted = new double[sample.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = double.IsFinite(sample[i]) ? sample[i] : throw new ArgumentException($"sample[{i}] is not finite", nameof(sample));
        }

        Array.Sort(sorted);
        double n = sorted.Length, absError = 0, spread = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            absError += Math.Abs(sorted[i] - observed);
            spread += ((2.0 * (i + 1)) - n - 1) * sorted[i];
        }

        return (absError / n) - (spread / (n * n));
    }

    /// <summary>
    /// Skill of a score against a rival's: 1 − score / rival. Positive: better than the rival; 0: as good; negative:
    /// worse. NaN when the rival's score is 0 (a perfect rival leaves no room for skill).
    /// </summary>
    public static double Skill(double score, double rivalScore) => rivalScore == 0 ? double.NaN : 1 - (score / rivalScore);

    /// <summary>
    /// Reliability bins: the forecasts (probability, outcome) grouped into <paramref name="binCount"/> equal bins of
    /// [0, 1] (bin k holds k/B ≤ p &lt; (k+1)/B; p = 1 goes into the last bin), with the count, the mean forecast
    /// probability and the observed frequency of each. Empty bins are returned with count 0 and NaN means.
    /// </summary>
    /// <param name="forecasts">Pairs of forecast probability in [0, 1] and whether the event happened.</param>
    /// <param name="binCount">Number of bins (default 10).</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one bin, or a probability outside [0, 1].</exception>
    public static IReadOnlyList<ReliabilityBin> ReliabilityBins(IEnumerable<(double Probability, bool Happened)> forecasts, int binCount = 10)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var count = new int[binCount];
        var sumP = new double[binCount];
        var hits = new int[binCount];
        foreach (var (p, happened) in forecasts)
        {
            CheckProbability(p, nameof(forecasts));
            var k = Math.Min((int)Math.Floor(p * binCount), binCount - 1);
            count[k]++;
            sumP[k] += p;
            hits[k] += happened ? 1 : 0;
        }

        var bins = new ReliabilityBin[binCount];
        for (var k = 0; k < binCount; k++)
        {
            bins[k] = new ReliabilityBin(
                (double)k / binCount,
                (double)(k + 1) / binCount,
                count[k],
                hits[k],
                count[k] == 0 ? double.NaN : sumP[k] / count[k],
                count[k] == 0 ? double.NaN : (double)hits[k] / count[k]);
        }

        return bins;
    }

    private static void CheckClasses(IReadOnlyList<double> probabilities, int observed)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count == 0)
        {
            throw new ArgumentException("no classes", nameof(probabilities));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(observed, probabilities.Count);
        foreach (var p in probabilities)
        {
            CheckProbability(p, nameof(probabilities));
        }
    }

    private static void CheckProbability(double p, string name)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(name, p, "a probability must lie in [0, 1]");
        }
    }
}

/// <summary>One bin of a reliability diagram. Immutable.</summary>
/// <param name="From">Lower edge of the bin (inclusive).</param>
/// <param name="To">Upper edge (exclusive, except 1 for the last bin).</param>
/// <param name="Count">Forecasts in the bin.</param>
/// <param name="Hits">Of those, how many events happened.</param>
/// <param name="MeanProbability">Mean forecast probability in the bin (NaN when empty).</param>
/// <param name="ObservedFrequency">Hits / count (NaN when empty).</param>
public sealed record ReliabilityBin(double From, double To, int Count, int Hits, double MeanProbability, double ObservedFrequency);

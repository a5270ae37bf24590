namespace Interregnum.History.ExitRisk;

/// <summary>
/// Scores of binary probability forecasts over many cases: AUC-ROC, AUC-PR (average precision), the mean Brier
/// score and its skill, and reliability by quantile bins. Pure functions; thread-safe.
/// </summary>
public static class ClassificationScores
{
    /// <summary>
    /// Area under the ROC curve: the probability that a random event case gets a higher forecast than a random
    /// non-event case, ties counting one half (the Mann–Whitney U statistic / (n₁ n₀), computed with mid-ranks).
    /// NaN when there are no events or no non-events.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static double AucRoc(IReadOnlyList<double> forecasts, IReadOnlyList<bool> events)
    {
        Check(forecasts, events);
        var n = forecasts.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => forecasts[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        var i0 = 0;
        while (i0 < n)
        {
            var i1 = i0;
            while (i1 + 1 < n && forecasts[order[i1 + 1]] == forecasts[order[i0]])
            {
                i1++;
            }

            var midRank = ((i0 + 1) + (i1 + 1)) / 2.0;
            for (var j = i0; j <= i1; j++)
            {
                if (events[order[j]])
                {
                    rankSum += midRank;
                    positives++;
                }
            }

            i0 = i1 + 1;
        }

        long negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>
    /// Area under the precision–recall curve as average precision: Σ_t (R_t − R_{t−1}) P_t over the distinct
    /// forecast values t taken as thresholds from the highest down (tied forecasts enter together), the step-wise
    /// definition of scikit-learn's <c>average_precision_score</c>, without interpolation. NaN when there are no events.
    /// Its no-skill value is the event rate.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static double AveragePrecision(IReadOnlyList<double> forecasts, IReadOnlyList<bool> events)
    {
        Check(forecasts, events);
        var n = forecasts.Count;
        var total = events.Count(e => e);
        if (total == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => forecasts[i]).ToArray();
        double ap = 0, previousRecall = 0;
        int truePositives = 0, flagged = 0, i0 = 0;
        while (i0 < n)
        {
            var i1 = i0;
            while (i1 + 1 < n && forecasts[order[i1 + 1]] == forecasts[order[i0]])
            {
                i1++;
            }

            for (var j = i0; j <= i1; j++)
            {
                flagged++;
                truePositives += events[order[j]] ? 1 : 0;
            }

            var recall = truePositives / (double)total;
            ap += (recall - previousRecall) * (truePositives / (double)flagged);
            previousRecall = recall;
            i0 = i1 + 1;
        }

        return ap;
    }

    /// <summary>Mean binary Brier score (1/n) Σ (p − o)²; NaN for no cases.</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static double MeanBrier(IReadOnlyList<double> forecasts, IReadOnlyList<bool> events)
    {
        Check(forecasts, events);
        if (forecasts.Count == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 0; i < forecasts.Count; i++)
        {
            var d = forecasts[i] - (events[i] ? 1 : 0);
            sum += d * d;
        }

        return sum / forecasts.Count;
    }

    /// <summary>
    /// Mean log score in nats: −(1/n) Σ ln(p_i if event else 1 − p_i), forecasts clamped to [1e-12, 1 − 1e-12] so a
    /// confident miss costs about 27.6 nats rather than infinity. Lower is better; NaN for no cases.
    /// </summary>
    public static double MeanLogScore(IReadOnlyList<double> forecasts, IReadOnlyList<bool> events)
    {
        Check(forecasts, events);
        if (forecasts.Count == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 0; i < forecasts.Count; i++)
        {
            var p = Math.Clamp(forecasts[i], 1e-12, 1 - 1e-12);
            sum -= Math.Log(events[i] ? p : 1 - p);
        }

        return sum / forecasts.Count;
    }

    /// <summary>
    /// Reliability by quantile bins: cases sorted by forecast and cut into <paramref name="binCount"/> groups of
    /// (nearly) equal size (bin b holds sorted positions ⌊b·n/B⌋ … ⌊(b+1)·n/B⌋ − 1), each with its forecast range,
    /// mean forecast and observed frequency. Equal-count bins rather than equal-width ones because rare-event
    /// forecasts crowd near 0, where equal-width bins would put almost every case in the first bin.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, or fewer than one bin.</exception>
    public static IReadOnlyList<QuantileBin> ReliabilityByQuantile(IReadOnlyList<double> forecasts, IReadOnlyList<bool> events, int binCount = 10)
    {
        Check(forecasts, events);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var n = forecasts.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => forecasts[i]).ToArray();
        var bins = new List<QuantileBin>();
        for (var b = 0; b < binCount; b++)
        {
            var from = (int)((long)b * n / binCount);
            var to = (int)((long)(b + 1) * n / binCount);
            if (to <= from)
            {
                continue;
            }

            double sumP = 0;
            var hits = 0;
            for (var j = from; j < to; j++)
            {
                sumP += forecasts[order[j]];
                hits += events[order[j]] ? 1 : 0;
            }

            var count = to - from;
            bins.Add(new QuantileBin(b + 1, forecasts[order[from]], forecasts[order[to - 1]], count, hits, sumP / count, hits / (double)count));
        }

        return bins;
    }

    private static void Check(IReadOnlyList<double> forecasts, IReadOnlyList<bool> events)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(events);
        if (forecasts.Count != events.Count)
        {
            throw new ArgumentException($"{forecasts.Count} forecasts for {events.Count} outcomes", nameof(events));
        }
    }
}

/// <summary>One quantile bin of a reliability table. Immutable.</summary>
/// <param name="Bin">Bin number, 1 = lowest forecasts.</param>
/// <param name="MinForecast">Lowest forecast in the bin.</param>
/// <param name="MaxForecast">Highest forecast in the bin.</param>
/// <param name="Count">Cases in the bin.</param>
/// <param name="Events">Of those, events.</param>
/// <param name="MeanForecast">Mean forecast probability.</param>
/// <param name="ObservedFrequency">Events / count.</param>
public sealed record QuantileBin(int Bin, double MinForecast, double MaxForecast, int Count, int Events, double MeanForecast, double ObservedFrequency);

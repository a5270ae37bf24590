namespace Interregnum.Statistics;

/// <summary>One histogram bin: values in [Low, High), the last bin also holding the largest value.</summary>
/// <param name="Low">Lower edge, in the values' units.</param>
/// <param name="High">Upper edge.</param>
/// <param name="Count">How many values fall in the bin.</param>
public readonly record struct HistogramCount(double Low, double High, int Count);

/// <summary>Histograms with round bin widths, for charts of forecast distributions.</summary>
public static class Histogram
{
    /// <summary>The bin widths tried, smallest first (points on the 0–100 policy scale, or any unit).</summary>
    private static readonly double[] BinWidths = [1.0, 2.0, 2.5, 5.0, 10.0, 20.0];

    /// <summary>
    /// Bins values into [low, high) bins of the smallest round width (1, 2, 2.5, 5, 10 or 20) that needs at most
    /// 30 bins to span them, starting at a multiple of the width; the largest value always falls in a bin. Null
    /// for no values.
    /// </summary>
    public static IReadOnlyList<HistogramCount>? RoundBins(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        double min = values.Min(), max = values.Max();
        var width = BinWidths.FirstOrDefault(w => Math.Ceiling((max - min) / w) <= 30, 20.0);
        var low = Math.Floor(min / width) * width;
        var count = Math.Max(1, (int)Math.Ceiling((max - low) / width));
        if (low + (count * width) <= max)
        {
            count++;
        }

        var counts = new int[count];
        foreach (var v in values)
        {
            counts[Math.Clamp((int)Math.Floor((v - low) / width), 0, count - 1)]++;
        }

        return counts.Select((c, i) => new HistogramCount(low + (i * width), low + ((i + 1) * width), c)).ToList();
    }
}

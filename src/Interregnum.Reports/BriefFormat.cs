using System.Globalization;

namespace Interregnum.Reports;

/// <summary>Culture-invariant number formats used throughout the brief.</summary>
internal static class BriefFormat
{
    /// <summary>A probability (0–1) as a percentage with one decimal, e.g. 0.4237 → "42.4%".</summary>
    internal static string Percent(double probability) =>
        (probability * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A plain number with up to three decimals, e.g. 12.5 → "12.5".</summary>
    internal static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A position on a 0–100 scale with one decimal.</summary>
    internal static string Position(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A signed shift with one decimal, e.g. "+4.2" or "−3.0".</summary>
    internal static string Signed(double value) =>
        (value > 0 ? "+" : string.Empty) + value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>An integer.</summary>
    internal static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The orders the brief shows things in; stable, so the output depends on the content alone.</summary>
internal static class BriefOrdering
{
    internal static List<CandidateForecast> ByProbability(IEnumerable<CandidateForecast> candidates) =>
        candidates.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Probability).ThenBy(x => x.i).Select(x => x.c).ToList();

    internal static List<TornadoInput> BySwing(IEnumerable<TornadoInput> inputs) =>
        inputs.Select((t, i) => (t, i))
            .OrderByDescending(x => Math.Abs(x.t.HighSwingValue - x.t.LowSwingValue))
            .ThenBy(x => x.i)
            .Select(x => x.t)
            .ToList();

    /// <summary>Candidate names across shocks, in order of first appearance.</summary>
    internal static List<string> CandidateNames(IEnumerable<ShockOutcome> shocks)
    {
        var names = new List<string>();
        foreach (var name in shocks.SelectMany(s => s.Candidates).Select(c => c.Name))
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Dimension names across shocks, in order of first appearance.</summary>
    internal static List<string> DimensionNames(IEnumerable<ShockOutcome> shocks)
    {
        var names = new List<string>();
        foreach (var name in shocks.SelectMany(s => s.Shifts).Select(c => c.Dimension))
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }
}

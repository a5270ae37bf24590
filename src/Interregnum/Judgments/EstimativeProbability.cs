using System.Globalization;

namespace Interregnum.Judgments;

/// <summary>The seven terms of the US Intelligence Community's estimative-probability scale (ICD 203, 2015), least likely first.</summary>
public enum EstimativeTerm
{
    /// <summary>"almost no chance" (remote): 1–5%.</summary>
    AlmostNoChance,

    /// <summary>"very unlikely" (highly improbable): 5–20%.</summary>
    VeryUnlikely,

    /// <summary>"unlikely" (improbable): 20–45%.</summary>
    Unlikely,

    /// <summary>"roughly even chance" (roughly even odds): 45–55%.</summary>
    RoughlyEvenChance,

    /// <summary>"likely" (probable): 55–80%.</summary>
    Likely,

    /// <summary>"very likely" (highly probable): 80–95%.</summary>
    VeryLikely,

    /// <summary>"almost certain" (nearly certain): 95–99%.</summary>
    AlmostCertain,
}

/// <summary>A term with its published range (probabilities in [0, 1]).</summary>
/// <param name="Term">The term.</param>
/// <param name="Words">The term as written, e.g. "very likely".</param>
/// <param name="Synonym">ICD 203's alternative wording on the same row, e.g. "highly probable".</param>
/// <param name="Low">Lower end of the published range.</param>
/// <param name="High">Upper end of the published range.</param>
public sealed record EstimativeBand(EstimativeTerm Term, string Words, string Synonym, double Low, double High);

/// <summary>
/// Words ↔ numbers on the ICD 203 scale. Immutable and thread-safe.
/// <para>
/// The published table (Intelligence Community Directive 203, <i>Analytic Standards</i>, 2 January 2015, §D.6.a.(2)(a)):
/// almost no chance / remote 01–05%; very unlikely / highly improbable 05–20%; unlikely / improbable 20–45%;
/// roughly even chance / roughly even odds 45–55%; likely / probable 55–80%; very likely / highly probable 80–95%;
/// almost certain / nearly certain 95–99%.
/// </para>
/// <para>
/// The table's ranges share their end points and leave 0–1% and 99–100% out. We assign each shared end point to
/// the band nearer 50% (so 0.20 is "unlikely", 0.80 "likely", 0.45 and 0.55 "roughly even chance"), which keeps the
/// mapping symmetric (p and 1 − p get mirror terms), and extend the outer bands to 0 and 1.
/// </para>
/// </summary>
public static class EstimativeProbability
{
    /// <summary>The seven bands, least likely first, with ICD 203's published ranges.</summary>
    public static IReadOnlyList<EstimativeBand> Bands { get; } =
    [
        new(EstimativeTerm.AlmostNoChance, "almost no chance", "remote", 0.01, 0.05),
        new(EstimativeTerm.VeryUnlikely, "very unlikely", "highly improbable", 0.05, 0.20),
        new(EstimativeTerm.Unlikely, "unlikely", "improbable", 0.20, 0.45),
        new(EstimativeTerm.RoughlyEvenChance, "roughly even chance", "roughly even odds", 0.45, 0.55),
        new(EstimativeTerm.Likely, "likely", "probable", 0.55, 0.80),
        new(EstimativeTerm.VeryLikely, "very likely", "highly probable", 0.80, 0.95),
        new(EstimativeTerm.AlmostCertain, "almost certain", "nearly certain", 0.95, 0.99),
    ];

    /// <summary>The band of a term.</summary>
    public static EstimativeBand Band(EstimativeTerm term) => Bands[(int)term];

    /// <summary>The term for a probability in [0, 1] (shared end points go to the band nearer 50%).</summary>
    public static EstimativeTerm FromProbability(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "a probability must be in [0, 1]");
        }

        return p switch
        {
            < 0.05 => EstimativeTerm.AlmostNoChance,
            < 0.20 => EstimativeTerm.VeryUnlikely,
            < 0.45 => EstimativeTerm.Unlikely,
            <= 0.55 => EstimativeTerm.RoughlyEvenChance,
            <= 0.80 => EstimativeTerm.Likely,
            <= 0.95 => EstimativeTerm.VeryLikely,
            _ => EstimativeTerm.AlmostCertain,
        };
    }

    /// <summary>The words for a probability, e.g. "likely".</summary>
    public static string Words(double p) => Band(FromProbability(p)).Words;

    /// <summary>Reads a term or its ICD 203 synonym (case and surrounding space ignored); null when it is neither.</summary>
    public static EstimativeTerm? Parse(string words)
    {
        var w = words.Trim().ToLowerInvariant();
        foreach (var b in Bands)
        {
            if (w == b.Words || w == b.Synonym)
            {
                return b.Term;
            }
        }

        return null;
    }

    /// <summary>How many bands the interval [low, high] touches (1: the whole interval reads the same in words).</summary>
    public static int BandsSpanned(double low, double high) => (int)FromProbability(high) - (int)FromProbability(low) + 1;

    /// <summary>A range of probabilities as whole percentages, e.g. "55–70%".</summary>
    public static string PercentRange(double low, double high)
    {
        string a = Percent(low), b = Percent(high);
        return a.EndsWith('%') && char.IsDigit(a[0]) ? $"{a[..^1]}–{b}" : $"{a}–{b}";
    }

    /// <summary>A probability as a whole percentage, e.g. "62%", or "&lt;1%" / "&gt;99%" at the extremes.</summary>
    public static string Percent(double p) => p switch
    {
        < 0.005 => "<1%",
        > 0.995 => ">99%",
        _ => (p * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
    };
}

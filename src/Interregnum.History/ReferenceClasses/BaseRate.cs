namespace Interregnum.History.ReferenceClasses;

/// <summary>One historical case behind a base rate. Immutable.</summary>
/// <param name="Dataset">Dataset key (archigos, powell-thyne, cline, jones-olken).</param>
/// <param name="Id">The case's id in that dataset (Archigos obsid, coup id, ...).</param>
/// <param name="Country">Country (COW letter code or name).</param>
/// <param name="Leader">Leader, where the dataset names one.</param>
/// <param name="Start">Start of the leader's spell, where known.</param>
/// <param name="End">End of the spell, or the date of the event.</param>
/// <param name="Year">Year of the exit or event.</param>
/// <param name="HasOutcome">True when the case counts in k (has the outcome), false when only in n.</param>
/// <param name="Detail">What the dataset records (e.g. the successor's entry, the fate, the coup result).</param>
public sealed record HistoricalCase(string Dataset, string Id, string Country, string? Leader, DateOnly? Start, DateOnly? End, int Year, bool HasOutcome, string Detail);

/// <summary>
/// A historical base rate k/n for one outcome in a reference class, with a Wilson 90% interval and the cases
/// behind it. Immutable.
/// </summary>
/// <param name="Outcome">Outcome id (e.g. "successor-entry", "coup-success").</param>
/// <param name="Category">The category of the outcome counted in k (e.g. "Regular"; "yes" for binary outcomes).</param>
/// <param name="Label">A sentence for people.</param>
/// <param name="Dataset">Dataset key.</param>
/// <param name="K">Cases with the outcome.</param>
/// <param name="N">Cases in the reference class with the outcome observed.</param>
/// <param name="Rate">k/n (NaN when n = 0).</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
/// <param name="Level">Interval level (0.90).</param>
/// <param name="Method">Interval method ("wilson").</param>
/// <param name="Cases">The n cases, those in k marked.</param>
/// <param name="Notes">Filters that do not apply to this dataset and were ignored, or coverage limits.</param>
public sealed record BaseRate(
    string Outcome,
    string Category,
    string Label,
    string Dataset,
    int K,
    int N,
    double Rate,
    double Lower,
    double Upper,
    double Level,
    string Method,
    IReadOnlyList<HistoricalCase> Cases,
    IReadOnlyList<string> Notes);

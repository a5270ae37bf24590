using Interregnum.History.Datasets;

namespace Interregnum.History.ReferenceClasses;

/// <summary>Finds the GWF regime period of a country on a date (by COW or GW code). Immutable after construction.</summary>
/// <param name="periods">The GWF regime periods.</param>
public sealed class RegimeLookup(IReadOnlyList<GwfRegimePeriod> periods)
{
    private readonly ILookup<int, GwfRegimePeriod> byCow = periods.Where(p => p.CowCode is not null).ToLookup(p => p.CowCode!.Value);
    private readonly ILookup<int, GwfRegimePeriod> byGw = periods.ToLookup(p => p.GwCode);

    /// <summary>The regime of a country (COW code) in power the day before <paramref name="exitDate"/> (so a regime that begins with the exit is not picked).</summary>
    public GwfRegimePeriod? AtExit(int cowCode, DateOnly exitDate) => On(byCow[cowCode], exitDate.AddDays(-1));

    /// <summary>The regime in power when a spell starts: the latest period that starts on or before the date and has not ended.</summary>
    public GwfRegimePeriod? AtStart(int cowCode, DateOnly startDate) => On(byCow[cowCode], startDate);

    /// <summary>The regime in power on a date, by Gleditsch-Ward code.</summary>
    public GwfRegimePeriod? AtGw(int gwCode, DateOnly date) => On(byGw[gwCode], date.AddDays(-1));

    private static GwfRegimePeriod? On(IEnumerable<GwfRegimePeriod> candidates, DateOnly date) =>
        candidates.Where(p => p.StartDate <= date && date <= p.EndDate).OrderByDescending(p => p.StartDate).FirstOrDefault();
}

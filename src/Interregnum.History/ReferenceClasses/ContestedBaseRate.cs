using System.Globalization;
using Interregnum.History.Datasets;

namespace Interregnum.History.ReferenceClasses;

/// <summary>
/// The historical base rate of a <em>contested</em> succession for a reference class, with the class widened step
/// by step when it holds too few cases, and the cases that were seen. Immutable.
/// </summary>
/// <param name="Definition">What counts as contested, in words (<see cref="ContestedBaseRates.Definition"/>).</param>
/// <param name="Asked">The reference class asked for (before widening), with the look-ahead cutoff applied.</param>
/// <param name="Used">The class the rate is computed on (after widening).</param>
/// <param name="Widened">One line per widening step taken (empty when the class asked for held enough cases).</param>
/// <param name="K">Exits in the class followed by a contested succession.</param>
/// <param name="N">Exits in the class.</param>
/// <param name="Cases">Every exit counted, with what was seen.</param>
public sealed record ContestedBaseRate(string Definition, ReferenceClass Asked, ReferenceClass Used, IReadOnlyList<string> Widened, int K, int N, IReadOnlyList<HistoricalCase> Cases)
{
    /// <summary>The raw share k/n (NaN when n = 0): what an analyst reading the table would say.</summary>
    public double Rate => N == 0 ? double.NaN : (double)K / N;

    /// <summary>
    /// The prior used in the blended forecast: the posterior mean under Jeffreys' Beta(½, ½) prior, (k + ½)/(n + 1),
    /// so that a class with no contested case does not give a probability of exactly 0 (0.5 when n = 0).
    /// </summary>
    public double Prior => (K + 0.5) / (N + 1.0);

    /// <summary>A one-line description: "contested 3/41 (…), class …, widened: …".</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"contested {K}/{N} (prior (k+½)/(n+1) = {Prior:0.000}); class {Used.Describe()}{(Widened.Count == 0 ? string.Empty : "; widened: " + string.Join("; ", Widened))}");
}

/// <summary>
/// Historical base rates of a contested succession (Archigos 4.1, Powell &amp; Thyne, Jones &amp; Olken, GWF). Pure
/// functions of the data. The rate answers the question the forecast asks, which differs from the Archigos entry
/// code: a coup's own leader always enters irregularly, and that is not a contest among the successors.
/// </summary>
public static class ContestedBaseRates
{
    /// <summary>A class holding fewer exits than this is widened (10: below it one case moves the rate by 10 points or more).</summary>
    public const int MinimumCases = 10;

    /// <summary>The window after the exit within which a contest is looked for, in days (one year).</summary>
    public const int WindowDays = 365;

    /// <summary>Days after the exit before a coup attempt counts as a new challenge rather than the exit itself.</summary>
    public const int GraceDays = 2;

    /// <summary>Powell &amp; Thyne's coup list starts in 1950, so exits before it cannot be judged.</summary>
    public const int FirstYear = 1950;

    /// <summary>What counts as contested here.</summary>
    public const string Definition =
        "contested = within a year of the exit (from the third day) a coup attempt, successful or failed, in the country (Powell & Thyne), " +
        "or the successor removed irregularly (Archigos exit Irregular); exits from 1950 whose one-year window closed before the question date; " +
        "an assassination class is the leaders killed in successful attempts (Jones & Olken, success = 1), not the share of attempts that succeed";

    /// <summary>
    /// The contested base rate for <paramref name="asked"/>, using only exits whose one-year window closed before
    /// <paramref name="questionDate"/> (no look-ahead). When the class holds fewer than <see cref="MinimumCases"/> exits it is
    /// widened, one step at a time, until it holds enough or nothing is left to drop: the region is dropped, then a
    /// hybrid or specific autocratic regime type becomes any autocracy, then the regime type is dropped, then the
    /// manner of exit. Each step taken is recorded in <see cref="ContestedBaseRate.Widened"/>.
    /// </summary>
    /// <param name="data">The loaded datasets.</param>
    /// <param name="asked">The reference class (exit manner, regime type, region, era; entry and tenure filters are honoured).</param>
    /// <param name="questionDate">The day the forecast is made.</param>
    /// <exception cref="ArgumentException">The reference class is invalid.</exception>
    public static ContestedBaseRate For(HistoricalData data, ReferenceClass asked, DateOnly questionDate)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(asked);
        var errors = asked.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(asked));
        }

        // The window of the latest exit counted must close before the question date.
        var lastExit = questionDate.AddDays(-WindowDays - 1);
        var cutoff = asked with
        {
            FromYear = Math.Max(asked.FromYear ?? FirstYear, FirstYear),
            ToYear = Math.Min(asked.ToYear ?? lastExit.Year, lastExit.Year),
        };
        var context = new Context(data);
        var widened = new List<string>();
        var current = cutoff;
        var cases = Cases(context, current, lastExit);
        foreach (var (step, next) in Widenings(current))
        {
            if (cases.Count >= MinimumCases)
            {
                break;
            }

            var before = cases.Count;
            current = next;
            cases = Cases(context, current, lastExit);
            widened.Add(string.Create(CultureInfo.InvariantCulture, $"{before} exit{(before == 1 ? string.Empty : "s")} (fewer than {MinimumCases}), so {step} ({cases.Count} exits)"));
        }

        return new ContestedBaseRate(Definition, cutoff, current, widened, cases.Count(c => c.HasOutcome), cases.Count, cases);
    }

    private static IEnumerable<(string Step, ReferenceClass Next)> Widenings(ReferenceClass rc)
    {
        if (rc.Region is not null)
        {
            rc = rc with { Region = null };
            yield return ("the region was dropped", rc);
        }

        if (rc.RegimeType is not null and not "autocracy" and not "democracy")
        {
            rc = rc with { RegimeType = "autocracy" };
            yield return ("the regime type became any autocracy", rc);
        }

        if (rc.RegimeType is not null)
        {
            rc = rc with { RegimeType = null };
            yield return ("the regime type was dropped", rc);
        }

        if (rc.ExitManner is not null)
        {
            rc = rc with { ExitManner = null };
            yield return ("the manner of exit was dropped", rc);
        }
    }

    private static List<HistoricalCase> Cases(Context ctx, ReferenceClass rc, DateOnly lastExit)
    {
        var result = new List<HistoricalCase>();
        foreach (var spell in ctx.Data.Archigos)
        {
            if (spell.InOffice || spell.EndDate > lastExit || !ReferenceClass.EntryMatches(rc.EntryManner, spell.Entry))
            {
                continue;
            }

            // An assassination is a leader killed in a successful attempt (Jones & Olken), matched by Archigos id;
            // other manners use the Archigos exit codes (docs/data.md).
            var exitMatches = rc.ExitManner == "assassination" ? ctx.Assassinated.Contains(spell.ObsId) : ReferenceClass.ExitMatches(rc.ExitManner, spell);
            if (!exitMatches)
            {
                continue;
            }

            var year = spell.EndDate.Year;
            if ((rc.FromYear is { } from && year < from) || (rc.ToYear is { } to && year > to))
            {
                continue;
            }

            if (rc.Region is not null && Regions.FromCountryCode(spell.CountryCode) != rc.Region)
            {
                continue;
            }

            var tenure = spell.TenureDays / 365.25;
            if ((rc.MinTenureYears is { } min && tenure < min) || (rc.MaxTenureYears is { } max && tenure > max))
            {
                continue;
            }

            if (!ReferenceClass.RegimeMatches(rc.RegimeType, ctx.Regimes.AtExit(spell.CountryCode, spell.EndDate)?.RegimeType))
            {
                continue;
            }

            result.Add(Judge(ctx, spell));
        }

        return result;
    }

    private static HistoricalCase Judge(Context ctx, ArchigosSpell spell)
    {
        var from = spell.EndDate.AddDays(GraceDays);
        var to = spell.EndDate.AddDays(WindowDays);
        var gw = ctx.GwOfCow.TryGetValue(spell.CountryCode, out var g) ? g : spell.CountryCode;
        var coup = ctx.Data.PowellThyne.FirstOrDefault(c => c.CountryCode == gw && Date(c) is var d && d >= from && d <= to);
        var successor = ctx.Successor(spell);
        var removed = successor is not null && !successor.InOffice && successor.Exit == "Irregular" && successor.EndDate <= to;
        var detail = coup is not null
            ? string.Create(CultureInfo.InvariantCulture, $"coup attempt {Date(coup):yyyy-MM-dd} ({(coup.Successful ? "successful" : "failed")})")
            : removed ? $"successor {successor!.Leader} removed irregularly {successor.EndDate:yyyy-MM-dd}" : "no coup attempt or irregular removal within a year";
        return new HistoricalCase("archigos+powell-thyne", spell.ObsId, spell.CountryAcronym, spell.Leader, spell.StartDate, spell.EndDate, spell.EndDate.Year, coup is not null || removed, $"exit {spell.ExitCode}; {detail}");
    }

    private static DateOnly Date(PowellThyneCoup c)
    {
        var month = Math.Clamp(c.Month, 1, 12);
        return new DateOnly(c.Year, month, Math.Clamp(c.Day, 1, DateTime.DaysInMonth(c.Year, month)));
    }

    private sealed class Context
    {
        private readonly Dictionary<int, List<ArchigosSpell>> byCountry;

        public Context(HistoricalData data)
        {
            Data = data;
            Regimes = new RegimeLookup(data.Gwf);
            Assassinated = data.Attempts.Where(a => a.Success).Select(a => a.ObsId).ToHashSet(StringComparer.Ordinal);
            GwOfCow = data.Gwf.Where(p => p.CowCode is not null).GroupBy(p => p.CowCode!.Value).ToDictionary(g => g.Key, g => g.First().GwCode);
            byCountry = data.Archigos.GroupBy(s => s.CountryCode).ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartDate).ThenBy(s => s.ObsId, StringComparer.Ordinal).ToList());
        }

        public HistoricalData Data { get; }

        public RegimeLookup Regimes { get; }

        public HashSet<string> Assassinated { get; }

        public Dictionary<int, int> GwOfCow { get; }

        public ArchigosSpell? Successor(ArchigosSpell spell) =>
            byCountry[spell.CountryCode].FirstOrDefault(o => o.StartDate >= spell.EndDate && o.ObsId != spell.ObsId);
    }
}

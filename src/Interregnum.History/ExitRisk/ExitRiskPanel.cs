using Interregnum.History.Datasets;
using Interregnum.History.ReferenceClasses;

namespace Interregnum.History.ExitRisk;

/// <summary>
/// One leader-window: a leader in office on the first day of a 12-month window (1 January, or the first of any month
/// in the monthly-origin design), what the model knew then, and how the window ended. Immutable.
/// </summary>
/// <param name="ObsId">Archigos spell id.</param>
/// <param name="Leader">Leader's name.</param>
/// <param name="CountryCode">COW country code.</param>
/// <param name="Year">Year of the window's first day.</param>
/// <param name="Covariates">Covariates on the window's first day.</param>
/// <param name="Outcome">How the leader left office in the window, or <see cref="ExitManner.None"/>.</param>
/// <param name="Kind">The kind of an irregular exit, else null.</param>
/// <param name="Month">Month of the window's first day (1: the 1-January design).</param>
public sealed record LeaderYear(string ObsId, string Leader, int CountryCode, int Year, ExitRiskCovariates Covariates, ExitManner Outcome, IrregularKind? Kind, int Month = 1)
{
    /// <summary>The window's first day.</summary>
    public DateOnly Start => new(Year, Month, 1);

    /// <summary>The day after the window's last day (first day + 12 months): the outcome is known from here on.</summary>
    public DateOnly WindowEnd => Start.AddMonths(12);
}

/// <summary>Which days start a forecast window in the panel.</summary>
public enum ExitRiskOrigins
{
    /// <summary>1 January of every year: one row per leader in office on 1 January (the original design).</summary>
    January,

    /// <summary>The first day of every month: one row per leader in office on that day (the product forecasts from any day).</summary>
    Monthly,
}

/// <summary>The leader-year panel and what was left out of it. Immutable.</summary>
/// <param name="Rows">Leader-years, by year then country.</param>
/// <param name="MissingBirthYear">Leader-years left out because Archigos has no birth year.</param>
/// <param name="UnknownExit">Leader-years left out because the exit in the window is coded Unknown.</param>
/// <param name="HeldOut">Leader-years left out because their exit is one of the project's held-out backtest cases.</param>
/// <param name="RegimeCarriedForward">Leader-years after 2010 whose regime type is GWF's 2010 regime carried forward.</param>
/// <param name="Origins">Which days start the windows.</param>
public sealed record LeaderYearPanel(IReadOnlyList<LeaderYear> Rows, int MissingBirthYear, int UnknownExit, int HeldOut, int RegimeCarriedForward, ExitRiskOrigins Origins = ExitRiskOrigins.January);

/// <summary>
/// Builds the leader-year panel of the exit-risk model from Archigos 4.1 (spells, exits, entry, birth year),
/// GWF (regime type) and Powell &amp; Thyne 2019 (coup attempts). A leader-year is a leader in office on 1 January
/// of a year from <see cref="FirstYear"/> to <see cref="LastYear"/>; its outcome is the manner of an exit before
/// the next 1 January. Leaders who enter and leave within one calendar year are never at risk on a 1 January and
/// are not in the panel (the model forecasts for a sitting leader). The monthly-origin design
/// (<see cref="ExitRiskOrigins.Monthly"/>) starts a window on the first of every month instead, from 1955-01-01 to
/// 2015-01-01 (the last first-of-month whose whole 12-month window Archigos observes), with the same covariates as of
/// that day; a leader is then in up to 12 overlapping windows a year.
/// </summary>
public static class ExitRiskPanel
{
    /// <summary>First window year: 1955, so the five-year coup count (Powell &amp; Thyne begin 1950) is complete.</summary>
    public const int FirstYear = 1955;

    /// <summary>Last window year: 2015, the last year Archigos 4.1 observes exits (spells in office on 2015-12-31 are censored).</summary>
    public const int LastYear = 2015;

    /// <summary>First day of the Powell &amp; Thyne list: years since the last coup attempt count from here when a country has none.</summary>
    public static readonly DateOnly CoupRecordStart = new(1950, 1, 1);

    /// <summary>Last day of GWF regime coverage; later leader-years carry the regime in power that day forward.</summary>
    public static readonly DateOnly GwfEnd = new(2010, 12, 31);

    /// <summary>
    /// Exits that are the project's held-out backtest cases (COW code, year): the leader-years in which they happen
    /// are left out so that no fitted number has seen them.
    /// </summary>
    public static IReadOnlyList<(int CountryCode, int Year)> HeldOutExits { get; } =
    [
        (365, 1953), (710, 1976), (651, 1970), (770, 1988), (439, 1987), (101, 2013),
        (552, 2017), (770, 1951), (42, 1961), (817, 1963), (450, 1980), (461, 1963),
    ];

    /// <summary>Builds the panel.</summary>
    public static LeaderYearPanel Build(HistoricalData data, ExitRiskOrigins origins = ExitRiskOrigins.January) => Build(data, origins, OriginDays(origins));

    /// <summary>
    /// Builds the rows of the given window-start days only, by the rules of the design (a look-ahead check rebuilds one
    /// day from data cut at that day). Each day should be one of <see cref="OriginDays"/>.
    /// </summary>
    public static LeaderYearPanel Build(HistoricalData data, ExitRiskOrigins origins, IEnumerable<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(days);
        var regimes = new RegimeLookup(data.Gwf);
        var coups = CoupDates(data.PowellThyne);
        var calendar = new ElectionCalendar(data.Elections);
        var regionCoups = coups
            .SelectMany(c => c.Value.Select(d => (Code: c.Key, Date: d)))
            .ToLookup(c => Regions.FromCountryCode(c.Code) ?? "europe");
        var irregularExits = data.Archigos
            .Where(s => s.Exit is "Irregular" or "Foreign")
            .ToLookup(s => s.CountryCode, s => s.EndDate);
        var careers = MilitaryCareers(data.ReignLeaders);
        var plots = data.Cline.Where(c => c.Unrealized).ToLookup(c => c.CowCode, ClineDate);
        var entries = data.Archigos.ToLookup(s => s.CountryCode, s => s.StartDate);
        var iqbalZorn = new IqbalZornLookup(data.IqbalZorn);
        var spells = data.Archigos.OrderBy(s => s.CountryCode).ThenBy(s => s.StartDate).ToList();
        var rows = new List<LeaderYear>();
        int missingBirth = 0, unknownExit = 0, heldOut = 0, carried = 0;
        foreach (var origin in days)
        {
            var windowEnd = origin.AddMonths(12);
            foreach (var s in spells.Where(s => s.StartDate < origin && s.EndDate >= origin))
            {
                var exits = !s.InOffice && s.EndDate < windowEnd;
                var outcome = exits ? MannerOf(s.Exit) : ExitManner.None;
                if (outcome is null)
                {
                    unknownExit++;
                    continue;
                }

                // The exit's year: in the 1-January design the window year itself.
                if (exits && HeldOutExits.Contains((s.CountryCode, s.EndDate.Year)))
                {
                    heldOut++;
                    continue;
                }

                if (s.YearBorn is not { } born)
                {
                    missingBirth++;
                    continue;
                }

                // The regime in power on the day (1 January, as shipped), or, in the monthly design, on the day before:
                // GWF dates a regime from the day of the coup that starts it, and a coup on the first of a month must not
                // show in the covariates of the leader it ousts that day.
                var (regime, carriedForward, regimeStart) = RegimeOn(regimes, s.CountryCode, origins == ExitRiskOrigins.Monthly ? origin.AddDays(-1) : origin);
                carried += carriedForward ? 1 : 0;
                var countryCoups = coups.TryGetValue(s.CountryCode, out var list) ? list : [];
                var region = Regions.FromCountryCode(s.CountryCode) ?? "europe";
                var lastCoup = countryCoups.Where(d => d < origin).DefaultIfEmpty(CoupRecordStart).Max();
                var covariates = new ExitRiskCovariates(
                    origin.Year - born,
                    (origin.DayNumber - s.StartDate.DayNumber) / 365.25,
                    regime,
                    region,
                    s.Entry == "Irregular",
                    s.Entry == "Foreign Imposition",
                    s.PreviousTimesInOffice > 0,
                    countryCoups.Count(d => d < origin && d >= origin.AddYears(-5)),
                    countryCoups.Any(d => d < origin),
                    origin.Year,
                    countryCoups.Count(d => d < origin && d >= s.StartDate),
                    irregularExits[s.CountryCode].Count(d => d < origin && d >= origin.AddYears(-10)),
                    (origin.DayNumber - lastCoup.DayNumber) / 365.25,
                    calendar.KnownVoteBetween(s.CountryCode, origin, 0, 12),
                    calendar.KnownVoteBetween(s.CountryCode, origin, 12, 24),
                    regionCoups[region].Count(c => c.Code != s.CountryCode && c.Date < origin && c.Date >= origin.AddYears(-3)),
                    MilitaryCareerOf(careers, s),
                    regimeStart is { } rs ? (origin.DayNumber - rs.DayNumber) / 365.25 : 0,
                    entries[s.CountryCode].Count(d => d < origin && d >= origin.AddYears(-5)),
                    irregularExits[s.CountryCode].Count(d => d < origin && d >= CoupRecordStart),
                    plots[s.CountryCode].Count(d => d < origin && d >= origin.AddYears(-5)),
                    countryCoups.Count(d => d < origin && d >= origin.AddMonths(-6)),
                    countryCoups.Count(d => d < origin && d >= origin.AddMonths(-12)),
                    calendar.VoteHeldBetween(s.CountryCode, origin.AddMonths(-3), origin),
                    iqbalZorn.IsEmpty ? null : iqbalZorn.At(s.CountryCode, origin.Year));
                rows.Add(new LeaderYear(s.ObsId, s.Leader, s.CountryCode, origin.Year, covariates, outcome.Value, outcome == ExitManner.Irregular ? KindOf(s.ExitCode) : null, origin.Month));
            }
        }

        return new LeaderYearPanel(rows, missingBirth, unknownExit, heldOut, carried, origins);
    }

    /// <summary>
    /// The days that start a window: 1 January <see cref="FirstYear"/> … <see cref="LastYear"/>, or the first of every
    /// month from 1 January <see cref="FirstYear"/> to 1 January <see cref="LastYear"/> (a later window would run past
    /// 2015-12-31, where Archigos stops observing exits).
    /// </summary>
    public static IEnumerable<DateOnly> OriginDays(ExitRiskOrigins origins)
    {
        var last = new DateOnly(LastYear, 1, 1);
        for (var d = new DateOnly(FirstYear, 1, 1); d <= last; d = origins == ExitRiskOrigins.Monthly ? d.AddMonths(1) : d.AddYears(1))
        {
            yield return d;
        }
    }

    /// <summary>The model's manner for an Archigos exit, or null for Unknown.</summary>
    public static ExitManner? MannerOf(string archigosExit) => archigosExit switch
    {
        "Regular" => ExitManner.Regular,
        "Natural Death" or "Retired Due to Ill Health" or "Suicide" => ExitManner.Natural,
        "Irregular" or "Foreign" => ExitManner.Irregular,
        "Still in Office" => ExitManner.None,
        _ => null,
    };

    /// <summary>The kind of an irregular exit from its Archigos exit code.</summary>
    public static IrregularKind KindOf(string exitCode) =>
        exitCode.StartsWith("Removed by Military", StringComparison.Ordinal) || exitCode == "Removed in Military Power Struggle Short of Coup"
            ? IrregularKind.Coup
            : exitCode == "Assassination by Unsupported Individual" ? IrregularKind.Killing : IrregularKind.Other;

    /// <summary>
    /// Powell &amp; Thyne coup-attempt dates by COW code. The list uses Gleditsch–Ward codes; where they differ from COW
    /// for a state Archigos codes (unified Germany 260→255 and unified Yemen 678→679 from 1990, Serbia 340→345) the code is translated.
    /// </summary>
    internal static Dictionary<int, List<DateOnly>> CoupDates(IEnumerable<PowellThyneCoup> coups) =>
        coups
            .Select(c => (Code: CowOf(c.CountryCode, c.Year), Date: SafeDate(c.Year, c.Month, c.Day)))
            .GroupBy(c => c.Code)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Date).Order().ToList());

    private static int CowOf(int gw, int year) => (gw, year) switch
    {
        (260, >= 1990) => 255,
        (678, >= 1990) => 679,
        (340, _) => 345,
        _ => gw,
    };

    private static DateOnly SafeDate(int year, int month, int day) =>
        new(year, Math.Clamp(month, 1, 12), Math.Clamp(day, 1, DateTime.DaysInMonth(year, Math.Clamp(month, 1, 12))));

    private static (ExitRegime Regime, bool CarriedForward, DateOnly? Start) RegimeOn(RegimeLookup regimes, int cow, DateOnly date)
    {
        if (date <= GwfEnd)
        {
            var period = regimes.AtStart(cow, date);
            return (ExitRiskCovariates.RegimeOf(period?.RegimeType), false, period?.StartDate);
        }

        var last = regimes.AtStart(cow, GwfEnd);
        return last is not null && last.EndDate == GwfEnd ? (ExitRiskCovariates.RegimeOf(last.RegimeType), true, last.StartDate) : (ExitRegime.Other, false, null);
    }

    /// <summary>The day of a Cline event; without a month, the last day of its year; without a day, the last day of its month (never earlier than it could have happened).</summary>
    public static DateOnly ClineDate(ClineCoupEvent e)
    {
        if (e.Month is not (>= 1 and <= 12))
        {
            return new DateOnly(e.Year, 12, 31);
        }

        var month = e.Month.Value;
        var last = DateTime.DaysInMonth(e.Year, month);
        return new DateOnly(e.Year, month, e.Day is >= 1 && e.Day <= last ? e.Day.Value : last);
    }

    /// <summary>REIGN leaders' start dates and military careers (missing read as 0) by COW code.</summary>
    public static ILookup<int, (DateOnly Start, double Career)> MilitaryCareers(IEnumerable<ReignLeader> leaders) =>
        leaders.ToLookup(l => l.CountryCode, l => (SafeDate(l.StartYear, l.StartMonth, l.StartDay), l.MilitaryCareer ?? 0));

    /// <summary>
    /// A fact about the leader before office: the military career of the REIGN leader of the same country whose start
    /// is nearest the Archigos spell's, within 31 days (the lists date some starts a day or a month apart); 0 when none is.
    /// </summary>
    public static double MilitaryCareerOf(ILookup<int, (DateOnly Start, double Career)> careers, ArchigosSpell spell) =>
        careers[spell.CountryCode]
            .Select(c => (Gap: Math.Abs(c.Start.DayNumber - spell.StartDate.DayNumber), c.Career))
            .Where(c => c.Gap <= 31)
            .OrderBy(c => c.Gap)
            .Select(c => c.Career)
            .FirstOrDefault();
}

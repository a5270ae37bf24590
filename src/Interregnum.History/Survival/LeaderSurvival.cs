using System.Globalization;
using Interregnum.History.Datasets;
using Interregnum.History.ReferenceClasses;
using Interregnum.Statistics;

namespace Interregnum.History.Survival;

/// <summary>How leader spells are grouped for survival curves.</summary>
public enum SurvivalGrouping
{
    /// <summary>By Archigos manner of entry (Regular, Irregular, Foreign Imposition).</summary>
    Entry,

    /// <summary>By the GWF regime type in power when the spell began (personal, military, party, monarchy, democracy, other).</summary>
    Regime,
}

/// <summary>Tenure survival of one group of leaders. Immutable.</summary>
/// <param name="Group">Group label.</param>
/// <param name="Tenure">Kaplan–Meier curve of tenure in years (event = leaving office for any reason).</param>
/// <param name="IrregularExit">Kaplan–Meier curve of time to an irregular exit (other exits censored; cause-specific).</param>
/// <param name="Spells">Spells in the group.</param>
/// <param name="Exits">Spells that ended before 2015-12-31.</param>
/// <param name="IrregularExits">Spells that ended with Archigos exit Irregular.</param>
/// <param name="LeaderYears">Total time in office, in years.</param>
public sealed record SurvivalGroup(string Group, KaplanMeierCurve Tenure, KaplanMeierCurve IrregularExit, int Spells, int Exits, int IrregularExits, double LeaderYears)
{
    /// <summary>Irregular exits per 100 leader-years (the crude cause-specific hazard).</summary>
    public double IrregularExitsPer100LeaderYears => LeaderYears > 0 ? 100.0 * IrregularExits / LeaderYears : double.NaN;
}

/// <summary>
/// Survival of leaders in office from Archigos 4.1: Kaplan–Meier curves by entry or regime type, the hazard of an
/// irregular exit, and a Cox model. Tenure is (end − start) in days / 365.25; spells still in office at
/// 2015-12-31 are right-censored. Spells that began before 1875 enter at their start date (no left-truncation
/// adjustment; 2% of spells).
/// </summary>
public static class LeaderSurvival
{
    private const double DaysPerYear = 365.25;

    /// <summary>Kaplan–Meier curves (with <paramref name="level"/> log-log bands) per group, largest group first.</summary>
    public static IReadOnlyList<SurvivalGroup> Curves(HistoricalData data, SurvivalGrouping grouping, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(data);
        var regimes = new RegimeLookup(data.Gwf);
        var groups = data.Archigos
            .Select(s => (Spell: s, Group: GroupOf(s, grouping, regimes)))
            .Where(p => p.Group is not null)
            .GroupBy(p => p.Group!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        var result = new List<SurvivalGroup>();
        foreach (var g in groups)
        {
            var spells = g.Select(p => p.Spell).ToList();
            var times = spells.Select(s => s.TenureDays / DaysPerYear).ToList();
            var exits = spells.Select(s => !s.InOffice).ToList();
            var irregular = spells.Select(s => s.Exit == "Irregular").ToList();
            result.Add(new SurvivalGroup(
                g.Key,
                KaplanMeier.Fit(times, exits, level),
                KaplanMeier.Fit(times, irregular, level),
                spells.Count,
                exits.Count(e => e),
                irregular.Count(e => e),
                times.Sum()));
        }

        return result;
    }

    /// <summary>The covariates of <see cref="Cox"/>, in order.</summary>
    public static IReadOnlyList<string> CoxCovariates { get; } =
        ["age_at_entry", "entry_decade", "irregular_entry", "military", "party", "monarchy", "democracy", "other_regime"];

    /// <summary>
    /// A Cox model of the hazard of leaving office (or, with <paramref name="irregularOnly"/>, of an irregular exit,
    /// other exits censored). Sample: spells with a known birth year and a GWF regime at the start (1946–2010 starts
    /// mostly). Covariates: age at entry (years), entry year in decades from 1950, irregular entry (0/1) and GWF regime
    /// type at the start (dummies; personal is the base).
    /// </summary>
    public static CoxFit Cox(HistoricalData data, bool irregularOnly)
    {
        ArgumentNullException.ThrowIfNull(data);
        var regimes = new RegimeLookup(data.Gwf);
        var sample = data.Archigos
            .Select(s => (Spell: s, Regime: PrimaryRegime(regimes.AtStart(s.CountryCode, s.StartDate)?.RegimeType)))
            .Where(p => p.Spell.AgeAtEntry is not null && p.Regime is not null)
            .ToList();
        var x = new double[sample.Count, CoxCovariates.Count];
        for (var i = 0; i < sample.Count; i++)
        {
            var (s, regime) = sample[i];
            x[i, 0] = s.AgeAtEntry!.Value;
            x[i, 1] = (s.StartDate.Year - 1950) / 10.0;
            x[i, 2] = s.Entry == "Irregular" ? 1 : 0;
            x[i, 3] = regime == "military" ? 1 : 0;
            x[i, 4] = regime == "party" ? 1 : 0;
            x[i, 5] = regime == "monarchy" ? 1 : 0;
            x[i, 6] = regime == "democracy" ? 1 : 0;
            x[i, 7] = regime == "other" ? 1 : 0;
        }

        var times = sample.Select(p => p.Spell.TenureDays / DaysPerYear).ToList();
        var events = sample.Select(p => irregularOnly ? p.Spell.Exit == "Irregular" : !p.Spell.InOffice).ToList();
        return CoxRegression.Fit(times, events, x, CoxCovariates);
    }

    /// <summary>
    /// The primary regime type of a GWF type: hybrids containing "personal" count as personal, party-military as
    /// party, indirect military as military; provisional, oligarchy, warlord, foreign-occupied and the like as other.
    /// </summary>
    public static string? PrimaryRegime(string? gwfType) => gwfType switch
    {
        null => null,
        "democracy" => "democracy",
        "monarchy" => "monarchy",
        "military" or "indirect military" => "military",
        "party" or "party-military" => "party",
        _ when gwfType.Contains("personal", StringComparison.Ordinal) => "personal",
        _ => "other",
    };

    private static string? GroupOf(ArchigosSpell s, SurvivalGrouping grouping, RegimeLookup regimes) => grouping switch
    {
        SurvivalGrouping.Entry => s.Entry == "Unknown" ? null : s.Entry,
        _ => PrimaryRegime(regimes.AtStart(s.CountryCode, s.StartDate)?.RegimeType),
    };

    /// <summary>Formats a number for tables (invariant, 3 decimals).</summary>
    internal static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

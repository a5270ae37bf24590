using Interregnum.History.Datasets;
using Interregnum.History.Replication;
using Interregnum.Statistics;

namespace Interregnum.History.ReferenceClasses;

/// <summary>
/// Historical base rates for a reference class: the outside view beside a forecast. Pure functions of the data.
/// Every rate carries a Wilson score 90% interval (<see cref="BinomialInterval.Wilson"/>).
/// </summary>
public static class OutsideView
{
    /// <summary>Interval level of every base rate.</summary>
    public const double Level = 0.90;

    /// <summary>Outcome ids, in the order <see cref="BaseRates"/> returns them.</summary>
    public static IReadOnlyList<string> Outcomes { get; } =
        ["successor-entry", "leader-fate", "regime-survived", "coup-success", "coup-success-recent", "assassination-success", "democratization-after-assassination"];

    /// <summary>Every base rate that applies to the reference class (optionally only one outcome).</summary>
    /// <param name="data">The loaded datasets.</param>
    /// <param name="referenceClass">The reference class; see <see cref="ReferenceClass.Validate"/>.</param>
    /// <param name="outcome">One of <see cref="Outcomes"/>, or null for all.</param>
    /// <exception cref="ArgumentException">The reference class or outcome is invalid.</exception>
    public static IReadOnlyList<BaseRate> BaseRates(HistoricalData data, ReferenceClass referenceClass, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(referenceClass);
        var errors = referenceClass.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(referenceClass));
        }

        if (outcome is not null && !Outcomes.Contains(outcome))
        {
            throw new ArgumentException($"unknown outcome '{outcome}'; expected one of {string.Join(", ", Outcomes)}", nameof(outcome));
        }

        var regimes = new RegimeLookup(data.Gwf);
        var rates = new List<BaseRate>();
        bool Wants(string id) => outcome is null || outcome == id;
        var rc = referenceClass;
        var exitIsLeaderExit = rc.ExitManner is not "failed-attempt";

        if (exitIsLeaderExit && (Wants("successor-entry") || Wants("leader-fate") || Wants("regime-survived")))
        {
            var spells = MatchingSpells(data, rc, regimes);
            if (Wants("successor-entry"))
            {
                rates.AddRange(SuccessorEntry(data, spells));
            }

            if (Wants("leader-fate"))
            {
                rates.AddRange(LeaderFate(spells));
            }

            if (Wants("regime-survived"))
            {
                rates.Add(RegimeSurvived(spells, regimes));
            }
        }

        var coupClass = rc.ExitManner is null or "coup" or "failed-attempt";
        if (coupClass && Wants("coup-success"))
        {
            rates.Add(CoupSuccess(data, rc, regimes));
        }

        if (coupClass && Wants("coup-success-recent"))
        {
            rates.Add(CoupSuccessRecent(data, rc, regimes));
        }

        var assassinationClass = rc.ExitManner is null or "assassination" or "failed-attempt";
        if (assassinationClass && Wants("assassination-success"))
        {
            rates.Add(AssassinationSuccess(data, rc, regimes));
        }

        if (assassinationClass && Wants("democratization-after-assassination"))
        {
            rates.AddRange(Democratization(data, rc));
        }

        return rates;
    }

    /// <summary>
    /// The share of completed Archigos spells that ended irregularly: k = spells with exit "Irregular",
    /// n = spells whose exit is anything but "Still in Office" (foreign removals, natural deaths and unknown exits
    /// are in n, not in k).
    /// </summary>
    public static BinomialInterval IrregularExitShare(IReadOnlyList<ArchigosSpell> spells)
    {
        ArgumentNullException.ThrowIfNull(spells);
        var completed = spells.Where(s => !s.InOffice).ToList();
        return BinomialInterval.Wilson(completed.Count(s => s.Exit == "Irregular"), completed.Count, Level);
    }

    private static List<(ArchigosSpell Spell, string? Regime)> MatchingSpells(HistoricalData data, ReferenceClass rc, RegimeLookup regimes)
    {
        var result = new List<(ArchigosSpell, string?)>();
        foreach (var s in data.Archigos)
        {
            if (s.InOffice || !ReferenceClass.ExitMatches(rc.ExitManner, s) || !ReferenceClass.EntryMatches(rc.EntryManner, s.Entry))
            {
                continue;
            }

            var year = s.EndDate.Year;
            if ((rc.FromYear is { } from && year < from) || (rc.ToYear is { } to && year > to))
            {
                continue;
            }

            if (rc.Region is not null && Regions.FromCountryCode(s.CountryCode) != rc.Region)
            {
                continue;
            }

            var tenure = s.TenureDays / 365.25;
            if ((rc.MinTenureYears is { } min && tenure < min) || (rc.MaxTenureYears is { } max && tenure > max))
            {
                continue;
            }

            var regime = regimes.AtExit(s.CountryCode, s.EndDate)?.RegimeType;
            if (!ReferenceClass.RegimeMatches(rc.RegimeType, regime))
            {
                continue;
            }

            result.Add((s, regime));
        }

        return result;
    }

    private static IEnumerable<BaseRate> SuccessorEntry(HistoricalData data, List<(ArchigosSpell Spell, string? Regime)> spells)
    {
        var byCountry = data.Archigos.GroupBy(s => s.CountryCode)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartDate).ThenBy(s => s.ObsId, StringComparer.Ordinal).ToList());
        var pairs = new List<(ArchigosSpell Spell, ArchigosSpell Successor)>();
        foreach (var (spell, _) in spells)
        {
            var successor = byCountry[spell.CountryCode].FirstOrDefault(o => o.StartDate >= spell.EndDate && o.ObsId != spell.ObsId);
            if (successor is not null && successor.Entry != "Unknown")
            {
                pairs.Add((spell, successor));
            }
        }

        var notes = new List<string> { "successor = the next Archigos spell in the same country starting on or after the exit; successors of unknown entry are left out" };
        foreach (var (category, label) in new[]
        {
            ("Regular", "Successor came in by the rules (Archigos entry Regular)"),
            ("Irregular", "Successor came in irregularly (Archigos entry Irregular)"),
            ("Foreign Imposition", "Successor imposed by a foreign power"),
        })
        {
            var cases = pairs.Select(p => SpellCase(p.Spell, p.Successor.Entry == category, $"successor {p.Successor.Leader} ({p.Successor.ObsId}), entry {p.Successor.Entry}")).ToList();
            yield return Rate("successor-entry", category, label, "archigos", cases, notes);
        }
    }

    private static IEnumerable<BaseRate> LeaderFate(List<(ArchigosSpell Spell, string? Regime)> spells)
    {
        string[] known = ["OK", "Exile", "Imprisonment", "Death", "Suicide"];
        var observed = spells.Where(s => known.Contains(s.Spell.PostTenureFate)).Select(s => s.Spell).ToList();
        var notes = new List<string> { "Archigos posttenurefate, within one year of leaving office; 'Missing: ...' codes are left out of n" };
        foreach (var (category, label) in new[]
        {
            ("OK", "Outgoing leader unharmed within a year"),
            ("Exile", "Outgoing leader exiled within a year"),
            ("Imprisonment", "Outgoing leader imprisoned within a year"),
            ("Death", "Outgoing leader killed within a year"),
            ("Suicide", "Outgoing leader died by suicide within a year"),
        })
        {
            var cases = observed.Select(s => SpellCase(s, s.PostTenureFate == category, "fate " + s.PostTenureFate)).ToList();
            yield return Rate("leader-fate", category, label, "archigos", cases, notes);
        }
    }

    private static BaseRate RegimeSurvived(List<(ArchigosSpell Spell, string? Regime)> spells, RegimeLookup regimes)
    {
        var cases = new List<HistoricalCase>();
        foreach (var (spell, _) in spells)
        {
            var regime = regimes.AtExit(spell.CountryCode, spell.EndDate);
            if (regime is null || regime.IsDemocracy)
            {
                continue;
            }

            var survived = regime.EndDate > spell.EndDate;
            cases.Add(SpellCase(spell, survived, $"GWF {regime.CaseName} ({regime.RegimeType}) ended {regime.EndDate:yyyy-MM-dd}{(regime.HowEnd is null ? string.Empty : ", " + regime.HowEnd)}"));
        }

        return Rate(
            "regime-survived",
            "yes",
            "Autocratic regime (GWF) outlived the leader's exit",
            "archigos+gwf",
            cases,
            ["regime = the GWF autocratic regime in power the day before the exit; survived = the regime's end date is after the exit date; exits after 2010-12-31 and democratic periods are outside GWF's coverage"]);
    }

    private static BaseRate CoupSuccess(HistoricalData data, ReferenceClass rc, RegimeLookup regimes)
    {
        var cases = new List<HistoricalCase>();
        foreach (var c in data.PowellThyne)
        {
            if (!InEra(rc, c.Year) || (rc.Region is not null && Regions.FromCountryCode(c.CountryCode) != rc.Region))
            {
                continue;
            }

            var date = SafeDate(c.Year, c.Month, c.Day);
            if (rc.RegimeType is not null && !ReferenceClass.RegimeMatches(rc.RegimeType, regimes.AtGw(c.CountryCode, date)?.RegimeType))
            {
                continue;
            }

            cases.Add(new HistoricalCase("powell-thyne", $"{c.CountryCode}-{date:yyyy-MM-dd}", c.Country, null, null, date, c.Year, c.Successful, c.Successful ? "successful (held power ≥ 7 days)" : "failed"));
        }

        return Rate("coup-success", "yes", "Coup attempt succeeded (Powell & Thyne 1950–2019)", "powell-thyne", cases, NotApplicable(rc, entry: true, tenure: true));
    }

    private static BaseRate CoupSuccessRecent(HistoricalData data, ReferenceClass rc, RegimeLookup regimes)
    {
        var from = Math.Max(2019, rc.FromYear ?? 2019);
        var to = Math.Min(2023, rc.ToYear ?? 2023);
        var cases = new List<HistoricalCase>();
        foreach (var c in data.Cline)
        {
            if (!c.IsAttempt || c.Year < from || c.Year > to || (rc.Region is not null && Regions.FromCountryCode(c.CowCode) != rc.Region))
            {
                continue;
            }

            var date = SafeDate(c.Year, c.Month ?? 1, c.Day ?? 1);
            if (rc.RegimeType is not null && !ReferenceClass.RegimeMatches(rc.RegimeType, regimes.AtExit(c.CowCode, date.AddDays(1))?.RegimeType))
            {
                continue;
            }

            cases.Add(new HistoricalCase("cline", c.CoupId, c.Country, null, null, date, c.Year, c.Realized, c.EventType));
        }

        var notes = NotApplicable(rc, entry: true, tenure: true);
        notes.Insert(0, "Cline Center v2.1.3, 2019–2023 only; attempts = realized coups + failed attempts (event types coup and attempted coup; conspiracies left out); a wider coup definition than Powell & Thyne's");
        if (rc.RegimeType is not null)
        {
            notes.Add("GWF regime types end in 2010, so a regime filter leaves no 2019–2023 case");
        }

        return Rate("coup-success-recent", "yes", "Coup attempt succeeded (Cline Center, 2019–2023)", "cline", cases, notes);
    }

    private static BaseRate AssassinationSuccess(HistoricalData data, ReferenceClass rc, RegimeLookup regimes)
    {
        var codes = data.Archigos.GroupBy(s => s.CountryAcronym, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().CountryCode, StringComparer.Ordinal);
        var cases = new List<HistoricalCase>();
        foreach (var a in data.Attempts)
        {
            if (!a.Serious || !InEra(rc, a.Year))
            {
                continue;
            }

            int? code = codes.TryGetValue(a.CountryAcronym, out var cc) ? cc : null;
            if (rc.Region is not null && (code is null || Regions.FromCountryCode(code.Value) != rc.Region))
            {
                continue;
            }

            var date = SafeDate(a.Year, a.Month ?? 1, a.Day ?? 1);
            if (rc.RegimeType is not null && (code is null || !ReferenceClass.RegimeMatches(rc.RegimeType, regimes.AtExit(code.Value, date.AddDays(1))?.RegimeType)))
            {
                continue;
            }

            cases.Add(new HistoricalCase("jones-olken", a.ObsId, a.Country, a.LeaderName, null, date, a.Year, a.Success, "result code " + a.Result.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var notes = NotApplicable(rc, entry: true, tenure: true);
        notes.Insert(0, "serious attempts only (the attack took place); success = the leader died (result 11–19)");
        return Rate("assassination-success", "yes", "Assassination attempt killed the leader (Jones & Olken 1875–2004)", "jones-olken", cases, notes);
    }

    private static IEnumerable<BaseRate> Democratization(HistoricalData data, ReferenceClass rc)
    {
        var sample = JonesOlkenReplication.Run(data.LeaderYears).DemocracySample;
        var codes = data.Archigos.GroupBy(s => s.CountryAcronym, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().CountryCode, StringComparer.Ordinal);
        var autocrats = sample.Where(s => s.Lag == 1.0 && InEra(rc, s.Row.Year)
            && (rc.Region is null || (codes.TryGetValue(s.Row.Country, out var cc) && Regions.FromCountryCode(cc) == rc.Region))).ToList();
        var notes = NotApplicable(rc, entry: true, tenure: true);
        notes.Insert(0, "Jones & Olken Table 5 sample: country-years with a serious attempt on an autocrat (polity2 ≤ 0 the year before); transition = polity2 from ≤ 0 at t−1 to > 0 at t+1");
        if (rc.RegimeType is not null)
        {
            notes.Add("regime type is given by Polity (autocrat = polity2 ≤ 0), not GWF; the GWF filter is not applied");
        }

        foreach (var (success, label) in new[] { (1, "after a successful assassination"), (0, "after a failed assassination attempt") })
        {
            var cases = autocrats.Where(s => s.Row.Success == success)
                .Select(s => new HistoricalCase("jones-olken", s.Row.KeptObsId, s.Row.Country, s.Row.LeaderName, null, null, s.Row.Year, s.Outcome == 1.0, "Δdemocracy " + s.Outcome.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            yield return Rate("democratization-after-assassination", success == 1 ? "successful" : "failed", "Autocracy became a democracy " + label, "jones-olken", cases, notes);
        }
    }

    private static List<string> NotApplicable(ReferenceClass rc, bool entry, bool tenure)
    {
        var notes = new List<string>();
        if (entry && rc.EntryManner is not null)
        {
            notes.Add("the entry filter does not apply to this dataset and was ignored");
        }

        if (tenure && (rc.MinTenureYears is not null || rc.MaxTenureYears is not null))
        {
            notes.Add("the tenure filter does not apply to this dataset and was ignored");
        }

        return notes;
    }

    private static bool InEra(ReferenceClass rc, int year) =>
        (rc.FromYear is null || year >= rc.FromYear) && (rc.ToYear is null || year <= rc.ToYear);

    private static DateOnly SafeDate(int year, int month, int day)
    {
        month = Math.Clamp(month, 1, 12);
        day = Math.Clamp(day, 1, DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, day);
    }

    private static HistoricalCase SpellCase(ArchigosSpell s, bool hasOutcome, string detail) =>
        new("archigos", s.ObsId, s.CountryAcronym, s.Leader, s.StartDate, s.EndDate, s.EndDate.Year, hasOutcome, $"exit {s.Exit} ({s.ExitCode}); {detail}");

    private static BaseRate Rate(string outcome, string category, string label, string dataset, List<HistoricalCase> cases, IReadOnlyList<string> notes)
    {
        var k = cases.Count(c => c.HasOutcome);
        var interval = BinomialInterval.Wilson(k, cases.Count, Level);
        return new BaseRate(outcome, category, label, dataset, k, cases.Count, interval.Estimate, interval.Lower, interval.Upper, Level, interval.Method, cases, notes);
    }
}

using System.Globalization;
using Interregnum.Model;

namespace Interregnum.Scenarios;

/// <summary>
/// Reads the optional <c>exit_risk</c> section of a scenario (docs/exit-risk.md, "Scenario section"): the
/// incumbent's facts for the exit-risk model and an optional judgment. Kept apart from <see cref="ScenarioBuilder"/>
/// so the section stays self-contained.
/// </summary>
/// <param name="b">The binder errors go to.</param>
/// <param name="reference">Records a reference to a declared element (node, kind) and returns its id, resolved with the scenario's other references.</param>
internal sealed class ExitRiskSectionReader(NodeBinder b, Func<YNode, string, string?> reference)
{
    /// <summary>Regime types the section accepts: democracy and the GWF autocratic types.</summary>
    internal static readonly string[] RegimeTypes =
    [
        "democracy", "personal", "military", "party", "monarchy", "oligarchy", "indirect-military", "party-personal",
        "military-personal", "party-military", "party-military-personal", "provisional",
    ];

    internal static readonly string[] Entries = ["regular", "irregular", "foreign"];

    internal static readonly string[] RegionNames = ["americas", "europe", "africa", "mena", "asia", "oceania"];

    public ExitRiskDeclaration? Read(YMapping m, DateOnly? asOf, int? incumbentBirthYear)
    {
        var v = b.Open(
            m, "the exit-risk section", "in_office_since", "entry", "served_before", "regime_type", "region", "coup_attempts_past_5_years",
            "coup_attempt_since_1950", "coup_attempts_this_tenure", "irregular_exits_past_10_years", "last_coup_attempt", "scheduled_elections",
            "region_coup_attempts_past_3_years", "military_career", "judgment", "sources");
        var errorsBefore = b.ErrorCount;
        if (asOf is null)
        {
            b.Error(m, "the exit-risk section needs the scenario's 'as_of' date (the first day of the forecast window)");
        }

        if (incumbentBirthYear is null)
        {
            b.Error(m, "the exit-risk section needs the incumbent's 'birth_year' (the model reads the incumbent's age)");
        }

        var since = b.Date(v, "in_office_since");
        if (since is not null && asOf is not null && since > asOf)
        {
            b.Error(v.ValueNode("in_office_since")!, $"'in_office_since' {since:yyyy-MM-dd} is after as_of {asOf:yyyy-MM-dd}");
        }

        var entry = v.Get("entry", required: true) is { } en ? b.Choice(en, "'entry'", Entries) : null;
        var served = v.Bool("served_before", required: true);
        var regime = v.Get("regime_type", required: true) is { } rn ? b.Choice(rn, "'regime_type'", RegimeTypes) : null;
        var region = v.Get("region", required: true) is { } gn ? b.Choice(gn, "'region'", RegionNames) : null;
        var coups5 = Count(v, "coup_attempts_past_5_years");
        var coupEver = v.Bool("coup_attempt_since_1950", required: true);
        var coupsTenure = Count(v, "coup_attempts_this_tenure");
        var irregular10 = Count(v, "irregular_exits_past_10_years");
        if (coups5 > 0 && coupEver == false)
        {
            b.Error(v.ValueNode("coup_attempt_since_1950")!, "'coup_attempt_since_1950' is false but 'coup_attempts_past_5_years' counts attempts");
        }

        var (lastCoupRead, lastCoup) = LastCoupAttempt(v, asOf);
        if (lastCoupRead && coupEver is not null && (lastCoup is null) == coupEver.Value)
        {
            b.Error(v.ValueNode("last_coup_attempt")!, coupEver.Value
                ? "'last_coup_attempt' is none but 'coup_attempt_since_1950' is true"
                : "'last_coup_attempt' gives a date but 'coup_attempt_since_1950' is false");
        }

        if (lastCoup is { } last && asOf is { } day)
        {
            if (coups5 > 0 && last < day.AddYears(-5))
            {
                b.Error(v.ValueNode("last_coup_attempt")!, $"'last_coup_attempt' {last:yyyy-MM-dd} is more than five years before as_of but 'coup_attempts_past_5_years' counts attempts");
            }

            if (coupsTenure > 0 && since is not null && last < since)
            {
                b.Error(v.ValueNode("last_coup_attempt")!, $"'last_coup_attempt' {last:yyyy-MM-dd} is before 'in_office_since' but 'coup_attempts_this_tenure' counts attempts");
            }
        }

        var elections = ScheduledElections(v, asOf);
        var regionCoups = v.Get("region_coup_attempts_past_3_years", required: false) is { } rc ? b.Integer(rc, "'region_coup_attempts_past_3_years'", 0, 1000) : 0;
        double? military = 0;
        if (v.Get("military_career", required: false) is { } mn)
        {
            military = b.Number(mn, "'military_career'");
            if (military is { } career && career is not (0 or 0.5 or 1))
            {
                b.Error(mn, $"expected 'military_career' as 0, 0.5 or 1 (REIGN's coding: no, mixed, yes), found {Fmt.Found(mn)}");
                military = null;
            }
        }

        var judgment = v.Get("judgment", required: false) is { } jn && b.Mapping(jn, "the exit-risk judgment") is { } jm ? ReadJudgment(jm) : null;
        var sources = new List<string>();
        if (v.Get("sources", required: true) is { } sn && b.Sequence(sn, "'sources' (source ids)") is { } seq)
        {
            foreach (var item in seq.Items)
            {
                if (reference(item, "source") is { } id)
                {
                    sources.Add(id);
                }
            }
        }

        if (b.ErrorCount > errorsBefore || since is null || entry is null || served is null || regime is null || region is null
            || coups5 is null || coupEver is null || coupsTenure is null || irregular10 is null || !lastCoupRead || elections is null || regionCoups is null || military is null)
        {
            return null;
        }

        return new ExitRiskDeclaration(
            since.Value, entry, served.Value, regime, region, coups5.Value, coupEver.Value, coupsTenure.Value, irregular10.Value, lastCoup, elections, regionCoups.Value, judgment, sources) { MilitaryCareer = military.Value };
    }

    // 'last_coup_attempt': a date on or before as_of, or none. Read is false when the key is missing or bad.
    private (bool Read, DateOnly? Date) LastCoupAttempt(MapView v, DateOnly? asOf)
    {
        if (v.Get("last_coup_attempt", required: true) is not { } node)
        {
            return (false, null);
        }

        if (node is YScalar { Value: "none" })
        {
            return (true, null);
        }

        if (ParseDate(node) is not { } date)
        {
            b.Error(node, $"expected 'last_coup_attempt' as a date YYYY-MM-DD or none, found {Fmt.Found(node)}");
            return (false, null);
        }

        if (date < new DateOnly(1950, 1, 1) || (asOf is not null && date > asOf))
        {
            b.Error(node, $"'last_coup_attempt' {date:yyyy-MM-dd} must lie between 1950-01-01 and as_of{(asOf is { } a ? " " + a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty)}");
            return (false, null);
        }

        return (true, date);
    }

    // 'scheduled_elections': a list (maybe empty) of vote days on or after as_of.
    private List<DateOnly>? ScheduledElections(MapView v, DateOnly? asOf)
    {
        if (v.Get("scheduled_elections", required: true) is not { } node || b.Sequence(node, "'scheduled_elections' (dates YYYY-MM-DD)") is not { } seq)
        {
            return null;
        }

        var days = new List<DateOnly>();
        var ok = true;
        foreach (var item in seq.Items)
        {
            if (ParseDate(item) is not { } day)
            {
                b.Error(item, $"expected a vote date YYYY-MM-DD in 'scheduled_elections', found {Fmt.Found(item)}");
                ok = false;
            }
            else if (asOf is not null && day < asOf)
            {
                b.Error(item, $"scheduled election {day:yyyy-MM-dd} is before as_of {asOf:yyyy-MM-dd} (list only votes still ahead)");
                ok = false;
            }
            else
            {
                days.Add(day);
            }
        }

        return ok ? days : null;
    }

    private static DateOnly? ParseDate(YNode node) =>
        node is YScalar s && DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private ExitRiskJudgment? ReadJudgment(YMapping m)
    {
        var v = b.Open(m, "the exit-risk judgment", "any_within_12_months", "irregular_within_12_months", "source", "note");
        var any = Probability(v, "any_within_12_months", required: true);
        var irregular = Probability(v, "irregular_within_12_months", required: false);
        if (any is not null && irregular is not null && irregular > any)
        {
            b.Error(v.ValueNode("irregular_within_12_months")!, $"'irregular_within_12_months' {irregular.Value.ToString(CultureInfo.InvariantCulture)} exceeds 'any_within_12_months' {any.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        var source = v.Get("source", required: true) is { } sn ? reference(sn, "source") : null;
        var note = v.Text("note");
        return any is null || source is null ? null : new ExitRiskJudgment(any.Value, irregular, source, note);
    }

    private double? Probability(MapView v, string key, bool required)
    {
        var x = v.Number(key, $"'{key}'", required);
        if (x is not null && x is < 0 or > 1)
        {
            b.Error(v.ValueNode(key)!, $"'{key}' is a probability and must lie in [0, 1], found {x.Value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return x;
    }

    private int? Count(MapView v, string key) => v.Get(key, required: true) is { } n ? b.Integer(n, $"'{key}'", 0, 1000) : null;
}

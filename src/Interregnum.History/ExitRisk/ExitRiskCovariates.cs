using Interregnum.History.ReferenceClasses;

namespace Interregnum.History.ExitRisk;

/// <summary>How a leader leaves office in a window, in the classes of the exit-risk model.</summary>
public enum ExitManner
{
    /// <summary>Still in office at the end of the window (the reference class).</summary>
    None = 0,

    /// <summary>Archigos exit Regular: by the rules (election, term limit, resignation in the rules, ...).</summary>
    Regular = 1,

    /// <summary>Archigos Natural Death, Retired Due to Ill Health or Suicide.</summary>
    Natural = 2,

    /// <summary>Archigos Irregular or Foreign: coup, killing, protest, rebels, other removal against the rules.</summary>
    Irregular = 3,
}

/// <summary>The kind of an irregular exit, from the Archigos exit code.</summary>
public enum IrregularKind
{
    /// <summary>"Removed by Military" (with or without foreign support) or "Removed in Military Power Struggle Short of Coup".</summary>
    Coup,

    /// <summary>"Assassination by Unsupported Individual".</summary>
    Killing,

    /// <summary>Every other irregular or foreign removal (protest, rebels, other government actors, foreign force, unknown).</summary>
    Other,
}

/// <summary>Regime type for the exit-risk model: GWF types grouped (hybrids go to their first-named type, except personalist hybrids go to personal).</summary>
public enum ExitRegime
{
    /// <summary>GWF democracy (the reference).</summary>
    Democracy,

    /// <summary>GWF personal, military-personal, party-personal, party-military-personal.</summary>
    Personal,

    /// <summary>GWF military, indirect military, party-military.</summary>
    Military,

    /// <summary>GWF party.</summary>
    Party,

    /// <summary>GWF monarchy.</summary>
    Monarchy,

    /// <summary>Provisional, warlord, foreign-occupied, oligarchy, not-independent, or no GWF period on the date.</summary>
    Other,
}

/// <summary>
/// What the exit-risk model knows about a sitting leader at the start of a 12-month window. Immutable.
/// </summary>
/// <param name="Age">Age in years (window year − birth year).</param>
/// <param name="TenureYears">Years in office at the start of the window (days / 365.25).</param>
/// <param name="Regime">Regime type on the first day of the window.</param>
/// <param name="Region">Region of the country (<see cref="Regions.Names"/>).</param>
/// <param name="IrregularEntry">The leader came to power irregularly (Archigos entry Irregular).</param>
/// <param name="ForeignEntry">The leader was imposed by a foreign power (Archigos entry Foreign Imposition).</param>
/// <param name="ServedBefore">The leader held office in an earlier spell.</param>
/// <param name="CoupAttemptsPast5Years">Coup attempts (Powell &amp; Thyne, failed or successful) in the country in the five years before the window.</param>
/// <param name="CoupAttemptSince1950">At least one coup attempt in the country from 1950 to the window (Powell &amp; Thyne).</param>
/// <param name="Year">Calendar year of the window.</param>
/// <param name="CoupAttemptsThisTenure">Coup attempts (Powell &amp; Thyne) in the country from the leader's first day in office to the window.</param>
/// <param name="IrregularExitsPast10Years">Irregular or foreign-forced exits of the country's leaders (Archigos) in the ten years before the window.</param>
/// <param name="YearsSinceCoupAttempt">Years (days / 365.25) from the country's last coup attempt before the window (Powell &amp; Thyne) to the window's first day; from 1950-01-01 when there was none.</param>
/// <param name="ElectionNext12Months">A national executive or legislative vote known on the window's first day (scheduled by the calendar, or announced before that day; REIGN) falls in months 1–12.</param>
/// <param name="ElectionMonths13To24">Such a vote falls in months 13–24.</param>
/// <param name="RegionCoupAttemptsPast3Years">Coup attempts (Powell &amp; Thyne) in the other countries of the region in the three years before the window.</param>
/// <param name="MilitaryCareer">The leader's military career before office (REIGN leader list: 1 yes, 0.5 mixed, 0 no or unknown).</param>
/// <param name="RegimeYears">Years (days / 365.25) since the start of the GWF regime period in power on the window's first day (0 when none).</param>
/// <param name="LeaderEntriesPast5Years">Leaders (Archigos spells) who took office in the country in the five years before the window.</param>
/// <param name="IrregularExitsSince1950">Irregular or foreign-forced exits of the country's leaders (Archigos) from 1950 to the window.</param>
/// <param name="ClinePlotsPast5Years">Failed coup attempts and discovered conspiracies (Cline Center, unrealized events) in the country in the five years before the window; an event without a month or day is dated to the last day of its year or month.</param>
/// <param name="CoupAttemptsPast6Months">Coup attempts (Powell &amp; Thyne) in the country in the six months before the window's first day.</param>
/// <param name="CoupAttemptsPast12Months">Coup attempts (Powell &amp; Thyne) in the country in the twelve months before the window's first day.</param>
/// <param name="ElectionPast3Months">A national executive or legislative vote (REIGN, any vote held, called early or not) fell in the three months before the window's first day.</param>
/// <param name="Country">Iqbal &amp; Zorn country-year covariates of the year before the window (<see cref="IqbalZornLookup"/>), or null (read as 0: the centring constants, not missing-flagged).</param>
public sealed record ExitRiskCovariates(
    double Age,
    double TenureYears,
    ExitRegime Regime,
    string Region,
    bool IrregularEntry,
    bool ForeignEntry,
    bool ServedBefore,
    int CoupAttemptsPast5Years,
    bool CoupAttemptSince1950,
    int Year,
    int CoupAttemptsThisTenure,
    int IrregularExitsPast10Years,
    double YearsSinceCoupAttempt,
    bool ElectionNext12Months,
    bool ElectionMonths13To24,
    int RegionCoupAttemptsPast3Years,
    double MilitaryCareer = 0,
    double RegimeYears = 0,
    int LeaderEntriesPast5Years = 0,
    int IrregularExitsSince1950 = 0,
    int ClinePlotsPast5Years = 0,
    int CoupAttemptsPast6Months = 0,
    int CoupAttemptsPast12Months = 0,
    bool ElectionPast3Months = false,
    CountryYearCovariates? Country = null)
{
    /// <summary>
    /// Every candidate covariate, in the order of <see cref="ToVector"/>, with its scale. A model reads the subset its
    /// <see cref="ExitRiskSpecification"/> names (the default: <see cref="ExitRiskSpecification.Default"/>).
    /// </summary>
    public static IReadOnlyList<string> AllNames { get; } =
    [
        "age_decades_from_60", // (age − 60) / 10
        "log1p_tenure_years", // ln(1 + tenure in years)
        "regime_personal", "regime_military", "regime_party", "regime_monarchy", "regime_other", // democracy = 0
        "region_americas", "region_africa", "region_mena", "region_asia", "region_oceania", // europe = 0
        "irregular_entry", "foreign_entry", "served_before",
        "log1p_coup_attempts_5y", // ln(1 + attempts in the five years before)
        "coup_attempt_since_1950",
        "decades_from_1990", // (year − 1990) / 10
        "log1p_coup_attempts_this_tenure", // ln(1 + attempts since the leader took office)
        "log1p_irregular_exits_10y", // ln(1 + irregular exits in the ten years before)
        "log1p_years_since_coup_attempt", // ln(1 + years since the last attempt, or since 1950)
        "election_next_12_months", // 0/1
        "election_months_13_24", // 0/1
        "log1p_region_coup_attempts_3y", // ln(1 + attempts in the region's other countries in the three years before)
        "military_x_log1p_coup_attempts_5y", // regime_military × log1p_coup_attempts_5y
        "personal_x_log1p_tenure", // regime_personal × log1p_tenure_years
        "log1p_tenure_hinge_5y", // max(0, ln(1 + tenure) − ln 6): a linear spline in log tenure, knot at 5 years
        "military_career", // 0, 0.5 or 1 (REIGN)
        "log1p_regime_years", // ln(1 + years since the GWF regime period began)
        "log1p_leader_entries_5y", // ln(1 + leaders who took office in the five years before)
        "log1p_irregular_exits_since_1950", // ln(1 + irregular exits since 1950)
        "log1p_cline_plots_5y", // ln(1 + Cline failed attempts and conspiracies in the five years before)
        "new_leader", // 0/1: tenure under one year (candidates of the monthly-origin design from here on)
        "irregular_entry_x_new_leader", // irregular_entry × new_leader: a leader who seized power within the year
        "coup_attempt_6m", // 0/1: a coup attempt in the country in the six months before
        "coup_attempt_12m", // 0/1: a coup attempt in the country in the twelve months before
        "election_past_3_months", // 0/1: a national vote held in the three months before
        "unrest_prev_year", // Iqbal & Zorn UNREST of year Y − 1, clipped −3..5 (fourth search from here on; CountryYearCovariates)
        "instab_prev_year", // INSTAB of year Y − 1, clipped −3..5
        "internal_conflict_prev_year", // 0/1: UCDP/PRIO internal conflict in year Y − 1
        "log_gdp_pc_prev_year", // log GDP per capita of Y − 1 minus 1.3
        "gdp_growth_prev_year", // the authors' log growth term of Y − 1 minus 1.8
        "polity_prev_year", // polity2 of Y − 1 / 10
        "polity_sq_prev_year", // its square
        "anocracy_prev_year", // 0/1: polity2 of Y − 1 from −5 to 5
        "log_pop_prev_year", // log population of Y − 1 minus 15.3
        "iz_missing_prev_year", // 0/1: no UNREST value for Y − 1 (earlier values carried forward)
    ];

    /// <summary>The values the model reads, in the order of <see cref="AllNames"/>.</summary>
    public double[] ToVector() =>
    [
        (Age - 60) / 10,
        Math.Log(1 + Math.Max(0, TenureYears)),
        Regime == ExitRegime.Personal ? 1 : 0,
        Regime == ExitRegime.Military ? 1 : 0,
        Regime == ExitRegime.Party ? 1 : 0,
        Regime == ExitRegime.Monarchy ? 1 : 0,
        Regime == ExitRegime.Other ? 1 : 0,
        Region == "americas" ? 1 : 0,
        Region == "africa" ? 1 : 0,
        Region == "mena" ? 1 : 0,
        Region == "asia" ? 1 : 0,
        Region == "oceania" ? 1 : 0,
        IrregularEntry ? 1 : 0,
        ForeignEntry ? 1 : 0,
        ServedBefore ? 1 : 0,
        Math.Log(1 + CoupAttemptsPast5Years),
        CoupAttemptSince1950 ? 1 : 0,
        (Year - 1990) / 10.0,
        Math.Log(1 + CoupAttemptsThisTenure),
        Math.Log(1 + IrregularExitsPast10Years),
        Math.Log(1 + Math.Max(0, YearsSinceCoupAttempt)),
        ElectionNext12Months ? 1 : 0,
        ElectionMonths13To24 ? 1 : 0,
        Math.Log(1 + RegionCoupAttemptsPast3Years),
        Regime == ExitRegime.Military ? Math.Log(1 + CoupAttemptsPast5Years) : 0,
        Regime == ExitRegime.Personal ? Math.Log(1 + Math.Max(0, TenureYears)) : 0,
        Math.Max(0, Math.Log(1 + Math.Max(0, TenureYears)) - Math.Log(6)),
        MilitaryCareer,
        Math.Log(1 + Math.Max(0, RegimeYears)),
        Math.Log(1 + LeaderEntriesPast5Years),
        Math.Log(1 + IrregularExitsSince1950),
        Math.Log(1 + ClinePlotsPast5Years),
        TenureYears < 1 ? 1 : 0,
        IrregularEntry && TenureYears < 1 ? 1 : 0,
        CoupAttemptsPast6Months > 0 ? 1 : 0,
        CoupAttemptsPast12Months > 0 ? 1 : 0,
        ElectionPast3Months ? 1 : 0,
        Country?.Unrest ?? 0,
        Country?.Instability ?? 0,
        Country?.InternalConflict ?? 0,
        Country?.LogGdpPerCapita ?? 0,
        Country?.GrowthTerm ?? 0,
        Country?.Polity ?? 0,
        Country is { } c ? c.Polity * c.Polity : 0,
        Country?.Anocracy == true ? 1 : 0,
        Country?.LogPopulation ?? 0,
        Country?.MissingPreviousYear == true ? 1 : 0,
    ];

    /// <summary>
    /// The same leader a year on, for the second year of a 24-month forecast: one year older and longer in office,
    /// a year further from the last coup attempt, the next calendar year; the vote of months 13–24 becomes the vote of
    /// the next 12 months and none is assumed after it; no coup attempt in the six or twelve months before and no vote
    /// in the three months before (the vote of months 10–12 is not tracked); everything else unchanged (no new coup attempt assumed).
    /// </summary>
    public ExitRiskCovariates OneYearLater() => this with
    {
        Age = Age + 1,
        TenureYears = TenureYears + 1,
        Year = Year + 1,
        YearsSinceCoupAttempt = YearsSinceCoupAttempt + 1,
        RegimeYears = RegimeYears + 1,
        ElectionNext12Months = ElectionMonths13To24,
        ElectionMonths13To24 = false,
        CoupAttemptsPast6Months = 0,
        CoupAttemptsPast12Months = 0,
        ElectionPast3Months = false,
    };

    /// <summary>Problems with the values (empty when valid): age 15–110, tenure 0–80 years, a known region, attempts ≥ 0, year 1900–2100.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(Age is >= 15 and <= 110))
        {
            errors.Add($"age {Age} is outside 15..110 years");
        }

        if (!(TenureYears is >= 0 and <= 80))
        {
            errors.Add($"tenure {TenureYears} is outside 0..80 years");
        }

        if (!Regions.Names.Contains(Region))
        {
            errors.Add($"region '{Region}' is not one of {string.Join(", ", Regions.Names)}");
        }

        if (CoupAttemptsPast5Years < 0 || CoupAttemptsThisTenure < 0 || IrregularExitsPast10Years < 0 || RegionCoupAttemptsPast3Years < 0 || LeaderEntriesPast5Years < 0 || IrregularExitsSince1950 < 0 || ClinePlotsPast5Years < 0 || CoupAttemptsPast6Months < 0 || CoupAttemptsPast12Months < 0)
        {
            errors.Add("counts of coup attempts and irregular exits cannot be negative");
        }

        if (!(YearsSinceCoupAttempt is >= 0 and <= 200))
        {
            errors.Add($"years since the last coup attempt {YearsSinceCoupAttempt} is outside 0..200");
        }

        if (!(MilitaryCareer is >= 0 and <= 1))
        {
            errors.Add($"military career {MilitaryCareer} is outside 0..1");
        }

        if (!(RegimeYears is >= 0 and <= 300))
        {
            errors.Add($"regime duration {RegimeYears} is outside 0..300 years");
        }

        if (Year is < 1900 or > 2100)
        {
            errors.Add($"year {Year} is outside 1900..2100");
        }

        return errors;
    }

    /// <summary>The model's regime class for a GWF full regime type (null or unknown types: <see cref="ExitRegime.Other"/>).</summary>
    public static ExitRegime RegimeOf(string? gwfType) => gwfType switch
    {
        "democracy" => ExitRegime.Democracy,
        "personal" or "military-personal" or "party-personal" or "party-military-personal" => ExitRegime.Personal,
        "military" or "indirect military" or "party-military" => ExitRegime.Military,
        "party" => ExitRegime.Party,
        "monarchy" => ExitRegime.Monarchy,
        _ => ExitRegime.Other,
    };
}

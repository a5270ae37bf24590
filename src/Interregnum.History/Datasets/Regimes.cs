using Interregnum.History.Loading;

namespace Interregnum.History.Datasets;

/// <summary>One regime period of Geddes, Wright and Frantz (to 2010-12-31). Immutable.</summary>
/// <param name="CountryName">Standardized country name.</param>
/// <param name="GwCode">Gleditsch-Ward code.</param>
/// <param name="CaseName">GWF case name (e.g. "Afghanistan 29-73").</param>
/// <param name="RegimeType">Full regime type: personal, military, party, monarchy, hybrids such as party-personal, democracy, ...</param>
/// <param name="StartDate">First day of the regime.</param>
/// <param name="EndDate">Last day (2010-12-31 for regimes still in power then).</param>
/// <param name="HowEnd">How the regime ended (e.g. "5: military coup"), or null (democratic periods).</param>
/// <param name="Violent">Deaths during the end (e.g. "2: 1-25 deaths"), or null.</param>
/// <param name="CowCode">COW code (joins Archigos ccode).</param>
/// <param name="Region">UN sub-region.</param>
/// <param name="Continent">Continent.</param>
public sealed record GwfRegimePeriod(string CountryName, int GwCode, string CaseName, string RegimeType, DateOnly StartDate, DateOnly EndDate, string? HowEnd, string? Violent, int? CowCode, string Region, string Continent)
{
    /// <summary>True when the period is a democracy (GWF codes autocracies only; democratic spells fill the gaps).</summary>
    public bool IsDemocracy => RegimeType == "democracy";
}

/// <summary>One authoritarian leader spell of Svolik (1946–2008). Immutable.</summary>
/// <param name="CountryName">Standardized country name.</param>
/// <param name="GwCode">Gleditsch-Ward code.</param>
/// <param name="Leader">Leader.</param>
/// <param name="StartDate">Start.</param>
/// <param name="EndDate">End.</param>
/// <param name="LeadId">Archigos-style leader id.</param>
/// <param name="Entry">Entry: civil war, consensus, coup, elections, foreign, independence, interim, other, revolt, succession.</param>
/// <param name="Exit">Exit (null if censored): assassination, civil war, consensus, coup, elections, ..., natural, ...</param>
/// <param name="CowCode">COW code, or null.</param>
/// <param name="Region">UN sub-region.</param>
/// <param name="Censored">True when the exit was not observed (censoring = 0).</param>
public sealed record SvolikLeader(string CountryName, int GwCode, string Leader, DateOnly StartDate, DateOnly EndDate, string LeadId, string Entry, string? Exit, int? CowCode, string Region, bool Censored);

/// <summary>One leader of the REIGN March 2021 leader list. Immutable.</summary>
/// <param name="StateAbbreviation">COW letter code.</param>
/// <param name="CountryCode">Country code.</param>
/// <param name="LeadId">Leader id (often an Archigos 2.9 id).</param>
/// <param name="Leader">Name.</param>
/// <param name="StartYear">Start year.</param>
/// <param name="StartMonth">Start month.</param>
/// <param name="StartDay">Start day.</param>
/// <param name="EndYear">End year, or null when in office in March 2021.</param>
/// <param name="EndMonth">End month, or null.</param>
/// <param name="BirthYear">Birth year, or null.</param>
/// <param name="MilitaryCareer">1, 0, 0.5 (mixed), or null (-99).</param>
public sealed record ReignLeader(string StateAbbreviation, int CountryCode, string LeadId, string Leader, int StartYear, int StartMonth, int StartDay, int? EndYear, int? EndMonth, int? BirthYear, double? MilitaryCareer);

/// <summary>One REIGN regime period (GWF-style, extended to 2020-12-31). Immutable.</summary>
/// <param name="CowCode">COW code.</param>
/// <param name="Country">Country.</param>
/// <param name="CaseName">Case name.</param>
/// <param name="StartDate">Start.</param>
/// <param name="EndDate">End.</param>
/// <param name="RegimeType">Regime type (presidential, parliamentary, personal, military, party-based, monarchy, ...).</param>
public sealed record ReignRegime(int CowCode, string Country, string CaseName, DateOnly StartDate, DateOnly EndDate, string RegimeType);

/// <summary>One REIGN election event. Immutable.</summary>
/// <param name="CountryCode">Country code.</param>
/// <param name="Country">Country.</param>
/// <param name="Year">Year.</param>
/// <param name="Month">Month.</param>
/// <param name="Day">Day, or null.</param>
/// <param name="Event">Event (Announced, Vote, As Scheduled, ...).</param>
/// <param name="Type">L legislative, P presidential, R referendum, X executive (as REIGN codes the US and Russian presidential votes).</param>
/// <param name="ElectionId">REIGN <c>elecnum</c>: the events of one election (announcement, delay, vote, deadline) share it.</param>
/// <param name="Regular">REIGN <c>regular</c> = Y: the election is on the regular (constitutional) calendar (4 events of 2018-2024 leave it empty: false).</param>
public sealed record ReignElection(int CountryCode, string Country, int Year, int Month, int? Day, string Event, string Type, int ElectionId, bool Regular);

/// <summary>Reads the regime and dictatorship datasets.</summary>
public static class RegimeLoader
{
    internal static readonly string[] GwfColumns =
        ["country_name", "GWn", "gwf_casename", "gwf_full_regimetype", "gwf_startdate", "gwf_enddate", "gwf_howend", "gwf_violent", "cown", "region", "continent"];

    internal static readonly string[] SvolikColumns =
        ["country_name", "GWn", "leader", "startdate", "enddate", "leadid", "entry", "exit", "cown", "region", "censoring"];

    internal static readonly string[] ReignLeaderColumns =
        ["stateabb", "ccode", "leadid", "leader", "sdate", "smonth", "syear", "emonth", "eyear", "birthyear", "militarycareer"];

    internal static readonly string[] ReignRegimeColumns =
        ["cowcode", "gwf_country", "gwf_casename", "gwf_startdate", "gwf_enddate", "gwf_regimetype"];

    internal static readonly string[] ReignElectionColumns =
        ["ccode", "country", "elec_year", "elec_month", "elec_day", "event", "type", "elecnum", "regular"];

    /// <summary>Loads <c>gwf_regime_periods.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<GwfRegimePeriod> LoadGwf(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.Gwf, "gwf_regime_periods.csv", GwfColumns, r => new GwfRegimePeriod(
            r.Text("country_name"),
            r.Int("GWn"),
            r.Text("gwf_casename"),
            r.Text("gwf_full_regimetype"),
            r.Date("gwf_startdate"),
            r.Date("gwf_enddate"),
            r.OptionalText("gwf_howend"),
            r.OptionalText("gwf_violent"),
            r.OptionalInt("cown"),
            r.Text("region"),
            r.Text("continent")));

    /// <summary>Loads <c>svolik_leaders.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<SvolikLeader> LoadSvolik(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.Svolik, "svolik_leaders.csv", SvolikColumns, r => new SvolikLeader(
            r.Text("country_name"),
            r.Int("GWn"),
            r.Text("leader"),
            r.Date("startdate"),
            r.Date("enddate"),
            r.Text("leadid"),
            r.Text("entry"),
            r.OptionalText("exit"),
            r.OptionalInt("cown"),
            r.Text("region"),
            r.Int("censoring") == 0));

    /// <summary>Loads <c>reign/leaderlist_3_21.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<ReignLeader> LoadReignLeaders(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.Reign, "leaderlist_3_21.csv", ReignLeaderColumns, r => new ReignLeader(
            r.Text("stateabb"),
            r.Int("ccode"),
            r.Text("leadid"),
            r.Text("leader"),
            r.Int("syear"),
            r.Int("smonth"),
            r.Int("sdate"),
            r.OptionalInt("eyear"),
            r.OptionalInt("emonth"),
            PositiveOrNull(r.OptionalInt("birthyear")),
            r.OptionalDouble("militarycareer") is { } m && m >= 0 ? m : null));

    /// <summary>Loads <c>reign/regime_list.csv</c> (dates m/d/yyyy).</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<ReignRegime> LoadReignRegimes(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.Reign, "regime_list.csv", ReignRegimeColumns, r => new ReignRegime(
            r.Int("cowcode"),
            r.Text("gwf_country"),
            r.Text("gwf_casename"),
            r.Date("gwf_startdate", "M/d/yyyy"),
            r.Date("gwf_enddate", "M/d/yyyy"),
            r.Text("gwf_regimetype")));

    /// <summary>Loads <c>reign/electionlist_3_21.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<ReignElection> LoadReignElections(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.Reign, "electionlist_3_21.csv", ReignElectionColumns, r => new ReignElection(
            r.Int("ccode"),
            r.Text("country"),
            r.Int("elec_year"),
            r.Int("elec_month"),
            r.OptionalInt("elec_day"),
            r.Text("event").Trim(),
            r.Text("type"),
            r.Int("elecnum"),
            r.OptionalText("regular") == "Y"));

    private static int? PositiveOrNull(int? value) => value is > 0 ? value : null;
}

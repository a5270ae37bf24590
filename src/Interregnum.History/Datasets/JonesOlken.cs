using Interregnum.History.Loading;

namespace Interregnum.History.Datasets;

/// <summary>One assassination attempt from Jones and Olken (2009). Immutable.</summary>
/// <param name="Country">Country of the targeted leader.</param>
/// <param name="ObsId">Archigos (2.x) spell id of the target.</param>
/// <param name="LeaderName">Name of the target.</param>
/// <param name="Title">Title of the target.</param>
/// <param name="Year">Year of the attempt.</param>
/// <param name="Month">First month code (month1), or null.</param>
/// <param name="Day">Day, or null.</param>
/// <param name="Result">Result code: 11–19 leader died; 21–29 survived an attack that happened; 31 plot stopped beforehand.</param>
/// <param name="Weapon">First weapon code (weapon1), or null.</param>
/// <param name="Serious">True when the attack actually took place (result 11–29).</param>
/// <param name="Success">True when the leader died (result 11–19).</param>
public sealed record AssassinationAttempt(string Country, string ObsId, string LeaderName, string? Title, int Year, int? Month, int? Day, int Result, int? Weapon, bool Serious, bool Success)
{
    /// <summary>The Archigos/COW letter code of the country (the part of <see cref="ObsId"/> before the first '-').</summary>
    public string CountryAcronym => ObsId.Split('-')[0];
}

/// <summary>One leader-year of the authors' merged panel (only the columns Interregnum uses). Immutable.</summary>
/// <param name="ObsId">Archigos spell id.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Exit">Archigos 2.x exit code (1 regular, 2 natural death, 2.1 ill health, 2.2 suicide, 3 irregular, 4 foreign, -888 in office).</param>
/// <param name="Age">Leader's age, or null.</param>
/// <param name="TenureDays">Days in office so far (sumten), or null.</param>
/// <param name="Country">Country name, or null (empty in a few rows).</param>
/// <param name="Polity2">Polity IV polity2 score (−10..10), or null.</param>
/// <param name="GledCivil">Gleditsch-COW civil war dummy, or null.</param>
/// <param name="GledInter">Gleditsch-COW interstate war dummy, or null.</param>
/// <param name="GledExt">Gleditsch-COW extrastate war dummy, or null.</param>
/// <param name="PrioExtrastate">PRIO extrastate conflict intensity 0/1/2, or null.</param>
/// <param name="PrioInterstate">PRIO interstate conflict intensity, or null.</param>
/// <param name="PrioInternal">PRIO internal conflict intensity, or null.</param>
/// <param name="PrioInternationalizedInternal">PRIO internationalized internal conflict intensity, or null.</param>
/// <param name="CountryCode">Country letter code (cowcode in the file).</param>
/// <param name="LeaderName">Leader's name.</param>
/// <param name="Result">Attempt result code that year, or null when no attempt.</param>
/// <param name="Weapon">weapon1, or null.</param>
/// <param name="SeriousAttempts">numseriousattemptsleaderyear, or null.</param>
/// <param name="Region">Region code, or null.</param>
public sealed record LeaderYear(
    string ObsId,
    int Year,
    double? Exit,
    double? Age,
    double? TenureDays,
    string? Country,
    double? Polity2,
    double? GledCivil,
    double? GledInter,
    double? GledExt,
    double? PrioExtrastate,
    double? PrioInterstate,
    double? PrioInternal,
    double? PrioInternationalizedInternal,
    string CountryCode,
    string? LeaderName,
    int? Result,
    int? Weapon,
    int? SeriousAttempts,
    int? Region);

/// <summary>Reads the two Jones and Olken files.</summary>
public static class JonesOlkenLoader
{
    internal static readonly string[] AttemptColumns =
        ["country", "obsid", "leadername", "title", "year", "day", "result", "month1", "weapon1", "serious", "success"];

    internal static readonly string[] LeaderYearColumns =
    [
        "obsid", "year", "exit", "age", "sumten", "country", "polity2", "zGledCivil", "zGledInter", "zGledExt",
        "prioconflictextrastate", "prioconflictinterstate", "prioconflictinternal", "prioconflictintinternal",
        "cowcode", "leadername", "result", "weapon1", "numseriousattemptsleaderyear", "region",
    ];

    /// <summary>Loads <c>assassination_attempts.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<AssassinationAttempt> LoadAttempts(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.JonesOlken, "assassination_attempts.csv", AttemptColumns, r => new AssassinationAttempt(
            r.Text("country"),
            r.Text("obsid"),
            r.Text("leadername"),
            r.OptionalText("title"),
            r.Int("year"),
            r.OptionalInt("month1"),
            r.OptionalInt("day"),
            r.Int("result"),
            r.OptionalInt("weapon1"),
            r.Int("serious") == 1,
            r.Int("success") == 1));

    /// <summary>Loads <c>leader_year_merged.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<LeaderYear> LoadLeaderYears(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.JonesOlken, "leader_year_merged.csv", LeaderYearColumns, r => new LeaderYear(
            r.Text("obsid"),
            r.Int("year"),
            r.OptionalDouble("exit"),
            r.OptionalDouble("age"),
            r.OptionalDouble("sumten"),
            r.OptionalText("country"),
            r.OptionalDouble("polity2"),
            r.OptionalDouble("zGledCivil"),
            r.OptionalDouble("zGledInter"),
            r.OptionalDouble("zGledExt"),
            r.OptionalDouble("prioconflictextrastate"),
            r.OptionalDouble("prioconflictinterstate"),
            r.OptionalDouble("prioconflictinternal"),
            r.OptionalDouble("prioconflictintinternal"),
            r.Text("cowcode"),
            r.OptionalText("leadername"),
            r.OptionalInt("result"),
            r.OptionalInt("weapon1"),
            r.OptionalInt("numseriousattemptsleaderyear"),
            r.OptionalInt("region")));
}

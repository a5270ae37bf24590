using Interregnum.History.Loading;

namespace Interregnum.History.Datasets;

/// <summary>One Archigos 4.1 leader spell (a leader who served twice has two). Immutable.</summary>
/// <param name="ObsId">Spell id, <c>IDACR-YYYY[-n]</c>.</param>
/// <param name="LeadId">Stable leader id (the same for repeat spells).</param>
/// <param name="CountryCode">Correlates of War numeric country code.</param>
/// <param name="CountryAcronym">Correlates of War letter code.</param>
/// <param name="Leader">Leader's name as spelled in the file.</param>
/// <param name="StartDate">First day in office.</param>
/// <param name="EndDate">Last day in office (2015-12-31 for leaders still in office, right-censored).</param>
/// <param name="Entry">Manner of entry: Regular, Irregular, Foreign Imposition, Unknown.</param>
/// <param name="Exit">Manner of exit: Regular, Irregular, Natural Death, Retired Due to Ill Health, Suicide, Foreign, Still in Office, Unknown.</param>
/// <param name="ExitCode">Detail of an irregular or foreign exit (e.g. "Removed by Military, without Foreign Support"); "Regular" otherwise.</param>
/// <param name="PreviousTimesInOffice">Number of earlier spells.</param>
/// <param name="PostTenureFate">Fate within a year of leaving office: OK, Exile, Imprisonment, Death, Suicide, or "Missing: ..." / "Leader Still in Office".</param>
/// <param name="Gender">M or F.</param>
/// <param name="YearBorn">Year of birth, or null (codes -777/-999 are read as null).</param>
/// <param name="YearDied">Year of death, or null.</param>
public sealed record ArchigosSpell(
    string ObsId,
    string LeadId,
    int CountryCode,
    string CountryAcronym,
    string Leader,
    DateOnly StartDate,
    DateOnly EndDate,
    string Entry,
    string Exit,
    string ExitCode,
    int PreviousTimesInOffice,
    string PostTenureFate,
    string Gender,
    int? YearBorn,
    int? YearDied)
{
    /// <summary>True when the leader was still in office at the end of the data (2015-12-31): a right-censored spell.</summary>
    public bool InOffice => Exit == "Still in Office";

    /// <summary>Tenure in days (end − start).</summary>
    public int TenureDays => EndDate.DayNumber - StartDate.DayNumber;

    /// <summary>Age in years at entry (start year − birth year), or null when the birth year is unknown.</summary>
    public int? AgeAtEntry => YearBorn is { } y ? StartDate.Year - y : null;
}

/// <summary>Reads <c>archigos-4.1/archigos_4.1.csv</c>.</summary>
public static class ArchigosLoader
{
    internal static readonly string[] Columns =
    [
        "obsid", "leadid", "ccode", "idacr", "leader", "startdate", "enddate", "entry", "exit", "exitcode",
        "prevtimesinoffice", "posttenurefate", "gender", "yrborn", "yrdied",
    ];

    /// <summary>Loads every spell; malformed rows are skipped and listed in the result.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<ArchigosSpell> Load(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.Archigos, "archigos_4.1.csv", Columns, r => new ArchigosSpell(
            r.Text("obsid"),
            r.Text("leadid"),
            r.Int("ccode"),
            r.Text("idacr"),
            r.Text("leader"),
            r.Date("startdate"),
            r.Date("enddate"),
            r.Text("entry"),
            r.Text("exit"),
            r.Text("exitcode"),
            r.OptionalInt("prevtimesinoffice") ?? 0,
            r.Text("posttenurefate"),
            r.Text("gender"),
            YearOrNull(r.OptionalInt("yrborn")),
            YearOrNull(r.OptionalInt("yrdied"))));

    private static int? YearOrNull(int? year) => year is > 0 ? year : null;
}

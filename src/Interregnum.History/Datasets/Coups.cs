using Interregnum.History.Loading;

namespace Interregnum.History.Datasets;

/// <summary>One coup attempt of Powell and Thyne, version 2019.04.22 (the authors' raw list). Immutable.</summary>
/// <param name="Country">Country name as in the file.</param>
/// <param name="CountryCode">Gleditsch-Ward country code (not COW; they differ for a few states).</param>
/// <param name="Year">Year.</param>
/// <param name="Month">Month.</param>
/// <param name="Day">Day.</param>
/// <param name="Successful">True when coded 2 (perpetrators held power for at least seven days), false when 1 (failed).</param>
/// <param name="Version">Version string of the list.</param>
public sealed record PowellThyneCoup(string Country, int CountryCode, int Year, int Month, int Day, bool Successful, string Version);

/// <summary>One coup attempt of Powell and Thyne, version 2015.09.30 as packaged by Marquez (with regions). Immutable.</summary>
/// <param name="CountryName">Standardized country name.</param>
/// <param name="GwCode">Gleditsch-Ward code.</param>
/// <param name="Year">Year.</param>
/// <param name="Date">Date.</param>
/// <param name="Successful">True when coded 2.</param>
/// <param name="CowCode">COW code, or null.</param>
/// <param name="Region">UN sub-region (e.g. "Western Africa").</param>
/// <param name="Continent">Continent.</param>
public sealed record PowellThyneCoup2015(string CountryName, int GwCode, int Year, DateOnly Date, bool Successful, int? CowCode, string Region, string Continent);

/// <summary>One event of the Cline Center Coup d'État Project v2.1.3. Immutable.</summary>
/// <param name="CoupId">Event id (COW code + date).</param>
/// <param name="CowCode">COW country code.</param>
/// <param name="Country">Country name.</param>
/// <param name="Year">Year.</param>
/// <param name="Month">Month, or null.</param>
/// <param name="Day">Day, or null.</param>
/// <param name="EventType">"coup" (realized), "attempted coup" or "conspiracy".</param>
/// <param name="Realized">Realized coup.</param>
/// <param name="Unrealized">Unrealized: a failed attempt or a conspiracy (the codebook's flag covers both).</param>
/// <param name="Attempted">A failed attempt ("attempted coup"; the flag <c>attempt</c>).</param>
/// <param name="Conspiracy">Conspiracy discovered before an attempt.</param>
/// <param name="Military">Initiated by the military.</param>
/// <param name="Killed">Deposed executive killed.</param>
/// <param name="Exiled">Deposed executive exiled.</param>
/// <param name="Jailed">Deposed executive jailed.</param>
/// <param name="Fled">Deposed executive fled.</param>
/// <param name="HouseArrest">Deposed executive under house arrest.</param>
public sealed record ClineCoupEvent(
    string CoupId,
    int CowCode,
    string Country,
    int Year,
    int? Month,
    int? Day,
    string EventType,
    bool Realized,
    bool Unrealized,
    bool Attempted,
    bool Conspiracy,
    bool Military,
    bool Killed,
    bool Exiled,
    bool Jailed,
    bool Fled,
    bool HouseArrest)
{
    /// <summary>True for an attempt that was carried out (realized, or attempted and failed), false for a conspiracy.</summary>
    public bool IsAttempt => Realized || Attempted;
}

/// <summary>Reads the coup datasets.</summary>
public static class CoupLoader
{
    internal static readonly string[] PowellThyne2019Columns = ["country", "ccode", "year", "month", "day", "coup", "version"];

    internal static readonly string[] PowellThyne2015Columns = ["country_name", "GWn", "year", "date", "coup", "cown", "region", "continent"];

    internal static readonly string[] ClineColumns =
    [
        "coup_id", "cowcode", "country", "year", "month", "day", "event_type", "unrealized", "realized", "attempt", "conspiracy",
        "military", "killed", "exile", "jailed", "fled", "harrest",
    ];

    /// <summary>Loads <c>powell_thyne_coups_v2019.04.22.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<PowellThyneCoup> LoadPowellThyne2019(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.PowellThyne, "powell_thyne_coups_v2019.04.22.csv", PowellThyne2019Columns, r => new PowellThyneCoup(
            r.Text("country"), r.Int("ccode"), r.Int("year"), r.Int("month"), r.Int("day"), Coup(r), r.Text("version")));

    /// <summary>Loads <c>powell_thyne_coups_v2015.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<PowellThyneCoup2015> LoadPowellThyne2015(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.PowellThyne, "powell_thyne_coups_v2015.csv", PowellThyne2015Columns, r => new PowellThyneCoup2015(
            r.Text("country_name"), r.Int("GWn"), r.Int("year"), r.Date("date"), Coup(r), r.OptionalInt("cown"), r.Text("region"), r.Text("continent")));

    /// <summary>Loads <c>cline_coup_2.1.3.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<ClineCoupEvent> LoadCline(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.Cline, "cline_coup_2.1.3.csv", ClineColumns, r => new ClineCoupEvent(
            r.Text("coup_id"),
            r.Int("cowcode"),
            r.Text("country"),
            r.Int("year"),
            r.OptionalInt("month"),
            r.OptionalInt("day"),
            r.Text("event_type"),
            r.Bool("realized"),
            r.Bool("unrealized"),
            r.Bool("attempt"),
            r.Bool("conspiracy"),
            r.Bool("military"),
            r.Bool("killed"),
            r.Bool("exile"),
            r.Bool("jailed"),
            r.Bool("fled"),
            r.Bool("harrest")));

    private static bool Coup(CsvRecord r) => r.Int("coup") switch
    {
        2 => true,
        1 => false,
        _ => throw new FieldFormatException("coup", r.Raw("coup"), "1 (failed) or 2 (successful)"),
    };
}

using Interregnum.History.Loading;

namespace Interregnum.History.Datasets;

/// <summary>One country-year of Iqbal and Zorn (2008). Immutable. Country or year are null in a few rows of the source.</summary>
/// <param name="CowCode">COW code, or null (51 rows of the source).</param>
/// <param name="Year">Year, or null (2 rows).</param>
/// <param name="Regulated">1 when succession is regulated, 0 when not, null when unknown.</param>
/// <param name="Assassination">A head of state was assassinated in office that year.</param>
/// <param name="NaturalDeath">The leader died a natural death in office that year, or null.</param>
/// <param name="Unrest">UNREST factor score, or null.</param>
/// <param name="Instability">INSTAB factor score, or null.</param>
/// <param name="CombinedConflict">UCDP/PRIO internal + internationalized conflict, or null.</param>
/// <param name="InternalConflict">UCDP/PRIO internal conflict (TYPE3; 0–3 in the file) in the row's year, or null.</param>
/// <param name="LogPopulation">Log population in the row's year, or null.</param>
/// <param name="LogGdpPerCapitaLag">The authors' <c>lngdplag</c>: log GDP per capita of the year before the row's year, or null.</param>
/// <param name="LogGrowthLag">The authors' <c>lngrowlag</c>: their log growth term of the year before the row's year, or null.</param>
/// <param name="PolityLag">The authors' <c>POLITYLAG</c>: Polity of the year before the row's year rescaled to 0–1 ((polity2 + 10) / 20), or null.</param>
public sealed record IqbalZornCountryYear(int? CowCode, int? Year, int? Regulated, bool Assassination, bool? NaturalDeath, double? Unrest, double? Instability, double? CombinedConflict,
    double? InternalConflict = null, double? LogPopulation = null, double? LogGdpPerCapitaLag = null, double? LogGrowthLag = null, double? PolityLag = null);

/// <summary>One country's coup forecast for 2020 (Beger). Immutable.</summary>
/// <param name="Country">Country.</param>
/// <param name="Year">Forecast year.</param>
/// <param name="GwCode">Gleditsch-Ward code.</param>
/// <param name="Coup">Probability of a successful coup.</param>
/// <param name="Failed">Probability of a failed attempt.</param>
/// <param name="Attempt">Probability of any attempt.</param>
public sealed record CoupForecast(string Country, int Year, int GwCode, double Coup, double Failed, double Attempt);

/// <summary>Accuracy of one test-forecast set (Beger). Immutable.</summary>
/// <param name="SetIndex">Set index.</param>
/// <param name="Date">Run date.</param>
/// <param name="Outcome">attempt, coup or failed.</param>
/// <param name="N">Country-years.</param>
/// <param name="Cases">Positive cases.</param>
/// <param name="PositiveRate">Cases / N.</param>
/// <param name="RocAuc">Area under the ROC curve.</param>
/// <param name="PrAuc">Area under the precision-recall curve.</param>
public sealed record ForecastAccuracy(int SetIndex, DateOnly Date, string Outcome, int N, int Cases, double PositiveRate, double RocAuc, double PrAuc);

/// <summary>Reads Iqbal and Zorn and the Beger forecasts.</summary>
public static class OtherLoader
{
    internal static readonly string[] IqbalZornColumns = ["ccode", "year", "regulated", "assass", "natdeath", "UNREST", "INSTAB", "combinedconflict", "internalconflict", "logpop", "lngdplag", "lngrowlag", "POLITYLAG"];

    internal static readonly string[] ForecastColumns = ["Country", "Year", "GWcode", "Coup", "Failed", "Attempt"];

    internal static readonly string[] AccuracyColumns = ["set_idx", "date", "outcome", "N", "cases", "pos_rate", "roc_auc", "roc_pr"];

    /// <summary>Loads <c>iqbal_zorn_2008_country_year.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<IqbalZornCountryYear> LoadIqbalZorn(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.IqbalZorn, "iqbal_zorn_2008_country_year.csv", IqbalZornColumns, r => new IqbalZornCountryYear(
            r.OptionalInt("ccode"),
            r.OptionalInt("year"),
            r.OptionalInt("regulated"),
            r.Int("assass") == 1,
            r.OptionalInt("natdeath") is { } n ? n == 1 : null,
            r.OptionalDouble("UNREST"),
            r.OptionalDouble("INSTAB"),
            r.OptionalDouble("combinedconflict"),
            r.OptionalDouble("internalconflict"),
            r.OptionalDouble("logpop"),
            r.OptionalDouble("lngdplag"),
            r.OptionalDouble("lngrowlag"),
            r.OptionalDouble("POLITYLAG")));

    /// <summary>Loads <c>coups-2020.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<CoupForecast> LoadForecasts(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.Beger, "coups-2020.csv", ForecastColumns, r => new CoupForecast(
            r.Text("Country"), r.Int("Year"), r.Int("GWcode"), r.Double("Coup"), r.Double("Failed"), r.Double("Attempt")));

    /// <summary>Loads <c>acc-archive.csv</c>.</summary>
    /// <exception cref="DatasetException">The file is missing or lacks a column.</exception>
    public static LoadResult<ForecastAccuracy> LoadAccuracy(string dataFolder) =>
        CsvTable.Load(dataFolder, DatasetCatalog.Beger, "acc-archive.csv", AccuracyColumns, r => new ForecastAccuracy(
            r.Int("set_idx"), r.Date("date"), r.Text("outcome"), r.Int("N"), r.Int("cases"), r.Double("pos_rate"), r.Double("roc_auc"), r.Double("roc_pr")));
}

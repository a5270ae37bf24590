using Interregnum.History.Datasets;
using Interregnum.History.Loading;

namespace Interregnum.History;

/// <summary>
/// The datasets the outside view draws on, loaded from a data folder. Immutable once loaded.
/// </summary>
/// <param name="Archigos">Archigos 4.1 leader spells.</param>
/// <param name="Gwf">GWF regime periods.</param>
/// <param name="PowellThyne">Powell and Thyne coup attempts (2019 version).</param>
/// <param name="Cline">Cline Center coup events.</param>
/// <param name="Attempts">Jones and Olken assassination attempts.</param>
/// <param name="LeaderYears">Jones and Olken leader-year panel.</param>
/// <param name="Skipped">Every row any loader skipped (empty for the published files).</param>
/// <param name="Elections">REIGN election events (the exit-risk model's election calendar).</param>
public sealed record HistoricalData(
    IReadOnlyList<ArchigosSpell> Archigos,
    IReadOnlyList<GwfRegimePeriod> Gwf,
    IReadOnlyList<PowellThyneCoup> PowellThyne,
    IReadOnlyList<ClineCoupEvent> Cline,
    IReadOnlyList<AssassinationAttempt> Attempts,
    IReadOnlyList<LeaderYear> LeaderYears,
    IReadOnlyList<RowIssue> Skipped,
    IReadOnlyList<ReignElection> Elections)
{
    /// <summary>REIGN leaders (military career, for the exit-risk model); empty unless loaded.</summary>
    public IReadOnlyList<ReignLeader> ReignLeaders { get; init; } = [];

    /// <summary>
    /// Iqbal &amp; Zorn (2008) country-years 1946–2000 (protest, instability, conflict, income, population, Polity), read by
    /// the exit-risk model's candidate country-year covariates only; empty unless loaded (<see cref="Load"/> reads the
    /// file when it is in the data folder, and it is not required).
    /// </summary>
    public IReadOnlyList<IqbalZornCountryYear> IqbalZorn { get; init; } = [];

    /// <summary>The datasets <see cref="Load"/> reads.</summary>
    public static IReadOnlyList<DatasetInfo> Needed { get; } =
        [DatasetCatalog.Archigos, DatasetCatalog.Gwf, DatasetCatalog.PowellThyne, DatasetCatalog.Cline, DatasetCatalog.JonesOlken, DatasetCatalog.Reign];

    /// <summary>The files <see cref="Load"/> reads (the 2015 Powell and Thyne version is not among them).</summary>
    public static IReadOnlyList<(DatasetInfo Dataset, string File)> RequiredFiles { get; } =
    [
        (DatasetCatalog.Archigos, "archigos_4.1.csv"),
        (DatasetCatalog.Gwf, "gwf_regime_periods.csv"),
        (DatasetCatalog.PowellThyne, "powell_thyne_coups_v2019.04.22.csv"),
        (DatasetCatalog.Cline, "cline_coup_2.1.3.csv"),
        (DatasetCatalog.JonesOlken, "assassination_attempts.csv"),
        (DatasetCatalog.JonesOlken, "leader_year_merged.csv"),
        (DatasetCatalog.Reign, "electionlist_3_21.csv"),
        (DatasetCatalog.Reign, "leaderlist_3_21.csv"),
    ];

    /// <summary>
    /// Loads the datasets of <see cref="Needed"/>. When files are missing, throws one <see cref="DatasetException"/>
    /// whose message names every missing file and where to get it.
    /// </summary>
    /// <exception cref="DatasetException">A file is missing or lacks a column.</exception>
    public static HistoricalData Load(string dataFolder)
    {
        ThrowIfMissing(dataFolder, RequiredFiles);
        var archigos = ArchigosLoader.Load(dataFolder);
        var gwf = RegimeLoader.LoadGwf(dataFolder);
        var pt = CoupLoader.LoadPowellThyne2019(dataFolder);
        var cline = CoupLoader.LoadCline(dataFolder);
        var attempts = JonesOlkenLoader.LoadAttempts(dataFolder);
        var years = JonesOlkenLoader.LoadLeaderYears(dataFolder);
        var elections = RegimeLoader.LoadReignElections(dataFolder);
        var reignLeaders = RegimeLoader.LoadReignLeaders(dataFolder);
        var iqbalZorn = MissingFiles(dataFolder, [DatasetCatalog.IqbalZorn]).Count == 0 ? OtherLoader.LoadIqbalZorn(dataFolder) : null;
        var skipped = archigos.Skipped.Concat(gwf.Skipped).Concat(pt.Skipped).Concat(cline.Skipped).Concat(attempts.Skipped).Concat(years.Skipped).Concat(elections.Skipped).Concat(reignLeaders.Skipped).Concat(iqbalZorn?.Skipped ?? []).ToList();
        return new HistoricalData(archigos.Records, gwf.Records, pt.Records, cline.Records, attempts.Records, years.Records, skipped, elections.Records)
        {
            ReignLeaders = reignLeaders.Records,
            IqbalZorn = iqbalZorn?.Records ?? [],
        };
    }

    /// <summary>Every expected file of the given datasets that is not in the data folder.</summary>
    public static IReadOnlyList<(DatasetInfo Dataset, string File)> MissingFiles(string dataFolder, IEnumerable<DatasetInfo> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        return datasets
            .SelectMany(d => d.Files.Select(f => (Dataset: d, File: f)))
            .Where(p => !System.IO.File.Exists(Path.Combine(dataFolder, p.Dataset.Folder, p.File)))
            .ToList();
    }

    /// <summary>Throws a <see cref="DatasetException"/> naming every missing file of the given datasets.</summary>
    /// <exception cref="DatasetException">At least one file is missing.</exception>
    public static void ThrowIfMissing(string dataFolder, IEnumerable<DatasetInfo> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ThrowIfMissing(dataFolder, datasets.SelectMany(d => d.Files.Select(f => (d, f))).ToList());
    }

    /// <summary>
    /// Throws a <see cref="DatasetException"/> naming every missing file, one per line of the message
    /// ("dataset X is missing: ... Get it from Y and put it at Z").
    /// </summary>
    /// <exception cref="DatasetException">At least one file is missing.</exception>
    public static void ThrowIfMissing(string dataFolder, IReadOnlyList<(DatasetInfo Dataset, string File)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var missing = files.Where(p => !System.IO.File.Exists(Path.Combine(dataFolder, p.Dataset.Folder, p.File))).ToList();
        if (missing.Count > 0)
        {
            var message = string.Join("\n", missing.Select(m => DatasetCatalog.MissingMessage(m.Dataset, dataFolder, m.File)));
            throw new DatasetException(message, missing[0].Dataset, isMissing: true);
        }
    }
}

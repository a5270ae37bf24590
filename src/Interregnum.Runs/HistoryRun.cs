using System.Globalization;
using System.Text.RegularExpressions;
using Interregnum.History;
using Interregnum.History.Datasets;
using Interregnum.History.Loading;
using Interregnum.History.ReferenceClasses;
using Interregnum.History.Replication;
using Interregnum.History.Survival;
using Interregnum.Statistics;

namespace Interregnum.Runs;

/// <summary>Base rates of a reference class, as <c>history base-rates</c> shows them.</summary>
/// <param name="ReferenceClass">The class asked for.</param>
/// <param name="Data">The loaded datasets (for the skipped rows).</param>
/// <param name="Rates">The rates over at least one case.</param>
/// <param name="NoCases">"outcome:category" of the rates over no case (left out: a rate over no cases is no rate).</param>
public sealed record BaseRatesView(ReferenceClass ReferenceClass, HistoricalData Data, IReadOnlyList<BaseRate> Rates, IReadOnlyList<string> NoCases);

/// <summary>The survival curves of <c>history survival</c>.</summary>
public sealed record SurvivalView(SurvivalGrouping Grouping, IReadOnlyList<SurvivalGroup> Groups);

/// <summary>The Jones and Olken replication tables of <c>history replicate jones-olken</c>.</summary>
/// <param name="Tables">Each table's name and regression.</param>
/// <param name="Skipped">Malformed rows skipped while loading.</param>
public sealed record JonesOlkenView(IReadOnlyList<(string Name, RegressionResult Fit)> Tables, int Skipped);

/// <summary>One dataset of <c>history datasets</c>: where to get it and whether it is in the data folder.</summary>
public sealed record DatasetRow(DatasetInfo Dataset, bool Present);

/// <summary>
/// The <c>history</c> use cases: load the datasets, select base rates and their cases, survival curves and the Cox
/// model, the Jones and Olken replication, the dataset list; and their JSON documents. A dataset's expected failure
/// (missing, malformed) comes back as a <see cref="RunException"/> (missing: <see cref="RunFailure.MissingResource"/>).
/// </summary>
public static partial class HistoryRun
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The reference class the filters name, checked.</summary>
    /// <exception cref="RunException">A filter is invalid.</exception>
    public static ReferenceClass Filter(string? exit, string? entry, string? regime, string? era, string? region, double? minTenure, double? maxTenure)
    {
        var (from, to) = ParseEra(era);
        var rc = new ReferenceClass(exit, entry, regime, from, to, region, minTenure, maxTenure);
        var errors = rc.Validate();
        return errors.Count > 0 ? throw new RunException(string.Join("; ", errors), RunFailure.InvalidInput) : rc;
    }

    /// <summary>A year range: "1950-2015", "1990-", "-1945" or one year.</summary>
    /// <exception cref="RunException">Not such a range.</exception>
    public static (int? From, int? To) ParseEra(string? era)
    {
        if (string.IsNullOrWhiteSpace(era))
        {
            return (null, null);
        }

        var match = EraPattern().Match(era.Trim());
        if (!match.Success)
        {
            throw new RunException($"--era '{era}': expected a year range such as 1950-2015, 1990- or -1945", RunFailure.InvalidInput);
        }

        int? Year(Group g) => g.Success && g.Length > 0 ? int.Parse(g.Value, Invariant) : null;
        var single = Year(match.Groups["single"]);
        return single is not null ? (single, single) : (Year(match.Groups["from"]), Year(match.Groups["to"]));
    }

    [GeneratedRegex(@"^(?:(?<single>\d{4})|(?<from>\d{4})?\s*(?:-|–|\.\.)\s*(?<to>\d{4})?)$")]
    private static partial Regex EraPattern();

    /// <summary>The outcome asked for, checked (null: every outcome).</summary>
    /// <exception cref="RunException">An unknown outcome.</exception>
    public static string? Outcome(string? outcome) =>
        outcome is null || OutsideView.Outcomes.Contains(outcome)
            ? outcome
            : throw new RunException($"unknown outcome '{outcome}'; expected one of {string.Join(", ", OutsideView.Outcomes)}", RunFailure.InvalidInput);

    /// <summary>The data folder (the option, else INTERREGNUM_DATA).</summary>
    /// <exception cref="RunException">None is set (<see cref="RunFailure.MissingResource"/>).</exception>
    public static string ResolveFolder(DirectoryInfo? option, IReadOnlyList<DatasetInfo> needed)
    {
        var folder = DatasetCatalog.ResolveFolder(option?.FullName, Environment.GetEnvironmentVariable);
        return folder ?? throw new RunException(DatasetCatalog.NoDataFolderMessage(needed), RunFailure.MissingResource);
    }

    /// <summary>The data folder for the datasets the outside view needs (exit-risk too).</summary>
    public static string DataFolder(DirectoryInfo? option) => ResolveFolder(option, HistoricalData.Needed);

    /// <summary>Loads the historical datasets.</summary>
    public static HistoricalData LoadData(DirectoryInfo? option) => Datasets(() => HistoricalData.Load(DataFolder(option)));

    /// <summary>Base rates of the class for one outcome (null: every outcome).</summary>
    public static BaseRatesView BaseRates(ReferenceClass referenceClass, string? outcome, DirectoryInfo? data)
    {
        var loaded = LoadData(data);
        var all = OutsideView.BaseRates(loaded, referenceClass, outcome);
        return new BaseRatesView(
            referenceClass,
            loaded,
            [.. all.Where(r => r.N > 0)],
            [.. all.Where(r => r.N == 0).Select(r => $"{r.Outcome}:{r.Category}")]);
    }

    /// <summary>The <c>history base-rates --format json</c> document.</summary>
    public static BaseRatesJson BaseRatesDocument(BaseRatesView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(
            view.ReferenceClass,
            view.ReferenceClass.Describe(),
            "wilson 90%",
            view.Data.Skipped.Count,
            [.. view.Rates.Select(r => new BaseRateRowJson(r.Outcome, r.Category, r.Label, r.Dataset, r.K, r.N, r.Rate, r.Lower, r.Upper, r.Level, r.Method, r.Notes))],
            view.NoCases);
    }

    /// <summary>The notes of the rates, each once, prefixed with its outcome.</summary>
    public static IEnumerable<string> Notes(BaseRatesView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Rates.SelectMany(r => r.Notes.Select(n => r.Outcome + ": " + n)).Distinct(StringComparer.Ordinal);
    }

    /// <summary>The base rate whose cases <c>history cases</c> lists: the outcome's category asked for (null: its first).</summary>
    /// <exception cref="RunException">The outcome does not apply to the class, or the category is unknown.</exception>
    public static BaseRate Cases(ReferenceClass referenceClass, string? outcome, string? category, DirectoryInfo? data)
    {
        ArgumentNullException.ThrowIfNull(referenceClass);
        var loaded = LoadData(data);
        var rates = OutsideView.BaseRates(loaded, referenceClass, outcome);
        if (rates.Count == 0)
        {
            throw new RunException($"outcome '{outcome}' does not apply to the reference class ({referenceClass.Describe()})", RunFailure.InvalidInput);
        }

        return category is null ? rates[0] : rates.FirstOrDefault(r => string.Equals(r.Category, category, StringComparison.OrdinalIgnoreCase))
            ?? throw new RunException($"unknown category '{category}' for {outcome}; expected one of {string.Join(", ", rates.Select(r => r.Category))}", RunFailure.InvalidInput);
    }

    /// <summary>The <c>history cases --format json</c> document.</summary>
    public static CasesJson CasesDocument(ReferenceClass referenceClass, BaseRate rate)
    {
        ArgumentNullException.ThrowIfNull(referenceClass);
        return new(referenceClass, referenceClass.Describe(), rate);
    }

    /// <summary>Leader tenure survival curves by entry or regime.</summary>
    public static SurvivalView Survival(HistoricalData data, SurvivalGrouping grouping) =>
        new(grouping, Datasets(() => LeaderSurvival.Curves(data, grouping)));

    /// <summary>Draws the survival curves with their bands to a PNG (<c>history survival --out</c>).</summary>
    /// <exception cref="RunException">The file cannot be written.</exception>
    public static void SaveSurvivalChart(SurvivalView view, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(view);
        try
        {
            Reports.SurvivalChart.SavePng([.. view.Groups.Select(g => new Reports.SurvivalCurve(g.Group, g.Spells, g.Tenure))], pngPath, $"Leader tenure by {view.Grouping.ToString().ToLowerInvariant()} (Archigos 4.1)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunException($"cannot write {pngPath}: {ex.Message}", RunFailure.InvalidInput);
        }
    }

    /// <summary>The <c>history survival --format json</c> document.</summary>
    public static SurvivalJson SurvivalDocument(SurvivalView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(
            view.Grouping,
            "greenwood log-log 95%",
            [.. view.Groups.Select(g => new SurvivalGroupJson(
                g.Group,
                g.Spells,
                g.Exits,
                g.IrregularExits,
                g.LeaderYears,
                g.IrregularExitsPer100LeaderYears,
                g.Tenure.Median,
                g.Tenure.Steps))]);
    }

    /// <summary>The Cox model of leaving office (or, <paramref name="irregular"/>, of an irregular exit).</summary>
    public static CoxFit Cox(HistoricalData data, bool irregular) => Datasets(() => LeaderSurvival.Cox(data, irregular));

    /// <summary>The <c>history survival --cox --format json</c> document.</summary>
    public static CoxJson CoxDocument(CoxFit fit, bool irregular)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new(irregular ? "irregular-exit" : "any-exit", "efron", fit.Subjects, fit.Events, fit.LogPartialLikelihood, fit.LikelihoodRatio, fit.Coefficients);
    }

    /// <summary>Runs the Jones and Olken (2009) replication on the leader-year file.</summary>
    public static JonesOlkenView JonesOlken(DirectoryInfo? data)
    {
        var folder = ResolveFolder(data, [DatasetCatalog.JonesOlken]);
        return Datasets(() =>
        {
            HistoricalData.ThrowIfMissing(folder, [(DatasetCatalog.JonesOlken, "leader_year_merged.csv")]);
            var years = JonesOlkenLoader.LoadLeaderYears(folder);
            var result = JonesOlkenReplication.Run(years.Records);
            return new JonesOlkenView(
                [
                    ("table5b_col1_democratization", result.Table5B),
                    ("table5a_col2_no_interaction", result.Table5A),
                    ("table7b_col1_any_war", result.Table7BWar),
                    ("table7b_col3_prio_intensity", result.Table7BPrio),
                ],
                years.Skipped.Count);
        });
    }

    /// <summary>The published value of a table's term (REPLICATION.md), or null.</summary>
    public static PublishedTerm? Published(string table, string term) => JonesOlkenPublished.Find(table, term);

    /// <summary>The <c>history replicate jones-olken --format json</c> document.</summary>
    public static JonesOlkenJson JonesOlkenDocument(JonesOlkenView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(
            "Jones and Olken (2009), AEJ: Macroeconomics 1(2): 55–87; method: jones-olken-2009/REPLICATION.md",
            view.Skipped,
            [.. view.Tables.Select(t => new JonesOlkenTableJson(
                t.Name,
                t.Fit.N,
                t.Fit.K,
                t.Fit.Clusters,
                t.Fit.RSquared,
                t.Fit.DroppedTerms,
                t.Fit.Coefficients,
                [.. t.Fit.Coefficients.Select(c => JonesOlkenPublished.Find(t.Name, c.Term))]))]);
    }

    /// <summary>The data folder (null when none is set) and every dataset with whether it is there.</summary>
    public static (string? Folder, IReadOnlyList<DatasetRow> Rows) DatasetList(DirectoryInfo? data)
    {
        var folder = DatasetCatalog.ResolveFolder(data?.FullName, Environment.GetEnvironmentVariable);
        return (folder, [.. DatasetCatalog.All.Select(d => new DatasetRow(d, folder is not null && HistoricalData.MissingFiles(folder, [d]).Count == 0))]);
    }

    /// <summary>The <c>history datasets --format json</c> document.</summary>
    public static DatasetsJson DatasetsDocument(string? folder, IReadOnlyList<DatasetRow> rows) =>
        new(folder, [.. rows.Select(r => new DatasetJson(r.Dataset.Key, r.Dataset.Name, r.Dataset.Folder, r.Dataset.Files, r.Dataset.Origin, r.Dataset.Citation, r.Present))]);

    /// <summary>Runs a dataset operation, turning its expected failures into <see cref="RunException"/>s.</summary>
    public static T Datasets<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return work();
        }
        catch (DatasetException ex)
        {
            throw new RunException(ex.Message, ex.IsMissing ? RunFailure.MissingResource : RunFailure.InvalidInput);
        }
    }
}

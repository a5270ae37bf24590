using System.Globalization;
using Interregnum.History;
using Interregnum.History.ExitRisk;
using Interregnum.History.Loading;

namespace Interregnum.Runs;

/// <summary>One probability of an exit-risk forecast in a result document.</summary>
/// <param name="HorizonMonths">12 or 24.</param>
/// <param name="Manner">any, regular, natural, irregular, irregular_coup, irregular_killing, irregular_other.</param>
/// <param name="Probability">Probability of leaving office in this manner within the horizon.</param>
/// <param name="Interval">Central interval [lower, upper] at the document's level.</param>
public sealed record ExitRiskEstimateJson(int HorizonMonths, string Manner, double Probability, double[] Interval);

/// <summary>A scenario's declared judgment of the 12-month exit risk.</summary>
/// <param name="AnyWithin12Months">Probability of leaving office within 12 months.</param>
/// <param name="IrregularWithin12Months">Probability of an irregular exit within 12 months, if declared.</param>
/// <param name="Source">Source id.</param>
/// <param name="Note">Why, in words.</param>
public sealed record ExitRiskJudgmentJson(double AnyWithin12Months, double? IrregularWithin12Months, string Source, string? Note);

/// <summary>The document <c>history exit-risk --format json</c> prints: a leader's exit risk by manner.</summary>
/// <param name="Program">"interregnum".</param>
/// <param name="Version">Program version.</param>
/// <param name="Command">"history exit-risk".</param>
/// <param name="Leader">Who (the scenario's incumbent, or the Archigos leader).</param>
/// <param name="Origin">First day of the 12-month window.</param>
/// <param name="Model">The model, in words.</param>
/// <param name="Covariates">The covariates as the model reads them (name → value, scales in docs/exit-risk.md).</param>
/// <param name="TrendYear">The calendar year the trend term reads (not extrapolated past the data).</param>
/// <param name="FittedFrom">First window year of the fitting sample.</param>
/// <param name="FittedTo">Last window year (the last year the datasets observe exits).</param>
/// <param name="LeaderYears">Leader-years fitted.</param>
/// <param name="Level">Interval level.</param>
/// <param name="Draws">Parameter draws behind the intervals.</param>
/// <param name="Seed">Seed of the draws.</param>
/// <param name="Estimates">Per horizon and manner.</param>
/// <param name="Judgment">The scenario's judgment that overrides the estimate in simulate, compare and the brief, if declared.</param>
/// <param name="Sources">Source ids the scenario cites for the facts (empty for dataset leaders).</param>
/// <param name="Notes">What the data cover and what that does to this forecast.</param>
public sealed record ExitRiskJson(
    string Program,
    string Version,
    string Command,
    string Leader,
    string Origin,
    string Model,
    IReadOnlyDictionary<string, double> Covariates,
    int TrendYear,
    int FittedFrom,
    int FittedTo,
    int LeaderYears,
    double Level,
    int Draws,
    int Seed,
    IReadOnlyList<ExitRiskEstimateJson> Estimates,
    ExitRiskJudgmentJson? Judgment,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Notes);

/// <summary>The unconditional view printed beside a conditional succession forecast (simulate, compare, brief).</summary>
/// <param name="Shown">"judgment" when the scenario's judgment replaces the model's 12-month estimate, else "model".</param>
/// <param name="AnyWithin12Months">The shown probability of leaving office within 12 months.</param>
/// <param name="IrregularWithin12Months">The shown probability of an irregular exit within 12 months.</param>
/// <param name="Model">The model's 12-month estimates by manner, always (so the judgment can be read against them).</param>
/// <param name="Judgment">The judgment, if declared.</param>
/// <param name="Note">Where the numbers come from.</param>
public sealed record ExitRiskViewJson(string Shown, double AnyWithin12Months, double IrregularWithin12Months, IReadOnlyList<ExitRiskEstimateJson> Model, ExitRiskJudgmentJson? Judgment, string Note);

/// <summary>A score with its bootstrap interval in the backtest document.</summary>
/// <param name="Value">On all forecasts.</param>
/// <param name="Interval">Percentile interval [lower, upper].</param>
public sealed record ScoreJson(double Value, double[] Interval);

/// <summary>The scores of one event in the backtest document.</summary>
/// <param name="Cases">Forecasts scored.</param>
/// <param name="Events">Events among them.</param>
/// <param name="EventRate">Events / cases (the no-skill AUC-PR).</param>
/// <param name="Auc">AUC-ROC.</param>
/// <param name="AucPr">AUC-PR (average precision).</param>
/// <param name="Brier">Mean Brier score.</param>
/// <param name="BaseRateBrier">Mean Brier score of the base-rate forecast.</param>
/// <param name="BrierSkill">1 − Brier / base-rate Brier.</param>
/// <param name="Reliability">Decile bins of the forecast.</param>
/// <param name="LogScore">Mean log score in nats (lower is better; no interval).</param>
/// <param name="BaseRateLogScore">Mean log score of the base-rate forecast.</param>
public sealed record EventScoresJson(int Cases, int Events, double EventRate, ScoreJson Auc, ScoreJson AucPr, ScoreJson Brier, ScoreJson BaseRateBrier, ScoreJson BrierSkill, IReadOnlyList<QuantileBin> Reliability, double LogScore, double BaseRateLogScore);

/// <summary>The backtest's settings, every one named.</summary>
/// <param name="FirstOrigin">First origin year.</param>
/// <param name="LastOrigin">Last origin year.</param>
/// <param name="Origins">Number of origins.</param>
/// <param name="TrainingFrom">First window year of every training sample.</param>
/// <param name="Training">Which leader-years each fit sees.</param>
/// <param name="Window">What a forecast covers.</param>
/// <param name="BaseRate">The rival of the Brier skill.</param>
/// <param name="Bootstrap">How intervals are made.</param>
/// <param name="Replicates">Bootstrap replicates.</param>
/// <param name="Seed">Bootstrap seed.</param>
/// <param name="Level">Interval level.</param>
/// <param name="Reliability">How the reliability table bins forecasts.</param>
/// <param name="AucPr">How AUC-PR is computed.</param>
/// <param name="Covariates">The covariates fitted at each origin.</param>
/// <param name="PriorScale">Scale of the normal prior on the slopes.</param>
/// <param name="IrregularPriorScale">Prior scale of the irregular-exit binary logit, when irregular exits have a model of their own; else null.</param>
/// <param name="Design">"january" (windows from 1 January) or "monthly" (windows from the first of every month): the rows forecast.</param>
/// <param name="FitDesign">The design of the rows each origin's model is fitted on.</param>
public sealed record ExitRiskBacktestSettingsJson(int FirstOrigin, int LastOrigin, int Origins, int TrainingFrom, string Training, string Window, string BaseRate, string Bootstrap, int Replicates, int Seed, double Level, string Reliability, string AucPr, IReadOnlyList<string> Covariates, double PriorScale, double? IrregularPriorScale, string Design = "january", string FitDesign = "january");

/// <summary>The document <c>history exit-risk --backtest --format json</c> prints.</summary>
/// <param name="Program">"interregnum".</param>
/// <param name="Version">Program version.</param>
/// <param name="Command">"history exit-risk --backtest".</param>
/// <param name="Model">The model, in words.</param>
/// <param name="Settings">The settings.</param>
/// <param name="AnyExit">Scores for leaving office by any manner within the year.</param>
/// <param name="Irregular">Scores for an irregular exit within the year.</param>
/// <param name="Notes">Coverage notes.</param>
public sealed record ExitRiskBacktestJson(string Program, string Version, string Command, string Model, ExitRiskBacktestSettingsJson Settings, EventScoresJson AnyExit, EventScoresJson Irregular, IReadOnlyList<string> Notes);

/// <summary>
/// The exit-risk use cases: a leader's forecast (from a scenario's <c>exit_risk</c> section or an Archigos
/// leader-year), the rolling-origin backtest, and the unconditional view beside simulate, compare and the brief.
/// </summary>
public static class ExitRiskRun
{
    /// <summary>The model in words, as every document names it.</summary>
    public static string ModelName(ExitRiskSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        return $"discrete-time competing risks: multinomial logit on leader-years (stay, regular, natural, irregular), {specification.Covariates.Count.ToString(CultureInfo.InvariantCulture)} covariates, normal(0, {specification.PriorScale.ToString("0.###", CultureInfo.InvariantCulture)}) prior on slopes" + (specification.IrregularBoosting is { } b ? $"; irregular exit from gradient-boosted trees ({b.Trees.ToString(CultureInfo.InvariantCulture)} trees, depth {b.Depth.ToString(CultureInfo.InvariantCulture)}, rate {b.LearningRate.ToString("0.###", CultureInfo.InvariantCulture)}, min child weight {b.MinChildWeight.ToString("0.###", CultureInfo.InvariantCulture)}, lambda {b.Lambda.ToString("0.###", CultureInfo.InvariantCulture)}{(b.Blend < 1 ? $", averaged with the logit at weight {b.Blend.ToString("0.###", CultureInfo.InvariantCulture)}" : string.Empty)})" : specification.IrregularPriorScale is { } irregular ? $"; irregular exit from a binary logit of its own, normal(0, {irregular.ToString("0.###", CultureInfo.InvariantCulture)}) prior" : "") + "; docs/exit-risk.md";
    }

    /// <summary>What the data cover and what that does to a forecast, as every document says it.</summary>
    public static IReadOnlyList<string> CoverageNotes { get; } =
    [
        "Outcomes: Archigos 4.1 exits to 2015-12-31; fitted on leader-years 1955-2015.",
        "Regime type: GWF to 2010-12-31; 2011-2015 carry forward the regime in power on 2010-12-31.",
        "Coup attempts: Powell & Thyne to April 2019.",
        "Elections: REIGN election list to March 2021 (votes scheduled by the calendar or announced before the window's first day).",
        "A forecast for a later year learns nothing from exits after 2015; the calendar trend is held at 2016; the incumbent's facts after the data come from the scenario's exit_risk section.",
    ];

    /// <summary>The design the shipped model is fitted on (docs/exit-risk.md, "Monthly origins").</summary>
    public const ExitRiskOrigins ShippedOrigins = ExitRiskOrigins.January;

    /// <summary>The design <c>--backtest</c> runs when none is named.</summary>
    public const ExitRiskOrigins DefaultBacktestOrigins = ExitRiskOrigins.January;

    /// <summary>
    /// The design named on the command line (<c>january</c> or <c>monthly</c>; null: <paramref name="fallback"/>), or
    /// null when the name is not one of them.
    /// </summary>
    public static ExitRiskOrigins? Origins(string? name, ExitRiskOrigins fallback) => name switch
    {
        null => fallback,
        "january" => ExitRiskOrigins.January,
        "monthly" => ExitRiskOrigins.Monthly,
        _ => null,
    };

    /// <summary>
    /// The specification named by the specification-search options: the one of the design fitted on
    /// (<see cref="ExitRiskSpecification.For"/>), with the covariates and the prior scale replaced where given. Problems (an unknown covariate, a prior scale out of range) come back in words.
    /// </summary>
    public static (ExitRiskSpecification Specification, IReadOnlyList<string> Problems) Specification(string? covariates, double? priorScale, double? irregularPriorScale = null, string? irregularBoosting = null, ExitRiskOrigins fittedOn = ExitRiskOrigins.January)
    {
        BoostedTreesSettings? boosting = null;
        if (irregularBoosting is { } text)
        {
            try
            {
                boosting = BoostedTreesSettings.Parse(text);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                return (ExitRiskSpecification.For(fittedOn), [$"--irregular-boosting: {e.Message}"]);
            }
        }

        var shipped = ExitRiskSpecification.For(fittedOn);
        var specification = covariates is { } list
            ? ExitRiskSpecification.Parse(list, priorScale ?? shipped.PriorScale)
            : shipped with { PriorScale = priorScale ?? shipped.PriorScale };
        specification = specification with { IrregularPriorScale = irregularPriorScale ?? shipped.IrregularPriorScale, IrregularBoosting = boosting ?? shipped.IrregularBoosting };
        return (specification, specification.Validate());
    }

    /// <summary>
    /// The fitted coefficients as CSV lines (a heading line, then one line per covariate): log-odds against staying in
    /// office and their standard errors, for regular, natural and irregular exits.
    /// </summary>
    public static IReadOnlyList<string> CoefficientLines(ExitRiskModel model)
    {
        var fit = model.Fit;
        var columns = fit.Coefficients.GetLength(1);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"model: {ModelName(model.Specification)}; leader-years {fit.Observations}, fitted {model.FirstYear}-{model.LastYear}"),
            "covariate,regular,regular_se,natural,natural_se,irregular,irregular_se",
        };
        string[] names = ["intercept", .. model.Specification.Covariates];
        for (var a = 0; a < columns; a++)
        {
            var cells = Enumerable.Range(0, 3).SelectMany(k => new[] { fit.Coefficients[k, a], Math.Sqrt(fit.Covariance[(k * columns) + a, (k * columns) + a]) });
            lines.Add(names[a] + "," + string.Join(",", cells.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture))));
        }

        return lines;
    }

    /// <summary>
    /// Fails, naming the file, when a specification asks for the Iqbal &amp; Zorn country-year covariates and that dataset
    /// is missing from the data folder (it is otherwise optional).
    /// </summary>
    public static void RequireCountryYearData(string dataFolder, ExitRiskSpecification specification)
    {
        if (CountryYearCovariatesIn(specification).Count > 0)
        {
            HistoricalData.ThrowIfMissing(dataFolder, [DatasetCatalog.IqbalZorn]);
        }
    }

    /// <summary>The Iqbal &amp; Zorn country-year covariates (to 2000) a specification reads, in its order; empty if none.</summary>
    public static IReadOnlyList<string> CountryYearCovariatesIn(ExitRiskSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        return specification.Covariates.Intersect(CountryYearCovariates.Names).ToList();
    }

    /// <summary>The last origin year a design allows (2015 from 1 January, 2014 from the first of every month).</summary>
    public static int LastOrigin(ExitRiskOrigins origins) => ExitRiskBacktestSettings.LastAllowedOrigin(origins);

    /// <summary>Loads the data and builds the panel whose rows a backtest forecasts and the one its fits read (the same panel when the designs agree).</summary>
    /// <exception cref="DatasetException">A dataset is missing.</exception>
    public static (LeaderYearPanel Panel, LeaderYearPanel FitPanel) BacktestPanels(string dataFolder, ExitRiskOrigins origins, ExitRiskOrigins fitOrigins)
    {
        var data = HistoricalData.Load(dataFolder);
        var panel = ExitRiskPanel.Build(data, origins);
        return (panel, fitOrigins == origins ? panel : ExitRiskPanel.Build(data, fitOrigins));
    }

    /// <summary>What a fit on monthly rows does to the forecast intervals, as the documents say it.</summary>
    public const string MonthlyIntervalNote = "Fitted on monthly rows (--origins monthly, not the shipped model): the windows overlap, so each exit is counted in up to 12 rows and the intervals, from the normal approximation at the mode, are too narrow.";

    /// <summary>Loads the data and fits the model on every row of the panel of the given design.</summary>
    /// <exception cref="DatasetException">A dataset is missing.</exception>
    public static (ExitRiskModel Model, LeaderYearPanel Panel) Fit(string dataFolder, ExitRiskSpecification? specification = null, ExitRiskOrigins origins = ShippedOrigins)
    {
        var panel = ExitRiskPanel.Build(HistoricalData.Load(dataFolder), origins);
        return (ExitRiskModel.FitOn(panel.Rows, specification ?? ExitRiskSpecification.For(origins)), panel);
    }

    /// <summary>The forecast for a scenario's incumbent.</summary>
    /// <exception cref="RunException">The scenario has no <c>exit_risk</c> section.</exception>
    /// <param name="loaded">The scenario.</param>
    /// <param name="model">The fitted model.</param>
    /// <param name="leaderYears">Rows it was fitted on.</param>
    /// <param name="draws">Parameter draws behind the intervals.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="fittedOn">The design of the rows it was fitted on (a monthly fit adds a note on its intervals).</param>
    public static ExitRiskJson ForScenario(LoadedScenario loaded, ExitRiskModel model, int leaderYears, int draws, int seed, ExitRiskOrigins fittedOn = ShippedOrigins)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(model);
        var scenario = loaded.Scenario;
        var covariates = ScenarioIncumbent.Covariates(scenario)
            ?? throw new RunException($"{loaded.Path}: the scenario has no 'exit_risk' section (the incumbent's facts for the exit-risk model; see docs/exit-risk.md)");
        var incumbent = scenario.ActorById(scenario.Incumbent);
        var doc = Document(incumbent.Name, scenario.AsOf!.Value, covariates, model, leaderYears, draws, seed, Judgment(scenario), scenario.ExitRisk!.Sources);
        return fittedOn == ExitRiskOrigins.Monthly ? doc with { Notes = [.. doc.Notes, MonthlyIntervalNote] } : doc;
    }

    /// <summary>The forecast for an Archigos leader in office on 1 January of <paramref name="year"/>, from the panel's covariates.</summary>
    /// <exception cref="RunException">No such leader-year in the panel.</exception>
    public static ExitRiskJson ForLeaderYear(string obsId, int year, ExitRiskModel model, LeaderYearPanel panel, int draws, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(panel);
        var row = panel.Rows.FirstOrDefault(r => r.ObsId == obsId && r.Year == year && r.Month == 1)
            ?? throw new RunException($"no leader-year for Archigos spell '{obsId}' in {year.ToString(CultureInfo.InvariantCulture)}: the panel holds leaders in office on 1 January {ExitRiskPanel.FirstYear}-{ExitRiskPanel.LastYear} with a known birth year");
        var doc = Document($"{row.Leader} ({row.ObsId})", new DateOnly(year, 1, 1), row.Covariates, model, panel.Rows.Count, draws, seed, null, []);
        var happened = row.Outcome == ExitManner.None ? "stayed in office that year" : $"left office that year: {row.Outcome.ToString().ToLowerInvariant()}{(row.Kind is { } k ? " (" + k.ToString().ToLowerInvariant() + ")" : string.Empty)}";
        return doc with { Notes = [.. doc.Notes, $"In sample: the model was fitted on this leader-year too; the leader {happened}.", .. panel.Origins == ExitRiskOrigins.Monthly ? new[] { MonthlyIntervalNote } : []] };
    }

    /// <summary>The unconditional view for simulate, compare and the brief, or null (no section, no data: a note goes to <paramref name="notes"/>).</summary>
    public static ExitRiskViewJson? View(LoadedScenario loaded, DirectoryInfo? dataOption, TextWriter notes)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(notes);
        if (loaded.Scenario.ExitRisk is null)
        {
            return null;
        }

        var folder = dataOption?.FullName ?? Environment.GetEnvironmentVariable("INTERREGNUM_DATA");
        if (string.IsNullOrWhiteSpace(folder))
        {
            notes.WriteLine("note: no exit risk: give --data DIR or set INTERREGNUM_DATA (see docs/exit-risk.md)");
            return null;
        }

        ExitRiskJson doc;
        try
        {
            var (model, panel) = Fit(folder);
            doc = ForScenario(loaded, model, panel.Rows.Count, 2000, 1);
        }
        catch (DatasetException ex)
        {
            notes.WriteLine("note: no exit risk: " + ex.Message);
            return null;
        }

        var twelve = doc.Estimates.Where(e => e.HorizonMonths == 12).ToList();
        var modelAny = twelve.Single(e => e.Manner == "any").Probability;
        var modelIrregular = twelve.Single(e => e.Manner == "irregular").Probability;
        var fitted = $"model fitted on Archigos, GWF and Powell & Thyne leader-years {doc.FittedFrom}-{doc.FittedTo} (data end 2015; docs/exit-risk.md)";
        return doc.Judgment is { } j
            ? new ExitRiskViewJson("judgment", j.AnyWithin12Months, j.IrregularWithin12Months ?? modelIrregular, twelve, j, $"The scenario's judgment (source: {j.Source}) replaces the model's 12-month estimate{(j.IrregularWithin12Months is null ? " of any exit; the irregular share is the model's" : string.Empty)}; the model's is listed beside it ({fitted}).")
            : new ExitRiskViewJson("model", modelAny, modelIrregular, twelve, null, $"Unconditional: how likely the incumbent leaves within 12 months of as_of, by manner; {fitted}.");
    }

    /// <summary>Runs the rolling-origin backtest and builds its document.</summary>
    /// <exception cref="RunException">Invalid settings.</exception>
    public static ExitRiskBacktestJson Backtest(LeaderYearPanel panel, ExitRiskBacktestSettings settings, IProgress<int>? progress = null, LeaderYearPanel? fitPanel = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new RunException(string.Join("; ", errors));
        }

        var result = ExitRiskBacktest.Run(panel, settings, progress, fitPanel);
        var monthly = settings.Origins == ExitRiskOrigins.Monthly;
        var fitMonthly = settings.FittedOn == ExitRiskOrigins.Monthly;
        var s = new ExitRiskBacktestSettingsJson(
            settings.FirstOrigin,
            settings.LastOrigin,
            result.Origins.Count,
            ExitRiskPanel.FirstYear,
            fitMonthly
                ? "leader-windows from the first of every month whose whole 12-month window ended before 1 January of the origin year only (every outcome known by 31 December of the year before)"
                : "leader-years from 1 January of years before the origin year only (every outcome known by 31 December of the year before)",
            monthly
                ? "leaders in office on the first day of each month of the origin year (12 windows a year, overlapping); event within the 12 months from that day"
                : "leaders in office on 1 January of the origin year; event within that calendar year",
            "share of the origin's training leader-years with the event",
            "country clusters drawn with replacement (all of a country's forecasts together), percentile interval",
            settings.BootstrapReplicates,
            settings.Seed,
            settings.Level,
            $"{settings.ReliabilityBins.ToString(CultureInfo.InvariantCulture)} equal-count bins of the forecast",
            "average precision, step-wise over distinct forecasts (no interpolation)",
            settings.Specification.Covariates,
            settings.Specification.PriorScale,
            settings.Specification.IrregularPriorScale,
            monthly ? "monthly" : "january",
            fitMonthly ? "monthly" : "january");
        return new ExitRiskBacktestJson("interregnum", ForecastDocuments.Version, "history exit-risk --backtest", ModelName(settings.Specification), s, Scores(result.AnyExit), Scores(result.Irregular), CoverageNotes);
    }

    private static EventScoresJson Scores(EventScores e) =>
        new(e.Cases, e.Events, e.Events / (double)e.Cases, Score(e.Auc), Score(e.AucPr), Score(e.Brier), Score(e.BaseRateBrier), Score(e.BrierSkill), e.Reliability, e.LogScore, e.BaseRateLogScore);

    private static ScoreJson Score(ScoreInterval s) => new(s.Value, [s.Lower, s.Upper]);

    private static ExitRiskJudgmentJson? Judgment(Model.Scenario scenario) =>
        scenario.ExitRisk?.Judgment is { } j ? new ExitRiskJudgmentJson(j.AnyWithin12Months, j.IrregularWithin12Months, j.Source, j.Note) : null;

    private static ExitRiskJson Document(string leader, DateOnly origin, ExitRiskCovariates covariates, ExitRiskModel model, int leaderYears, int draws, int seed, ExitRiskJudgmentJson? judgment, IReadOnlyList<string> sources)
    {
        var forecast = model.Forecast(covariates, draws, seed);
        var vector = model.Vector(covariates);
        var named = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < vector.Length; i++)
        {
            named[model.Specification.Covariates[i]] = vector[i];
        }

        return new ExitRiskJson(
            "interregnum",
            ForecastDocuments.Version,
            "history exit-risk",
            leader,
            origin.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ModelName(model.Specification),
            named,
            model.TrendYear(covariates.Year),
            model.FirstYear,
            model.LastYear,
            leaderYears,
            forecast.Level,
            forecast.Draws,
            forecast.Seed,
            forecast.Estimates.Select(e => new ExitRiskEstimateJson(e.HorizonMonths, e.Manner, e.Probability, [e.Lower, e.Upper])).ToList(),
            judgment,
            sources,
            CoverageNotes);
    }
}

using MathNet.Numerics.Random;

namespace Interregnum.History.ExitRisk;

/// <summary>
/// Settings of the rolling-origin backtest, every one named in the output. Immutable.
/// </summary>
/// <param name="FirstOrigin">First origin year: the model is fitted on windows <see cref="ExitRiskPanel.FirstYear"/> … origin − 1 and forecasts the leaders in office on 1 January of the origin year.</param>
/// <param name="LastOrigin">Last origin year (at most <see cref="ExitRiskPanel.LastYear"/>).</param>
/// <param name="BootstrapReplicates">Country-cluster bootstrap replicates for the intervals.</param>
/// <param name="Seed">Seed of the bootstrap.</param>
/// <param name="Level">Central interval level.</param>
/// <param name="ReliabilityBins">Quantile bins of the reliability table.</param>
/// <param name="Model">The specification fitted at each origin, or null for that of the design fitted on (<see cref="ExitRiskSpecification.For"/>).</param>
/// <param name="Origins">
/// The design: windows from 1 January, or from the first of every month (the panel must be built the same way). In the
/// monthly design the last origin is at most <see cref="ExitRiskPanel.LastYear"/> − 1: the windows that start in 2015
/// after January run past 2015-12-31, where Archigos stops observing exits.
/// </param>
/// <param name="FitOrigins">
/// The design of the rows each origin's model is fitted on, when it differs from <paramref name="Origins"/> (e.g. the
/// shipped model, fitted on 1-January rows, scored on the monthly rows); null: the same design.
/// </param>
public sealed record ExitRiskBacktestSettings(int FirstOrigin = 1991, int LastOrigin = 2015, int BootstrapReplicates = 1000, int Seed = 1, double Level = 0.90, int ReliabilityBins = 10, ExitRiskSpecification? Model = null, ExitRiskOrigins Origins = ExitRiskOrigins.January, ExitRiskOrigins? FitOrigins = null)
{
    /// <summary>The design of the rows each origin's model is fitted on.</summary>
    public ExitRiskOrigins FittedOn => FitOrigins ?? Origins;

    /// <summary>The last origin year the design allows: 2015 from 1 January, 2014 from the first of every month.</summary>
    public static int LastAllowedOrigin(ExitRiskOrigins origins) => origins == ExitRiskOrigins.Monthly ? ExitRiskPanel.LastYear - 1 : ExitRiskPanel.LastYear;

    /// <summary>The specification fitted at each origin.</summary>
    public ExitRiskSpecification Specification => Model ?? ExitRiskSpecification.For(FittedOn);

    /// <summary>Problems with the settings (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var last = LastAllowedOrigin(Origins);
        if (FirstOrigin <= ExitRiskPanel.FirstYear + 5 || LastOrigin > last || FirstOrigin > LastOrigin)
        {
            errors.Add($"origins must satisfy {ExitRiskPanel.FirstYear + 6} <= first <= last <= {last} (got {FirstOrigin}..{LastOrigin}{(Origins == ExitRiskOrigins.Monthly ? "; monthly windows that start in 2015 after January run past 2015-12-31, where Archigos ends" : string.Empty)})");
        }

        if (BootstrapReplicates < 100)
        {
            errors.Add("at least 100 bootstrap replicates");
        }

        if (!(Level is > 0 and < 1))
        {
            errors.Add("the level must lie in (0, 1)");
        }

        if (ReliabilityBins < 1)
        {
            errors.Add("at least one reliability bin");
        }

        errors.AddRange(Specification.Validate());

        return errors;
    }
}

/// <summary>One out-of-sample forecast of the backtest. Immutable.</summary>
/// <param name="Origin">Origin year (the forecast windows start in this calendar year).</param>
/// <param name="CountryCode">COW code.</param>
/// <param name="ObsId">Archigos spell id.</param>
/// <param name="Leader">Leader.</param>
/// <param name="AnyExit">Forecast probability of leaving office in the year.</param>
/// <param name="Irregular">Forecast probability of an irregular exit in the year.</param>
/// <param name="BaseAnyExit">Base-rate forecast of any exit: the share of training leader-years that ended in an exit.</param>
/// <param name="BaseIrregular">Base-rate forecast of an irregular exit.</param>
/// <param name="Outcome">What happened.</param>
public sealed record ExitRiskPrediction(int Origin, int CountryCode, string ObsId, string Leader, double AnyExit, double Irregular, double BaseAnyExit, double BaseIrregular, ExitManner Outcome);

/// <summary>A score with its bootstrap interval. Immutable.</summary>
/// <param name="Value">On all forecasts.</param>
/// <param name="Lower">Lower end of the percentile interval.</param>
/// <param name="Upper">Upper end.</param>
public sealed record ScoreInterval(double Value, double Lower, double Upper);

/// <summary>The scores for one event (any exit, or irregular exit). Immutable.</summary>
/// <param name="Cases">Forecasts scored (leader-years).</param>
/// <param name="Events">Of those, events.</param>
/// <param name="Auc">AUC-ROC.</param>
/// <param name="AucPr">AUC-PR as average precision (no-skill value: the event rate).</param>
/// <param name="Brier">Mean Brier score of the model.</param>
/// <param name="BaseRateBrier">Mean Brier score of the base-rate forecast.</param>
/// <param name="BrierSkill">1 − Brier / base-rate Brier.</param>
/// <param name="Reliability">Reliability table by quantile bins of the forecast.</param>
/// <param name="LogScore">Mean log score, −mean(ln p of what happened) in nats (lower is better); the criterion of the validation window.</param>
/// <param name="BaseRateLogScore">Mean log score of the base-rate forecast.</param>
public sealed record EventScores(int Cases, int Events, ScoreInterval Auc, ScoreInterval AucPr, ScoreInterval Brier, ScoreInterval BaseRateBrier, ScoreInterval BrierSkill, IReadOnlyList<QuantileBin> Reliability, double LogScore, double BaseRateLogScore);

/// <summary>The result of the rolling-origin backtest. Immutable.</summary>
/// <param name="Settings">The settings.</param>
/// <param name="Origins">Origin years.</param>
/// <param name="Predictions">Every out-of-sample forecast.</param>
/// <param name="AnyExit">Scores for leaving office by any manner within the year.</param>
/// <param name="Irregular">Scores for an irregular exit within the year.</param>
/// <param name="Panel">The panel the backtest ran on (for its counts).</param>
public sealed record ExitRiskBacktestResult(ExitRiskBacktestSettings Settings, IReadOnlyList<int> Origins, IReadOnlyList<ExitRiskPrediction> Predictions, EventScores AnyExit, EventScores Irregular, LeaderYearPanel Panel);

/// <summary>
/// Rolling-origin backtest of <see cref="ExitRiskModel"/>: for each origin year Y, fit on the rows whose whole
/// window ended before 1 January Y only (every outcome known by 31 December Y − 1), forecast every row whose window
/// starts in Y (the leaders in office on 1 January Y, or on the first of each month of Y in the monthly design),
/// then move the origin a year. Forecasts from all origins are pooled and scored; intervals come from a
/// country-cluster bootstrap (countries drawn with replacement, all their forecasts with them), which keeps the
/// dependence of a country's leader-years inside each replicate. Thread-safe (no state).
/// </summary>
public static class ExitRiskBacktest
{
    /// <summary>Runs the backtest: forecasts the rows of <paramref name="panel"/>, fitted on the rows of <paramref name="fitPanel"/> (default: the same panel).</summary>
    /// <exception cref="ArgumentException">Invalid settings, or a panel of another design than the settings name.</exception>
    public static ExitRiskBacktestResult Run(LeaderYearPanel panel, ExitRiskBacktestSettings settings, IProgress<int>? progress = null, LeaderYearPanel? fitPanel = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(settings));
        }

        if (panel.Origins != settings.Origins)
        {
            throw new ArgumentException($"the panel's windows start {panel.Origins} and the settings ask for {settings.Origins}", nameof(settings));
        }

        var fitRows = fitPanel ?? panel;
        if (fitRows.Origins != settings.FittedOn)
        {
            throw new ArgumentException($"the fitting panel's windows start {fitRows.Origins} and the settings ask for {settings.FittedOn}", nameof(fitPanel));
        }

        var predictions = new List<ExitRiskPrediction>();
        var origins = new List<int>();
        for (var origin = settings.FirstOrigin; origin <= settings.LastOrigin; origin++)
        {
            var train = TrainingRows(fitRows.Rows, origin);
            var model = ExitRiskModel.FitOn(train, settings.Specification);
            var baseAny = train.Count(r => r.Outcome != ExitManner.None) / (double)train.Count;
            var baseIrregular = train.Count(r => r.Outcome == ExitManner.Irregular) / (double)train.Count;
            foreach (var row in panel.Rows.Where(r => r.Year == origin))
            {
                var p = model.YearProbabilities(row.Covariates);
                predictions.Add(new ExitRiskPrediction(origin, row.CountryCode, row.ObsId, row.Leader, 1 - p[0], p[3], baseAny, baseIrregular, row.Outcome));
            }

            origins.Add(origin);
            progress?.Report(origin);
        }

        var any = Score(predictions, p => p.AnyExit, p => p.BaseAnyExit, p => p.Outcome != ExitManner.None, settings, 0xA11);
        var irregular = Score(predictions, p => p.Irregular, p => p.BaseIrregular, p => p.Outcome == ExitManner.Irregular, settings, 0x1EE);
        return new ExitRiskBacktestResult(settings, origins, predictions, any, irregular, panel);
    }

    /// <summary>
    /// The rows a fit at origin year <paramref name="origin"/> may see: those whose whole 12-month window ended by
    /// 1 January of the origin year (window start + 12 months ≤ that day), so every outcome was known then.
    /// </summary>
    public static List<LeaderYear> TrainingRows(IEnumerable<LeaderYear> rows, int origin)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cut = new DateOnly(origin, 1, 1);
        return rows.Where(r => r.WindowEnd <= cut).ToList();
    }

    /// <summary>
    /// Scores forecasts of one event with country-cluster bootstrap intervals.
    /// </summary>
    internal static EventScores Score(
        IReadOnlyList<ExitRiskPrediction> predictions,
        Func<ExitRiskPrediction, double> forecast,
        Func<ExitRiskPrediction, double> baseRate,
        Func<ExitRiskPrediction, bool> happened,
        ExitRiskBacktestSettings settings,
        int stream)
    {
        var f = predictions.Select(forecast).ToArray();
        var b = predictions.Select(baseRate).ToArray();
        var e = predictions.Select(happened).ToArray();
        var all = Metrics(f, b, e);
        var clusters = predictions.Select((p, i) => (p.CountryCode, i)).GroupBy(p => p.CountryCode).OrderBy(g => g.Key).Select(g => g.Select(p => p.i).ToArray()).ToArray();
        var random = new Xoshiro256StarStar(settings.Seed ^ stream);
        var replicates = new double[settings.BootstrapReplicates][];
        var fr = new List<double>();
        var br = new List<double>();
        var er = new List<bool>();
        for (var r = 0; r < settings.BootstrapReplicates; r++)
        {
            fr.Clear();
            br.Clear();
            er.Clear();
            for (var c = 0; c < clusters.Length; c++)
            {
                foreach (var i in clusters[random.Next(clusters.Length)])
                {
                    fr.Add(f[i]);
                    br.Add(b[i]);
                    er.Add(e[i]);
                }
            }

            replicates[r] = Metrics(fr, br, er);
        }

        var tail = (1 - settings.Level) / 2;
        ScoreInterval Interval(int j)
        {
            var column = replicates.Select(m => m[j]).Where(double.IsFinite).Order().ToArray();
            return column.Length == 0
                ? new ScoreInterval(all[j], double.NaN, double.NaN)
                : new ScoreInterval(all[j], ExitRiskModel.Quantile(column, tail), ExitRiskModel.Quantile(column, 1 - tail));
        }

        return new EventScores(f.Length, e.Count(x => x), Interval(0), Interval(1), Interval(2), Interval(3), Interval(4), ClassificationScores.ReliabilityByQuantile(f, e, settings.ReliabilityBins), ClassificationScores.MeanLogScore(f, e), ClassificationScores.MeanLogScore(b, e));
    }

    private static double[] Metrics(IReadOnlyList<double> f, IReadOnlyList<double> b, IReadOnlyList<bool> e)
    {
        var brier = ClassificationScores.MeanBrier(f, e);
        var baseBrier = ClassificationScores.MeanBrier(b, e);
        return [ClassificationScores.AucRoc(f, e), ClassificationScores.AveragePrecision(f, e), brier, baseBrier, baseBrier == 0 ? double.NaN : 1 - (brier / baseBrier)];
    }
}

using System.CommandLine;
using System.Text.Json;
using Interregnum.History.ExitRisk;
using Interregnum.Runs;
using Spectre.Console;

namespace Interregnum.Cli.Commands;

/// <summary><c>interregnum history exit-risk</c>: parses the options and prints; the use case is <see cref="ExitRiskRun"/>.</summary>
internal static partial class HistoryCommand
{
    private static Command ExitRiskCommand()
    {
        var file = new Argument<FileInfo?>("scenario") { Description = "A scenario with an exit_risk section (the incumbent's facts on as_of).", Arity = ArgumentArity.ZeroOrOne };
        var obsId = new Option<string?>("--obsid") { Description = "Instead of a scenario: an Archigos spell id (e.g. RUS-2000), with --year." };
        var year = new Option<int?>("--year") { Description = "With --obsid: the year whose 1 January starts the window (1955-2015)." };
        var backtest = new Option<bool>("--backtest") { Description = "Run the rolling-origin backtest instead of a forecast." };
        var firstOrigin = new Option<int>("--first-origin") { Description = "Backtest: first origin year.", DefaultValueFactory = _ => 1991 };
        var lastOrigin = new Option<int?>("--last-origin") { Description = "Backtest: last origin year (default and most: 2015 with january origins, 2014 with monthly)." };
        var originsOption = new Option<string?>("--origins") { Description = "Which days start a window: january (1 January of each year) or monthly (the first of every month); for --backtest (default " + ExitRiskRun.DefaultBacktestOrigins.ToString().ToLowerInvariant() + ") and for the rows a forecast's model is fitted on (default " + ExitRiskRun.ShippedOrigins.ToString().ToLowerInvariant() + "). docs/exit-risk.md." };
        var fitOriginsOption = new Option<string?>("--fit-origins") { Description = "Backtest: fit each origin's model on the rows of this design (january or monthly) instead of those of --origins, e.g. the shipped 1-January model scored on monthly rows." };
        var replicates = new Option<int>("--replicates") { Description = "Backtest: country-cluster bootstrap replicates.", DefaultValueFactory = _ => 1000 };
        var draws = new Option<int>("--draws") { Description = "Forecast: parameter draws behind the 90% intervals.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the draws or the bootstrap.", DefaultValueFactory = _ => 1 };
        var covariates = new Option<string?>("--covariates") { Description = "Specification search: the covariates, comma-separated names or 'default'/'base' with +name/-name terms (docs/exit-risk.md)." };
        var priorScale = new Option<double?>("--prior-scale") { Description = "Specification search: the scale of the normal prior on slopes (default: the shipped one)." };
        var irregularPriorScale = new Option<double?>("--irregular-prior-scale") { Description = "Specification search: fit irregular exits with a binary logit of their own, with this prior scale (default: the shipped model)." };
        var irregularBoosting = new Option<string?>("--irregular-boosting") { Description = "Specification search: fit irregular exits with gradient-boosted trees: trees,depth,rate[,min_child_weight[,lambda]] (e.g. 300,2,0.05)." };
        var coefficients = new Option<bool>("--coefficients") { Description = "Print the coefficients fitted on every leader-year (log-odds against staying, standard errors) instead of a forecast." };
        var format = CommonOptions.Format();
        var data = CommonOptions.Data();
        var command = new Command("exit-risk", "How likely a leader leaves office within 12 and 24 months, and how (discrete-time competing risks on Archigos leader-years); --backtest scores it on rolling origins.");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { obsId, year, backtest, firstOrigin, lastOrigin, originsOption, fitOriginsOption, replicates, draws, seed, covariates, priorScale, irregularPriorScale, irregularBoosting, coefficients, format, data })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Guard(parse, () =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var scenarioFile = parse.GetValue(file);
            var obs = parse.GetValue(obsId);
            var isBacktest = parse.GetValue(backtest);
            var isCoefficients = parse.GetValue(coefficients);
            var given = (scenarioFile is null ? 0 : 1) + (obs is null ? 0 : 1) + (isBacktest ? 1 : 0) + (isCoefficients ? 1 : 0);
            if (given != 1)
            {
                throw new CliException("give exactly one of: a scenario file, --obsid with --year, --backtest, or --coefficients", ExitCodes.InvalidInput);
            }

            if ((obs is null) != (parse.GetValue(year) is null))
            {
                throw new CliException("--obsid and --year go together", ExitCodes.InvalidInput);
            }

            if (parse.GetValue(draws) < 100)
            {
                throw new CliException("--draws must be at least 100", ExitCodes.InvalidInput);
            }

            // Read the scenario before the data so a bad file fails fast and alone.
            var loaded = scenarioFile is null ? null : ScenarioFiles.Load(scenarioFile.FullName);
            if (loaded is { Scenario.ExitRisk: null })
            {
                throw new CliException($"{loaded.Path}: the scenario has no 'exit_risk' section (the incumbent's facts for the exit-risk model; see docs/exit-risk.md)", ExitCodes.InvalidInput);
            }

            var origins = ExitRiskRun.Origins(parse.GetValue(originsOption), isBacktest ? ExitRiskRun.DefaultBacktestOrigins : ExitRiskRun.ShippedOrigins)
                ?? throw new CliException($"--origins must be january or monthly (got '{parse.GetValue(originsOption)}')", ExitCodes.InvalidInput);
            var fitOrigins = ExitRiskRun.Origins(parse.GetValue(fitOriginsOption), origins)
                ?? throw new CliException($"--fit-origins must be january or monthly (got '{parse.GetValue(fitOriginsOption)}')", ExitCodes.InvalidInput);
            var (spec, specProblems) = ExitRiskRun.Specification(parse.GetValue(covariates), parse.GetValue(priorScale), parse.GetValue(irregularPriorScale), parse.GetValue(irregularBoosting), fitOrigins);
            if (specProblems.Count > 0)
            {
                throw new CliException(string.Join("; ", specProblems), ExitCodes.InvalidInput);
            }

            var settings = new ExitRiskBacktestSettings(parse.GetValue(firstOrigin), parse.GetValue(lastOrigin) ?? ExitRiskRun.LastOrigin(origins), parse.GetValue(replicates), parse.GetValue(seed), Model: spec, Origins: origins, FitOrigins: fitOrigins);
            if (isBacktest && settings.Validate() is { Count: > 0 } problems)
            {
                throw new CliException(string.Join("; ", problems), ExitCodes.InvalidInput);
            }

            var folder = HistoryRun.DataFolder(parse.GetValue(data));
            if (ExitRiskRun.CountryYearCovariatesIn(spec) is { Count: > 0 } countryYear)
            {
                // Iqbal & Zorn end in 2000: a forecast for a scenario (or a fit for a leader-year) would read centring constants or
                // values carried forward from 2000, not data. The backtest and the coefficient table may read them.
                if (!isBacktest && !isCoefficients)
                {
                    throw new CliException($"the covariates {string.Join(", ", countryYear)} (Iqbal & Zorn, to 2000) are for --backtest (and --coefficients) only: a forecast has no current values for them (docs/exit-risk.md, \"Fourth search\")", ExitCodes.InvalidInput);
                }

                HistoryRun.Datasets(() =>
                {
                    ExitRiskRun.RequireCountryYearData(folder, spec);
                    return true;
                });
            }

            if (isBacktest)
            {
                // The backtest fits at every origin; a fit on the whole panel is not needed.
                var (backtestPanel, fitPanel) = HistoryRun.Datasets(() => ExitRiskRun.BacktestPanels(folder, origins, fitOrigins));
                var stderr = parse.InvocationConfiguration.Error;
                var progress = new Terminal.CallbackProgress<int>(o => stderr.WriteLine($"exit-risk backtest: origin {o.ToString(Invariant)} fitted and forecast"));
                WriteBacktest(writer, parse.GetValue(format), HistoryRun.Datasets(() => ExitRiskRun.Backtest(backtestPanel, settings, progress, fitPanel)));
                return;
            }

            var (model, panel) = HistoryRun.Datasets(() => ExitRiskRun.Fit(folder, spec, origins));

            if (isCoefficients)
            {
                foreach (var line in ExitRiskRun.CoefficientLines(model))
                {
                    writer.WriteLine(line);
                }

                return;
            }

            var doc = HistoryRun.Datasets(() => loaded is not null
                ? ExitRiskRun.ForScenario(loaded, model, panel.Rows.Count, parse.GetValue(draws), parse.GetValue(seed), origins)
                : ExitRiskRun.ForLeaderYear(obs!, parse.GetValue(year)!.Value, model, panel, parse.GetValue(draws), parse.GetValue(seed)));
            WriteExitRisk(writer, parse.GetValue(format), doc);
        }));
        return command;
    }

    private static void WriteExitRisk(TextWriter writer, OutputFormat format, ExitRiskJson doc)
    {
        switch (format)
        {
            case OutputFormat.Json:
                writer.WriteLine(RunJson.Serialize(doc));
                break;
            case OutputFormat.Csv:
                WriteCsv(writer, ["horizon_months", "manner", "probability", "lower", "upper"], doc.Estimates.Select(e => new[]
                {
                    I(e.HorizonMonths), e.Manner, D(e.Probability), D(e.Interval[0]), D(e.Interval[1]),
                }));
                break;
            default:
                var table = new Table().Title(Markup.Escape($"Exit risk: {doc.Leader}, from {doc.Origin} ({Pct(doc.Level)} intervals, {I(doc.Draws)} draws, seed {I(doc.Seed)})"));
                table.AddColumns("Manner", "Within 12 months", "Within 24 months");
                foreach (var manner in doc.Estimates.Where(e => e.HorizonMonths == 12).Select(e => e.Manner))
                {
                    table.AddRow(Markup.Escape(manner), Cell(doc, 12, manner), Cell(doc, 24, manner));
                }

                Render(writer, table);
                writer.WriteLine($"model: {doc.Model}");
                writer.WriteLine($"fitted on {I(doc.LeaderYears)} leader-years {I(doc.FittedFrom)}-{I(doc.FittedTo)}; trend read at {I(doc.TrendYear)}");
                if (doc.Judgment is { } j)
                {
                    writer.WriteLine($"judgment declared (source {j.Source}): within 12 months {RiskPct(j.AnyWithin12Months)}{(j.IrregularWithin12Months is { } ir ? ", irregular " + RiskPct(ir) : string.Empty)}; it replaces the model's estimate in simulate, compare and the brief{(j.Note is null ? string.Empty : ": " + j.Note)}");
                }

                if (doc.Sources.Count > 0)
                {
                    writer.WriteLine("sources: " + string.Join(", ", doc.Sources));
                }

                foreach (var note in doc.Notes)
                {
                    writer.WriteLine("note: " + note);
                }

                break;
        }
    }

    private static string Cell(ExitRiskJson doc, int months, string manner)
    {
        var e = doc.Estimates.Single(x => x.HorizonMonths == months && x.Manner == manner);
        return $"{RiskPct(e.Probability)} ({RiskPct(e.Interval[0])}–{RiskPct(e.Interval[1])})";
    }

    // Rare manners (a killing: a few in ten thousand a year) need two decimals to be told apart from zero.
    internal static string RiskPct(double p) => (100 * p).ToString(p < 0.01 ? "0.00" : "0.0", Invariant) + "%";

    private static void WriteBacktest(TextWriter writer, OutputFormat format, ExitRiskBacktestJson doc)
    {
        (string Event, EventScoresJson Scores)[] events = [("any_exit", doc.AnyExit), ("irregular", doc.Irregular)];
        switch (format)
        {
            case OutputFormat.Json:
                writer.WriteLine(RunJson.Serialize(doc));
                break;
            case OutputFormat.Csv:
                WriteCsv(writer, ["event", "metric", "value", "lower", "upper"], events.SelectMany(e => new (string Metric, ScoreJson Score)[]
                {
                    ("auc", e.Scores.Auc), ("auc_pr", e.Scores.AucPr), ("brier", e.Scores.Brier), ("base_rate_brier", e.Scores.BaseRateBrier), ("brier_skill", e.Scores.BrierSkill),
                }.Select(m => new[] { e.Event, m.Metric, D(m.Score.Value), D(m.Score.Interval[0]), D(m.Score.Interval[1]) })));
                break;
            default:
                var s = doc.Settings;
                var table = new Table().Title(Markup.Escape($"Exit-risk backtest: {I(s.Origins)} rolling origins {I(s.FirstOrigin)}-{I(s.LastOrigin)}, training from {I(s.TrainingFrom)}; {Pct(s.Level)} country-cluster bootstrap intervals ({I(s.Replicates)} replicates, seed {I(s.Seed)})"));
                table.AddColumns("Event", "Forecasts", "Events", "AUC-ROC", "AUC-PR", "Brier", "Base-rate Brier", "Brier skill");
                foreach (var (name, e) in events)
                {
                    table.AddRow(name, I(e.Cases), I(e.Events), Score(e.Auc, "0.000"), Score(e.AucPr, "0.000"), Score(e.Brier, "0.0000"), Score(e.BaseRateBrier, "0.0000"), Score(e.BrierSkill, "+0.000;-0.000"));
                }

                Render(writer, table);
                foreach (var (name, e) in events)
                {
                    var bins = new Table().Title(Markup.Escape($"Reliability, {name} ({s.Reliability})"));
                    bins.AddColumns("Bin", "Forecasts", "Range", "Mean forecast", "Observed");
                    foreach (var b in e.Reliability)
                    {
                        bins.AddRow(I(b.Bin), I(b.Count), $"{b.MinForecast.ToString("0.000", Invariant)}–{b.MaxForecast.ToString("0.000", Invariant)}", b.MeanForecast.ToString("0.000", Invariant), $"{b.ObservedFrequency.ToString("0.000", Invariant)} ({I(b.Events)})");
                    }

                    Render(writer, bins);
                }

                writer.WriteLine($"model: {doc.Model}");
                writer.WriteLine($"covariates: {string.Join(", ", s.Covariates)}");
                foreach (var (name, e) in events)
                {
                    writer.WriteLine($"log score, {name}: {e.LogScore.ToString("0.00000", Invariant)} nats (base rate {e.BaseRateLogScore.ToString("0.00000", Invariant)})");
                }

                writer.WriteLine($"training: {s.Training}; window: {s.Window}; base rate: {s.BaseRate}; AUC-PR: {s.AucPr}");
                foreach (var note in doc.Notes)
                {
                    writer.WriteLine("note: " + note);
                }

                break;
        }
    }

    private static string Score(ScoreJson s, string format) =>
        $"{s.Value.ToString(format, Invariant)} ({s.Interval[0].ToString(format, Invariant)} to {s.Interval[1].ToString(format, Invariant)})";
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Interregnum.Backtesting;
using Interregnum.History;
using Interregnum.History.Loading;
using Interregnum.Model;
using Interregnum.Reports;
using Interregnum.Scenarios.Backtesting;
using Interregnum.Simulation;
using Interregnum.Store;
using Spectre.Console;
using HistoryClass = Interregnum.History.ReferenceClasses.ReferenceClass;

namespace Interregnum.Cli.Commands;

/// <summary>
/// <c>interregnum backtest DIR</c>: runs every case in DIR (docs/backtesting.md) with a fixed seed and scores the
/// model and the rivals against what happened.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "Folder of backtest cases (one folder per case with scenario.yaml and outcome.yaml)." };
        var draws = new Option<int>("--draws") { Description = "Monte Carlo draws per case (default 2000).", DefaultValueFactory = _ => 2000 };
        draws.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--draws must be at least 1");
            }
        });
        var seed = new Option<ulong>("--seed") { Description = "Random seed, the same for every case; the result depends on it alone.", DefaultValueFactory = _ => 1UL };
        var model = new Option<PolicyModel>("--model") { Description = "Policy model after the contest: smp (default), compromise or eu.", DefaultValueFactory = _ => PolicyModel.Smp };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores). Never changes the result." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Also write the model's reliability diagram as a PNG to this file." };
        var format = CommonOptions.Format();
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var noStore = RunRecorder.NoStore();
        var command = new Command("backtest", "Score the succession forecasts on historical cases against simple rivals (equal odds, formal successor, most coercion, base rate).");
        command.Arguments.Add(dir);
        foreach (var o in new Option[] { draws, seed, model, threads, format, chart, data, db, noStore })
        {
            command.Options.Add(o);
        }

        command.SetAction((p, ct) =>
        {
            var stdout = p.InvocationConfiguration.Output;
            var stderr = p.InvocationConfiguration.Error;
            var folder = p.GetValue(dir)!;
            if (!folder.Exists)
            {
                throw new CliException($"{folder}: no such folder", ExitCodes.MissingResource);
            }

            var settings = new SimulationSettings(p.GetValue(draws), p.GetValue(seed), p.GetValue(model), p.GetValue(threads));
            var reads = BacktestCaseReader.ReadFolder(folder.FullName);
            var failed = reads.Where(r => !r.IsValid).ToList();
            foreach (var f in failed)
            {
                stderr.WriteLine($"case {f.Id} not run ({f.Errors.Count} problem{(f.Errors.Count == 1 ? "" : "s")}):");
                foreach (var e in f.Errors)
                {
                    stderr.WriteLine(e.ToString());
                }
            }

            var cases = reads.Where(r => r.IsValid).Select(r => r.Case!).ToList();
            if (cases.Count == 0)
            {
                throw new CliException($"{folder}: no valid backtest case (a case is a folder holding scenario.yaml and outcome.yaml; see docs/backtesting.md)");
            }

            var history = LoadHistory(p.GetValue(data), stderr);
            var doc = Compute(cases, settings, history, folder.Name, failed.Select(f => f.Id).ToList(), ct);
            var json = JsonSerializer.Serialize(doc, CommonOptions.Json);
            switch (p.GetValue(format))
            {
                case OutputFormat.Json:
                    stdout.WriteLine(json);
                    break;
                case OutputFormat.Csv:
                    WriteCsv(stdout, doc);
                    break;
                default:
                    WriteTables(Terminal.For(stdout), doc);
                    break;
            }

            if (p.GetValue(chart) is { } png)
            {
                var bins = doc.Reliability.Select(b => new ReliabilityBin(b.From, b.To, b.Count, b.Hits, b.MeanProbability ?? double.NaN, b.ObservedFrequency ?? double.NaN)).ToList();
                ReliabilityChart.SavePng(bins, png.FullName, $"Reliability: {doc.Model} model, {doc.Cases.Count} cases, {doc.Draws} draws, seed {doc.Seed}");
                stderr.WriteLine("wrote " + png.FullName);
            }

            RunRecorder.Record(p, new RunRecord
            {
                Kind = RunKind.Backtest,
                ScenarioText = CasesText(cases),
                ScenarioFile = folder.Name,
                Seed = unchecked((long)settings.Seed),
                Draws = settings.Draws,
                ModelName = ForecastReports.ModelName(settings.Model),
                ProgramVersion = RunRecorder.ProgramVersion,
                CreatedAt = TimeProvider.System.GetUtcNow(),
                Arguments = RunRecorder.Arguments(p),
                ResultsJson = json,
            });
            if (failed.Count > 0)
            {
                stderr.WriteLine($"{failed.Count} of {reads.Count} cases were not run (errors above); the scores cover the other {cases.Count}");
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Runs and scores every case; the JSON document <c>backtest --format json</c> prints.</summary>
    public static BacktestJson Compute(IReadOnlyList<BacktestCase> cases, SimulationSettings settings, HistoricalData? history, string folderName, IReadOnlyList<string> notRun, CancellationToken ct)
    {
        var scored = new List<CaseScores>();
        var caseDocs = new List<(BacktestCase Case, string Sha)>();
        foreach (var c in cases)
        {
            var result = SuccessionSimulation.Run(c.Scenario, c.ShockId, settings, null, ct);
            var (rate, note) = BaseRate(c, history);
            var forecasts = new List<CaseForecast>
            {
                Forecasters.FromSimulation(c.Scenario, result),
                Forecasters.EqualOddsForecast(c.Scenario),
                Forecasters.FormalSuccessorForecast(c.Scenario),
                Forecasters.MostCoercionForecast(c.Scenario),
                Forecasters.BaseRateForecast(rate, note),
            };
            scored.Add(BacktestScoring.ScoreCase(c.Id, c.Scenario, c.Outcome, forecasts));
            caseDocs.Add((c, Scenarios.ScenarioHash.Of(Encoding.UTF8.GetBytes(c.ScenarioText))));
        }

        var summary = BacktestScoring.Summarise(scored);
        return new BacktestJson(
            "interregnum",
            ForecastReports.Version,
            "backtest",
            folderName,
            settings.Seed,
            settings.Draws,
            ForecastReports.ModelName(settings.Model),
            ScoringRules.LogFloor,
            CaseOutcome.NoChangeBand,
            summary.Cases.Select((s, i) => new BacktestCaseJson(
                s.CaseId,
                s.Title,
                caseDocs[i].Sha,
                caseDocs[i].Case.ShockId,
                caseDocs[i].Case.Outcome.QuestionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                caseDocs[i].Case.Outcome.OutcomeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                s.Winner,
                s.Contested,
                caseDocs[i].Case.Outcome.Excluded.Select(e => e.Actor).ToList(),
                s.Scores.Select(ToJson).ToList())).ToList(),
            summary.Aggregates.Select(a => new AggregateJson(a.Forecaster, a.Cases, a.WinnerBrier, a.WinnerLog, a.Hits, a.ContestedBrier, a.DirectionShareRight, a.Crps)).ToList(),
            summary.Skill.Select(s => new SkillJson(s.Rival, Finite(s.WinnerBrier), Finite(s.WinnerLog), Finite(s.ContestedBrier), Finite(s.Crps))).ToList(),
            summary.Reliability.Select(b => new ReliabilityJson(b.From, b.To, b.Count, b.Hits, Finite(b.MeanProbability), Finite(b.ObservedFrequency))).ToList(),
            summary.ExclusionNote,
            notRun);
    }

    private static ForecasterJson ToJson(ForecasterScore s) => new(
        s.Forecaster,
        s.WinnerProbability,
        s.WinnerBrier,
        s.WinnerLog,
        s.TopPick,
        s.ContestedProbability,
        s.ContestedBrier,
        s.DirectionShareRight,
        s.MeanCrps,
        s.Dimensions.Select(d => new DimensionScoreJson(d.Dimension, Dir(d.Predicted), Dir(d.Observed), d.Right, d.Crps)).ToList(),
        s.Note);

    private static string Dir(PolicyDirection d) => d.ToString().ToLowerInvariant();

    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;

    private static HistoricalData? LoadHistory(DirectoryInfo? option, TextWriter stderr)
    {
        var folder = option?.FullName ?? Environment.GetEnvironmentVariable("INTERREGNUM_DATA");
        if (string.IsNullOrWhiteSpace(folder))
        {
            stderr.WriteLine("note: the base-rate rival is not available: give --data DIR or set INTERREGNUM_DATA (see docs/data.md)");
            return null;
        }

        try
        {
            return HistoricalData.Load(folder);
        }
        catch (DatasetException ex)
        {
            stderr.WriteLine("note: the base-rate rival is not available: " + ex.Message);
            return null;
        }
    }

    /// <summary>
    /// P(contested) from history: the share of successors who came in irregularly (Archigos entry) after exits of
    /// the case's manner in its reference class, counting only exits before the question year.
    /// </summary>
    private static (double? Rate, string Note) BaseRate(BacktestCase c, HistoricalData? history)
    {
        var rc = c.Scenario.ReferenceClass;
        if (history is null)
        {
            return (null, "not available: no historical data (--data or INTERREGNUM_DATA)");
        }

        if (rc is null)
        {
            return (null, "not available: the scenario declares no reference class");
        }

        var manner = rc.Manner ?? c.Scenario.ShockById(c.ShockId)!.Manner;
        var lastYear = c.Outcome.QuestionDate.Year - 1;
        var query = new HistoryClass(
            ExitManner: ForecastReports.Kebab(manner.ToString()),
            RegimeType: rc.RegimeType,
            FromYear: rc.EraFrom,
            ToYear: rc.EraTo is { } to ? Math.Min(to, lastYear) : lastYear,
            Region: rc.Region);
        var rate = History.ReferenceClasses.OutsideView.BaseRates(history, query, "successor-entry").FirstOrDefault(r => r.Category == "Irregular");
        if (rate is null || rate.N == 0)
        {
            return (null, "not available: no historical exit in the reference class");
        }

        return (rate.Rate, string.Create(CultureInfo.InvariantCulture, $"irregular successor entry {rate.K}/{rate.N} (Archigos; exit {query.ExitManner}, regime {rc.RegimeType ?? "any"}, region {rc.Region ?? "any"}, {query.FromYear?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{query.ToYear})"));
    }

    private static string CasesText(IReadOnlyList<BacktestCase> cases)
    {
        var sb = new StringBuilder();
        foreach (var c in cases)
        {
            sb.Append("# ---- ").Append(c.Id).Append('/').Append(BacktestCaseReader.ScenarioFileName).Append('\n').Append(c.ScenarioText).Append('\n');
            var outcome = Path.Combine(c.Folder, BacktestCaseReader.OutcomeFileName);
            sb.Append("# ---- ").Append(c.Id).Append('/').Append(BacktestCaseReader.OutcomeFileName).Append('\n').Append(File.ReadAllText(outcome)).Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteTables(IAnsiConsole console, BacktestJson doc)
    {
        console.Write(new Rule($"[bold]Backtest[/] — {Markup.Escape(doc.Folder)}: {doc.Cases.Count} cases").LeftJustified());
        console.WriteLine($"seed {doc.Seed}, {doc.Draws} draws per case, policy model {doc.Model}; log score floor {F(doc.LogFloor, "0.00")}; direction 'none' within ±{F(doc.NoChangeBand, "0")} points. Lower scores are better.");
        var t = new Table().Title("Per case").AddColumns("case", "forecaster", "P(winner)", "Brier", "log", "P(contested)", "Brier (contested)", "direction right", "CRPS");
        foreach (var c in doc.Cases)
        {
            var first = true;
            foreach (var s in c.Forecasts)
            {
                t.AddRow(
                    first ? Markup.Escape($"{c.Id} ({c.Winner}{(c.Contested ? ", contested" : ", orderly")})") : string.Empty,
                    Markup.Escape(s.Forecaster),
                    Opt(s.WinnerProbability, "0.000"),
                    Opt(s.WinnerBrier, "0.000"),
                    Opt(s.WinnerLog, "0.000"),
                    Opt(s.ContestedProbability, "0.000"),
                    Opt(s.ContestedBrier, "0.000"),
                    s.Dimensions.Count == 0 ? "—" : $"{s.Dimensions.Count(d => d.Right)}/{s.Dimensions.Count}",
                    Opt(s.Crps, "0.0"));
                first = false;
            }
        }

        console.Write(t);
        var a = new Table().Title("All cases (means; — = the forecaster makes no such forecast)").AddColumns("forecaster", "cases", "Brier (winner)", "log (winner)", "winner top-ranked", "Brier (contested)", "direction right", "CRPS (points)");
        foreach (var x in doc.Aggregates)
        {
            a.AddRow(Markup.Escape(x.Forecaster), x.Cases.ToString(CultureInfo.InvariantCulture), Opt(x.WinnerBrier, "0.000"), Opt(x.WinnerLog, "0.000"), Opt(x.WinnerTopRanked, "0.#"), Opt(x.ContestedBrier, "0.000"), x.DirectionShareRight is { } d ? ForecastReports.P(d) : "—", Opt(x.Crps, "0.0"));
        }

        console.Write(a);
        var k = new Table().Title("The model's skill against each rival (1 − model/rival; > 0: the model is better)").AddColumns("rival", "Brier (winner)", "log (winner)", "Brier (contested)", "CRPS");
        foreach (var s in doc.Skill)
        {
            k.AddRow(Markup.Escape(s.Rival), Opt(s.WinnerBrier, "+0.00;-0.00"), Opt(s.WinnerLog, "+0.00;-0.00"), Opt(s.ContestedBrier, "+0.00;-0.00"), Opt(s.Crps, "+0.00;-0.00"));
        }

        console.Write(k);
        var r = new Table().Title("Reliability of the model's probabilities (candidates and contested, pooled)").AddColumns("bin", "forecasts", "mean forecast", "observed frequency");
        foreach (var b in doc.Reliability.Where(b => b.Count > 0))
        {
            r.AddRow($"{F(b.From, "0.0")}–{F(b.To, "0.0")}", b.Count.ToString(CultureInfo.InvariantCulture), Opt(b.MeanProbability, "0.000"), Opt(b.ObservedFrequency, "0.000"));
        }

        console.Write(r);
        console.WriteLine(doc.ExclusionNote);
        foreach (var c in doc.Cases)
        {
            var baseRate = c.Forecasts.FirstOrDefault(f => f.Forecaster == Forecasters.BaseRate);
            if (baseRate?.Note is { } note)
            {
                console.WriteLine($"base rate, {c.Id}: {note}");
            }
        }
    }

    private static void WriteCsv(TextWriter writer, BacktestJson doc)
    {
        using var csv = TidyCsv.Create(writer);
        csv.WriteHeader(["section", "case", "forecaster", "statistic", "value"]);

        void Row(string section, string caseId, string forecaster, string stat, double? value)
        {
            if (value is not { } v)
            {
                return;
            }

            csv.WriteRecord([section, caseId, forecaster, stat, v.ToString("R", CultureInfo.InvariantCulture)]);
        }

        foreach (var c in doc.Cases)
        {
            foreach (var s in c.Forecasts)
            {
                Row("case", c.Id, s.Forecaster, "winner_probability", s.WinnerProbability);
                Row("case", c.Id, s.Forecaster, "winner_brier", s.WinnerBrier);
                Row("case", c.Id, s.Forecaster, "winner_log", s.WinnerLog);
                Row("case", c.Id, s.Forecaster, "contested_probability", s.ContestedProbability);
                Row("case", c.Id, s.Forecaster, "contested_brier", s.ContestedBrier);
                Row("case", c.Id, s.Forecaster, "direction_share_right", s.DirectionShareRight);
                Row("case", c.Id, s.Forecaster, "crps", s.Crps);
            }
        }

        foreach (var a in doc.Aggregates)
        {
            Row("aggregate", "all", a.Forecaster, "cases", a.Cases);
            Row("aggregate", "all", a.Forecaster, "winner_brier", a.WinnerBrier);
            Row("aggregate", "all", a.Forecaster, "winner_log", a.WinnerLog);
            Row("aggregate", "all", a.Forecaster, "winner_top_ranked", a.WinnerTopRanked);
            Row("aggregate", "all", a.Forecaster, "contested_brier", a.ContestedBrier);
            Row("aggregate", "all", a.Forecaster, "direction_share_right", a.DirectionShareRight);
            Row("aggregate", "all", a.Forecaster, "crps", a.Crps);
        }

        foreach (var s in doc.Skill)
        {
            Row("skill", "all", s.Rival, "winner_brier", s.WinnerBrier);
            Row("skill", "all", s.Rival, "winner_log", s.WinnerLog);
            Row("skill", "all", s.Rival, "contested_brier", s.ContestedBrier);
            Row("skill", "all", s.Rival, "crps", s.Crps);
        }
    }

    private static string Opt(double? x, string format) => x is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>The JSON document <c>backtest --format json</c> prints (and the run store keeps): the track record.</summary>
internal sealed record BacktestJson(
    string Program,
    string Version,
    string Command,
    string Folder,
    ulong Seed,
    int Draws,
    string Model,
    double LogFloor,
    double NoChangeBand,
    IReadOnlyList<BacktestCaseJson> Cases,
    IReadOnlyList<AggregateJson> Aggregates,
    IReadOnlyList<SkillJson> Skill,
    IReadOnlyList<ReliabilityJson> Reliability,
    string ExclusionNote,
    IReadOnlyList<string> CasesNotRun);

internal sealed record BacktestCaseJson(string Id, string Title, string ScenarioSha256, string Shock, string QuestionDate, string OutcomeDate, string Winner, bool Contested, IReadOnlyList<string> Excluded, IReadOnlyList<ForecasterJson> Forecasts);

internal sealed record ForecasterJson(string Forecaster, double? WinnerProbability, double? WinnerBrier, double? WinnerLog, double? WinnerTopRanked, double? ContestedProbability, double? ContestedBrier, double? DirectionShareRight, double? Crps, IReadOnlyList<DimensionScoreJson> Dimensions, string? Note);

internal sealed record DimensionScoreJson(string Id, string Predicted, string Observed, bool Right, double Crps);

internal sealed record AggregateJson(string Forecaster, int Cases, double? WinnerBrier, double? WinnerLog, double? WinnerTopRanked, double? ContestedBrier, double? DirectionShareRight, double? Crps);

internal sealed record SkillJson(string Rival, double? WinnerBrier, double? WinnerLog, double? ContestedBrier, double? Crps);

internal sealed record ReliabilityJson(double From, double To, int Count, int Hits, double? MeanProbability, double? ObservedFrequency);

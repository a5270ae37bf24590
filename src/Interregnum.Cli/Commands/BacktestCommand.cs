using System.CommandLine;
using System.Globalization;
using System.Text;
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
        var seed = new Option<ulong>("--seed") { Description = "Random seed, the same for every case; the result depends on it alone.", DefaultValueFactory = _ => 1UL };
        var model = new Option<PolicyModel>("--model") { Description = "Policy model after the contest: smp (default), compromise or eu.", DefaultValueFactory = _ => PolicyModel.Smp };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores). Never changes the result." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Also write the model's reliability diagram as a PNG to this file." };
        var format = CommonOptions.Format();
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var noStore = RunRecorder.NoStore();
        var fitHorizon = new Option<bool>("--fit-horizon-weight") { Description = "Instead of the backtest, fit contest.horizon_weight by leave-one-case-out on the model's winner log score (grid 0, 0.25, 0.5, 0.75, 1; docs/models.md) and print the fold choices. Not stored." };
        var command = new Command("backtest", "Score the succession forecasts on historical cases against simple rivals (equal odds, formal successor, most coercion, base rate).");
        command.Arguments.Add(dir);
        foreach (var o in new Option[] { draws, seed, model, threads, format, chart, data, db, noStore, fitHorizon })
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
            var read = BacktestRun.ReadCases(folder.FullName);
            var failed = read.Failed;
            foreach (var f in failed)
            {
                stderr.WriteLine($"case {f.Id} not run ({f.Errors.Count} problem{(f.Errors.Count == 1 ? "" : "s")}):");
                foreach (var e in f.Errors)
                {
                    stderr.WriteLine(e.ToString());
                }
            }

            var cases = read.Cases;
            if (cases.Count == 0)
            {
                throw BacktestRun.NoValidCase(folder.ToString());
            }

            if (p.GetValue(fitHorizon))
            {
                var fit = HorizonWeightFit.Run(cases, settings, ct);
                if (p.GetValue(format) == OutputFormat.Json)
                {
                    stdout.WriteLine(RunJson.Serialize(fit));
                }
                else
                {
                    WriteHorizonFit(Terminal.For(stdout), fit);
                }

                return Task.FromResult(failed.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok);
            }

            var history = BacktestRun.LoadHistory(p.GetValue(data), stderr);
            var doc = BacktestRun.Compute(cases, settings, history, folder.Name, failed.Select(f => f.Id).ToList(), ct);
            var json = RunJson.Serialize(doc);
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
                BacktestRun.SaveReliabilityChart(doc, png.FullName);
                stderr.WriteLine("wrote " + png.FullName);
            }

            RunRecorder.Record(p, BacktestRun.ToRecord(cases, folder.Name, settings, json, RunRecorder.Arguments(p), TimeProvider.System.GetUtcNow()));
            if (failed.Count > 0)
            {
                stderr.WriteLine($"{failed.Count} of {read.Read} cases were not run (errors above); the scores cover the other {cases.Count}");
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void WriteHorizonFit(IAnsiConsole console, HorizonWeightFitJson fit)
    {
        var t = new Table().Title($"contest.horizon_weight by leave-one-case-out ({fit.Folds.Count} cases, seed {fit.Seed}, {fit.Draws} draws)").AddColumns("horizon_weight", "winner log (all cases)", "winner Brier (all cases)", "folds choosing it");
        foreach (var g in fit.Grid)
        {
            t.AddRow(F(g.HorizonWeight, "0.00"), F(g.WinnerLog, "0.000"), F(g.WinnerBrier, "0.000"), g.Folds.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(t);
        foreach (var group in fit.Folds.GroupBy(f => f.Chosen).OrderBy(g => g.Key))
        {
            console.WriteLine(Markup.Escape($"chosen {F(group.Key, "0.00")} without: {string.Join(", ", group.Select(f => f.Case))}"));
        }

        console.WriteLine($"Leave-one-case-out winner log score (each case at its fold's choice): {F(fit.LeaveOneOutWinnerLog, "0.000")}.");
        console.WriteLine(Markup.Escape(fit.Note));
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
        var a = new Table().Title($"All cases (means, with {P(doc.Intervals.Level)} bootstrap intervals over cases; — = the forecaster makes no such forecast)").AddColumns("forecaster", "cases", "Brier (winner)", "log (winner)", "winner top-ranked", "Brier (contested)", "direction right", "CRPS (points)");
        foreach (var x in doc.Aggregates)
        {
            var iv = doc.Intervals.Aggregates.First(i => i.Forecaster == x.Forecaster);
            a.AddRow(Markup.Escape(x.Forecaster), x.Cases.ToString(CultureInfo.InvariantCulture), Iv(x.WinnerBrier, iv.WinnerBrier, "0.000"), Iv(x.WinnerLog, iv.WinnerLog, "0.000"), Opt(x.WinnerTopRanked, "0.#"), Iv(x.ContestedBrier, iv.ContestedBrier, "0.000"), Iv(x.DirectionShareRight, iv.DirectionShareRight, "0.00"), Iv(x.Crps, iv.Crps, "0.0"));
        }

        console.Write(a);
        var k = new Table().Title("The model's skill against each other forecaster (1 − model/rival; > 0: the model is better), with bootstrap intervals").AddColumns("rival", "Brier (winner)", "log (winner)", "Brier (contested)", "CRPS");
        foreach (var s in doc.Skill)
        {
            var iv = doc.Intervals.Skill.First(i => i.Rival == s.Rival);
            k.AddRow(Markup.Escape(s.Rival), Iv(s.WinnerBrier, iv.WinnerBrier, "+0.00;-0.00"), Iv(s.WinnerLog, iv.WinnerLog, "+0.00;-0.00"), Iv(s.ContestedBrier, iv.ContestedBrier, "+0.00;-0.00"), Iv(s.Crps, iv.Crps, "+0.00;-0.00"));
        }

        console.Write(k);
        var w = doc.Pool.AllCases;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pool fitted on all {w.WinnerCases} cases (what a forecast outside this backtest uses): winner = {w.Blended.Model:0.000}·model + {w.Blended.FormalSuccessor:0.000}·formal successor + {w.Blended.MostCoercion:0.000}·most coercion + {w.Blended.EqualOdds:0.000}·equal odds; outside only = {w.OutsideOnly.FormalSuccessor:0.000}·formal + {w.OutsideOnly.MostCoercion:0.000}·coercion + {w.OutsideOnly.EqualOdds:0.000}·equal; contested: logit p = logit prior + {w.ContestedSignal:0.00}·(logit p_model − {w.ContestedCentre:0.00}) ({w.ContestedCases} cases); forms chosen by leave-one-case-out Brier score: winner {w.WinnerForm}, contested {w.ContestedForm}. Each case's scored forecast uses the leave-one-case-out fit, its forms chosen without it (JSON: cases[].pool_leave_one_out, pool.form_scores)."));
        var g = new Table().Title("By exit and regime type: the model against the best rival on each score").AddColumns("group", "cases (contested)", "Brier (winner) model / best rival", "Brier (contested) model / best rival", "direction right model / no change");
        foreach (var x in doc.Groups)
        {
            var m = x.Aggregates.First(y => y.Forecaster == Forecasters.Model);
            var rivals = x.Aggregates.Where(y => Forecasters.Rivals.Contains(y.Forecaster)).ToList();
            var bw = rivals.Where(y => y.WinnerBrier is not null).MinBy(y => y.WinnerBrier);
            var bc = rivals.Where(y => y.ContestedBrier is not null).MinBy(y => y.ContestedBrier);
            var nc = rivals.First(y => y.Forecaster == Forecasters.NoChange);
            g.AddRow(
                Markup.Escape($"{x.By} {x.Value}"),
                $"{x.Cases} ({x.ContestedCases})",
                $"{Opt(m.WinnerBrier, "0.000")} / {Opt(bw?.WinnerBrier, "0.000")} {Markup.Escape(bw?.Forecaster ?? string.Empty)}",
                $"{Opt(m.ContestedBrier, "0.000")} / {Opt(bc?.ContestedBrier, "0.000")} {Markup.Escape(bc?.Forecaster ?? string.Empty)}",
                $"{Opt(m.DirectionShareRight, "0.00")} / {Opt(nc.DirectionShareRight, "0.00")}");
        }

        console.Write(g);
        var r = new Table().Title("Reliability of the model's probabilities (candidates and contested, pooled)").AddColumns("bin", "forecasts", "mean forecast", "observed frequency");
        foreach (var b in doc.Reliability.Where(b => b.Count > 0))
        {
            r.AddRow($"{F(b.From, "0.0")}–{F(b.To, "0.0")}", b.Count.ToString(CultureInfo.InvariantCulture), Opt(b.MeanProbability, "0.000"), Opt(b.ObservedFrequency, "0.000"));
        }

        console.Write(r);
        var ex = new Table().Title("Who is left out within two years: Brier score per actor, pooled (lower is better)").AddColumns("forecaster", "cases", "actors", "exclusion Brier (90% case bootstrap)", "model − forecaster (90% case bootstrap)", "displacement Brier (cases)");
        foreach (var e in doc.Exclusion.Aggregates)
        {
            var cmp = doc.Exclusion.Comparisons.FirstOrDefault(c => c.Rival == e.Forecaster);
            ex.AddRow(
                Markup.Escape(e.Forecaster),
                e.Cases.ToString(CultureInfo.InvariantCulture),
                e.Actors.ToString(CultureInfo.InvariantCulture),
                e.ExclusionBrierLow is { } lo && e.ExclusionBrierHigh is { } hi ? Markup.Escape($"{F(e.ExclusionBrier, "0.000")} [{F(lo, "0.000")}, {F(hi, "0.000")}]") : F(e.ExclusionBrier, "0.000"),
                cmp is null ? "" : Markup.Escape($"{F(cmp.ExclusionBrierDifference, "+0.000;-0.000")} [{F(cmp.Low, "+0.000;-0.000")}, {F(cmp.High, "+0.000;-0.000")}]"),
                e.DisplacedBrier is { } db ? $"{F(db, "0.000")} ({e.DisplacedCases.ToString(CultureInfo.InvariantCulture)})" : "—");
        }

        console.Write(ex);
        if (doc.Exclusion.Pool is { } xp)
        {
            console.WriteLine($"Exclusion pool fitted on all {xp.Cases} cases (the shipped parameters): P(excluded) = {F(xp.ModelWeight, "0.00")}·model + {F(1 - xp.ModelWeight, "0.00")}·{F(xp.Rate, "0.000")} (the share of {xp.Actors} actors excluded); P(displaced) = {F(xp.DisplacedWeight, "0.00")}·model + {F(1 - xp.DisplacedWeight, "0.00")}·{(xp.DisplacedRate is { } dr ? F(dr, "0.000") : "—")} ({xp.DisplacedCases} cases).");
        }

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

        foreach (var i in doc.Intervals.Aggregates)
        {
            Row("aggregate", "all", i.Forecaster, "winner_brier_lower", i.WinnerBrier[0]);
            Row("aggregate", "all", i.Forecaster, "winner_brier_upper", i.WinnerBrier[1]);
            Row("aggregate", "all", i.Forecaster, "winner_log_lower", i.WinnerLog[0]);
            Row("aggregate", "all", i.Forecaster, "winner_log_upper", i.WinnerLog[1]);
            Row("aggregate", "all", i.Forecaster, "contested_brier_lower", i.ContestedBrier[0]);
            Row("aggregate", "all", i.Forecaster, "contested_brier_upper", i.ContestedBrier[1]);
            Row("aggregate", "all", i.Forecaster, "direction_share_right_lower", i.DirectionShareRight[0]);
            Row("aggregate", "all", i.Forecaster, "direction_share_right_upper", i.DirectionShareRight[1]);
            Row("aggregate", "all", i.Forecaster, "crps_lower", i.Crps[0]);
            Row("aggregate", "all", i.Forecaster, "crps_upper", i.Crps[1]);
        }

        foreach (var i in doc.Intervals.Skill)
        {
            Row("skill", "all", i.Rival, "winner_brier_lower", i.WinnerBrier[0]);
            Row("skill", "all", i.Rival, "winner_brier_upper", i.WinnerBrier[1]);
            Row("skill", "all", i.Rival, "winner_log_lower", i.WinnerLog[0]);
            Row("skill", "all", i.Rival, "winner_log_upper", i.WinnerLog[1]);
            Row("skill", "all", i.Rival, "contested_brier_lower", i.ContestedBrier[0]);
            Row("skill", "all", i.Rival, "contested_brier_upper", i.ContestedBrier[1]);
            Row("skill", "all", i.Rival, "crps_lower", i.Crps[0]);
            Row("skill", "all", i.Rival, "crps_upper", i.Crps[1]);
        }

        foreach (var s in doc.Skill)
        {
            Row("skill", "all", s.Rival, "winner_brier", s.WinnerBrier);
            Row("skill", "all", s.Rival, "winner_log", s.WinnerLog);
            Row("skill", "all", s.Rival, "contested_brier", s.ContestedBrier);
            Row("skill", "all", s.Rival, "crps", s.Crps);
        }

        foreach (var c in doc.Exclusion.Cases)
        {
            foreach (var f in c.Forecasts)
            {
                Row("exclusion_case", c.Id, f.Forecaster, "exclusion_brier", f.ExclusionBrier);
                Row("exclusion_case", c.Id, f.Forecaster, "displaced_brier", f.DisplacedBrier);
            }
        }

        foreach (var a in doc.Exclusion.Aggregates)
        {
            Row("exclusion", "all", a.Forecaster, "exclusion_brier", a.ExclusionBrier);
            Row("exclusion", "all", a.Forecaster, "exclusion_brier_lower", a.ExclusionBrierLow);
            Row("exclusion", "all", a.Forecaster, "exclusion_brier_upper", a.ExclusionBrierHigh);
            Row("exclusion", "all", a.Forecaster, "displaced_brier", a.DisplacedBrier);
        }

        foreach (var c in doc.Exclusion.Comparisons)
        {
            Row("exclusion_comparison", "all", c.Rival, "exclusion_brier_difference", c.ExclusionBrierDifference);
            Row("exclusion_comparison", "all", c.Rival, "ci90_low", c.Low);
            Row("exclusion_comparison", "all", c.Rival, "ci90_high", c.High);
        }
    }

    private static string Iv(double? x, double?[] interval, string format) =>
        x is null ? "—" : $"{Opt(x, format)} [[{Opt(interval[0], format)}, {Opt(interval[1], format)}]]";

    private static string P(double level) => level.ToString("0%", CultureInfo.InvariantCulture);

    private static string Opt(double? x, string format) => x is { } v ? Signed(v, format) : "—";

    /// <summary>Formats a number; for a signed format ("+0.00;-0.00") a value that rounds to zero prints as +0.00 (.NET prints "-+0.00" for, say, −0.001).</summary>
    private static string Signed(double v, string format)
    {
        if (format.StartsWith('+'))
        {
            v = Math.Round(v, 2, MidpointRounding.AwayFromZero);
            v = v == 0 ? 0 : v;
        }

        return v.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
}

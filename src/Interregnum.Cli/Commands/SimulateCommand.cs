using System.CommandLine;
using System.Text.Json;
using Interregnum.Simulation;

namespace Interregnum.Cli.Commands;

/// <summary><c>interregnum simulate FILE</c>: the succession forecast for one shock.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var opts = new ForecastOptions(10_000);
        var shock = new Option<string?>("--shock") { Description = "Shock id (default: the scenario's first shock)." };
        var untilSe = new Option<double?>("--until-se") { Description = "Stop once every headline probability's Monte Carlo standard error is below this (draws become the maximum)." };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Also write draws.csv (one row per draw) and summary.json to this folder." };
        var storeDraws = new Option<bool>("--store-draws") { Description = "Keep the draws (one row per draw) with the stored run, for `runs export ID --format csv`." };
        var command = new Command("simulate", "Forecast who prevails, whether the succession is contested, and where policy goes, under uncertainty.");
        opts.AddTo(command);
        command.Options.Add(shock);
        command.Options.Add(untilSe);
        command.Options.Add(outDir);
        command.Options.Add(storeDraws);
        command.SetAction((p, ct) =>
        {
            var stdout = p.InvocationConfiguration.Output;
            var stderr = p.InvocationConfiguration.Error;
            var loaded = ScenarioFiles.Load(p.GetValue(opts.File)!);
            var sh = ScenarioFiles.Shock(loaded, p.GetValue(shock));
            var settings = opts.Settings(p, p.GetValue(untilSe));
            var (doc, result) = Terminal.WithProgress(stderr, $"simulate {sh.Id}", settings.Draws, progress =>
                Compute(loaded, sh.Id, settings, p.GetValue(opts.Data), stderr, progress, ct));
            var json = JsonSerializer.Serialize(doc, CommonOptions.Json);
            if (p.GetValue(outDir) is { } dir)
            {
                OutputFolder.Write(dir, new Dictionary<string, Action<TextWriter>>
                {
                    ["summary.json"] = w => w.Write(json + "\n"),
                    ["draws.csv"] = w => ForecastReports.WriteDrawsCsv(w, loaded, result),
                });
            }

            switch (p.GetValue(opts.Format))
            {
                case OutputFormat.Json:
                    stdout.WriteLine(json);
                    break;
                case OutputFormat.Csv:
                    ForecastReports.WriteSummaryCsv(stdout, [doc.Forecast]);
                    break;
                default:
                    ForecastReports.WriteTable(Terminal.For(stdout), loaded, doc);
                    break;
            }

            RunLog.Record(p, opts, loaded, "simulate", sh.Id, settings, json, p.GetValue(storeDraws)
                ? () =>
                {
                    var w = new StringWriter();
                    ForecastReports.WriteDrawsCsv(w, loaded, result);
                    return w.ToString();
                }
                : null);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Runs the forecast and builds its JSON document (the command and <c>runs rerun</c> both use this).</summary>
    public static (SimulateJson Doc, SimulationResult Result) Compute(LoadedScenario loaded, string shockId, SimulationSettings settings, DirectoryInfo? data, TextWriter stderr, IProgress<int>? progress, CancellationToken ct)
    {
        var result = SuccessionSimulation.Run(loaded.Scenario, shockId, settings, progress, ct);
        var doc = new SimulateJson(
            "interregnum",
            ForecastReports.Version,
            "simulate",
            ForecastReports.Ref(loaded),
            result.Seed,
            result.Draws,
            ForecastReports.ModelName(result.Model),
            ForecastReports.ToJson(loaded, result),
            OutsideViews.For(loaded, loaded.Scenario.ShockById(shockId)!, data, stderr));
        return (doc, result);
    }

    /// <summary>Re-runs a stored simulate run and returns its JSON, for <c>runs rerun</c>.</summary>
    public static string Replay(Store.RunRecord run, TextWriter stderr, CancellationToken ct)
    {
        var loaded = ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile);
        var settings = RunLog.Settings(run);
        var (doc, _) = Compute(loaded, ScenarioFiles.Shock(loaded, run.ShockId).Id, settings, ScenarioFiles.DataFolderFromArguments(run.Arguments), stderr, null, ct);
        return JsonSerializer.Serialize(doc, CommonOptions.Json);
    }
}

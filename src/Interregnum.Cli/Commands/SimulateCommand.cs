using System.CommandLine;

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
            var request = new SimulateRequest(loaded, sh.Id, opts.Settings(p, p.GetValue(untilSe)), p.GetValue(opts.Data));
            var (doc, result) = Terminal.WithProgress(stderr, $"simulate {sh.Id}", request.Settings.Draws, progress =>
                SimulateRun.Compute(request, stderr, progress, ct));
            var json = RunJson.Serialize(doc);
            if (p.GetValue(outDir) is { } dir)
            {
                OutputFolder.Write(dir, new Dictionary<string, Action<TextWriter>>
                {
                    ["summary.json"] = w => w.Write(json + "\n"),
                    ["draws.csv"] = w => ForecastDocuments.WriteDrawsCsv(w, loaded, result),
                });
            }

            switch (p.GetValue(opts.Format))
            {
                case OutputFormat.Json:
                    stdout.WriteLine(json);
                    break;
                case OutputFormat.Csv:
                    ForecastDocuments.WriteSummaryCsv(stdout, [doc.Forecast]);
                    break;
                default:
                    ForecastTables.WriteTable(Terminal.For(stdout), loaded, doc);
                    break;
            }

            RunLog.Record(p, opts, loaded, Store.RunKind.Simulate, sh.Id, request.Settings, json, p.GetValue(storeDraws)
                ? () =>
                {
                    var w = new StringWriter();
                    ForecastDocuments.WriteDrawsCsv(w, loaded, result);
                    return w.ToString();
                }
                : null);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}

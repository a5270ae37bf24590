using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Interregnum.Simulation;
using Spectre.Console;

namespace Interregnum.Cli.Commands;

/// <summary><c>interregnum compare FILE</c>: every shock side by side, with common random numbers.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var opts = new ForecastOptions(10_000);
        var shocks = new Option<string?>("--shocks") { Description = "Comma-separated shock ids (default: all of the scenario's shocks)." };
        var command = new Command("compare", "Run every shock with common random numbers and set them side by side: the risk versus gain of each manner of exit.");
        opts.AddTo(command);
        command.Options.Add(shocks);
        command.SetAction((p, ct) =>
        {
            var stdout = p.InvocationConfiguration.Output;
            var stderr = p.InvocationConfiguration.Error;
            var loaded = ScenarioFiles.Load(p.GetValue(opts.File)!);
            var ids = (p.GetValue(shocks) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            foreach (var id in ids)
            {
                ScenarioFiles.Shock(loaded, id);
            }

            if (ids.Count == 0)
            {
                ids = loaded.Scenario.Shocks.Select(s => s.Id).ToList();
            }

            var settings = opts.Settings(p);
            var (doc, _) = Terminal.WithProgress(stderr, "compare", settings.Draws * ids.Count, progress =>
                Compute(loaded, ids, settings, p.GetValue(opts.Data), stderr, progress, ct));
            var json = JsonSerializer.Serialize(doc, CommonOptions.Json);
            switch (p.GetValue(opts.Format))
            {
                case OutputFormat.Json:
                    stdout.WriteLine(json);
                    break;
                case OutputFormat.Csv:
                    ForecastReports.WriteSummaryCsv(stdout, doc.Shocks);
                    break;
                default:
                    WriteTable(Terminal.For(stdout), loaded, doc);
                    break;
            }

            RunLog.Record(p, opts, loaded, "compare", string.Join(",", ids), settings, json, null);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Runs every shock and builds the JSON document (the command and <c>runs rerun</c> both use this).</summary>
    public static (CompareJson Doc, IReadOnlyList<SimulationResult> Results) Compute(LoadedScenario loaded, IReadOnlyList<string> ids, SimulationSettings settings, DirectoryInfo? data, TextWriter stderr, IProgress<int>? progress, CancellationToken ct)
    {
        var list = ShockComparison.Run(loaded.Scenario, ids, settings, progress, ct);

        var doc = new CompareJson(
            "interregnum",
            ForecastReports.Version,
            "compare",
            ForecastReports.Ref(loaded),
            settings.Seed,
            settings.Draws,
            ForecastReports.ModelName(settings.Model),
            list.Select(r => ForecastReports.ToJson(loaded, r)).ToList(),
            OutsideViews.For(loaded, loaded.Scenario.ShockById(ids[0])!, data, stderr, allManners: true));
        return (doc, list);
    }

    /// <summary>Re-runs a stored compare run and returns its JSON, for <c>runs rerun</c>.</summary>
    public static string Replay(Store.RunRecord run, TextWriter stderr, CancellationToken ct)
    {
        var loaded = ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile);
        var ids = (run.ShockId ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        var (doc, _) = Compute(loaded, ids, RunLog.Settings(run), ScenarioFiles.DataFolderFromArguments(run.Arguments), stderr, null, ct);
        return JsonSerializer.Serialize(doc, CommonOptions.Json);
    }

    private static void WriteTable(IAnsiConsole console, LoadedScenario loaded, CompareJson doc)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(loaded.Scenario.Title)}[/] — shocks compared").LeftJustified());
        console.WriteLine($"seed {doc.Seed}, {doc.Draws} draws per shock (common random numbers), policy model {doc.Model}");
        var t = new Table().AddColumn("");
        foreach (var s in doc.Shocks)
        {
            t.AddColumn(new TableColumn(Markup.Escape(s.Shock.Label)).RightAligned());
        }

        var first = doc.Shocks[0];
        for (var c = 0; c < first.Candidates.Count; c++)
        {
            t.AddRow([$"P({Markup.Escape(first.Candidates[c].Label)})", .. doc.Shocks.Select(s => s.IncumbentStays ? "—" : ForecastReports.P(s.Candidates[c].Probability))]);
        }

        t.AddRow(["P(contested)", .. doc.Shocks.Select(s => ForecastReports.P(s.Contested.Probability))]);
        for (var d = 0; d < first.Dimensions.Count; d++)
        {
            var label = Markup.Escape(first.Dimensions[d].Label);
            t.AddRow([$"{label}: shift", .. doc.Shocks.Select(s => s.Dimensions[d].MeanShift.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture))]);
            t.AddRow([$"{label}: P(higher than now)", .. doc.Shocks.Select(s => ForecastReports.P(s.Dimensions[d].PHigher))]);
        }

        console.Write(t);
        console.WriteLine("Shift: mean change from the status quo (the incumbent's position) on the 0–100 scale; P(higher): share of draws in which the new leadership sits above the old one (toward the dimension's high end).");
        if (doc.OutsideView is { } ov)
        {
            ForecastReports.WriteOutsideView(console, ov);
        }
    }
}

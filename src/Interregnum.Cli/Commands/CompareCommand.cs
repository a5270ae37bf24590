using System.CommandLine;
using System.Globalization;
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
            var request = CompareRun.Request(loaded, p.GetValue(shocks), opts.Settings(p), p.GetValue(opts.Data));
            var (doc, _) = Terminal.WithProgress(stderr, "compare", request.Settings.Draws * request.ShockIds.Count, progress =>
                CompareRun.Compute(request, stderr, progress, ct));
            var json = RunJson.Serialize(doc);
            switch (p.GetValue(opts.Format))
            {
                case OutputFormat.Json:
                    stdout.WriteLine(json);
                    break;
                case OutputFormat.Csv:
                    ForecastDocuments.WriteSummaryCsv(stdout, doc.Shocks);
                    break;
                default:
                    WriteTable(Terminal.For(stdout), loaded, doc);
                    break;
            }

            RunLog.Record(p, opts, loaded, Store.RunKind.Compare, string.Join(",", request.ShockIds), request.Settings, json, null);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void WriteTable(IAnsiConsole console, LoadedScenario loaded, CompareJson doc)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(loaded.Scenario.Title)}[/] — shocks compared").LeftJustified());
        console.WriteLine($"seed {doc.Seed}, {doc.Draws} draws per shock (common random numbers), policy model {doc.Model}");
        foreach (var s in doc.Shocks)
        {
            ForecastTables.WriteKeyJudgments(console, s);
        }

        var t = new Table().AddColumn("");
        foreach (var s in doc.Shocks)
        {
            t.AddColumn(new TableColumn(Markup.Escape(s.Shock.Label)).RightAligned());
        }

        var first = doc.Shocks[0];
        for (var c = 0; c < first.Candidates.Count; c++)
        {
            t.AddRow([$"P({Markup.Escape(first.Candidates[c].Label)})", .. doc.Shocks.Select(s => s.IncumbentStays ? "—" : ForecastTables.P(s.Candidates[c].Probability))]);
        }

        t.AddRow(["P(contested)", .. doc.Shocks.Select(s => ForecastTables.P(s.Contested.Probability))]);
        if (doc.Shocks.Any(s => s.Blend is not null))
        {
            // The rows above are the model alone (the inside view); the blend with the outside view follows (docs/backtesting.md).
            static string Cell(ShockForecastJson s, Func<BlendJson, double?> pick) => s.Blend is { } b && pick(b) is { } p ? ForecastTables.P(p) : "—";
            for (var c = 0; c < first.Candidates.Count; c++)
            {
                var k = c;
                t.AddRow([$"P({Markup.Escape(first.Candidates[c].Label)}), blended", .. doc.Shocks.Select(s => Cell(s, b => b.Candidates[k].Blended))]);
                t.AddRow([$"P({Markup.Escape(first.Candidates[c].Label)}), outside only", .. doc.Shocks.Select(s => Cell(s, b => b.Candidates[k].OutsideOnly))]);
            }

            t.AddRow(["P(contested), blended", .. doc.Shocks.Select(s => Cell(s, b => b.Contested.Blended))]);
            t.AddRow(["P(contested), outside only", .. doc.Shocks.Select(s => Cell(s, b => b.Contested.OutsideOnly))]);
        }

        for (var d = 0; d < first.Dimensions.Count; d++)
        {
            var label = Markup.Escape(first.Dimensions[d].Label);
            t.AddRow([$"{label}: shift", .. doc.Shocks.Select(s => s.Dimensions[d].MeanShift.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture))]);
            t.AddRow([$"{label}: P(higher than now)", .. doc.Shocks.Select(s => ForecastTables.P(s.Dimensions[d].PHigher))]);
        }

        if (first.Coalition is { } firstCoalition)
        {
            t.AddRow(["P(collective leadership)", .. doc.Shocks.Select(s => s.Coalition is { } c ? ForecastTables.P(c.Collective.Probability) : "—")]);
            t.AddRow(["P(first winner displaced): blended", .. doc.Shocks.Select(s => s.Coalition is { } c ? ForecastTables.P(c.WinnerDisplacedBlended) : "—")]);
            t.AddRow(["P(first winner displaced): model only", .. doc.Shocks.Select(s => s.Coalition is { } c ? ForecastTables.P(c.WinnerDisplaced.Probability) : "—")]);
            foreach (var a in firstCoalition.Actors)
            {
                t.AddRow([$"{Markup.Escape(a.Name)}: P(left out), blended", .. doc.Shocks.Select(s => s.Coalition?.Actors.FirstOrDefault(x => x.Id == a.Id)?.ExcludedBlended is { } x ? ForecastTables.P(x) : "—")]);
                t.AddRow([$"{Markup.Escape(a.Name)}: P(left out), model only", .. doc.Shocks.Select(s => s.Coalition?.Actors.FirstOrDefault(x => x.Id == a.Id)?.Excluded is { } x ? ForecastTables.P(x.Probability) : "—")]);
            }
        }

        if (first.Indicators is not null || doc.Shocks.Any(s => s.Indicators is not null))
        {
            // Indicators to watch: per shock, the leading candidate's probability before → after the sign is seen.
            var ids = doc.Shocks.SelectMany(s => s.Indicators ?? []).Select(i => i.Id).Distinct(StringComparer.Ordinal).ToList();
            foreach (var id in ids)
            {
                t.AddRow([$"if {Markup.Escape(id)} is seen: P(leader)", .. doc.Shocks.Select(s => s.Indicators?.FirstOrDefault(i => i.Id == id) is { BearsOnShock: true } i
                    ? $"{ForecastTables.P(i.LeaderBefore)} → {ForecastTables.P(i.LeaderAfter)}"
                    : "—")]);
            }
        }

        console.Write(t);
        if (doc.Shocks.Any(s => s.Indicators is { Count: > 0 }))
        {
            console.WriteLine("If seen: the shock's leading candidate's probability over the draws where the indicator's input lies on its side of the median (docs/brief.md, \"Indicators to watch\"); — where the indicator does not bear on the shock.");
            foreach (var i in doc.Shocks.First(s => s.Indicators is { Count: > 0 }).Indicators!)
            {
                console.WriteLine($"  {i.Id}: {i.Description} ({i.InputWords}, {(i.Direction == "raises" ? "higher" : "lower")})");
            }
        }

        if (doc.Shocks.FirstOrDefault(s => s.Blend is not null)?.Blend is { } blend)
        {
            console.WriteLine("P(...) rows without a suffix are the model alone (inside view). Blended pool: " + blend.Parameters);
        }

        console.WriteLine("Shift: mean change from the status quo (the incumbent's position) on the 0–100 scale; P(higher): share of draws in which the new leadership sits above the old one (toward the dimension's high end).");
        if (doc.OutsideView is { } ov)
        {
            ForecastTables.WriteOutsideView(console, ov);
        }

        if (doc.ExitRisk is { } er)
        {
            ForecastTables.WriteExitRisk(console, er);
        }
    }
}

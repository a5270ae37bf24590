using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Spectre.Console;

namespace Interregnum.Cli.Commands;

/// <summary><c>interregnum sensitivity FILE --shock ID</c>: which assumptions drive the answer.</summary>
internal static class SensitivityCommand
{
    public static Command Create()
    {
        var opts = new ForecastOptions(1_000);
        var shock = new Option<string?>("--shock") { Description = "Shock id (default: the scenario's first shock)." };
        var top = new Option<int>("--top") { Description = "Inputs shown per output in the table (default 8).", DefaultValueFactory = _ => 8 };
        var command = new Command("sensitivity", "Find the assumptions that matter: a tornado and variance-based importance for each headline output.");
        opts.AddTo(command);
        command.Options.Add(shock);
        command.Options.Add(top);
        command.SetAction((p, ct) =>
        {
            var stdout = p.InvocationConfiguration.Output;
            var stderr = p.InvocationConfiguration.Error;
            var loaded = ScenarioFiles.Load(p.GetValue(opts.File)!);
            var sh = ScenarioFiles.Shock(loaded, p.GetValue(shock));
            var request = new SensitivityRequest(loaded, sh.Id, opts.Settings(p));
            var inputs = SensitivityRun.UncertainInputs(request);
            var doc = Terminal.WithProgress(stderr, $"sensitivity {sh.Id}", (2 * inputs) + 1, progress =>
                SensitivityRun.Compute(request, progress, ct));
            var json = RunJson.Serialize(doc);
            switch (p.GetValue(opts.Format))
            {
                case OutputFormat.Json:
                    stdout.WriteLine(json);
                    break;
                case OutputFormat.Csv:
                    WriteCsv(stdout, doc);
                    break;
                default:
                    WriteTable(Terminal.For(stdout), loaded, doc, p.GetValue(top));
                    break;
            }

            RunLog.Record(p, opts, loaded, Store.RunKind.Sensitivity, sh.Id, request.Settings, json, null);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void WriteCsv(TextWriter writer, SensitivityJson doc)
    {
        using var csv = TidyCsv.Create(writer);
        csv.WriteHeader(["output", "input", "statistic", "value"]);

        void Row(string output, string input, string stat, double value) => csv.WriteRecord([output, input, stat, value.ToString("R", CultureInfo.InvariantCulture)]);

        foreach (var o in doc.Outputs)
        {
            Row(o.Id, "", "base", o.Base);
            foreach (var b in o.Tornado)
            {
                Row(o.Id, b.Input, "tornado_low", b.Low);
                Row(o.Id, b.Input, "tornado_high", b.High);
                Row(o.Id, b.Input, "swing", b.Swing);
            }

            foreach (var i in o.Importance)
            {
                Row(o.Id, i.Input, "first_order", i.Index);
                Row(o.Id, i.Input, "first_order_low", i.Interval90[0]);
                Row(o.Id, i.Input, "first_order_high", i.Interval90[1]);
            }
        }
    }

    private static void WriteTable(IAnsiConsole console, LoadedScenario loaded, SensitivityJson doc, int top)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(loaded.Scenario.Title)}[/] — what drives the answer ({Markup.Escape(doc.Shock.Label)})").LeftJustified());
        console.WriteLine($"seed {doc.Seed}, {doc.Draws} draws per run, {doc.UncertainInputs} uncertain inputs, policy model {doc.Model}");
        var unmoved = new List<string>();
        foreach (var o in doc.Outputs)
        {
            var isProbability = o.Id.StartsWith("p_", StringComparison.Ordinal);
            string V(double x) => isProbability ? ForecastTables.P(x) : ForecastTables.N(x);
            // An output no input moves (a candidate who cannot prevail when the incumbent stays) gets no table of zeros.
            if (o.Tornado.All(b => b.Low == o.Base && b.High == o.Base) && o.Importance.All(i => i.Interval90[1] == 0))
            {
                unmoved.Add($"{o.Label} {V(o.Base)}");
                continue;
            }

            var t = new Table().Title($"{Markup.Escape(o.Label)} (base {V(o.Base)})").AddColumns("input", "at 10th pct", "at 90th pct", "swing", "first-order index (90% CI)");
            var importance = o.Importance.ToDictionary(i => i.Input);
            foreach (var b in o.Tornado.Take(top))
            {
                var i = importance[b.Input];
                t.AddRow(Markup.Escape(b.Input), V(b.Low), V(b.High), V(b.Swing), $"{i.Index.ToString("0.00", CultureInfo.InvariantCulture)} ({i.Interval90[0].ToString("0.00", CultureInfo.InvariantCulture)}–{i.Interval90[1].ToString("0.00", CultureInfo.InvariantCulture)})");
            }

            console.Write(t);
        }

        if (unmoved.Count > 0)
        {
            console.WriteLine("Not moved by any uncertain input under this shock: " + string.Join("; ", unmoved) + ".");
        }
    }

}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Interregnum.Simulation;
using Spectre.Console;

namespace Interregnum.Cli.Commands;

internal sealed record TornadoJson(string Input, double Low, double High, double Swing);

internal sealed record ImportanceJson(string Input, double Index, double[] Interval90);

internal sealed record OutputSensitivityJson(string Id, string Label, double Base, IReadOnlyList<TornadoJson> Tornado, IReadOnlyList<ImportanceJson> Importance);

internal sealed record SensitivityJson(string Program, string Version, string Command, ScenarioRef Scenario, ShockRef Shock, ulong Seed, int Draws, string Model, int UncertainInputs, string Method, IReadOnlyList<OutputSensitivityJson> Outputs);

/// <summary><c>interregnum sensitivity FILE --shock ID</c>: which assumptions drive the answer.</summary>
internal static class SensitivityCommand
{
    public const string Method =
        "Tornado: each uncertain input held at its 10th and 90th percentiles, all others sampled with the base run's random numbers. " +
        "Importance: first-order variance-based index S = Var(E[Y|X])/Var(Y), binned given-data estimator with a noise correction, 90% interval from 200 bootstrap resamples.";

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
            var settings = opts.Settings(p);
            var inputs = Model.ScenarioInputs.UncertainFor(loaded.Scenario, sh.Id).Count;
            if (inputs == 0)
            {
                throw new CliException($"{loaded.Path}: no number in the scenario is uncertain, so there is nothing to rank; declare ranges (see docs/scenario-format.md)");
            }

            var doc = Terminal.WithProgress(stderr, $"sensitivity {sh.Id}", (2 * inputs) + 1, progress =>
                Compute(loaded, sh.Id, settings, progress, ct));
            var json = JsonSerializer.Serialize(doc, CommonOptions.Json);
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

            RunLog.Record(p, opts, loaded, "sensitivity", sh.Id, settings, json, null);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Runs the analysis and builds the JSON document (the command and <c>runs rerun</c> both use this).</summary>
    public static SensitivityJson Compute(LoadedScenario loaded, string shockId, SimulationSettings settings, IProgress<int>? progress, CancellationToken ct)
    {
        var result = Sensitivity.Run(loaded.Scenario, shockId, settings, progress, ct);
        return new SensitivityJson(
            "interregnum",
            ForecastReports.Version,
            "sensitivity",
            ForecastReports.Ref(loaded),
            ForecastReports.ShockRefOf(loaded.Scenario.ShockById(shockId)!),
            result.Seed,
            result.Draws,
            ForecastReports.ModelName(result.Model),
            result.Inputs,
            Method,
            result.Outputs.Select(o => new OutputSensitivityJson(
                o.Output.Id,
                o.Output.Label,
                o.Base,
                o.Tornado.Select(b => new TornadoJson(b.Input, b.Low, b.High, b.Swing)).ToList(),
                o.Importance.Select(i => new ImportanceJson(i.Input, i.Index, [i.Low, i.High])).ToList())).ToList());
    }

    /// <summary>Re-runs a stored sensitivity run and returns its JSON, for <c>runs rerun</c>.</summary>
    public static string Replay(Store.RunRecord run, TextWriter stderr, CancellationToken ct)
    {
        var loaded = ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile);
        return JsonSerializer.Serialize(Compute(loaded, ScenarioFiles.Shock(loaded, run.ShockId).Id, RunLog.Settings(run), null, ct), CommonOptions.Json);
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
        foreach (var o in doc.Outputs)
        {
            var isProbability = o.Id.StartsWith("p_", StringComparison.Ordinal);
            string V(double x) => isProbability ? ForecastReports.P(x) : ForecastReports.N(x);
            var t = new Table().Title($"{Markup.Escape(o.Label)} (base {V(o.Base)})").AddColumns("input", "at 10th pct", "at 90th pct", "swing", "first-order index (90% CI)");
            var importance = o.Importance.ToDictionary(i => i.Input);
            foreach (var b in o.Tornado.Take(top))
            {
                var i = importance[b.Input];
                t.AddRow(Markup.Escape(b.Input), V(b.Low), V(b.High), V(b.Swing), $"{i.Index.ToString("0.00", CultureInfo.InvariantCulture)} ({i.Interval90[0].ToString("0.00", CultureInfo.InvariantCulture)}–{i.Interval90[1].ToString("0.00", CultureInfo.InvariantCulture)})");
            }

            console.Write(t);
        }
    }

}

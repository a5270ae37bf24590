using System.Globalization;
using CsvHelper;
using Interregnum.Simulation;
using Spectre.Console;

namespace Interregnum.Cli;

/// <summary>The scenario a report is about.</summary>
internal sealed record ScenarioRef(string Id, string Title, string File, string Sha256);

/// <summary>The shock a report is about.</summary>
internal sealed record ShockRef(string Id, string Label, string Manner, string Location);

/// <summary>A probability with its 90% Monte Carlo interval, standard error and input-uncertainty spread.</summary>
internal sealed record EstimateJson(double Probability, double[] Interval90, double McSe, double[] Spread90);

internal sealed record CandidateJson(string Id, string Label, string Leader, double Probability, double[] Interval90, double McSe, double[] Spread90, double WinFrequency);

internal sealed record DimensionJson(string Id, string Label, double StatusQuo, double Mean, double P5, double P50, double P95, double MeanShift, double PHigher);

/// <summary>One shock's forecast, as JSON.</summary>
internal sealed record ShockForecastJson(
    ShockRef Shock,
    bool IncumbentStays,
    IReadOnlyList<CandidateJson> Candidates,
    EstimateJson Contested,
    double ContestedThreshold,
    IReadOnlyList<DimensionJson> Dimensions);

/// <summary>The JSON document <c>simulate --format json</c> prints and <c>--out</c> writes as summary.json.</summary>
internal sealed record SimulateJson(
    string Program,
    string Version,
    string Command,
    ScenarioRef Scenario,
    ulong Seed,
    int Draws,
    string Model,
    ShockForecastJson Forecast,
    OutsideViewJson? OutsideView);

/// <summary>The JSON document <c>compare --format json</c> prints.</summary>
internal sealed record CompareJson(string Program, string Version, string Command, ScenarioRef Scenario, ulong Seed, int Draws, string Model, IReadOnlyList<ShockForecastJson> Shocks, OutsideViewJson? OutsideView);

/// <summary>Historical base rates for the scenario's reference class, beside the model's forecast.</summary>
internal sealed record OutsideViewJson(string ReferenceClass, IReadOnlyList<BaseRateJson> BaseRates, string? Note);

internal sealed record BaseRateJson(string Outcome, string Label, int Cases, int Events, double Rate, double[] Interval90);

/// <summary>Turns forecast results into JSON documents, tidy CSV and tables.</summary>
internal static class ForecastReports
{
    public static string Version => typeof(ForecastReports).Assembly.GetName().Version!.ToString(3);

    public static string ModelName(PolicyModel m) => m.ToString().ToLowerInvariant();

    public static ShockForecastJson ToJson(LoadedScenario loaded, SimulationResult r)
    {
        return new ShockForecastJson(
            ShockRefOf(loaded.Scenario.ShockById(r.ShockId)!),
            r.IncumbentStays,
            r.Candidates.Select(c => new CandidateJson(c.Id, c.Label, c.Leader, c.Estimate.Probability, [c.Estimate.Low, c.Estimate.High], c.Estimate.StandardError, [c.Estimate.SpreadLow, c.Estimate.SpreadHigh], c.WinFrequency)).ToList(),
            Estimate(r.Contested),
            r.ContestedThreshold,
            r.Dimensions.Select(d => new DimensionJson(d.Id, d.Label, d.StatusQuo, d.Mean, d.P5, d.P50, d.P95, d.MeanShift, d.ProbabilityHigher)).ToList());
    }

    public static ShockRef ShockRefOf(Model.Shock shock) => new(shock.Id, shock.Label, Kebab(shock.Manner.ToString()), shock.Location.ToString().ToLowerInvariant());

    public static ScenarioRef Ref(LoadedScenario loaded) => new(loaded.Scenario.Id, loaded.Scenario.Title, Path.GetFileName(loaded.Path), loaded.Sha256);

    public static EstimateJson Estimate(ProbabilityEstimate e) => new(e.Probability, [e.Low, e.High], e.StandardError, [e.SpreadLow, e.SpreadHigh]);

    public static string Kebab(string pascal) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);

    /// <summary>Tidy summary rows: shock, section, id, statistic, value.</summary>
    public static void WriteSummaryCsv(TextWriter writer, IEnumerable<ShockForecastJson> forecasts)
    {
        using var csv = TidyCsv.Create(writer);
        csv.WriteHeader(["shock", "section", "id", "statistic", "value"]);

        void Row(string shock, string section, string id, string stat, double value) => csv.WriteRecord([shock, section, id, stat, value.ToString("R", CultureInfo.InvariantCulture)]);

        foreach (var f in forecasts)
        {
            var s = f.Shock.Id;
            foreach (var c in f.Candidates)
            {
                Row(s, "candidate", c.Id, "probability", c.Probability);
                Row(s, "candidate", c.Id, "ci90_low", c.Interval90[0]);
                Row(s, "candidate", c.Id, "ci90_high", c.Interval90[1]);
                Row(s, "candidate", c.Id, "mc_se", c.McSe);
                Row(s, "candidate", c.Id, "spread_p5", c.Spread90[0]);
                Row(s, "candidate", c.Id, "spread_p95", c.Spread90[1]);
                Row(s, "candidate", c.Id, "win_frequency", c.WinFrequency);
            }

            Row(s, "contested", "contested", "probability", f.Contested.Probability);
            Row(s, "contested", "contested", "ci90_low", f.Contested.Interval90[0]);
            Row(s, "contested", "contested", "ci90_high", f.Contested.Interval90[1]);
            Row(s, "contested", "contested", "mc_se", f.Contested.McSe);
            Row(s, "contested", "contested", "threshold", f.ContestedThreshold);
            foreach (var d in f.Dimensions)
            {
                Row(s, "dimension", d.Id, "status_quo", d.StatusQuo);
                Row(s, "dimension", d.Id, "mean", d.Mean);
                Row(s, "dimension", d.Id, "p5", d.P5);
                Row(s, "dimension", d.Id, "p50", d.P50);
                Row(s, "dimension", d.Id, "p95", d.P95);
                Row(s, "dimension", d.Id, "mean_shift", d.MeanShift);
                Row(s, "dimension", d.Id, "p_higher", d.PHigher);
            }
        }
    }

    /// <summary>One row per draw: draw, winner, contested, per-draw probabilities, status quo and forecast per dimension.</summary>
    public static void WriteDrawsCsv(TextWriter writer, LoadedScenario loaded, SimulationResult r)
    {
        var s = loaded.Scenario;
        using var csv = TidyCsv.Create(writer);
        csv.WriteField("draw");
        csv.WriteField("winner");
        csv.WriteField("contested");
        csv.WriteField("p_contested");
        foreach (var c in s.Candidates)
        {
            csv.WriteField("p_" + c.Id);
        }

        foreach (var d in s.Dimensions)
        {
            csv.WriteField("status_quo_" + d.Id);
        }

        foreach (var d in s.Dimensions)
        {
            csv.WriteField("forecast_" + d.Id);
        }

        csv.EndRecord();
        foreach (var o in r.Outcomes)
        {
            csv.WriteField(o.Draw.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(o.Winner >= 0 ? s.Candidates[o.Winner].Id : "incumbent");
            csv.WriteField(o.Contested ? "1" : "0");
            csv.WriteField(o.ContestedProbability.ToString("R", CultureInfo.InvariantCulture));
            foreach (var p in o.CandidateProbabilities)
            {
                csv.WriteField(p.ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var x in o.StatusQuo)
            {
                csv.WriteField(x.ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var x in o.Forecast)
            {
                csv.WriteField(x.ToString("R", CultureInfo.InvariantCulture));
            }

            csv.EndRecord();
        }
    }

    public static void WriteTable(IAnsiConsole console, LoadedScenario loaded, SimulateJson doc)
    {
        var f = doc.Forecast;
        console.Write(new Rule($"[bold]{Markup.Escape(loaded.Scenario.Title)}[/] — {Markup.Escape(f.Shock.Label)}").LeftJustified());
        console.WriteLine($"seed {doc.Seed}, {doc.Draws} draws, policy model {doc.Model}, scenario sha256 {loaded.Sha256[..12]}…");
        if (f.IncumbentStays)
        {
            console.WriteLine("The incumbent stays (failed attempt): no succession contest; policy after the declared effects.");
        }
        else
        {
            var t = new Table().Title("Who prevails").AddColumns("candidate", "probability", "90% MC interval", "MC s.e.", "5–95% across inputs");
            foreach (var c in f.Candidates.OrderByDescending(c => c.Probability))
            {
                t.AddRow(Markup.Escape(c.Label), P(c.Probability), $"{P(c.Interval90[0])}–{P(c.Interval90[1])}", c.McSe.ToString("0.0000", CultureInfo.InvariantCulture), $"{P(c.Spread90[0])}–{P(c.Spread90[1])}");
            }

            console.Write(t);
            console.WriteLine($"Contested succession: {P(f.Contested.Probability)} (90% MC interval {P(f.Contested.Interval90[0])}–{P(f.Contested.Interval90[1])}); contested: a losing camp fights with a probability that rises past its threshold of {P(f.ContestedThreshold)} of the coercion that actors control, moved by its risk attitude (docs/models.md §3).");
        }

        var d = new Table().Title("Policy after the succession (0–100)").AddColumns("dimension", "status quo", "mean", "5%", "50%", "95%", "shift", "P(higher)");
        foreach (var x in f.Dimensions)
        {
            d.AddRow(Markup.Escape(x.Label), N(x.StatusQuo), N(x.Mean), N(x.P5), N(x.P50), N(x.P95), (x.MeanShift >= 0 ? "+" : "") + N(x.MeanShift), P(x.PHigher));
        }

        console.Write(d);
        if (doc.OutsideView is { } ov)
        {
            WriteOutsideView(console, ov);
        }
    }

    public static void WriteOutsideView(IAnsiConsole console, OutsideViewJson ov)
    {
        var t = new Table().Title($"Outside view: {Markup.Escape(ov.ReferenceClass)}").AddColumns("outcome", "rate", "90% interval", "cases");
        foreach (var b in ov.BaseRates)
        {
            t.AddRow(Markup.Escape(b.Label), P(b.Rate), $"{P(b.Interval90[0])}–{P(b.Interval90[1])}", $"{b.Events}/{b.Cases}");
        }

        console.Write(t);
        if (ov.Note is not null)
        {
            console.WriteLine(ov.Note);
        }
    }

    public static string P(double p) => p.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string N(double x) => x.ToString("0.0", CultureInfo.InvariantCulture);
}

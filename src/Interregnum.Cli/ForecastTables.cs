using System.Globalization;
using Spectre.Console;

namespace Interregnum.Cli;

/// <summary>Prints forecast documents as tables for people.</summary>
internal static class ForecastTables
{
    /// <summary>The key judgments, one paragraph each, before the tables (nothing when there are none).</summary>
    public static void WriteKeyJudgments(IAnsiConsole console, ShockForecastJson f)
    {
        if (f.KeyJudgments is not { Count: > 0 } judgments)
        {
            return;
        }

        console.MarkupLine($"[bold]Key judgments[/] ({Markup.Escape(f.Shock.Label)}; ICD 203 estimative words):");
        foreach (var j in judgments)
        {
            console.WriteLine("- " + j.Sentence);
        }
    }

    /// <summary>The indicators to watch and what each would shift (nothing when the scenario declares none).</summary>
    public static void WriteIndicators(IAnsiConsole console, ShockForecastJson f)
    {
        if (f.Indicators is not { Count: > 0 } indicators)
        {
            return;
        }

        var t = new Table().Title($"Indicators to watch ({Markup.Escape(f.Shock.Label)}; if seen, the input lies on that side of its median)")
            .AddColumns("indicator", "bears on", "if seen", "value of information (nats)");
        foreach (var i in indicators)
        {
            t.AddRow(
                Markup.Escape(i.Description),
                Markup.Escape($"{i.InputWords} ({(i.Direction == "raises" ? "higher" : "lower")})"),
                Markup.Escape(i.Shift),
                i.BearsOnShock ? i.ValueOfInformation.ToString("0.000", CultureInfo.InvariantCulture) : "—");
        }

        console.Write(t);
    }

    public static void WriteTable(IAnsiConsole console, LoadedScenario loaded, SimulateJson doc)
    {
        var f = doc.Forecast;
        console.Write(new Rule($"[bold]{Markup.Escape(loaded.Scenario.Title)}[/] — {Markup.Escape(f.Shock.Label)}").LeftJustified());
        console.WriteLine($"seed {doc.Seed}, {doc.Draws} draws, policy model {doc.Model}, scenario sha256 {loaded.Sha256[..12]}…");
        WriteKeyJudgments(console, f);
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
        WriteIndicators(console, f);
        if (f.Blend is { } blend)
        {
            WriteBlend(console, f, blend);
        }

        if (f.Coalition is { } coalition)
        {
            WriteCoalition(console, coalition);
        }

        if (doc.OutsideView is { } ov)
        {
            WriteOutsideView(console, ov);
        }

        if (doc.ExitRisk is { } er)
        {
            WriteExitRisk(console, er);
        }

        if (doc.ExternalForecasts is { Count: > 0 } external)
        {
            var t = new Table().Title("Other forecasts beside the model").AddColumns("source", "date", "question", "their number", "the model");
            foreach (var x in external)
            {
                t.AddRow(Markup.Escape(x.Source), x.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape(x.Question), P(x.Probability), Markup.Escape(x.Comparison));
            }

            console.Write(t);
        }
    }

    /// <summary>The unconditional view: how likely the incumbent leaves within 12 months, by manner, beside the conditional forecast.</summary>
    public static void WriteExitRisk(IAnsiConsole console, ExitRiskViewJson er)
    {
        var t = new Table().Title("Exit risk: how likely the incumbent leaves within 12 months").AddColumns("manner", "model", "90% interval");
        if (er.Judgment is not null)
        {
            t.AddColumn("judgment (shown)");
        }

        foreach (var e in er.Model)
        {
            var judged = er.Judgment is not { } j ? "" : e.Manner switch
            {
                "any" => Commands.HistoryCommand.RiskPct(j.AnyWithin12Months),
                "irregular" when j.IrregularWithin12Months is { } ir => Commands.HistoryCommand.RiskPct(ir),
                _ => "",
            };
            t.AddRow(er.Judgment is null
                ? [Markup.Escape(e.Manner), Commands.HistoryCommand.RiskPct(e.Probability), $"{Commands.HistoryCommand.RiskPct(e.Interval[0])}–{Commands.HistoryCommand.RiskPct(e.Interval[1])}"]
                : [Markup.Escape(e.Manner), Commands.HistoryCommand.RiskPct(e.Probability), $"{Commands.HistoryCommand.RiskPct(e.Interval[0])}–{Commands.HistoryCommand.RiskPct(e.Interval[1])}", judged]);
        }

        console.Write(t);
        console.WriteLine(er.Note);
    }

    /// <summary>The blended forecast beside the inside view (the model alone) and the outside view (docs/backtesting.md).</summary>
    public static void WriteBlend(IAnsiConsole console, ShockForecastJson f, BlendJson blend)
    {
        var t = new Table().Title("The forecast: the model blended with the outside view").AddColumns("", "blended", "inside only (model)", "outside only");
        foreach (var c in blend.Candidates.OrderByDescending(c => c.Blended))
        {
            var label = f.Candidates.FirstOrDefault(x => x.Id == c.Id)?.Label ?? c.Id;
            t.AddRow(Markup.Escape(label), P(c.Blended), P(c.InsideOnly), P(c.OutsideOnly));
        }

        t.AddRow("[italic]contested succession[/]", P(blend.Contested.Blended), P(blend.Contested.InsideOnly), blend.Contested.OutsideOnly is { } o ? P(o) : "—");
        console.Write(t);
        console.WriteLine("Pool: " + blend.Parameters);
        console.WriteLine("Contested prior: " + blend.Contested.ReferenceClass);
    }

    /// <summary>Who is likely in and out after the succession (docs/models.md §8).</summary>
    public static void WriteCoalition(IAnsiConsole console, CoalitionJson c)
    {
        var t = new Table().Title("After the succession: the ruling coalition (who keeps power within two years)")
            .AddColumns("actor", "P(in)", "90% MC interval", "5–95% across inputs", "P(left out): blended", "model only", "P(displaces the winner)");
        foreach (var a in c.Actors)
        {
            t.AddRow(
                Markup.Escape(a.Name),
                P(a.InCoalition.Probability),
                $"{P(a.InCoalition.Interval90[0])}–{P(a.InCoalition.Interval90[1])}",
                $"{P(a.InCoalition.Spread90[0])}–{P(a.InCoalition.Spread90[1])}",
                a.ExcludedBlended is { } xb ? P(xb) : "— (left office)",
                a.Excluded is { } x ? P(x.Probability) : "—",
                P(a.Displacer.Probability));
        }

        console.Write(t);
        console.WriteLine($"Collective leadership (two or more in the ruling coalition): {P(c.Collective.Probability)}; first winner displaced within two years: {P(c.WinnerDisplacedBlended)} blended, {P(c.WinnerDisplaced.Probability)} model only (90% MC interval {P(c.WinnerDisplaced.Interval90[0])}–{P(c.WinnerDisplaced.Interval90[1])}); mean size {N(c.MeanSize)}. Acemoglu, Egorov & Sonin (2008), α = {c.Alpha.ToString("0.##", CultureInfo.InvariantCulture)}, crisis-phase power{(c.ExactShare < 1 ? $"; {P(1 - c.ExactShare)} of draws approximated (more than 16 actors with power)" : "")}. The model does not tell demotion, arrest, exile or death apart. Exclusion pool: " + c.Pool);
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

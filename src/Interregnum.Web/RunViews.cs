using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Interregnum.Backtesting;
using Interregnum.Reports;
using Interregnum.Runs;
using Interregnum.Store;

namespace Interregnum.Web;

/// <summary>
/// Sensitivity and backtest result documents as HTML: the tornado charts with a table of the same numbers, and the
/// backtest's score tables with their bootstrap intervals. Presentation only: every number is the document's.
/// </summary>
internal static class RunViews
{
    /// <summary>Inputs shown per output (the CLI's <c>sensitivity --top</c> default).</summary>
    private const int Top = 8;

    public static string Sensitivity(SensitivityJson doc)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"<h3>What drives the answer: {E(doc.Shock.Label)}</h3>");
        b.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\">Seed {doc.Seed}, {doc.Draws} draws per run, {doc.UncertainInputs} uncertain inputs, policy model {E(doc.Model)}. {E(doc.Method)}</p>");
        var tornadoes = SensitivityRun.Tornadoes(doc, Top);
        var i = 0;
        foreach (var t in tornadoes)
        {
            b.Append("<figure class=\"chart\" data-chart=\"tornado\">").Append(ChartSvg.Tornado(t, "tornado-" + i.ToString(CultureInfo.InvariantCulture))).Append("</figure>");
            i++;
        }

        var unmoved = new List<string>();
        foreach (var o in doc.Outputs)
        {
            var probability = o.Id.StartsWith("p_", StringComparison.Ordinal);
            string V(double x) => probability ? x.ToString("P1", CultureInfo.InvariantCulture) : x.ToString("0.0", CultureInfo.InvariantCulture);
            if (o.Tornado.All(t => t.Swing == 0) && o.Importance.All(x => x.Interval90[1] == 0))
            {
                unmoved.Add(o.Label + " " + V(o.Base));
                continue;
            }

            var importance = o.Importance.ToDictionary(x => x.Input, StringComparer.Ordinal);
            b.Append(CultureInfo.InvariantCulture, $"<table class=\"sensitivity\" data-output=\"{E(o.Id)}\"><caption>{E(o.Label)} (base {V(o.Base)})</caption><thead><tr><th>Input</th><th>At 10th pct</th><th>At 90th pct</th><th>Swing</th><th>First-order index (90% interval)</th></tr></thead><tbody>");
            foreach (var t in o.Tornado.Take(Top))
            {
                var x = importance[t.Input];
                b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(t.Input)}</td><td class=\"num\">{V(t.Low)}</td><td class=\"num\">{V(t.High)}</td><td class=\"num\">{V(t.Swing)}</td><td class=\"num\">{x.Index:0.00} ({x.Interval90[0]:0.00}–{x.Interval90[1]:0.00})</td></tr>");
            }

            b.Append("</tbody></table>");
        }

        if (unmoved.Count > 0)
        {
            b.Append("<p>Not moved by any uncertain input under this shock: ").Append(E(string.Join("; ", unmoved))).Append(".</p>");
        }

        return b.ToString();
    }

    public static string Backtest(BacktestJson doc)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"<h3>Backtest: {E(doc.Folder)}, {doc.Cases.Count} cases</h3>");
        b.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\">Seed {doc.Seed}, {doc.Draws} draws per case, policy model {E(doc.Model)}. Lower scores are better; [low, high] are {doc.Intervals.Level:0%} bootstrap intervals over cases ({doc.Intervals.Resamples} resamples); — : the forecaster makes no such forecast.</p>");
        b.Append("<table id=\"backtest-scores\"><caption>All cases (means)</caption><thead><tr><th>Forecaster</th><th>Cases</th><th>Brier (winner)</th><th>Log (winner)</th><th>Winner top-ranked</th><th>Brier (contested)</th><th>Direction right</th><th>CRPS (points)</th></tr></thead><tbody>");
        foreach (var a in doc.Aggregates)
        {
            var iv = doc.Intervals.Aggregates.First(x => x.Forecaster == a.Forecaster);
            b.Append(CultureInfo.InvariantCulture, $"<tr data-forecaster=\"{E(a.Forecaster)}\"><td>{E(a.Forecaster)}</td><td class=\"num\">{a.Cases}</td><td class=\"num\">{Iv(a.WinnerBrier, iv.WinnerBrier, "0.000")}</td><td class=\"num\">{Iv(a.WinnerLog, iv.WinnerLog, "0.000")}</td><td class=\"num\">{Opt(a.WinnerTopRanked, "0.#")}</td><td class=\"num\">{Iv(a.ContestedBrier, iv.ContestedBrier, "0.000")}</td><td class=\"num\">{Iv(a.DirectionShareRight, iv.DirectionShareRight, "0.00")}</td><td class=\"num\">{Iv(a.Crps, iv.Crps, "0.0")}</td></tr>");
        }

        b.Append("</tbody></table>");
        b.Append("<table id=\"backtest-skill\"><caption>The model's skill against each other forecaster (1 − model/rival; &gt; 0: the model is better)</caption><thead><tr><th>Rival</th><th>Brier (winner)</th><th>Log (winner)</th><th>Brier (contested)</th><th>CRPS</th></tr></thead><tbody>");
        foreach (var s in doc.Skill)
        {
            var iv = doc.Intervals.Skill.First(x => x.Rival == s.Rival);
            b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Rival)}</td><td class=\"num\">{Iv(s.WinnerBrier, iv.WinnerBrier, "+0.00;-0.00;0.00")}</td><td class=\"num\">{Iv(s.WinnerLog, iv.WinnerLog, "+0.00;-0.00;0.00")}</td><td class=\"num\">{Iv(s.ContestedBrier, iv.ContestedBrier, "+0.00;-0.00;0.00")}</td><td class=\"num\">{Iv(s.Crps, iv.Crps, "+0.00;-0.00;0.00")}</td></tr>");
        }

        b.Append("</tbody></table>");
        b.Append("<table id=\"backtest-cases\"><caption>Per case: the model's forecast</caption><thead><tr><th>Case</th><th>Winner</th><th>Contested</th><th>P(winner)</th><th>Brier (winner)</th><th>P(contested)</th></tr></thead><tbody>");
        foreach (var c in doc.Cases)
        {
            var m = c.Forecasts.FirstOrDefault(f => f.Forecaster == Forecasters.Model);
            b.Append(CultureInfo.InvariantCulture, $"<tr data-case=\"{E(c.Id)}\"><td>{E(c.Id)}</td><td>{E(c.Winner)}</td><td>{(c.Contested ? "yes" : "no")}</td><td class=\"num\">{Opt(m?.WinnerProbability, "0.000")}</td><td class=\"num\">{Opt(m?.WinnerBrier, "0.000")}</td><td class=\"num\">{Opt(m?.ContestedProbability, "0.000")}</td></tr>");
        }

        b.Append("</tbody></table>");
        if (doc.CasesNotRun.Count > 0)
        {
            b.Append("<p>Not run (invalid): ").Append(E(string.Join(", ", doc.CasesNotRun))).Append(".</p>");
        }

        return b.ToString();
    }

    /// <summary>A stored sensitivity or backtest run's result document as the page showed it, else null (other kinds, or a document this version cannot read).</summary>
    public static string? Stored(RunRecord run)
    {
        try
        {
            return run.Kind switch
            {
                RunKind.Sensitivity when RunJson.Deserialize<SensitivityJson>(run.ResultsJson) is { } doc => Sensitivity(doc),
                RunKind.Backtest when RunJson.Deserialize<BacktestJson>(run.ResultsJson) is { } doc => Backtest(doc),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or NullReferenceException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Iv(double? x, double?[] interval, string format) =>
        x is null ? "—" : $"{Opt(x, format)} [{Opt(interval[0], format)}, {Opt(interval[1], format)}]";

    private static string Opt(double? x, string format) => x is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

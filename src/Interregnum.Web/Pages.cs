using System.Globalization;
using System.Net;
using System.Text;
using Interregnum.Model;
using Interregnum.Reports;
using Interregnum.Runs;
using Interregnum.Scenarios;
using Interregnum.Store;

namespace Interregnum.Web;

/// <summary>The workbench's pages, rendered on the server as plain HTML (the script only adds live validation and runs).</summary>
internal static class Pages
{
    public static string Index(IReadOnlyList<string> scenarios, IReadOnlyList<RunSummary>? runs, IReadOnlyList<string>? cases = null)
    {
        var b = new StringBuilder();
        b.Append("<h1>Interregnum workbench</h1><section><h2>Scenarios</h2>");
        if (scenarios.Count == 0)
        {
            b.Append("<p>No .yaml scenario files in this folder.</p>");
        }
        else
        {
            b.Append("<ul class=\"scenarios\">");
            foreach (var name in scenarios)
            {
                b.Append("<li><a href=\"/scenario?file=").Append(WebUtility.UrlEncode(name)).Append("\">").Append(E(name)).Append("</a></li>");
            }

            b.Append("</ul>");
        }

        b.Append("</section>");
        b.Append(BacktestPanel(cases));
        b.Append("<section><h2>Stored runs</h2>");
        if (runs is null)
        {
            b.Append("<p>The run store cannot be opened.</p>");
        }
        else if (runs.Count == 0)
        {
            b.Append("<p>No stored runs yet.</p>");
        }
        else
        {
            b.Append("<table class=\"runs\"><thead><tr><th>Id</th><th>Kind</th><th>Scenario</th><th>Shock</th><th>Draws</th><th>Seed</th><th>Created (UTC)</th></tr></thead><tbody>");
            foreach (var r in runs)
            {
                b.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/runs/{r.Id}\">{r.Id}</a></td><td>{E(r.Kind.ToText())}</td><td>{E(r.ScenarioFile)}</td><td>{E(r.ShockId ?? "")}</td><td>{r.Draws}</td><td>{r.Seed}</td><td>{r.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}</td></tr>");
            }

            b.Append("</tbody></table>");
            b.Append("<form method=\"get\" action=\"/runs/diff\"><label>Compare run <input name=\"a\" type=\"number\" min=\"1\" required></label> <label>with run <input name=\"b\" type=\"number\" min=\"1\" required></label> <button type=\"submit\">Diff</button></form>");
        }

        b.Append("</section>");
        return Layout("Interregnum workbench", b.ToString());
    }

    /// <summary>The backtest form: draws, seed and the cases to run (none ticked: all), with a progress bar and cancel.</summary>
    private static string BacktestPanel(IReadOnlyList<string>? cases)
    {
        var b = new StringBuilder("<section id=\"backtest\"><h2>Backtest</h2>");
        if (cases is null || cases.Count == 0)
        {
            b.Append("<p>No backtest cases folder (start with <code>serve FOLDER --cases DIR</code>, or put a <code>backtests</code> folder beside FOLDER).</p></section>");
            return b.ToString();
        }

        b.Append("<p class=\"hint\">Scores the model and the rivals on the historical cases (docs/backtesting.md); tick cases to run only those, none for all. Draws are per case.</p>");
        b.Append("<form id=\"run-form\" data-action=\"/api/runs\"><input type=\"hidden\" name=\"kind\" value=\"backtest\">");
        b.Append(CultureInfo.InvariantCulture, $"<label>Draws <input name=\"draws\" type=\"number\" min=\"1\" max=\"{WorkbenchOptions.MaxDraws}\" value=\"500\"></label> ");
        b.Append("<label>Seed <input name=\"seed\" type=\"number\" min=\"0\" value=\"1\"></label> ");
        b.Append("<button id=\"run-button\" type=\"submit\">Run backtest</button> <button id=\"cancel\" type=\"button\" disabled>Cancel</button>");
        b.Append("<fieldset class=\"cases\"><legend>Cases</legend>");
        foreach (var c in cases)
        {
            b.Append("<label><input type=\"checkbox\" name=\"case\" value=\"").Append(E(c)).Append("\"> ").Append(E(c)).Append("</label> ");
        }

        b.Append("</fieldset></form>");
        b.Append("<progress id=\"progress\" max=\"1\" value=\"0\"></progress> <span id=\"run-status\" role=\"status\"></span><div id=\"result\"></div></section>");
        return b.ToString();
    }

    public static string Scenario(string file, string text, Scenario? scenario, IReadOnlyList<ScenarioError> errors)
    {
        var b = new StringBuilder();
        b.Append("<p><a href=\"/\">← all scenarios</a></p>");
        b.Append("<h1>").Append(E(scenario?.Title ?? file)).Append("</h1>");
        b.Append("<section id=\"edit\"><h2>Edit ").Append(E(file)).Append("</h2>");
        b.Append("<p class=\"hint\">Checked as you type, with the same messages as <code>interregnum validate</code>; saved only when it validates.</p>");
        b.Append("<div class=\"editor\"><pre id=\"gutter\" aria-hidden=\"true\"></pre><textarea id=\"editor\" spellcheck=\"false\" data-file=\"").Append(E(file)).Append("\">")
            .Append(E(text)).Append("</textarea></div>");
        b.Append("<p><button id=\"save\" type=\"button\">Save</button> <span id=\"status\" role=\"status\"></span></p>");
        b.Append("<ul id=\"problems\">");
        foreach (var e in errors)
        {
            b.Append(CultureInfo.InvariantCulture, $"<li data-line=\"{e.Line}\">{E(e.ToString())}</li>");
        }

        b.Append("</ul></section>");

        if (scenario is not null)
        {
            b.Append(Run(file, scenario));
            b.Append(Overview(scenario));
        }

        return Layout(scenario?.Title ?? file, b.ToString());
    }

    private static string Run(string file, Scenario s)
    {
        var b = new StringBuilder();
        b.Append("<section id=\"run\"><h2>Forecast</h2><form id=\"run-form\" data-action=\"/api/runs\">");
        b.Append("<input type=\"hidden\" name=\"file\" value=\"").Append(E(file)).Append("\">");
        b.Append("<label>Run <select name=\"kind\"><option value=\"simulate\">simulate one shock</option><option value=\"compare\">compare every shock</option><option value=\"sensitivity\">sensitivity of one shock (tornado)</option><option value=\"brief\">brief (HTML, every shock and sensitivity)</option></select></label> ");
        b.Append("<label>Shock <select name=\"shock\">");
        foreach (var shock in s.Shocks)
        {
            b.Append("<option value=\"").Append(E(shock.Id)).Append("\">").Append(E(shock.Label)).Append("</option>");
        }

        b.Append("</select></label> ");
        b.Append(CultureInfo.InvariantCulture, $"<label>Draws <input name=\"draws\" type=\"number\" min=\"1\" max=\"{WorkbenchOptions.MaxDraws}\" value=\"2000\"></label> ");
        b.Append("<label>Seed <input name=\"seed\" type=\"number\" min=\"0\" value=\"1\"></label> ");
        b.Append("<button id=\"run-button\" type=\"submit\">Run</button> <button id=\"cancel\" type=\"button\" disabled>Cancel</button></form>");
        b.Append("<progress id=\"progress\" max=\"1\" value=\"0\"></progress> <span id=\"run-status\" role=\"status\"></span>");
        b.Append("<div id=\"result\"></div></section>");
        return b.ToString();
    }

    private static string Overview(Scenario s)
    {
        var b = new StringBuilder();
        b.Append("<section id=\"actors\"><h2>Actors</h2><table><thead><tr><th>Id</th><th>Name</th><th>Role</th></tr></thead><tbody>");
        foreach (var a in s.Actors)
        {
            b.Append("<tr><td>").Append(E(a.Id)).Append("</td><td>").Append(E(a.Name)).Append("</td><td>").Append(E(a.Role ?? "")).Append("</td></tr>");
        }

        b.Append("</tbody></table><h2>Organizations</h2><table><thead><tr><th>Id</th><th>Name</th><th>Head</th></tr></thead><tbody>");
        foreach (var o in s.Organizations)
        {
            var head = o.Head is null ? "" : s.ActorById(o.Head).Name;
            b.Append("<tr><td>").Append(E(o.Id)).Append("</td><td>").Append(E(o.Name)).Append("</td><td>").Append(E(head)).Append("</td></tr>");
        }

        b.Append("</tbody></table></section>");

        var power = BriefBuilder.PowerTable(s);
        b.Append("<section id=\"power\"><h2>Power accounting</h2><p class=\"hint\">").Append(E(power.Unit)).Append("</p><table><thead><tr><th>Actor</th>");
        foreach (var i in power.Instruments)
        {
            b.Append("<th>").Append(E(i)).Append("</th>");
        }

        foreach (var p in power.Phases)
        {
            b.Append("<th>Capability, ").Append(E(p)).Append("</th>");
        }

        b.Append("</tr></thead><tbody>");
        foreach (var r in power.Rows)
        {
            b.Append("<tr><td>").Append(E(r.Actor)).Append("</td>");
            foreach (var v in r.Holdings.Concat(r.CapabilityByPhase))
            {
                b.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{v:0.000}</td>");
            }

            b.Append("</tr>");
        }

        b.Append("</tbody></table></section>");
        b.Append("<section id=\"network\"><h2>Elite network</h2><figure class=\"chart\" data-chart=\"network\">")
            .Append(ChartSvg.Network(BriefBuilder.Network(s), "network")).Append("</figure></section>");
        return b.ToString();
    }

    public static string StoredRun(RunRecord run)
    {
        var b = new StringBuilder();
        b.Append("<p><a href=\"/\">← workbench</a></p>");
        b.Append(CultureInfo.InvariantCulture, $"<h1>Stored run {run.Id}: {E(run.Kind.ToText())}</h1>");
        b.Append(CultureInfo.InvariantCulture, $"<p>Scenario {E(run.ScenarioFile)} (sha256 {E(run.ScenarioHash)}), shock {E(run.ShockId ?? "all")}, {run.Draws} draws, seed {run.Seed}, program {E(run.ProgramVersion)}.</p>");
        b.Append(CultureInfo.InvariantCulture, $"<section id=\"run\"><form id=\"run-form\" data-action=\"/api/rerun/{run.Id}\"><button id=\"run-button\" type=\"submit\">Re-run and check</button> <button id=\"cancel\" type=\"button\" disabled>Cancel</button></form>");
        b.Append("<progress id=\"progress\" max=\"1\" value=\"0\"></progress> <span id=\"run-status\" role=\"status\"></span><div id=\"result\"></div></section>");
        if (RunViews.Stored(run) is { } view)
        {
            b.Append("<section id=\"stored-result\"><h2>Result</h2>").Append(view).Append("</section>");
        }

        b.Append("<h2>Result document</h2><pre class=\"json\">").Append(E(run.ResultsJson)).Append("</pre>");
        return Layout("Run " + run.Id.ToString(CultureInfo.InvariantCulture), b.ToString());
    }

    public static string Diff(RunDiff diff)
    {
        var b = new StringBuilder();
        b.Append("<p><a href=\"/\">← workbench</a></p>");
        b.Append(CultureInfo.InvariantCulture, $"<h1>Run {diff.OldId} against run {diff.NewId}</h1>");
        if (diff.IsEmpty)
        {
            b.Append("<p id=\"diff-empty\">Same inputs, same numeric results.</p>");
        }

        b.Append("<h2>Inputs</h2>");
        if (diff.Inputs.Count == 0)
        {
            b.Append("<p>The same.</p>");
        }
        else
        {
            b.Append("<table id=\"diff-inputs\"><thead><tr><th>Input</th><th>Old</th><th>New</th></tr></thead><tbody>");
            foreach (var i in diff.Inputs)
            {
                b.Append("<tr><td>").Append(E(i.Field)).Append("</td><td>").Append(E(i.Old ?? "")).Append("</td><td>").Append(E(i.New ?? "")).Append("</td></tr>");
            }

            b.Append("</tbody></table>");
        }

        if (diff.Scenario is { } lines)
        {
            b.Append(CultureInfo.InvariantCulture, $"<h2>Scenario text</h2><p>{lines.LinesRemoved} lines removed, {lines.LinesAdded} added.</p><pre class=\"json\">");
            foreach (var c in lines.Changes)
            {
                b.Append(CultureInfo.InvariantCulture, $"{c.Sign} {c.LineNumber,5}  {E(c.Text)}\n");
            }

            b.Append("</pre>");
        }

        b.Append("<h2>Results</h2>");
        if (diff.Results.Count == 0)
        {
            b.Append("<p>No numeric result differs.</p>");
        }
        else
        {
            b.Append("<table id=\"diff-results\"><thead><tr><th>Result</th><th>Old</th><th>New</th><th>Change</th></tr></thead><tbody>");
            foreach (var r in diff.Results)
            {
                b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Path)}</td><td class=\"num\">{r.Old}</td><td class=\"num\">{r.New}</td><td class=\"num\">{r.Delta:+0.######;-0.######;0}</td></tr>");
            }

            b.Append("</tbody></table>");
        }

        return Layout("Diff", b.ToString());
    }

    private static string Layout(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>" + E(title) + "</title><link rel=\"stylesheet\" href=\"/assets/workbench.css\"><script src=\"/assets/workbench.js\" defer></script></head>" +
        "<body><main>" + body + "</main><footer>Interregnum: analytic forecasts of succession, power and policy. Served from this machine only.</footer></body></html>\n";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

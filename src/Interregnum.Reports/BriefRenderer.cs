using System.Net;
using System.Text;

namespace Interregnum.Reports;

/// <summary>
/// Renders a <see cref="BriefContent"/> as one self-contained HTML file: inline CSS, charts as inline SVG, no
/// external resources, every piece of text escaped. The output is a pure function of the content (no clock, no
/// randomness), so the same content renders to the same bytes.
/// </summary>
/// <remarks>
/// The page is XHTML-compatible (every element closed, every attribute quoted, no named entities beyond the XML
/// five) so that it also parses as XML. A small inline script checks, as the page loads, that every chart has
/// been drawn with a non-empty box and records the result on <c>body</c> as <c>data-charts-ok</c>; it also
/// counts script errors (<c>data-errors</c>) and resource requests (<c>data-external-requests</c>). The page
/// reads fully without it.
/// </remarks>
public static class BriefRenderer
{
    /// <summary>The brief's section ids, in the order they appear.</summary>
    public static IReadOnlyList<string> SectionIds { get; } =
    [
        "key-judgments", "candidates", "indicators", "external-forecasts",
        "scenario", "sources", "power", "network", "contested", "policy", "bargaining", "coalition", "shocks",
        "tornado", "importance", "value-of-information", "outside-view", "track-record", "methods",
    ];

    /// <summary>The sections of the two-screen summary the brief opens with; the rest form the appendix.</summary>
    public static IReadOnlyList<string> SummarySectionIds { get; } = ["key-judgments", "candidates", "indicators", "external-forecasts"];

    private static readonly string[] SectionTitles =
    [
        "Key judgments", "Who prevails", "Indicators to watch", "Other forecasts",
        "The question and the scenario", "Sources", "Who holds power", "The elite network",
        "A contested succession?", "Policy after the transition", "Why the actors moved", "Who is in, who is left out", "The shocks side by side",
        "The assumptions that matter", "Which uncertainties drive the answer", "What would change the judgment", "The outside view",
        "Track record", "Methods",
    ];

    /// <summary>Renders the brief.</summary>
    /// <param name="content">The brief's content.</param>
    /// <returns>The complete HTML document.</returns>
    /// <exception cref="ArgumentException">The content is inconsistent (the message lists every problem found).</exception>
    public static string Render(BriefContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = BriefValidation.Problems(content);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The brief's content is inconsistent: " + string.Join("; ", problems), nameof(content));
        }

        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n");
        html.Raw("<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        html.Raw("<meta name=\"generator\" content=\"Interregnum ").Text(content.Methods.ProgramVersion).Raw("\" />\n");
        html.Raw("<title>").Text(content.Title).Raw("</title>\n<style>").Raw(BriefAssets.Css).Raw("</style>\n");
        html.Raw("<script>//<![CDATA[\n").Raw(BriefAssets.ErrorCounter).Raw("\n//]]></script>\n</head>\n");
        html.Raw("<body data-brief=\"interregnum\">\n<main>\n");

        WriteHeader(html, content);

        // Two screens for a policymaker first: the judgments, the headline chart with the exit risk, what to watch and
        // what others forecast. Everything else follows as the appendix.
        html.Raw("<div id=\"summary\" class=\"summary\">\n");
        WriteKeyJudgments(html, content.KeyJudgments);
        WriteCandidates(html, content.Candidates, content.ExitRisk);
        WriteIndicators(html, content.Indicators);
        WriteExternalForecasts(html, content.ExternalForecasts);
        html.Raw("</div>\n<div id=\"appendix\" class=\"appendix\">\n<p class=\"appendix-title\">Appendix: the scenario, the model's reasoning and its checks</p>\n");
        WriteContents(html);
        WriteScenario(html, content);
        WriteSources(html, content.Sources);
        WritePower(html, content.Power);
        WriteNetwork(html, content.Network);
        WriteContested(html, content.Contested);
        WritePolicy(html, content.Policy);
        WriteBargaining(html, content.Bargaining);
        WriteCoalition(html, content.Coalition);
        WriteShocks(html, content.Shocks);
        WriteTornadoes(html, content.Tornadoes);
        WriteImportance(html, content.Importance);
        WriteValueOfInformation(html, content.ValueOfInformation);
        WriteOutsideView(html, content.OutsideView);
        WriteTrackRecord(html, content.TrackRecord);
        WriteMethods(html, content.Methods);
        html.Raw("</div>\n");

        html.Raw("</main>\n<script>//<![CDATA[\n").Raw(BriefAssets.ChartCheck).Raw("\n//]]></script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteHeader(HtmlWriter html, BriefContent content)
    {
        html.Raw("<header>\n<p class=\"kicker\">Interregnum brief · as of ").Text(content.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Raw("</p>\n");
        html.Raw("<h1>").Text(content.Title).Raw("</h1>\n");
        html.Raw("<p class=\"question\">").Text(content.Question).Raw("</p>\n</header>\n");
    }

    private static void WriteContents(HtmlWriter html)
    {
        html.Raw("<nav aria-label=\"Contents\"><ol>");
        for (var i = 0; i < SectionIds.Count; i++)
        {
            if (!SummarySectionIds.Contains(SectionIds[i]))
            {
                html.Raw("<li><a href=\"#").Text(SectionIds[i]).Raw("\">").Text(SectionTitles[i]).Raw("</a></li>");
            }
        }

        html.Raw("</ol></nav>\n");
    }

    private static void OpenSection(HtmlWriter html, string id, bool available)
    {
        var title = SectionTitles[SectionIds.ToList().IndexOf(id)];
        html.Raw("<section id=\"").Text(id).Raw("\" data-section=\"").Text(id).Raw("\" class=\"")
            .Raw(available ? "available" : "not-available").Raw("\">\n<h2>").Text(title).Raw("</h2>\n");
    }

    private static void CloseSection(HtmlWriter html) => html.Raw("</section>\n");

    /// <summary>Writes the section's heading and, when it is absent, the reason; returns the content or null.</summary>
    private static T? Open<T>(HtmlWriter html, string id, BriefSection<T> section)
        where T : class
    {
        OpenSection(html, id, section.IsAvailable);
        if (!section.IsAvailable)
        {
            html.Raw("<p class=\"missing\"><strong>Not available:</strong> ").Text(section.MissingReason ?? "no reason given").Raw("</p>\n");
            CloseSection(html);
        }

        return section.Content;
    }

    private static void WriteScenario(HtmlWriter html, BriefContent content)
    {
        OpenSection(html, "scenario", available: true);
        var paragraphs = content.ScenarioDescription.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Raw("<p>").Text(paragraph).Raw("</p>\n");
        }

        CloseSection(html);
    }

    private static void WriteSources(HtmlWriter html, BriefSection<IReadOnlyList<SourceEntry>> section)
    {
        if (Open(html, "sources", section) is not { } sources)
        {
            return;
        }

        html.Raw("<ol class=\"sources\">\n");
        foreach (var source in sources)
        {
            html.Raw("<li id=\"source-").Text(source.Id).Raw("\"><span class=\"source-id\">[").Text(source.Id).Raw("]</span> ").Text(source.Citation);
            if (source.Url is { } url)
            {
                html.Raw(" ");
                if (IsWebLink(url))
                {
                    // A link the reader may follow; never loaded by the page itself.
                    html.Raw("<a href=\"").Text(url).Raw("\" rel=\"noreferrer noopener\">").Text(url).Raw("</a>");
                }
                else
                {
                    html.Raw("<span class=\"url\">").Text(url).Raw("</span>");
                }
            }

            html.Raw("</li>\n");
        }

        html.Raw("</ol>\n");
        CloseSection(html);
    }

    private static void WritePower(HtmlWriter html, BriefSection<PowerTable> section)
    {
        if (Open(html, "power", section) is not { } power)
        {
            return;
        }

        html.Raw("<p class=\"note\">Instruments: ").Text(power.Unit).Raw(". Capability is the phase-weighted sum over instruments, held directly and through the organizations an actor heads.</p>\n");
        html.Raw("<div class=\"table-wrap\"><table class=\"power\">\n<thead><tr><th rowspan=\"2\">Actor</th><th colspan=\"")
            .Text(BriefFormat.Integer(power.Instruments.Count)).Raw("\">Instruments</th><th colspan=\"")
            .Text(BriefFormat.Integer(power.Phases.Count)).Raw("\">Capability by phase</th></tr>\n<tr>");
        foreach (var instrument in power.Instruments)
        {
            html.Raw("<th>").Text(instrument).Raw("</th>");
        }

        foreach (var phase in power.Phases)
        {
            html.Raw("<th class=\"phase\">").Text(phase).Raw("</th>");
        }

        html.Raw("</tr></thead>\n<tbody>\n");
        foreach (var row in power.Rows)
        {
            html.Raw("<tr><th scope=\"row\">").Text(row.Actor).Raw("</th>");
            foreach (var value in row.Holdings)
            {
                html.Raw("<td>").Text(BriefFormat.Number(value)).Raw("</td>");
            }

            foreach (var value in row.CapabilityByPhase)
            {
                html.Raw("<td class=\"phase\">").Text(BriefFormat.Number(value)).Raw("</td>");
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</tbody></table></div>\n");
        CloseSection(html);
    }

    private static void WriteNetwork(HtmlWriter html, BriefSection<EliteNetwork> section)
    {
        if (Open(html, "network", section) is not { } network)
        {
            return;
        }

        Figure(html, "network", BriefCharts.Network(network, "chart-network"),
            "Actors (circles, outer ring) and organizations (squares, inner ring), sized by capability. Ties are coloured by type and drawn thicker when stronger; dashed lines join a head to the organization it heads.");
        var labels = network.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        html.Raw("<details><summary>The ties as a table</summary>\n<table><thead><tr><th>From</th><th>To</th><th>Tie</th><th>Weight</th></tr></thead><tbody>\n");
        foreach (var tie in network.Ties)
        {
            html.Raw("<tr><td>").Text(labels[tie.From]).Raw("</td><td>").Text(labels[tie.To]).Raw("</td><td>").Text(tie.TieType)
                .Raw("</td><td>").Text(BriefFormat.Number(tie.Weight)).Raw("</td></tr>\n");
        }

        foreach (var head in network.HeadOf)
        {
            html.Raw("<tr><td>").Text(labels[head.Actor]).Raw("</td><td>").Text(labels[head.Organization]).Raw("</td><td>heads</td><td></td></tr>\n");
        }

        html.Raw("</tbody></table></details>\n");
        CloseSection(html);
    }

    private static void WriteCandidates(HtmlWriter html, BriefSection<IReadOnlyList<CandidateForecast>> section, ExitRiskSummary? exitRisk)
    {
        if (Open(html, "candidates", section) is not { } candidates)
        {
            return;
        }

        if (exitRisk is not null)
        {
            // Risk beside consequence: how likely the exit is at all, before who follows if it happens.
            html.Raw("<p class=\"headline\" data-exit-risk=\"").Raw(exitRisk.JudgmentShown ? "judgment" : "model").Raw("\">How likely the incumbent leaves office within 12 months: <strong>")
                .Text(BriefFormat.Percent(exitRisk.AnyWithin12Months)).Raw("</strong>, irregularly ").Text(BriefFormat.Percent(exitRisk.IrregularWithin12Months))
                .Raw(exitRisk.JudgmentShown ? " (the scenario's declared judgment)" : " (exit-risk model)").Raw(". The forecast below is conditional: who prevails if the incumbent goes.</p>\n");
            html.Raw("<details><summary>By manner of exit</summary>\n<table><thead><tr><th>Manner (model)</th><th>Within 12 months</th><th>90% interval</th></tr></thead><tbody>\n");
            foreach (var (manner, p, low, high) in exitRisk.Manners)
            {
                html.Raw("<tr><th scope=\"row\">").Text(manner).Raw("</th><td>").Text(BriefFormat.Percent(p)).Raw("</td><td>")
                    .Text(BriefFormat.Percent(low)).Raw(" – ").Text(BriefFormat.Percent(high)).Raw("</td></tr>\n");
            }

            html.Raw("</tbody></table>\n<p class=\"note\">").Text(exitRisk.Note).Raw("</p>\n</details>\n");
        }

        // The headline chart keeps to the candidates with a visible chance, so the summary fits two screens; the rest are
        // named under it and every candidate is in the table.
        var shown = candidates.Where(c => c.Probability >= MinimumCharted).ToList();
        var rest = BriefOrdering.ByProbability(candidates.Where(c => c.Probability < MinimumCharted).ToList());
        if (shown.Count == 0)
        {
            shown = [.. candidates];
            rest = [];
        }

        Figure(html, "candidates", BriefCharts.Candidates(shown, "chart-candidates"),
            "Bars: the probability that each candidate prevails. Whiskers: the 90% interval."
            + (rest.Count == 0 ? "" : " Below 1% each, not drawn: " + string.Join(", ", rest.Select(c => c.Name + " " + BriefFormat.Percent(c.Probability))) + "."));
        html.Raw("<details><summary>The numbers</summary>\n<table><thead><tr><th>Candidate</th><th>Probability</th><th>90% interval</th><th>MC standard error</th></tr></thead><tbody>\n");
        foreach (var c in BriefOrdering.ByProbability(candidates))
        {
            html.Raw("<tr><th scope=\"row\">").Text(c.Name).Raw("</th><td>").Text(BriefFormat.Percent(c.Probability)).Raw("</td><td>")
                .Text(BriefFormat.Percent(c.Low90)).Raw(" – ").Text(BriefFormat.Percent(c.High90)).Raw("</td><td>")
                .Text(BriefFormat.Percent(c.StandardError)).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n</details>\n");
        CloseSection(html);
    }

    /// <summary>Candidates below this probability are named under the headline chart rather than drawn.</summary>
    private const double MinimumCharted = 0.01;

    private static void WriteContested(HtmlWriter html, BriefSection<ContestedForecast> section)
    {
        if (Open(html, "contested", section) is not { } contested)
        {
            return;
        }

        html.Raw("<p class=\"headline\">Probability of a contested succession: <strong>").Text(BriefFormat.Percent(contested.Probability))
            .Raw("</strong> (90% interval ").Text(BriefFormat.Percent(contested.Low90)).Raw(" – ").Text(BriefFormat.Percent(contested.High90)).Raw(").</p>\n");
        html.Raw("<p class=\"note\">A succession counts as contested when ").Text(contested.ThresholdMeaning).Raw(" reaches the declared threshold of <strong>")
            .Text(BriefFormat.Number(contested.Threshold)).Raw("</strong>.</p>\n");
        CloseSection(html);
    }

    private static void WritePolicy(HtmlWriter html, BriefSection<IReadOnlyList<PolicyForecast>> section)
    {
        if (Open(html, "policy", section) is not { } policy)
        {
            return;
        }

        Figure(html, "policy", BriefCharts.Policy(policy, "chart-policy"),
            "Each row is an issue dimension on a 0–100 scale. The box spans the 90% interval (5th to 95th percentile) with the median inside; the diamond is the mean; the red bar is the status quo before the shock.");
        html.Raw("<table><thead><tr><th>Dimension</th><th>0 means</th><th>100 means</th><th>Status quo</th><th>Mean</th><th>5%</th><th>Median</th><th>95%</th><th>Mean shift</th></tr></thead><tbody>\n");
        foreach (var d in policy)
        {
            html.Raw("<tr><th scope=\"row\">").Text(d.Dimension).Raw("</th><td>").Text(d.LowEndLabel).Raw("</td><td>").Text(d.HighEndLabel)
                .Raw("</td><td>").Text(BriefFormat.Position(d.StatusQuo)).Raw("</td><td>").Text(BriefFormat.Position(d.Mean))
                .Raw("</td><td>").Text(BriefFormat.Position(d.P5)).Raw("</td><td>").Text(BriefFormat.Position(d.P50))
                .Raw("</td><td>").Text(BriefFormat.Position(d.P95)).Raw("</td><td>").Text(BriefFormat.Signed(d.Mean - d.StatusQuo)).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
        var withHistogram = policy.Select((d, i) => (d, i)).Where(x => x.d.Histogram is { Count: > 0 }).ToList();
        if (withHistogram.Count > 0)
        {
            html.Raw("<div class=\"small-multiples\">\n");
            foreach (var (d, i) in withHistogram)
            {
                var id = "policy-histogram-" + BriefFormat.Integer(i + 1);
                Figure(html, id, BriefCharts.PolicyHistogram(d, "chart-" + id), "Draws for " + d.Dimension + "; the red line is the status quo.");
            }

            html.Raw("</div>\n");
        }

        CloseSection(html);
    }

    private static void WriteCoalition(HtmlWriter html, BriefSection<CoalitionForecast> section)
    {
        if (Open(html, "coalition", section) is not { } coalition)
        {
            return;
        }

        html.Raw("<p class=\"headline\">Collective leadership: <strong>").Text(BriefFormat.Percent(coalition.Collective))
            .Raw("</strong>. The first winner displaced within two years: <strong>").Text(BriefFormat.Percent(coalition.WinnerDisplaced))
            .Raw("</strong> (90% interval ").Text(BriefFormat.Percent(coalition.WinnerDisplacedLow90)).Raw(" – ").Text(BriefFormat.Percent(coalition.WinnerDisplacedHigh90)).Raw(").</p>\n");
        var blended = coalition.Actors.Any(a => a.ExcludedBlended is not null);
        html.Raw("<table><thead><tr><th>Actor</th><th>In the ruling coalition</th><th>90% interval</th>")
            .Raw(blended ? "<th>Left out within two years (blended with the base rate)</th><th>Left out: model only</th>" : "<th>Left out within two years</th>")
            .Raw("<th>Displaces the winner</th></tr></thead><tbody>\n");
        foreach (var a in coalition.Actors)
        {
            html.Raw("<tr><th scope=\"row\">").Text(a.Name).Raw("</th><td>").Text(BriefFormat.Percent(a.InCoalition))
                .Raw("</td><td>").Text(BriefFormat.Percent(a.Low90)).Raw(" – ").Text(BriefFormat.Percent(a.High90));
            if (blended)
            {
                html.Raw("</td><td class=\"risk\">").Text(a.ExcludedBlended is { } xb ? BriefFormat.Percent(xb) : a.Excluded is null ? "left office" : "—");
            }

            html.Raw("</td><td class=\"risk\">").Text(a.Excluded is { } x ? BriefFormat.Percent(x) : "left office")
                .Raw("</td><td>").Text(BriefFormat.Percent(a.Displaces)).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n");
        html.Raw("<p class=\"note\">").Text(coalition.Method).Raw("</p>\n");
        CloseSection(html);
    }

    private static void WriteShocks(HtmlWriter html, BriefSection<IReadOnlyList<ShockOutcome>> section)
    {
        if (Open(html, "shocks", section) is not { } shocks)
        {
            return;
        }

        Figure(html, "shocks", BriefCharts.Shocks(shocks, "chart-shocks"),
            "For each shock: the probability that each candidate prevails and, in red, the probability of a contested succession (the risk).");
        var candidates = BriefOrdering.CandidateNames(shocks);
        var dimensions = BriefOrdering.DimensionNames(shocks);
        html.Raw("<h3>Who prevails, and the risk of a fight</h3>\n<div class=\"table-wrap\"><table><thead><tr><th>Shock</th>");
        foreach (var name in candidates)
        {
            html.Raw("<th>").Text(name).Raw("</th>");
        }

        html.Raw("<th>Contested</th></tr></thead><tbody>\n");
        foreach (var shock in shocks)
        {
            html.Raw("<tr><th scope=\"row\">").Text(shock.Label).Raw("</th>");
            foreach (var name in candidates)
            {
                var share = shock.Candidates.FirstOrDefault(c => c.Name == name);
                html.Raw("<td>").Text(share is null ? "–" : BriefFormat.Percent(share.Probability)).Raw("</td>");
            }

            html.Raw("<td class=\"risk\">").Text(BriefFormat.Percent(shock.ContestedProbability)).Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table></div>\n<h3>Where policy moves</h3>\n<div class=\"table-wrap\"><table><thead><tr><th rowspan=\"2\">Shock</th>");
        foreach (var dimension in dimensions)
        {
            html.Raw("<th colspan=\"2\">").Text(dimension).Raw("</th>");
        }

        html.Raw("</tr>\n<tr>");
        foreach (var _ in dimensions)
        {
            html.Raw("<th>Mean shift</th><th>P(toward high end)</th>");
        }

        html.Raw("</tr></thead><tbody>\n");
        foreach (var shock in shocks)
        {
            html.Raw("<tr><th scope=\"row\">").Text(shock.Label).Raw("</th>");
            foreach (var dimension in dimensions)
            {
                var shift = shock.Shifts.FirstOrDefault(s => s.Dimension == dimension);
                html.Raw("<td>").Text(shift is null ? "–" : BriefFormat.Signed(shift.MeanShift)).Raw("</td><td>")
                    .Text(shift is null ? "–" : BriefFormat.Percent(shift.ProbabilityTowardHighEnd)).Raw("</td>");
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</tbody></table></div>\n<p class=\"note\">Mean shift: mean new position minus the status quo, in points on the 0–100 scale. P(toward high end): the probability that the dimension ends above the status quo (for a hostility dimension: more hostile).</p>\n");
        CloseSection(html);
    }

    private static void WriteTornadoes(HtmlWriter html, BriefSection<IReadOnlyList<Tornado>> section)
    {
        if (Open(html, "tornado", section) is not { } tornadoes)
        {
            return;
        }

        html.Raw("<p class=\"note\">One input at a time is set to its low and its high value (the methods say how the others are treated); the bars show how far the output moves from its base value. The longest bars are the assumptions worth checking first.</p>\n");
        for (var t = 0; t < tornadoes.Count; t++)
        {
            var tornado = tornadoes[t];
            var id = "tornado-" + BriefFormat.Integer(t + 1);
            html.Raw("<h3>").Text(tornado.OutputName).Raw("</h3>\n");
            Figure(html, id, BriefCharts.Tornado(tornado, "chart-" + id),
                "Tornado for " + tornado.OutputName + " (base " + BriefFormat.Number(tornado.BaseValue) + "), inputs sorted by swing.");
            html.Raw("<table><thead><tr><th>Input</th><th>Input's base value</th><th>Output at low</th><th>Output at high</th><th>Swing</th></tr></thead><tbody>\n");
            foreach (var input in BriefOrdering.BySwing(tornado.Inputs))
            {
                html.Raw("<tr><th scope=\"row\">").Text(input.Label).Raw("</th><td>").Text(input.InputBaseValue is { } b ? BriefFormat.Number(b) : "–")
                    .Raw("</td><td>").Text(BriefFormat.Number(input.LowSwingValue)).Raw("</td><td>").Text(BriefFormat.Number(input.HighSwingValue))
                    .Raw("</td><td>").Text(BriefFormat.Number(Math.Abs(input.HighSwingValue - input.LowSwingValue))).Raw("</td></tr>\n");
            }

            html.Raw("</tbody></table>\n");
        }

        CloseSection(html);
    }

    private static void WriteKeyJudgments(HtmlWriter html, BriefSection<IReadOnlyList<KeyJudgmentEntry>> section)
    {
        if (Open(html, "key-judgments", section) is not { } judgments)
        {
            return;
        }

        html.Raw("<p class=\"note\">Estimative words of ICD 203 with the number; the range is the 5th–95th percentile across the uncertain inputs; Monte Carlo precision apart.</p>\n<ol class=\"key-judgments\">\n");
        foreach (var j in judgments)
        {
            html.Raw("<li data-confidence=\"").Text(j.Confidence).Raw("\">").Text(j.Sentence).Raw(" <span class=\"precision\">(Monte Carlo standard error ")
                .Text(BriefFormat.Percent(j.MonteCarloError)).Raw(".)</span></li>\n");
        }

        html.Raw("</ol>\n");
        CloseSection(html);
    }

    private static void WriteValueOfInformation(HtmlWriter html, BriefSection<ValueOfInformationTable> section)
    {
        if (Open(html, "value-of-information", section) is not { } voi)
        {
            return;
        }

        html.Raw("<p>").Text(voi.Question).Raw(": learning every uncertain input exactly would be worth ").Text(BriefFormat.Number(voi.Evpi))
            .Raw(" nats of expected log score, and would raise the chance of naming the winner by ").Text(BriefFormat.Position(voi.EvpiNamedLeader * 100))
            .Raw(" percentage points. Per input, the most valuable first:</p>\n<table><thead><tr><th>Input</th><th>Value (nats)</th><th>Naming the winner (points)</th><th>The leader changes</th></tr></thead><tbody>\n");
        foreach (var e in voi.Entries)
        {
            html.Raw("<tr><th scope=\"row\">").Text(e.Input).Raw("</th><td>").Text(BriefFormat.Number(e.LogScore)).Raw("</td><td>")
                .Text(BriefFormat.Position(e.NamedLeader * 100)).Raw("</td><td>").Text(e.Switch ?? "not within its range").Raw("</td></tr>\n");
        }

        html.Raw("</tbody></table>\n<p class=\"method\">").Text(voi.Method).Raw("</p>\n");
        CloseSection(html);
    }

    private static void WriteIndicators(HtmlWriter html, BriefSection<IReadOnlyList<IndicatorEntry>> section)
    {
        if (Open(html, "indicators", section) is not { } indicators)
        {
            return;
        }

        html.Raw("<p class=\"note\">Public signs tied to the inputs that matter most, most valuable first. If seen: the forecast over the draws with the input on the sign's side of its median.</p>\n<ol class=\"indicators\">\n");
        for (var n = 0; n < indicators.Count; n++)
        {
            if (n == IndicatorsInSummary)
            {
                // The summary keeps to two screens: the most valuable signs are shown, the rest folded under them.
                html.Raw("</ol>\n<details><summary>").Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{indicators.Count - n} more, of less value"))
                    .Raw("</summary>\n<ol class=\"indicators\" start=\"").Text((n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("\">\n");
            }

            var i = indicators[n];
            html.Raw("<li><span class=\"sign\">").Text(i.Description).Raw("</span>");
            if (i.Source is { } source)
            {
                html.Raw(" <a class=\"source-ref\" href=\"#source-").Text(source).Raw("\">[").Text(source).Raw("]</a>");
            }

            html.Raw("<br />If seen: <strong>").Text(i.Shift).Raw("</strong>. <span class=\"note\">Bears on ").Text(i.Input).Raw(i.Direction == "raises" ? " (higher)" : " (lower)")
                .Raw("; value of information ").Text(BriefFormat.Number(i.ValueOfInformation)).Raw(" nats.</span></li>\n");
        }

        html.Raw(indicators.Count > IndicatorsInSummary ? "</ol>\n</details>\n" : "</ol>\n");
        CloseSection(html);
    }

    /// <summary>How many indicators the summary shows open; the rest are folded under them.</summary>
    public const int IndicatorsInSummary = 2;

    private static void WriteBargaining(HtmlWriter html, BriefSection<BargainingSummary> section)
    {
        if (Open(html, "bargaining", section) is not { } summary)
        {
            return;
        }

        html.Raw("<p>").Text(summary.Game).Raw("</p>\n<ul class=\"bargaining\">\n");
        foreach (var line in summary.Lines)
        {
            html.Raw("<li>").Text(line).Raw("</li>\n");
        }

        html.Raw("</ul>\n");
        CloseSection(html);
    }

    private static void WriteExternalForecasts(HtmlWriter html, BriefSection<IReadOnlyList<ExternalForecastEntry>> section)
    {
        if (Open(html, "external-forecasts", section) is not { } forecasts)
        {
            return;
        }

        // A list rather than a table, so long questions do not stretch narrow columns: the summary stays within two screens.
        html.Raw("<p class=\"note\">Other forecasts of these questions (markets, forecasting platforms, expert surveys), as the scenario cites them, beside the model's number.</p>\n<ol class=\"indicators external\">\n");
        foreach (var f in forecasts)
        {
            html.Raw("<li>");
            if (f.Url is { } url && IsWebLink(url))
            {
                html.Raw("<a href=\"").Text(url).Raw("\" rel=\"noreferrer\">").Text(f.Source).Raw("</a>");
            }
            else
            {
                html.Text(f.Source);
            }

            html.Raw(", ").Text(f.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Raw(": <strong>")
                .Text(BriefFormat.Percent(f.Probability)).Raw("</strong>. ").Text(f.Comparison).Raw(".<br /><span class=\"note\">").Text(f.Question).Raw("</span></li>\n");
        }

        html.Raw("</ol>\n");
        CloseSection(html);
    }

    private static void WriteImportance(HtmlWriter html, BriefSection<IReadOnlyList<VarianceImportance>> section)
    {
        if (Open(html, "importance", section) is not { } importance)
        {
            return;
        }

        foreach (var output in importance)
        {
            html.Raw("<h3>").Text(output.OutputName).Raw("</h3>\n<table><thead><tr><th>Input</th><th>").Text(output.IndexName)
                .Raw("</th><th>Interval</th><th class=\"bar-cell\">Share of variance</th></tr></thead><tbody>\n");
            foreach (var entry in output.Entries.OrderByDescending(e => e.Index))
            {
                var width = Math.Clamp(entry.Index, 0, 1) * 100;
                html.Raw("<tr><th scope=\"row\">").Text(entry.Input).Raw("</th><td>").Text(BriefFormat.Number(entry.Index))
                    .Raw("</td><td>").Text(BriefFormat.Number(entry.Low)).Raw(" – ").Text(BriefFormat.Number(entry.High))
                    .Raw("</td><td class=\"bar-cell\"><span class=\"bar\" style=\"width:").Text(BriefFormat.Position(width)).Raw("%\"></span></td></tr>\n");
            }

            html.Raw("</tbody></table>\n");
        }

        CloseSection(html);
    }

    private static void WriteOutsideView(HtmlWriter html, BriefSection<OutsideView> section)
    {
        if (Open(html, "outside-view", section) is not { } view)
        {
            return;
        }

        html.Raw("<p>Reference class: ").Text(view.ReferenceClass).Raw(". Intervals: ").Text(view.IntervalMethod).Raw(".</p>\n");
        Figure(html, "base-rates", BriefCharts.BaseRates(view.Rates, "chart-base-rates"),
            "Dots: how often each outcome followed in the historical cases of the reference class (k of n cases). Whiskers: the interval.");
        var notes = view.Rates.Any(r => !string.IsNullOrEmpty(r.Note));
        html.Raw("<table><thead><tr><th>Outcome</th><th>k</th><th>n</th><th>Rate</th><th>Interval</th>").Raw(notes ? "<th>Note</th>" : "").Raw("</tr></thead><tbody>\n");
        foreach (var rate in view.Rates)
        {
            html.Raw("<tr><th scope=\"row\">").Text(rate.Label).Raw("</th><td>").Text(BriefFormat.Integer(rate.K)).Raw("</td><td>").Text(BriefFormat.Integer(rate.N))
                .Raw("</td><td>").Text(BriefFormat.Percent(rate.Rate)).Raw("</td><td>").Text(BriefFormat.Percent(rate.Low)).Raw(" – ").Text(BriefFormat.Percent(rate.High))
                .Raw("</td>");
            if (notes)
            {
                html.Raw("<td>").Text(rate.Note ?? string.Empty).Raw("</td>");
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
        CloseSection(html);
    }

    private static void WriteTrackRecord(HtmlWriter html, BriefSection<ScoreTable> section)
    {
        if (Open(html, "track-record", section) is not { } scores)
        {
            return;
        }

        html.Raw("<p>").Text(scores.Description).Raw("</p>\n<table><thead><tr>");
        foreach (var column in scores.Columns)
        {
            html.Raw("<th>").Text(column).Raw("</th>");
        }

        html.Raw("</tr></thead><tbody>\n");
        foreach (var row in scores.Rows)
        {
            html.Raw("<tr>");
            foreach (var cell in row)
            {
                html.Raw("<td>").Text(cell).Raw("</td>");
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n");
        CloseSection(html);
    }

    private static void WriteMethods(HtmlWriter html, MethodsNote methods)
    {
        OpenSection(html, "methods", available: true);
        html.Raw("<ul>\n");
        foreach (var model in methods.Models)
        {
            html.Raw("<li>").Text(model).Raw("</li>\n");
        }

        html.Raw("</ul>\n<table class=\"methods\"><tbody>\n");
        Row(html, "Seed", methods.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(html, "Monte Carlo draws", BriefFormat.Integer(methods.Draws));
        Row(html, "Scenario hash", methods.ScenarioHash);
        Row(html, "Program version", methods.ProgramVersion);
        html.Raw("</tbody></table>\n");
        if (methods.Parameters.Count > 0)
        {
            html.Raw("<h3>Parameters</h3>\n<table class=\"methods\"><tbody>\n");
            foreach (var parameter in methods.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Row(html, parameter.Key, parameter.Value);
            }

            html.Raw("</tbody></table>\n");
        }

        html.Raw("<p class=\"note\">The same scenario, seed and draws reproduce these results exactly.</p>\n");
        CloseSection(html);
    }

    private static void Row(HtmlWriter html, string name, string value) =>
        html.Raw("<tr><th scope=\"row\">").Text(name).Raw("</th><td><code>").Text(value).Raw("</code></td></tr>\n");

    private static void Figure(HtmlWriter html, string name, string svg, string caption) =>
        html.Raw("<figure class=\"chart\" data-chart=\"").Text(name).Raw("\">\n").Raw(svg).Raw("\n<figcaption>").Text(caption).Raw("</figcaption>\n</figure>\n");

    private static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Appends markup as is (<see cref="Raw"/>) or text escaped for HTML and XML (<see cref="Text"/>).</summary>
    private sealed class HtmlWriter
    {
        private readonly StringBuilder _builder = new(64 * 1024);

        public HtmlWriter Raw(string markup)
        {
            _builder.Append(markup);
            return this;
        }

        public HtmlWriter Text(string text)
        {
            // HtmlEncode escapes < > & " ' and writes non-ASCII as numeric references, which HTML and XML both read.
            _builder.Append(WebUtility.HtmlEncode(text));
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}

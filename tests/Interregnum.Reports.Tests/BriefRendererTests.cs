using System.Text;
using System.Xml;
using System.Xml.Linq;
using Xunit;

namespace Interregnum.Reports.Tests;

public sealed class BriefRendererTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Charts the Russia example must carry: network, candidates, policy, one histogram (only the first dimension
    // has draws), shocks, two tornadoes, base rates.
    private static readonly string[] ExpectedCharts =
        ["candidates", "network", "policy", "policy-histogram-1", "shocks", "tornado-1", "tornado-2", "base-rates"];

    private static readonly Lazy<string> RussiaHtml = new(() => BriefRenderer.Render(RussiaExample.Build()));

    internal static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    /// <summary>
    /// The data cells of the row headed <paramref name="rowHeader"/> in the one table that mentions
    /// <paramref name="tableMarker"/> (a column header or a row header), so a number is checked where it belongs.
    /// </summary>
    private static List<string> RowCells(XDocument document, string tableMarker, string rowHeader)
    {
        var table = document.Descendants(Xhtml + "table")
            .Single(t => t.Descendants(Xhtml + "th").Any(th => th.Value == tableMarker));
        var row = table.Descendants(Xhtml + "tr")
            .Single(tr => tr.Elements(Xhtml + "th").Any(th => th.Value == rowHeader));
        return [.. row.Elements(Xhtml + "td").Select(td => td.Value)];
    }

    [Fact]
    public void Render_RussiaExample_ParsesAsXml()
    {
        // Given the Russia example / When rendered / Then the page is well-formed (XHTML-compatible) XML
        var document = Parse(RussiaHtml.Value);

        Assert.Equal(Xhtml + "html", document.Root!.Name);
        Assert.Single(document.Descendants(Xhtml + "body"));
    }

    [Fact]
    public void Render_RussiaExample_HasEverySectionInOrder()
    {
        var document = Parse(RussiaHtml.Value);

        var sections = document.Descendants(Xhtml + "section").Select(s => (string)s.Attribute("id")!).ToList();
        Assert.Equal(BriefRenderer.SectionIds, sections);
        var trackRecord = document.Descendants(Xhtml + "section").Single(s => (string)s.Attribute("id")! == "track-record");
        Assert.Equal("not-available", (string)trackRecord.Attribute("class")!);
        Assert.Contains("no earlier forecasts of this scenario have been resolved yet", trackRecord.Value, StringComparison.Ordinal);
        foreach (var id in BriefRenderer.SectionIds.Where(id => id != "track-record"))
        {
            var section = document.Descendants(Xhtml + "section").Single(s => (string)s.Attribute("id")! == id);
            Assert.Equal("available", (string)section.Attribute("class")!);
        }
    }

    [Fact]
    public void Render_RussiaExample_CarriesEveryChartAsNonEmptySvg()
    {
        var document = Parse(RussiaHtml.Value);

        var figures = document.Descendants(Xhtml + "figure").ToList();
        Assert.Equal(ExpectedCharts, figures.Select(f => (string)f.Attribute("data-chart")!));
        foreach (var figure in figures)
        {
            var svg = Assert.Single(figure.Elements(Svg + "svg"));
            Assert.True((double)svg.Attribute("width")! > 100, "chart " + (string)figure.Attribute("data-chart")! + " is too narrow");
            Assert.True((double)svg.Attribute("height")! > 100, "chart " + (string)figure.Attribute("data-chart")! + " is too short");
            var drawing = svg.Descendants().Count(e => e.Name == Svg + "path" || e.Name == Svg + "rect" || e.Name == Svg + "text");
            Assert.True(drawing > 10, $"chart {(string)figure.Attribute("data-chart")!} has only {drawing} drawing elements");
            Assert.False(string.IsNullOrWhiteSpace(svg.Element(Svg + "title")?.Value));
        }
    }

    [Fact]
    public void Render_RussiaExample_ChartsShowTheirData()
    {
        var document = Parse(RussiaHtml.Value);

        // Every candidate's name and every node's label is drawn as text in its chart.
        var candidates = ChartText(document, "candidates");
        foreach (var name in RussiaExample.CandidateNames)
        {
            Assert.Contains(name, candidates, StringComparison.Ordinal);
        }

        // The value labels on the bars are the probabilities as percentages (0.312 -> 31.2%).
        Assert.Contains("31.2%", candidates, StringComparison.Ordinal);
        var network = ChartText(document, "network");
        foreach (var node in RussiaExample.Build().Network.Content!.Nodes)
        {
            Assert.Contains(node.Label, network, StringComparison.Ordinal);
        }

        foreach (var tieType in new[] { "family", "patronage", "rivalry", "shared background", "heads" })
        {
            Assert.Contains(tieType, network, StringComparison.Ordinal);
        }

        var shocks = ChartText(document, "shocks");
        foreach (var shock in RussiaExample.ShockNames)
        {
            Assert.Contains(shock, shocks, StringComparison.Ordinal);
        }

        var policy = ChartText(document, "policy");
        foreach (var dimension in RussiaExample.DimensionNames)
        {
            Assert.Contains(dimension, policy, StringComparison.Ordinal);
        }

        Assert.Contains("status quo", policy, StringComparison.Ordinal);
        Assert.Contains("Loyalty of the National Guard to its commander", ChartText(document, "tornado-1"), StringComparison.Ordinal);
        Assert.Contains("38/52", ChartText(document, "base-rates"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RussiaExample_TablesShowTheNumbers()
    {
        var document = Parse(RussiaHtml.Value);
        var text = document.Root!.Value;

        // 0.312 with interval 0.271-0.355 and SE 0.0046, printed as percentages with one decimal, in that
        // candidate's own row of the candidate table (probability, 90% interval, MC standard error).
        Assert.Equal(["31.2%", "27.1% – 35.5%", "0.5%"], RowCells(document, "MC standard error", RussiaExample.CandidateNames[0]));
        // Contested: 0.234 (0.198-0.272), threshold 0.25.
        Assert.Contains("23.4%", text, StringComparison.Ordinal);
        Assert.Contains("19.8% – 27.2%", text, StringComparison.Ordinal);
        // Hostility: mean 78.4 against a status quo of 82: shift -3.6.
        Assert.Contains("-3.6", text, StringComparison.Ordinal);
        // Base rate 38/52 = 73.1%, Wilson interval 59.8%-83.2%.
        Assert.Contains("73.1%", text, StringComparison.Ordinal);
        Assert.Contains("59.8% – 83.2%", text, StringComparison.Ordinal);
        // Methods: seed, draws, hash, parameters in name order.
        Assert.Equal(["20261101"], RowCells(document, "Seed", "Seed"));
        Assert.Equal(["10000"], RowCells(document, "Monte Carlo draws", "Monte Carlo draws"));
        Assert.Contains("sha256:9f2c4e1a", text, StringComparison.Ordinal);
        var parameters = new[] { "bargaining.model", "bargaining.rounds", "contest.threshold", "phase.weights.first_days" }
            .Select(p => text.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.All(parameters, i => Assert.True(i >= 0));
        Assert.Equal(parameters.Order(), parameters);
    }

    [Fact]
    public void Render_TextWithMarkup_StaysInert()
    {
        // Given script tags and quotes in every kind of text the brief shows
        const string Evil = "<script>alert('x')</script>\"&";
        var content = RussiaExample.Build();
        content = content with
        {
            Title = "T " + Evil,
            Question = "Q " + Evil,
            ScenarioDescription = "D " + Evil,
            Sources = BriefSection.Available<IReadOnlyList<SourceEntry>>([new("S" + Evil, "C " + Evil, "https://example.org/?a=1&b=\"><script>")]),
            Candidates = BriefSection.Available<IReadOnlyList<CandidateForecast>>([new("N " + Evil, 1, 1, 1, 0)]),
            Network = BriefSection.Available(new EliteNetwork([new("a", "L " + Evil, NetworkNodeKind.Actor, 1), new("b", "B", NetworkNodeKind.Actor, 1)], [new("a", "b", "tie " + Evil, 1)], [])),
            TrackRecord = BriefSection.NotAvailable<ScoreTable>("R " + Evil),
            Indicators = BriefSection.Available<IReadOnlyList<IndicatorEntry>>([new("I " + Evil, "In " + Evil, "raises", "Sh " + Evil, 0.1, "So " + Evil)]),
            ExternalForecasts = BriefSection.Available<IReadOnlyList<ExternalForecastEntry>>([new("E " + Evil, new DateOnly(2024, 1, 1), "EQ " + Evil, 0.5, "javascript:alert(1)", null, "EC " + Evil)]),
        };

        // When rendered
        var html = BriefRenderer.Render(content);
        var document = Parse(html);

        // Then the only scripts are the brief's own two, and the text reads back exactly as given
        Assert.Equal(2, document.Descendants(Xhtml + "script").Count());
        Assert.Equal(2, CountOccurrences(html, "<script"));
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "script" && e.Name.Namespace == Svg);
        var text = document.Root!.Value;
        foreach (var prefix in new[] { "T ", "Q ", "D ", "C ", "N ", "L ", "tie ", "R ", "I ", "In ", "Sh ", "So ", "E ", "EQ ", "EC " })
        {
            Assert.Contains(prefix + Evil, text, StringComparison.Ordinal);
        }

        var link = Assert.Single(document.Descendants(Xhtml + "a"), a => ((string)a.Attribute("href")!).StartsWith("https:", StringComparison.Ordinal));
        Assert.Equal("https://example.org/?a=1&b=\"><script>", (string)link.Attribute("href")!);
    }

    [Fact]
    public void Render_RussiaExample_LoadsNothingFromOutside()
    {
        var html = RussiaHtml.Value;
        var document = Parse(html);

        Assert.DoesNotContain(document.Descendants(), e => e.Attribute("src") is not null);
        Assert.Empty(document.Descendants(Xhtml + "link"));
        Assert.Empty(document.Descendants(Xhtml + "iframe"));
        Assert.Empty(document.Descendants(Xhtml + "object"));
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(http", html, StringComparison.Ordinal);
        // Inside charts, references point only at the chart's own elements.
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        foreach (var element in document.Descendants().Where(e => e.Name.Namespace == Svg))
        {
            var href = (string?)element.Attribute("href") ?? (string?)element.Attribute(xlink + "href");
            Assert.True(href is null || href.StartsWith('#'), "chart element refers to " + href);
        }

        // Links in the page are in-page anchors or sources a reader may follow; the page never fetches them.
        Assert.All(document.Descendants(Xhtml + "a"), a => Assert.Matches("^(#|https?://)", (string)a.Attribute("href")!));
        // The file: URL in the sources is shown as text, not as a link.
        Assert.DoesNotContain("href=\"file:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RussiaExample_ElementIdsAreUnique()
    {
        var document = Parse(RussiaHtml.Value);

        var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        // Every in-chart reference resolves to an element in the same chart.
        foreach (var svg in document.Descendants(Svg + "svg"))
        {
            var own = svg.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var reference in svg.Descendants().Select(e => (string?)e.Attribute("clip-path")).OfType<string>())
            {
                Assert.Contains(reference["url(#".Length..^1], own);
            }
        }
    }

    [Fact]
    public void Render_RussiaExample_StaysUnderFiveMegabytes()
    {
        var bytes = Encoding.UTF8.GetByteCount(RussiaHtml.Value);

        Assert.InRange(bytes, 50_000, 5 * 1024 * 1024);
    }

    [Fact]
    public void Render_SameContentTwice_GivesIdenticalOutput()
    {
        // Given the same content rendered twice, with other charts drawn in between (ScottPlot numbers its
        // SVG clip paths from a process-wide counter; the brief must not depend on it)
        var first = BriefRenderer.Render(RussiaExample.Build());
        _ = BriefRenderer.Render(RussiaExample.Build() with { Policy = BriefSection.NotAvailable<IReadOnlyList<PolicyForecast>>("x") });
        var second = BriefRenderer.Render(RussiaExample.Build());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_AllOptionalSectionsAbsent_SaysWhyForEach()
    {
        var full = RussiaExample.Build();
        var bare = full with
        {
            Sources = BriefSection.NotAvailable<IReadOnlyList<SourceEntry>>("why sources"),
            Power = BriefSection.NotAvailable<PowerTable>("why power"),
            Network = BriefSection.NotAvailable<EliteNetwork>("why network"),
            Candidates = BriefSection.NotAvailable<IReadOnlyList<CandidateForecast>>("why candidates"),
            Contested = BriefSection.NotAvailable<ContestedForecast>("why contested"),
            Policy = BriefSection.NotAvailable<IReadOnlyList<PolicyForecast>>("why policy"),
            Coalition = BriefSection.NotAvailable<CoalitionForecast>("why coalition"),
            Shocks = BriefSection.NotAvailable<IReadOnlyList<ShockOutcome>>("why shocks"),
            Tornadoes = BriefSection.NotAvailable<IReadOnlyList<Tornado>>("why tornado"),
            Importance = BriefSection.NotAvailable<IReadOnlyList<VarianceImportance>>("why importance"),
            OutsideView = BriefSection.NotAvailable<OutsideView>("why outside view"),
            TrackRecord = BriefSection.NotAvailable<ScoreTable>("why track record"),
            KeyJudgments = BriefSection.NotAvailable<IReadOnlyList<KeyJudgmentEntry>>("why key judgments"),
            ValueOfInformation = BriefSection.NotAvailable<ValueOfInformationTable>("why value of information"),
            Indicators = BriefSection.NotAvailable<IReadOnlyList<IndicatorEntry>>("why indicators"),
            Bargaining = BriefSection.NotAvailable<BargainingSummary>("why bargaining"),
            ExternalForecasts = BriefSection.NotAvailable<IReadOnlyList<ExternalForecastEntry>>("why external forecasts"),
        };

        var document = Parse(BriefRenderer.Render(bare));

        var sections = document.Descendants(Xhtml + "section").ToDictionary(s => (string)s.Attribute("id")!);
        Assert.Equal(BriefRenderer.SectionIds, sections.Keys);
        foreach (var (id, why) in new[]
                 {
                     ("sources", "why sources"), ("power", "why power"), ("network", "why network"), ("candidates", "why candidates"),
                     ("contested", "why contested"), ("policy", "why policy"), ("coalition", "why coalition"), ("shocks", "why shocks"), ("tornado", "why tornado"),
                     ("importance", "why importance"), ("outside-view", "why outside view"), ("track-record", "why track record"),
                     ("key-judgments", "why key judgments"), ("value-of-information", "why value of information"),
                     ("indicators", "why indicators"), ("bargaining", "why bargaining"), ("external-forecasts", "why external forecasts"),
                 })
        {
            Assert.Equal("not-available", (string)sections[id].Attribute("class")!);
            Assert.Equal("Not available: " + why, sections[id].Elements(Xhtml + "p").Single().Value);
        }

        Assert.Empty(document.Descendants(Xhtml + "figure"));
        Assert.Equal("available", (string)sections["scenario"].Attribute("class")!);
        Assert.Equal("available", (string)sections["methods"].Attribute("class")!);
    }

    [Fact]
    public void Render_IndicatorsAndExternalForecasts_OneRowEachWithTheShiftAndTheComparison()
    {
        var document = Parse(RussiaHtml.Value);
        XElement Section(string id) => document.Descendants(Xhtml + "section").Single(s => (string)s.Attribute("id")! == id);

        var indicators = Section("indicators").Descendants(Xhtml + "li").ToList();
        Assert.Equal(2, indicators.Count);
        Assert.Equal(
            "Officials name the prime minister as the one who would act for the president [S1]If seen: Prime Minister (acting president) (the leader now) 29% → 38%; contested 12% → 10%. Bears on how much of the office follows the acting successor during the crisis (higher); value of information 0.15 nats.",
            indicators[0].Value);
        Assert.Equal("#source-S1", (string)indicators[0].Descendants(Xhtml + "a").Single().Attribute("href")!);

        var external = Section("external-forecasts").Descendants(Xhtml + "ol").Single().Elements(Xhtml + "li").ToList();
        Assert.Equal("https://example.org/q/1", (string)external[0].Descendants(Xhtml + "a").Single().Attribute("href")!);
        Assert.Equal("Illustrative platform, 2024-07-01: 5.0%. model 4% vs Illustrative platform 5%: 1 point lower.Will the incumbent leave office within 12 months?", external[0].Value);
        Assert.Equal("Will the incumbent leave office within 12 months?", external[0].Elements(Xhtml + "span").Single().Value);
        Assert.Contains(": 20.0%. the model does not answer this question.", external[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FiveIndicators_TheFirstTwoOpenTheRestFoldedAndNumberedOn()
    {
        // Given five indicators, most valuable first
        var five = Enumerable.Range(1, 5).Select(k => new IndicatorEntry("sign " + k, "input " + k, "raises", "shift " + k, 1.0 / k, null)).ToList();
        var document = Parse(BriefRenderer.Render(RussiaExample.Build() with { Indicators = BriefSection.Available<IReadOnlyList<IndicatorEntry>>(five) }));
        var section = document.Descendants(Xhtml + "section").Single(s => (string)s.Attribute("id")! == "indicators");

        // When the summary shows them, then signs 1-2 are open and 3-5 are folded in one details element, numbered from 3
        var open = section.Elements(Xhtml + "ol").Single().Elements(Xhtml + "li").Select(li => li.Elements(Xhtml + "span").First().Value).ToList();
        Assert.Equal(["sign 1", "sign 2"], open);
        var folded = section.Elements(Xhtml + "details").Single();
        Assert.Equal("3 more, of less value", folded.Element(Xhtml + "summary")!.Value);
        var rest = folded.Element(Xhtml + "ol")!;
        Assert.Equal("3", (string)rest.Attribute("start")!);
        Assert.Equal(["sign 3", "sign 4", "sign 5"], rest.Elements(Xhtml + "li").Select(li => li.Elements(Xhtml + "span").First().Value).ToList());
    }

    [Fact]
    public void Render_Coalition_OneRowPerActorWithPercentagesAndLeftOfficeForTheIncumbent()
    {
        var document = Parse(RussiaHtml.Value);

        var section = document.Descendants(Xhtml + "section").Single(s => (string)s.Attribute("id")! == "coalition");
        var rows = section.Descendants(Xhtml + "tbody").Single().Elements(Xhtml + "tr").Select(r => r.Elements().Select(c => c.Value).ToList()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal([RussiaExample.CandidateNames[0], "81.0%", "80.0% – 82.0%", "19.0%", "5.0%"], rows[0]);
        Assert.Equal("left office", rows[3][3]);
        Assert.Contains("Collective leadership: 93.0%", section.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CoalitionWithBlendedExclusion_ShowsTheBlendBesideTheModel()
    {
        // Given the example's coalition with the blended exclusion set for the first actor: 0.05·0.19 + 0.95·0.322 = 0.31544
        var content = RussiaExample.Build();
        var coalition = content.Coalition.Content!;
        var first = coalition.Actors[0] with { ExcludedBlended = (0.05 * 0.19) + (0.95 * 0.322) };
        var blended = content with { Coalition = BriefSection.Available(coalition with { Actors = [first, .. coalition.Actors.Skip(1)] }) };

        // When
        var document = Parse(BriefRenderer.Render(blended));

        // Then the blended column comes before the model's own, and the incumbent's cells say he left office
        var section = document.Descendants(Xhtml + "section").Single(s => (string)s.Attribute("id")! == "coalition");
        var header = section.Descendants(Xhtml + "thead").Single().Descendants(Xhtml + "th").Select(c => c.Value).ToList();
        Assert.Equal("Left out within two years (blended with the base rate)", header[3]);
        Assert.Equal("Left out: model only", header[4]);
        var rows = section.Descendants(Xhtml + "tbody").Single().Elements(Xhtml + "tr").Select(r => r.Elements().Select(c => c.Value).ToList()).ToList();
        Assert.Equal([RussiaExample.CandidateNames[0], "81.0%", "80.0% – 82.0%", "31.5%", "19.0%", "5.0%"], rows[0]);
        Assert.Equal("left office", rows[3][4]);
    }

    [Fact]
    public void Render_CoalitionProbabilityOutOfRange_IsNamed()
    {
        var content = RussiaExample.Build();
        var broken = content with
        {
            Coalition = BriefSection.Available(content.Coalition.Content! with { Actors = [new("Nobody", 1.5, 1.4, 1.6, -0.5, 0)] }),
        };

        var error = Assert.Throws<ArgumentException>(() => BriefRenderer.Render(broken));

        Assert.Contains("actor 'Nobody' coalition probability is 1.5, expected 0–1", error.Message, StringComparison.Ordinal);
        Assert.Contains("actor 'Nobody' exclusion probability is -0.5, expected 0–1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InconsistentContent_NamesEveryProblem()
    {
        var content = RussiaExample.Build();
        var power = content.Power.Content!;
        var broken = content with
        {
            Power = BriefSection.Available(power with { Rows = [.. power.Rows, new PowerRow("Short row", [0.1], [0.1, 0.2])] }),
            Network = BriefSection.Available(content.Network.Content! with { Ties = [new("pm", "ghost", "rivalry", 0.5)] }),
        };

        var error = Assert.Throws<ArgumentException>(() => BriefRenderer.Render(broken));

        Assert.Contains("power row 'Short row' has 1 holdings for 6 instruments", error.Message, StringComparison.Ordinal);
        Assert.Contains("tie to unknown node 'ghost'", error.Message, StringComparison.Ordinal);
    }

    private static string ChartText(XDocument document, string chart)
    {
        var figure = document.Descendants(Xhtml + "figure").Single(f => (string)f.Attribute("data-chart")! == chart);
        var svg = figure.Element(Svg + "svg")!;
        return string.Join("\n", svg.Descendants(Svg + "text").Select(t => t.Value.Trim()));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

public sealed class BriefRendererEdgeTests
{
    [Fact]
    public void Render_AvailableSectionsWithEmptyLists_StillWellFormed()
    {
        // Given sections that are present but list nothing (a scenario with no ties, no base rates, ...)
        var content = RussiaExample.Build() with
        {
            Network = BriefSection.Available(new EliteNetwork([], [], [])),
            Candidates = BriefSection.Available<IReadOnlyList<CandidateForecast>>([]),
            Policy = BriefSection.Available<IReadOnlyList<PolicyForecast>>([]),
            Shocks = BriefSection.Available<IReadOnlyList<ShockOutcome>>([]),
            Tornadoes = BriefSection.Available<IReadOnlyList<Tornado>>([new("P(x)", 0.5, [])]),
            OutsideView = BriefSection.Available(new OutsideView("none", "Wilson 95%", [])),
        };

        // When rendered / Then it parses and every section is still there
        var document = BriefRendererTests.Parse(BriefRenderer.Render(content));
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        Assert.Equal(BriefRenderer.SectionIds, document.Descendants(xhtml + "section").Select(s => (string)s.Attribute("id")!));
    }
}

using System.Xml.Linq;
using Xunit;

namespace Interregnum.Reports.Tests;

public sealed class BriefExitRiskTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private static XElement? Headline(BriefContent content) =>
        BriefRendererTests.Parse(BriefRenderer.Render(content))
            .Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "candidates")
            .Descendants(Xhtml + "p").SingleOrDefault(p => p.Attribute("data-exit-risk") is not null);

    [Fact]
    public void Render_JudgmentShown_SaysItIsTheScenariosJudgmentBesideTheCandidates()
    {
        // Given a judgment of 12% (irregular 3%) replacing the model's estimates
        var content = RussiaExample.Build() with
        {
            ExitRisk = new ExitRiskSummary(true, 0.12, 0.03, [("any", 0.099, 0.076, 0.137), ("irregular", 0.012, 0.006, 0.022)], "The scenario's judgment (source: x) replaces the model's."),
        };

        // When rendered / Then the headline shows the judgment, says so, and the model's rows stay in the table
        var p = Headline(content);
        Assert.NotNull(p);
        Assert.Equal("judgment", (string?)p.Attribute("data-exit-risk"));
        Assert.Contains("declared judgment", p.Value, StringComparison.Ordinal);
        Assert.Equal(BriefFormat.Percent(0.12), p.Element(Xhtml + "strong")!.Value);
        Assert.Contains(BriefFormat.Percent(0.03), p.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoExitRisk_AddsNothing()
    {
        Assert.Null(Headline(RussiaExample.Build()));
    }
}

using System.Text;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Reports.Tests;

/// <summary>
/// The hand-built Russia-like brief as a reader sees it, in headless Chromium (see <see cref="ChromiumBriefCheck"/>).
/// The screenshot and the brief are kept as TestResults/brief-example.png and .html.
/// </summary>
public sealed class BriefChromiumTests
{
    [Fact]
    public void Chromium_RussiaBrief_LoadsWithEverySectionAndEveryChartDrawn()
    {
        var chromium = ChromiumBriefCheck.ChromiumOrSkip();
        var work = Directory.CreateTempSubdirectory("interregnum-brief-");
        try
        {
            // Given the Russia brief written to a file
            var briefPath = Path.Combine(work.FullName, "brief.html");
            File.WriteAllText(briefPath, BriefRenderer.Render(RussiaExample.Build()), new UTF8Encoding(false));

            // When Chromium opens it, then it loads cleanly with every section and every chart drawn
            var charts = ChromiumBriefCheck.Check(chromium, briefPath, "brief-example");

            // And the eight charts of the example are all on the page
            Assert.Equal(
                ["candidates", "network", "policy", "policy-histogram-1", "shocks", "tornado-1", "tornado-2", "base-rates"],
                charts);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}

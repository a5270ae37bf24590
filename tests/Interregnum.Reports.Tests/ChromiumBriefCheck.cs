using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Interregnum.Reports;
using SkiaSharp;
using Xunit;

namespace Interregnum.Testing;

/// <summary>
/// Checks an HTML brief as a reader sees it, in headless Chromium (INTERREGNUM_CHROMIUM, which CI sets to
/// /usr/bin/chromium): the page loads without script errors or requests, every section is there, the page's own
/// check finds every chart drawn, and a screenshot tall enough for every chart shows ink inside each chart's box.
/// The screenshot and the brief are kept in TestResults/ for a person to look at. Linked into the Reports and the
/// CLI tests.
/// </summary>
internal static partial class ChromiumBriefCheck
{
    public const string Variable = "INTERREGNUM_CHROMIUM";
    private const int WindowWidth = 1280;

    /// <summary>Two screens of a 1280 × 900 window, the height the brief's summary must fit in.</summary>
    public const int SummaryHeightLimit = 1800;

    /// <summary>The Chromium executable, or skips the calling test when INTERREGNUM_CHROMIUM is unset.</summary>
    public static string ChromiumOrSkip()
    {
        var chromium = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(chromium))
        {
            Assert.Skip($"{Variable} is not set: this test renders the brief in headless Chromium (CI sets it to /usr/bin/chromium).");
        }

        Assert.True(File.Exists(chromium), $"{Variable}={chromium} does not exist.");
        return chromium;
    }

    /// <summary>
    /// Opens the brief at <paramref name="briefPath"/> and asserts that it reads as it should; returns the names of
    /// the charts found on the page. Keeps <c>TestResults/{keepAs}.html</c> and <c>TestResults/{keepAs}.png</c>.
    /// </summary>
    public static IReadOnlyList<string> Check(string chromium, string briefPath, string keepAs)
    {
        var work = Directory.CreateTempSubdirectory("interregnum-chromium-");
        try
        {
            var url = new Uri(Path.GetFullPath(briefPath)).AbsoluteUri;
            var expectedCharts = FigureTag().Count(File.ReadAllText(briefPath));

            // When Chromium loads it and dumps the DOM after the page's scripts ran
            var dump = RunChromium(chromium, work.FullName, "dom", ["--dump-dom", "--window-size=" + WindowWidth + ",4000", url]);

            // Then it loaded without script errors or requests, and its own check found every chart drawn
            Assert.True(dump.ExitCode == 0, "chromium --dump-dom exited with " + dump.ExitCode + ": " + Tail(dump.Stderr));
            var dom = dump.Stdout;
            var body = BodyTag().Match(dom);
            Assert.True(body.Success, "no <body> in the dumped DOM: " + Tail(dom));
            Assert.Equal("0", Attribute(body.Value, "data-errors"));
            Assert.Equal("0", Attribute(body.Value, "data-external-requests"));
            Assert.Equal(expectedCharts.ToString(CultureInfo.InvariantCulture), Attribute(body.Value, "data-charts-checked"));
            Assert.Equal("yes", Attribute(body.Value, "data-charts-ok"));
            Assert.DoesNotContain(dump.Stderr.Split('\n'), line => line.Contains(":CONSOLE", StringComparison.Ordinal));
            foreach (var id in BriefRenderer.SectionIds)
            {
                Assert.Contains("<section id=\"" + id + "\"", dom, StringComparison.Ordinal);
            }

            // And the summary (header, key judgments, headline chart with the exit risk, indicators, other forecasts)
            // ends within two screens at the default width: about 1,800 px at 1280 px wide (issue 13).
            var summaryBottom = int.Parse(Attribute(body.Value, "data-summary-bottom"), CultureInfo.InvariantCulture);
            Assert.True(summaryBottom <= SummaryHeightLimit, $"the summary ends at {summaryBottom} px, beyond the two-screen limit of {SummaryHeightLimit} px");

            var charts = FigureTag().Matches(dom).Select(m => m.Value).ToList();
            Assert.Equal(expectedCharts, charts.Count);
            var rects = new List<(string Chart, int X, int Y, int W, int H)>();
            foreach (var figure in charts)
            {
                var name = Attribute(figure, "data-chart");
                Assert.True(Attribute(figure, "data-drawn") == "yes", "chart " + name + " was not drawn");
                var r = Attribute(figure, "data-rect").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                rects.Add((name, r[0], r[1], r[2], r[3]));
            }

            // And a screenshot tall enough to hold every chart shows ink inside each chart's box
            var height = Math.Max(4000, rects.Max(r => r.Y + r.H) + 100);
            var screenshotPath = Path.Combine(work.FullName, "brief.png");
            var shot = RunChromium(chromium, work.FullName, "shot",
                ["--screenshot=" + screenshotPath, "--window-size=" + WindowWidth + "," + height, "--hide-scrollbars", url]);
            Assert.True(File.Exists(screenshotPath), "no screenshot written: " + Tail(shot.Stderr));
            using (var bitmap = SKBitmap.Decode(screenshotPath))
            {
                Assert.NotNull(bitmap);
                foreach (var (chart, x, y, w, h) in rects)
                {
                    Assert.True(y + h <= bitmap.Height, $"chart {chart} lies below the screenshot ({y + h} > {bitmap.Height})");
                    var ink = InkShare(bitmap, x, y, w, h);

                    // A blank box is all white; axes alone ink well under 1%, a drawn chart several percent.
                    Assert.True(ink > 0.02, $"chart {chart} is nearly blank on screen: {ink:P2} of its pixels are inked");
                }
            }

            var results = Path.Combine(TestData.RepositoryRoot(), "TestResults");
            Directory.CreateDirectory(results);
            File.Copy(screenshotPath, Path.Combine(results, keepAs + ".png"), overwrite: true);
            File.Copy(briefPath, Path.Combine(results, keepAs + ".html"), overwrite: true);
            return rects.Select(r => r.Chart).ToList();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static double InkShare(SKBitmap bitmap, int x, int y, int w, int h)
    {
        var inked = 0L;
        var total = 0L;
        for (var j = Math.Max(0, y); j < Math.Min(bitmap.Height, y + h); j++)
        {
            for (var i = Math.Max(0, x); i < Math.Min(bitmap.Width, x + w); i++)
            {
                var c = bitmap.GetPixel(i, j);
                total++;
                if (c.Red < 235 || c.Green < 235 || c.Blue < 235)
                {
                    inked++;
                }
            }
        }

        return total == 0 ? 0 : (double)inked / total;
    }

    private static (int ExitCode, string Stdout, string Stderr) RunChromium(string chromium, string work, string profile, string[] arguments)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + Path.Combine(work, "profile-" + profile), "--force-device-scale-factor=1",
                     "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
                 }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + chromium);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 90 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, "\\b" + Regex.Escape(name) + "=\"([^\"]*)\"");
        Assert.True(match.Success, $"attribute {name} missing on {tag}");
        return match.Groups[1].Value;
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    [GeneratedRegex("<body\\b[^>]*>")]
    private static partial Regex BodyTag();

    [GeneratedRegex("<figure\\b[^>]*>")]
    private static partial Regex FigureTag();
}

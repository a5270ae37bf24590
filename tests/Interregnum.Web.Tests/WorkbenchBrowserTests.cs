using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Interregnum.Web.Tests;

/// <summary>
/// The workbench in a real browser: Playwright drives the machine's Chromium (INTERREGNUM_CHROMIUM, which CI sets to
/// /usr/bin/chromium; Playwright cannot download its own browser here), headless, against the workbench on a real
/// loopback port. Skipped, with the reason, where INTERREGNUM_CHROMIUM is unset.
/// </summary>
public sealed class WorkbenchBrowserTests
{
    private const string Variable = "INTERREGNUM_CHROMIUM";

    private static string ChromiumOrSkip()
    {
        var chromium = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(chromium))
        {
            Assert.Skip($"{Variable} is not set: this test drives the workbench in headless Chromium (CI sets it to /usr/bin/chromium).");
        }

        Assert.True(File.Exists(chromium), $"{Variable}={chromium} does not exist.");
        return chromium;
    }

    [Fact]
    public async Task Workbench_ErrorIntroducedFixedThenForecastRun_ErrorShownAtItsLineAndChartDrawn()
    {
        var chromium = ChromiumOrSkip();
        await using var host = await WorkbenchHost.StartAsync(inProcess: false);
        var address = host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        var offSite = new List<string>();
        page.PageError += (_, e) => scriptErrors.Add(e);
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(address, StringComparison.Ordinal))
            {
                offSite.Add(r.Url);
            }
        };

        // Load the teaching scenario: it validates.
        await page.GotoAsync(address + "/scenario?file=teaching.yaml");
        var editor = page.Locator("#editor");
        await Assertions.Expect(editor).ToHaveAttributeAsync("data-valid", "yes");
        var original = await editor.InputValueAsync();

        // Introduce an error on line 66 ("    ambition: 0.5" → 1.5, outside the 0–1 scale): it is listed at line 66
        // and the gutter marks that line.
        var lines = original.Split('\n');
        Assert.Equal("    ambition: 0.5", lines[65]);
        lines[65] = "    ambition: 1.5";
        await editor.FillAsync(string.Join('\n', lines));
        var problem = page.Locator("#problems li[data-line='66']");
        await Assertions.Expect(problem).ToHaveCountAsync(1);
        await Assertions.Expect(problem).ToContainTextAsync("teaching.yaml:66:15:");
        Assert.Contains("\u25B6 66", await page.Locator("#gutter").TextContentAsync(), StringComparison.Ordinal);

        // Saving is refused while it is wrong; fix it and save.
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("not saved");
        lines[65] = "    ambition: 0.55";
        await editor.FillAsync(string.Join('\n', lines));
        await Assertions.Expect(editor).ToHaveAttributeAsync("data-valid", "yes");
        await Assertions.Expect(page.Locator("#problems li")).ToHaveCountAsync(0);
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("saved");
        Assert.Equal(string.Join('\n', lines), await File.ReadAllTextAsync(host.ScenarioPath, TestContext.Current.CancellationToken));

        // Run a forecast with few draws: the progress bar fills and the candidates chart is drawn.
        await page.FillAsync("input[name='draws']", "300");
        await page.ClickAsync("#run-button");
        var result = page.Locator("#result[data-state='done']");
        await Assertions.Expect(result).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        var chart = page.Locator("#result figure[data-chart='candidates'] svg");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 50 }, "the chart has no size on the page");
        Assert.Equal("300", await page.Locator("#progress").GetAttributeAsync("value"));

        // A sensitivity run from the same form: tornado charts are drawn and the bar ends full (model runs done of all).
        await page.SelectOptionAsync("select[name='kind']", "sensitivity");
        await page.FillAsync("input[name='draws']", "40");
        await page.ClickAsync("#run-button");
        var tornado = page.Locator("#result[data-state='done'] figure[data-chart='tornado'] svg").First;
        await Assertions.Expect(tornado).ToBeVisibleAsync(new() { Timeout = 120_000 });
        Assert.Equal(await page.Locator("#progress").GetAttributeAsync("max"), await page.Locator("#progress").GetAttributeAsync("value"));
        Assert.Empty(scriptErrors);
        Assert.Empty(offSite);
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using Interregnum.Runs;
using Interregnum.Simulation;
using Interregnum.Store;
using Xunit;

namespace Interregnum.Web.Tests;

/// <summary>
/// Sensitivity and backtest runs from the page, in process: started, progress to the end, cancelled, stored like the
/// CLI's, opened and re-run. Kept small: 40 draws, the teaching scenario, two short backtest cases.
/// </summary>
public sealed class WorkbenchAnalysisRunTests
{
    private static readonly string[] TwoCases = ["saudi-2005", "tunisia-1987"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent Form(string kind, int draws, params string[] cases)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("kind", kind), new("draws", draws.ToString(CultureInfo.InvariantCulture)), new("seed", "7"),
        };
        if (kind != "backtest")
        {
            fields.Add(new("file", WorkbenchHost.Scenario));
            fields.Add(new("shock", ""));
        }

        fields.AddRange(cases.Select(c => new KeyValuePair<string, string>("case", c)));
        return new FormUrlEncodedContent(fields);
    }

    private static async Task<string> StartAsync(HttpClient client, HttpContent form)
    {
        var started = await client.PostAsync("/api/runs", form, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var start = JsonDocument.Parse(await started.Content.ReadAsStringAsync(Ct));
        return start.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        for (var i = 0; i < 1800; i++)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync("/api/runs/" + id, Ct));
            if (status.RootElement.GetProperty("state").GetString() != "running")
            {
                return status.RootElement.Clone();
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("run " + id + " did not finish in three minutes");
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    [Fact]
    public async Task Sensitivity_FewDraws_TornadoPerMovingOutputAndStoredAsTheCliDocument()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var client = host.Client();

        var done = await WaitAsync(client, await StartAsync(client, Form("sensitivity", 40)));

        Assert.Equal("done", done.GetProperty("state").GetString());
        using var store = RunStoreFactory.Open(host.Db);
        var run = store.Get(done.GetProperty("stored_run").GetInt64())!;
        Assert.Equal((RunKind.Sensitivity, 40, 7L), (run.Kind, run.Draws, run.Seed));
        // The same document the CLI prints (sensitivity --draws 40 --seed 7 --format json), computed here directly.
        var loaded = ScenarioFiles.Load(host.ScenarioPath);
        var expected = SensitivityRun.Compute(new SensitivityRequest(loaded, loaded.Scenario.Shocks[0].Id, new SimulationSettings(40, 7)), null, Ct);
        Assert.Equal(RunJson.Serialize(expected), run.ResultsJson);
        // Progress counts model runs: the base run and two per uncertain input, all done.
        Assert.Equal((2 * expected.UncertainInputs) + 1, done.GetProperty("total").GetInt32());
        Assert.Equal(done.GetProperty("total").GetInt32(), done.GetProperty("done").GetInt32());
        // One tornado chart per output that some input moves.
        var html = done.GetProperty("html").GetString()!;
        var moving = expected.Outputs.Count(o => o.Tornado.Any(b => b.Swing > 0));
        Assert.True(moving > 0);
        Assert.Equal(moving, Count(html, "data-chart=\"tornado\"><svg"));
    }

    [Fact]
    public async Task Sensitivity_Stored_OpenedWithItsTornadoesAndReproducedOnRerun()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var client = host.Client();
        var stored = (await WaitAsync(client, await StartAsync(client, Form("sensitivity", 40)))).GetProperty("stored_run").GetInt64();

        var page = await client.GetStringAsync("/runs/" + stored.ToString(CultureInfo.InvariantCulture), Ct);
        var rerun = await client.PostAsync("/api/rerun/" + stored.ToString(CultureInfo.InvariantCulture), null, Ct);
        using var start = JsonDocument.Parse(await rerun.Content.ReadAsStringAsync(Ct));
        var outcome = await WaitAsync(client, start.RootElement.GetProperty("id").GetString()!);

        Assert.Contains("id=\"stored-result\"", page, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"tornado\"><svg", page, StringComparison.Ordinal);
        Assert.Contains("data-reproduced=\"yes\"", outcome.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensitivity_CancelledAtOnce_CancelledAndNothingStored()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var client = host.Client();
        var id = await StartAsync(client, Form("sensitivity", WorkbenchOptions.MaxDraws));

        var cancel = await client.PostAsync("/api/runs/" + id + "/cancel", null, Ct);
        var end = await WaitAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", end.GetProperty("state").GetString());
        Assert.True(end.GetProperty("done").GetInt32() < end.GetProperty("total").GetInt32());
        using var store = RunStoreFactory.Open(host.Db);
        Assert.Empty(store.List());
    }

    [Fact]
    public async Task Index_CasesFolder_ListsEachCaseInTheBacktestForm()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true, TwoCases);

        var html = await host.Client().GetStringAsync("/", Ct);

        Assert.Contains("<input type=\"checkbox\" name=\"case\" value=\"saudi-2005\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" name=\"case\" value=\"tunisia-1987\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_NoCaseTicked_RunsEveryCaseScoresWithIntervalsAndStoresTheCaseTexts()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true, TwoCases);
        var client = host.Client();

        var done = await WaitAsync(client, await StartAsync(client, Form("backtest", 40)));

        Assert.Equal("done", done.GetProperty("state").GetString());
        // Progress: one step per case, then the scoring.
        Assert.Equal((3, 3), (done.GetProperty("done").GetInt32(), done.GetProperty("total").GetInt32()));
        var html = done.GetProperty("html").GetString()!;
        Assert.Contains("<table id=\"backtest-scores\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-case=\"saudi-2005\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-case=\"tunisia-1987\">", html, StringComparison.Ordinal);
        using var store = RunStoreFactory.Open(host.Db);
        var run = store.Get(done.GetProperty("stored_run").GetInt64())!;
        Assert.Equal((RunKind.Backtest, "backtests", 40, 7L), (run.Kind, run.ScenarioFile, run.Draws, run.Seed));
        Assert.Contains("# ---- saudi-2005/outcome.yaml\n", run.ScenarioText, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(run.ResultsJson);
        Assert.Equal(TwoCases, doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        // The model's mean winner Brier score is shown with its bootstrap interval, as the document holds them.
        var model = doc.RootElement.GetProperty("aggregates").EnumerateArray().Single(a => a.GetProperty("forecaster").GetString() == "model");
        var interval = doc.RootElement.GetProperty("intervals").GetProperty("aggregates").EnumerateArray().Single(a => a.GetProperty("forecaster").GetString() == "model").GetProperty("winner_brier");
        var shown = string.Create(CultureInfo.InvariantCulture, $"{model.GetProperty("winner_brier").GetDouble():0.000} [{interval[0].GetDouble():0.000}, {interval[1].GetDouble():0.000}]");
        Assert.Contains("<td class=\"num\">" + shown + "</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_OneCaseTicked_RunsOnlyThatCaseAndReproducedOnRerun()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true, TwoCases);
        var client = host.Client();

        var done = await WaitAsync(client, await StartAsync(client, Form("backtest", 40, "tunisia-1987")));
        var stored = done.GetProperty("stored_run").GetInt64();
        var rerun = await client.PostAsync("/api/rerun/" + stored.ToString(CultureInfo.InvariantCulture), null, Ct);
        using var start = JsonDocument.Parse(await rerun.Content.ReadAsStringAsync(Ct));
        var outcome = await WaitAsync(client, start.RootElement.GetProperty("id").GetString()!);
        var page = await client.GetStringAsync("/runs/" + stored.ToString(CultureInfo.InvariantCulture), Ct);

        using var store = RunStoreFactory.Open(host.Db);
        using var doc = JsonDocument.Parse(store.Get(stored)!.ResultsJson);
        Assert.Equal(["tunisia-1987"], doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Contains("data-reproduced=\"yes\"", outcome.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("<table id=\"backtest-scores\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_CancelledAtOnce_CancelledAndNothingStored()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true, TwoCases);
        var client = host.Client();
        var id = await StartAsync(client, Form("backtest", WorkbenchOptions.MaxDraws));

        var cancel = await client.PostAsync("/api/runs/" + id + "/cancel", null, Ct);
        var end = await WaitAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", end.GetProperty("state").GetString());
        using var store = RunStoreFactory.Open(host.Db);
        Assert.Empty(store.List());
    }

    [Theory]
    [InlineData("../backtests")]
    [InlineData("..")]
    [InlineData("saudi-1975")]
    [InlineData(".hidden")]
    [InlineData("saudi-2005/../tunisia-1987")]
    public async Task Backtest_CaseNotDirectlyInTheCasesFolder_NotFoundAndNothingRun(string name)
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true, TwoCases);
        // A real case one level up, outside the cases folder: it may not be run either.
        Directory.CreateDirectory(Path.Combine(host.Work.FullName, "saudi-1975"));
        File.Copy(Path.Combine(host.Cases, "saudi-2005", "scenario.yaml"), Path.Combine(host.Work.FullName, "saudi-1975", "scenario.yaml"));

        var response = await host.Client().PostAsync("/api/runs", Form("backtest", 40, name), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var store = RunStoreFactory.Open(host.Db);
        Assert.Empty(store.List());
    }

    [Fact]
    public async Task Backtest_NoCasesFolder_NotFoundWithTheReason()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);

        var response = await host.Client().PostAsync("/api/runs", Form("backtest", 40), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("--cases", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

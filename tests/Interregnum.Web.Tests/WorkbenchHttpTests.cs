using System.Net;
using System.Text;
using System.Text.Json;
using Interregnum.Store;
using Xunit;

namespace Interregnum.Web.Tests;

/// <summary>The workbench over HTTP, in process (the ASP.NET Core test host): pages, validation, save, runs, and the guards.</summary>
public sealed class WorkbenchHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    /// <summary>The teaching scenario with line <paramref name="line"/> (1-based) replaced.</summary>
    private static string WithLine(string text, int line, string replacement)
    {
        var lines = text.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    [Fact]
    public async Task Index_FolderWithTeachingScenario_ListsItAndNoStoredRuns()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);

        var html = await host.Client().GetStringAsync("/", Ct);

        Assert.Contains("href=\"/scenario?file=teaching.yaml\"", html, StringComparison.Ordinal);
        Assert.Contains("No stored runs yet.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScenarioPage_TeachingScenario_ShowsEditorPowerTableAndNetworkChart()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);

        var html = await host.Client().GetStringAsync("/scenario?file=teaching.yaml", Ct);

        Assert.Contains("<textarea id=\"editor\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"power\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"network\"><svg", html, StringComparison.Ordinal);
        Assert.Contains("<ul id=\"problems\"></ul>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../teaching.yaml")]
    [InlineData("..%2Fteaching.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/teaching.yaml")]
    [InlineData("outside.yaml")]
    [InlineData("notes.txt")]
    public async Task ScenarioPage_NameOutsideFolderOrNotAScenario_NotFound(string file)
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        // A scenario one level up (outside the folder) and a non-scenario file inside it: neither may be served.
        File.Copy(host.ScenarioPath, Path.Combine(host.Work.FullName, "teaching.yaml"));
        File.Copy(host.ScenarioPath, Path.Combine(host.Work.FullName, "outside.yaml"));
        File.WriteAllText(Path.Combine(host.Folder, "notes.txt"), "not a scenario");

        var response = await host.Client().GetAsync("/scenario?file=" + file, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Validate_AmbitionAboveOne_ProblemAtThatLineAndValueColumn()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var original = await File.ReadAllTextAsync(host.ScenarioPath, Ct);
        // Line 66 of scenarios/teaching.yaml is "    ambition: 0.5"; ambition is a 0–1 scale, so 1.5 is out of range.
        // Its value starts after 4 spaces and "ambition: " (10 characters): column 15.
        Assert.Equal("    ambition: 0.5", original.Split('\n')[65]);
        var broken = WithLine(original, 66, "    ambition: 1.5");

        var response = await host.Client().PostAsync("/api/validate?file=teaching.yaml", Text(broken), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var problem = Assert.Single(body.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(66, problem.GetProperty("line").GetInt32());
        Assert.Equal(15, problem.GetProperty("column").GetInt32());
        Assert.StartsWith("teaching.yaml:66:15: ", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
        // Validation never writes.
        Assert.Equal(original, await File.ReadAllTextAsync(host.ScenarioPath, Ct));
    }

    [Fact]
    public async Task Save_InvalidText_RefusedWithProblemsAndFileUnchanged()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var original = await File.ReadAllTextAsync(host.ScenarioPath, Ct);

        var response = await host.Client().PostAsync("/api/save?file=teaching.yaml", Text(WithLine(original, 66, "    ambition: 1.5")), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(original, await File.ReadAllTextAsync(host.ScenarioPath, Ct));
        Assert.Equal([WorkbenchHost.Scenario], Directory.GetFiles(host.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Save_ValidText_WrittenExactlyAndNoTemporaryFileLeft()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var original = await File.ReadAllTextAsync(host.ScenarioPath, Ct);
        var edited = WithLine(original, 66, "    ambition: 0.55");

        var response = await host.Client().PostAsync("/api/save?file=teaching.yaml", Text(edited), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(edited, await File.ReadAllTextAsync(host.ScenarioPath, Ct));
        Assert.Equal([WorkbenchHost.Scenario], Directory.GetFiles(host.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Save_BodyOverOneMebibyte_RefusedAndFileUnchanged()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var original = await File.ReadAllTextAsync(host.ScenarioPath, Ct);

        var response = await host.Client().PostAsync("/api/save?file=teaching.yaml", Text(original + "\n#" + new string('x', 1 << 20)), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(original, await File.ReadAllTextAsync(host.ScenarioPath, Ct));
    }

    [Fact]
    public async Task AnyRequest_HostNotLoopback_Refused()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "attacker.example";

        var response = await host.Client().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Fact]
    public async Task Save_CrossOrigin_RefusedAndFileUnchanged()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var original = await File.ReadAllTextAsync(host.ScenarioPath, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/save?file=teaching.yaml") { Content = Text(WithLine(original, 66, "    ambition: 0.55")) };
        request.Headers.Add("Origin", "http://attacker.example");

        var response = await host.Client().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(original, await File.ReadAllTextAsync(host.ScenarioPath, Ct));
    }

    private static FormUrlEncodedContent RunForm(string kind, int draws) => new(new Dictionary<string, string>
    {
        ["file"] = "teaching.yaml", ["kind"] = kind, ["shock"] = "", ["draws"] = draws.ToString(System.Globalization.CultureInfo.InvariantCulture), ["seed"] = "7",
    });

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        for (var i = 0; i < 1200; i++)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync("/api/runs/" + id, Ct));
            if (status.RootElement.GetProperty("state").GetString() != "running")
            {
                return status.RootElement.Clone();
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("run " + id + " did not finish in two minutes");
    }

    [Fact]
    public async Task Run_SimulateFewDraws_DoneWithChartAndStoredWithTheAskedDrawsAndSeed()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var client = host.Client();

        var started = await client.PostAsync("/api/runs", RunForm("simulate", 200), Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var start = JsonDocument.Parse(await started.Content.ReadAsStringAsync(Ct));
        var done = await WaitAsync(client, start.RootElement.GetProperty("id").GetString()!);

        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal(200, done.GetProperty("done").GetInt32());
        Assert.Contains("data-chart=\"candidates\"><svg", done.GetProperty("html").GetString(), StringComparison.Ordinal);
        var stored = done.GetProperty("stored_run").GetInt64();
        using var store = RunStoreFactory.Open(host.Db);
        var run = store.Get(stored)!;
        Assert.Equal((RunKind.Simulate, 200, 7L), (run.Kind, run.Draws, run.Seed));
        using var results = JsonDocument.Parse(run.ResultsJson);
        Assert.Equal("simulate", results.RootElement.GetProperty("command").GetString());
    }

    [Fact]
    public async Task Run_CancelledAtOnce_CancelledAndNothingStored()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var client = host.Client();

        var started = await client.PostAsync("/api/runs", RunForm("compare", WorkbenchOptions.MaxDraws), Ct);
        using var start = JsonDocument.Parse(await started.Content.ReadAsStringAsync(Ct));
        var id = start.RootElement.GetProperty("id").GetString()!;
        var cancel = await client.PostAsync("/api/runs/" + id + "/cancel", null, Ct);
        var end = await WaitAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", end.GetProperty("state").GetString());
        Assert.True(end.GetProperty("done").GetInt32() < end.GetProperty("total").GetInt32());
        using var store = RunStoreFactory.Open(host.Db);
        Assert.Empty(store.List());
    }

    [Theory]
    [InlineData("simulate", "0")]
    [InlineData("simulate", "200001")]
    [InlineData("simulate", "ten")]
    [InlineData("forecast", "100")]
    [InlineData("sensitivity", "0")]
    public async Task Run_BadKindOrDraws_BadRequest(string kind, string draws)
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["file"] = "teaching.yaml", ["kind"] = kind, ["draws"] = draws, ["seed"] = "1" });

        var response = await host.Client().PostAsync("/api/runs", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<JsonElement> RunToEndAsync(HttpClient client, HttpContent form, string url = "/api/runs")
    {
        var started = await client.PostAsync(url, form, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var start = JsonDocument.Parse(await started.Content.ReadAsStringAsync(Ct));
        return await WaitAsync(client, start.RootElement.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Rerun_StoredSimulateRun_ReproducedExactly()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var client = host.Client();
        var stored = (await RunToEndAsync(client, RunForm("simulate", 200))).GetProperty("stored_run").GetInt64();

        var rerun = await RunToEndAsync(client, new StringContent(""), "/api/rerun/" + stored);

        Assert.Equal("done", rerun.GetProperty("state").GetString());
        Assert.Contains("data-reproduced=\"yes\"", rerun.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_TwoRunsWithDifferentSeeds_ShowsTheSeedAmongTheInputs()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var client = host.Client();
        var first = (await RunToEndAsync(client, RunForm("simulate", 200))).GetProperty("stored_run").GetInt64();
        using var other = new FormUrlEncodedContent(new Dictionary<string, string> { ["file"] = "teaching.yaml", ["kind"] = "simulate", ["draws"] = "200", ["seed"] = "8" });
        var second = (await RunToEndAsync(client, other)).GetProperty("stored_run").GetInt64();

        var html = await client.GetStringAsync($"/runs/diff?a={first}&b={second}", Ct);

        Assert.Contains("<tr><td>seed</td><td>7</td><td>8</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Brief_FewDraws_DownloadIsTheHtmlBrief()
    {
        await using var host = await WorkbenchHost.StartAsync(inProcess: true);
        var client = host.Client();

        var done = await RunToEndAsync(client, RunForm("brief", 100));
        var brief = await client.GetAsync("/api/runs/" + done.GetProperty("id").GetString() + "/brief", Ct);

        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, brief.StatusCode);
        var html = await brief.Content.ReadAsStringAsync(Ct);
        foreach (var section in Interregnum.Reports.BriefRenderer.SectionIds)
        {
            Assert.Contains("id=\"" + section + "\"", html, StringComparison.Ordinal);
        }
    }
}

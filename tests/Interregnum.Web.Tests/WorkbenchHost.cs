using Interregnum.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace Interregnum.Web.Tests;

/// <summary>
/// A workbench over its own temporary folder (a copy of the teaching scenario) and its own temporary run store,
/// served in process by the ASP.NET Core test host, or on a real loopback port for the browser tests.
/// </summary>
internal sealed class WorkbenchHost : IAsyncDisposable
{
    public const string Scenario = "teaching.yaml";

    private WorkbenchHost(DirectoryInfo work, WebApplication app)
    {
        Work = work;
        App = app;
    }

    public DirectoryInfo Work { get; }

    public WebApplication App { get; }

    public string Folder => Path.Combine(Work.FullName, "scenarios");

    public string Db => Path.Combine(Work.FullName, "runs.db");

    public string ScenarioPath => Path.Combine(Folder, Scenario);

    /// <summary>The backtest cases folder (a copy of the cases asked for), beside the scenario folder.</summary>
    public string Cases => Path.Combine(Work.FullName, "backtests");

    /// <summary>
    /// Starts a workbench; <paramref name="inProcess"/>: the test server, else Kestrel on 127.0.0.1 and a free port;
    /// <paramref name="cases"/>: copies of these cases of <c>backtests/</c> in its cases folder (null: no cases folder).
    /// </summary>
    public static async Task<WorkbenchHost> StartAsync(bool inProcess, string[]? cases = null)
    {
        var work = Directory.CreateTempSubdirectory("interregnum-web-");
        var folder = Directory.CreateDirectory(Path.Combine(work.FullName, "scenarios"));
        File.Copy(Path.Combine(TestData.RepositoryRoot(), "scenarios", Scenario), Path.Combine(folder.FullName, Scenario));
        DirectoryInfo? caseFolder = null;
        if (cases is not null)
        {
            caseFolder = Directory.CreateDirectory(Path.Combine(work.FullName, "backtests"));
            foreach (var c in cases)
            {
                var to = Directory.CreateDirectory(Path.Combine(caseFolder.FullName, c));
                foreach (var f in Directory.GetFiles(Path.Combine(TestData.RepositoryRoot(), "backtests", c)))
                {
                    File.Copy(f, Path.Combine(to.FullName, Path.GetFileName(f)));
                }
            }
        }

        // The default cases folder is "backtests" beside the scenario folder, as serve picks it.
        var options = new WorkbenchOptions(folder, Port: 0, Db: Path.Combine(work.FullName, "runs.db"), Data: null, Cases: WorkbenchOptions.DefaultCases(folder));
        var app = Workbench.Build(options, inProcess ? b => b.WebHost.UseTestServer() : null);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new WorkbenchHost(work, app);
    }

    public HttpClient Client() => App.GetTestClient();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        Work.Delete(recursive: true);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Interregnum.Reports;
using Interregnum.Runs;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Web;

/// <summary>What a page asks to run.</summary>
/// <param name="Kind">simulate (one shock) or compare (every shock).</param>
/// <param name="ScenarioPath">The scenario file (already resolved inside the folder).</param>
/// <param name="ShockId">The shock for simulate (null: the first).</param>
/// <param name="Draws">Draws per shock.</param>
/// <param name="Seed">The random seed.</param>
internal sealed record RunAsk(string Kind, string ScenarioPath, string? ShockId, int Draws, ulong Seed);

/// <summary>A run in progress or finished, polled by the page.</summary>
internal sealed class RunJob(string id, string kind, int total)
{
    private int done;

    public string Id { get; } = id;

    public string Kind { get; } = kind;

    public int Total { get; } = total;

    public int Done => Volatile.Read(ref done);

    public CancellationTokenSource Cancel { get; } = new();

    /// <summary>running, done, failed or cancelled.</summary>
    public volatile string State = "running";

    /// <summary>The result as HTML (charts and tables), once done.</summary>
    public volatile string? Html;

    /// <summary>Why it failed, or notes.</summary>
    public volatile string? Message;

    /// <summary>The stored run's id, once stored.</summary>
    public long? StoredRun;

    public void Report(int value) => Volatile.Write(ref done, Math.Min(value, Total));
}

/// <summary>
/// Runs simulate and compare in the background for the page: each gets an id, reports its progress (draws done
/// of the total), can be cancelled through its <see cref="CancellationToken"/>, and when it finishes its result
/// document is stored like the CLI's and shown as the brief's chart and table. The use cases are
/// <see cref="SimulateRun"/> and <see cref="CompareRun"/>; this class only schedules and presents them.
/// </summary>
internal sealed class RunJobs(WorkbenchOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RunJob> jobs = new(StringComparer.Ordinal);
    private int next;

    public RunJob? Get(string id) => jobs.GetValueOrDefault(id);

    /// <summary>Cancels every run still going (the server is stopping).</summary>
    public void CancelAll()
    {
        foreach (var job in jobs.Values)
        {
            job.Cancel.Cancel();
        }
    }

    /// <summary>Loads the scenario (throwing <see cref="RunException"/> on bad input) and starts the run.</summary>
    public RunJob Start(RunAsk ask)
    {
        var loaded = ScenarioFiles.Load(ask.ScenarioPath);
        var settings = new SimulationSettings(ask.Draws, ask.Seed);
        var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string> { "serve", ask.Kind, Path.GetFileName(ask.ScenarioPath), "--draws", ask.Draws.ToString(CultureInfo.InvariantCulture), "--seed", ask.Seed.ToString(CultureInfo.InvariantCulture) };
        RunJob job;
        Func<IProgress<int>, CancellationToken, (string Html, RunRecord Record)> work;
        if (ask.Kind == "compare")
        {
            var request = CompareRun.Request(loaded, null, settings, options.Data);
            job = new RunJob(id, ask.Kind, ask.Draws * request.ShockIds.Count);
            work = (progress, ct) =>
            {
                var (doc, results) = CompareRun.Compute(request, TextWriter.Null, progress, ct);
                var html = string.Concat(results.Select((r, i) => Result(loaded, r, "compare-" + i.ToString(CultureInfo.InvariantCulture))));
                return (html, CompareRun.ToRecord(request, RunJson.Serialize(doc), arguments, time.GetUtcNow()));
            };
        }
        else
        {
            var shock = ScenarioFiles.Shock(loaded, ask.ShockId);
            var request = new SimulateRequest(loaded, shock.Id, settings, options.Data);
            arguments.InsertRange(3, ["--shock", shock.Id]);
            job = new RunJob(id, "simulate", ask.Draws);
            work = (progress, ct) =>
            {
                var (doc, result) = SimulateRun.Compute(request, TextWriter.Null, progress, ct);
                return (Result(loaded, result, "simulate"), SimulateRun.ToRecord(request, RunJson.Serialize(doc), null, arguments, time.GetUtcNow()));
            };
        }

        jobs[id] = job;
        _ = Task.Run(() => Execute(job, work));
        return job;
    }

    private void Execute(RunJob job, Func<IProgress<int>, CancellationToken, (string Html, RunRecord Record)> work)
    {
        try
        {
            var (html, record) = work(new Sink(job), job.Cancel.Token);
            job.Report(job.Total);
            try
            {
                using var store = RunStoreFactory.Open(options.Db);
                job.StoredRun = store.Add(record);
            }
            catch (Exception ex) when (ex is RunStoreException or System.Data.Common.DbException)
            {
                job.Message = "the run was not stored: " + ex.Message;
            }

            job.Html = html;
            job.State = "done";
        }
        catch (OperationCanceledException)
        {
            job.State = "cancelled";
        }
        catch (RunException ex)
        {
            job.Message = ex.Message;
            job.State = "failed";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var inner = ex is AggregateException agg ? agg.Flatten().InnerExceptions[0] : ex;
            job.Message = "internal error: " + inner.GetType().Name + ": " + inner.Message;
            job.State = "failed";
        }
    }

    /// <summary>One shock's result as the brief shows it: the candidates chart and a table of the same numbers.</summary>
    private static string Result(LoadedScenario loaded, SimulationResult result, string chartId)
    {
        var shock = loaded.Scenario.ShockById(result.ShockId)!;
        var title = "<h3>" + WebUtility.HtmlEncode(shock.Label) + "</h3>";
        if (result.IncumbentStays)
        {
            return title + "<p>The incumbent stays in office under this shock: there is no succession to forecast.</p>";
        }

        var candidates = BriefBuilder.Candidates(result);
        var rows = string.Concat(candidates.OrderByDescending(c => c.Probability).Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(c.Name)}</td><td>{c.Probability:P1}</td><td>{c.Low90:P1} – {c.High90:P1}</td></tr>")));
        var contested = string.Create(CultureInfo.InvariantCulture,
            $"<p>Contested succession: {result.Contested.Probability:P1} (90% interval {result.Contested.Low:P1} – {result.Contested.High:P1}); {result.Draws} draws, seed {result.Seed}.</p>");
        return title + "<figure class=\"chart\" data-chart=\"candidates\">" + ChartSvg.Candidates(candidates, chartId) + "</figure>" +
               "<table class=\"candidates\"><thead><tr><th>Candidate</th><th>Probability</th><th>90% interval</th></tr></thead><tbody>" + rows + "</tbody></table>" + contested;
    }

    private sealed class Sink(RunJob job) : IProgress<int>
    {
        public void Report(int value) => job.Report(value);
    }
}

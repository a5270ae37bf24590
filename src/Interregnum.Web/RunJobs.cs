using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Interregnum.Reports;
using Interregnum.Runs;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Web;

/// <summary>What a page asks to run.</summary>
/// <param name="Kind">simulate (one shock), compare (every shock), sensitivity (one shock), brief (the HTML brief: every shock, then the headline shock's sensitivity) or backtest (the cases).</param>
/// <param name="ScenarioPath">The scenario file (already resolved inside the folder); unused by a backtest.</param>
/// <param name="ShockId">The shock for simulate and sensitivity (null: the first).</param>
/// <param name="Draws">Draws per shock, per sensitivity model run, or per backtest case.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="CaseIds">A backtest's cases (names directly in the cases folder; empty: all of them).</param>
internal sealed record RunAsk(string Kind, string ScenarioPath, string? ShockId, int Draws, ulong Seed, IReadOnlyList<string>? CaseIds = null);

/// <summary>A run in progress or finished, polled by the page.</summary>
internal sealed class RunJob(string id, string kind, int total)
{
    private int done;
    private int total = total;

    public string Id { get; } = id;

    public string Kind { get; } = kind;

    public int Total => Volatile.Read(ref total);

    /// <summary>What is being computed now (a brief has several stages).</summary>
    public volatile string? Stage;

    /// <summary>A file to download once done (the brief's HTML), else null.</summary>
    public volatile string? Download;

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

    /// <summary>Starts a new stage of <paramref name="steps"/> steps.</summary>
    public void NewStage(string label, int steps)
    {
        Stage = label;
        Volatile.Write(ref done, 0);
        Volatile.Write(ref total, Math.Max(1, steps));
    }
}

/// <summary>
/// Runs simulate and compare in the background for the page: each gets an id, reports its progress (draws done
/// of the total), can be cancelled through its <see cref="CancellationToken"/>, and when it finishes its result
/// document is stored like the CLI's and shown as the brief's chart and table. The use cases are
/// <see cref="SimulateRun"/> and <see cref="CompareRun"/>; this class only schedules and presents them.
/// </summary>
internal sealed class RunJobs(WorkbenchOptions options, TimeProvider time, CaseFolder caseFolder)
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
        var settings = new SimulationSettings(ask.Draws, ask.Seed);
        if (ask.Kind == "backtest")
        {
            return StartBacktest(ask, settings);
        }

        var loaded = ScenarioFiles.Load(ask.ScenarioPath);
        var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string> { "serve", ask.Kind, Path.GetFileName(ask.ScenarioPath), "--draws", ask.Draws.ToString(CultureInfo.InvariantCulture), "--seed", ask.Seed.ToString(CultureInfo.InvariantCulture) };
        RunJob job;
        Func<IProgress<int>, CancellationToken, (string Html, RunRecord? Record)> work;
        if (ask.Kind == "brief")
        {
            var shock = ScenarioFiles.Shock(loaded, ask.ShockId);
            // The CLI's default of 300 sensitivity draws (report --sensitivity-draws), capped by the draws asked for.
            var plan = BriefRun.FromFile(loaded, shock.Id, settings, Math.Min(300, ask.Draws), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            job = new RunJob(id, "brief", 1);
            work = (_, ct) =>
            {
                job.Download = BriefRun.Render(plan, options.Data, options.Db, TextWriter.Null, new Stages(job), ct);
                var link = "<p><a id=\"brief-link\" href=\"/api/runs/" + job.Id + "/brief\" download=\"" + WebUtility.HtmlEncode(Path.GetFileNameWithoutExtension(ask.ScenarioPath)) + "-brief.html\">Download the brief</a></p>";
                return (link, null);
            };
        }
        else if (ask.Kind == "sensitivity")
        {
            var shock = ScenarioFiles.Shock(loaded, ask.ShockId);
            var request = new SensitivityRequest(loaded, shock.Id, settings);
            arguments.InsertRange(3, ["--shock", shock.Id]);
            job = new RunJob(id, ask.Kind, (2 * SensitivityRun.UncertainInputs(request)) + 1);
            work = (progress, ct) =>
            {
                var doc = SensitivityRun.Compute(request, progress, ct);
                return (RunViews.Sensitivity(doc), SensitivityRun.ToRecord(request, RunJson.Serialize(doc), arguments, time.GetUtcNow()));
            };
        }
        else if (ask.Kind == "compare")
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

    /// <summary>Reads the asked cases (throwing <see cref="RunException"/> when none is valid) and starts the backtest.</summary>
    private RunJob StartBacktest(RunAsk ask, SimulationSettings settings)
    {
        if (caseFolder.Root is not { } root)
        {
            throw new RunException("this workbench has no backtest cases folder (serve --cases DIR)", RunFailure.MissingResource);
        }

        var set = BacktestRun.ReadCases(root, ask.CaseIds);
        if (set.Cases.Count == 0)
        {
            throw BacktestRun.NoValidCase(caseFolder.Name);
        }
        var arguments = new List<string> { "serve", "backtest", caseFolder.Name, "--draws", ask.Draws.ToString(CultureInfo.InvariantCulture), "--seed", ask.Seed.ToString(CultureInfo.InvariantCulture) };
        foreach (var c in ask.CaseIds ?? [])
        {
            arguments.AddRange(["--case", c]);
        }

        var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
        var job = new RunJob(id, "backtest", set.Cases.Count + 1);
        var notRun = set.Failed.Select(f => f.Id).ToList();
        if (notRun.Count > 0)
        {
            job.Message = string.Create(CultureInfo.InvariantCulture, $"{notRun.Count} of {set.Read} cases not run (invalid): {string.Join(", ", notRun)}");
        }

        jobs[id] = job;
        _ = Task.Run(() => Execute(job, (progress, ct) =>
        {
            var history = BacktestRun.LoadHistory(options.Data, TextWriter.Null);
            var doc = BacktestRun.Compute(set.Cases, settings, history, caseFolder.Name, notRun, ct, progress);
            return (RunViews.Backtest(doc), BacktestRun.ToRecord(set.Cases, caseFolder.Name, settings, RunJson.Serialize(doc), arguments, time.GetUtcNow()));
        }));
        return job;
    }

    /// <summary>Re-runs stored run <paramref name="runId"/> and says whether its results were reproduced.</summary>
    public RunJob Rerun(long runId)
    {
        RunRecord run;
        try
        {
            using var store = RunStoreFactory.Open(options.Db);
            run = store.Get(runId) ?? throw new RunException(string.Create(CultureInfo.InvariantCulture, $"no run {runId} in {store.Location}"), RunFailure.MissingResource);
        }
        catch (Exception ex) when (ex is RunStoreException or System.Data.Common.DbException)
        {
            throw new RunException("cannot open the run store: " + ex.Message, RunFailure.MissingResource);
        }

        var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
        var job = new RunJob(id, "rerun", 1);
        jobs[id] = job;
        _ = Task.Run(() => Execute(job, (_, ct) =>
        {
            // A backtest replays from the case texts stored with it, its base-rate rival from this workbench's data folder.
            var replayers = RunReplayers.BuiltIn.With(RunKind.Backtest, (r, notes, token) => BacktestRun.Replay(r, options.Data, notes, token));
            var outcome = RunRerun.Check(run, replayers, TextWriter.Null, ct);
            var b = new System.Text.StringBuilder();
            if (outcome.VersionNote is { } note)
            {
                b.Append("<p class=\"hint\">Warning: ").Append(WebUtility.HtmlEncode(note)).Append(".</p>");
            }

            b.Append(CultureInfo.InvariantCulture, $"<p id=\"rerun-outcome\" data-reproduced=\"{(outcome.Reproduced ? "yes" : "no")}\">");
            b.Append(outcome.Reproduced
                ? string.Create(CultureInfo.InvariantCulture, $"Reproduced exactly: run {run.Id} ({run.Kind.ToText()}, seed {run.Seed}, {run.Draws} draws).")
                : string.Create(CultureInfo.InvariantCulture, $"Not reproduced: run {run.Id}'s results differ from the stored ones ({outcome.Changes.Count} values differ)."));
            b.Append("</p>");
            if (outcome.Changes.Count > 0)
            {
                b.Append("<table><thead><tr><th>Path</th><th>Stored</th><th>Now</th></tr></thead><tbody>");
                foreach (var c in outcome.Changes)
                {
                    b.Append("<tr><td>").Append(WebUtility.HtmlEncode(c.Path)).Append("</td><td>").Append(WebUtility.HtmlEncode(c.Old?.RawText ?? "(absent)"))
                        .Append("</td><td>").Append(WebUtility.HtmlEncode(c.New?.RawText ?? "(absent)")).Append("</td></tr>");
                }

                b.Append("</tbody></table>");
            }

            return (b.ToString(), null);
        }));
        return job;
    }

    private void Execute(RunJob job, Func<IProgress<int>, CancellationToken, (string Html, RunRecord? Record)> work)
    {
        try
        {
            var (html, record) = work(new Sink(job), job.Cancel.Token);
            job.Report(job.Total);
            if (record is not null)
            {
                try
                {
                    using var store = RunStoreFactory.Open(options.Db);
                    job.StoredRun = store.Add(record);
                }
                catch (Exception ex) when (ex is RunStoreException or System.Data.Common.DbException)
                {
                    job.Message = "the run was not stored: " + ex.Message;
                }
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

    /// <summary>The brief's stages (compare every shock, then sensitivity) as one progress bar each, in turn.</summary>
    private sealed class Stages(RunJob job) : IRunProgress
    {
        public T Track<T>(string label, int total, Func<IProgress<int>?, T> work)
        {
            job.NewStage(label, total);
            return work(new Sink(job));
        }
    }

    private sealed class Sink(RunJob job) : IProgress<int>
    {
        public void Report(int value) => job.Report(value);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Interregnum.Runs;
using Interregnum.Scenarios;
using Interregnum.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Interregnum.Web;

/// <summary>
/// The local web workbench: lists the scenarios of a folder, shows one (actors, organizations, power, network),
/// edits it with validation as you type and saves it atomically, runs simulate and compare with progress and
/// cancel, and lists the stored runs. ASP.NET Core minimal APIs, pages rendered on the server, one small script
/// and one stylesheet embedded in the assembly (docs/workbench.md says why).
/// </summary>
public static class Workbench
{
    /// <summary>
    /// Builds the workbench, listening on 127.0.0.1 only. <paramref name="configure"/> lets tests swap the server
    /// (e.g. the in-process test server).
    /// </summary>
    public static WebApplication Build(WorkbenchOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(Workbench).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            // Loopback only: nothing listens on other interfaces.
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = WorkbenchOptions.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.AddRouting();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new ScenarioFolder(options.Folder));
        builder.Services.AddSingleton(new CaseFolder(options.Cases));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RunJobs>();
        configure?.Invoke(builder);
        var app = builder.Build();
        var jobs = app.Services.GetRequiredService<RunJobs>();
        app.Lifetime.ApplicationStopping.Register(jobs.CancelAll);
        app.Use(LocalOnly);
        Map(app);
        return app;
    }

    /// <summary>
    /// Refuses requests whose Host is not a loopback name (DNS rebinding) or whose Origin, when sent, is another
    /// site (cross-site requests), and bodies over <see cref="WorkbenchOptions.MaxRequestBytes"/>.
    /// </summary>
    private static Task LocalOnly(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        var origin = context.Request.Headers.Origin.ToString();
        if (!IsLoopbackName(host))
        {
            return Refuse(context, StatusCodes.Status421MisdirectedRequest, "this workbench answers only requests addressed to 127.0.0.1 or localhost");
        }

        if (origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var o) || !IsLoopbackName(o.Host) || o.Port != (context.Request.Host.Port ?? 80)))
        {
            return Refuse(context, StatusCodes.Status403Forbidden, "cross-origin request refused");
        }

        if (context.Request.ContentLength > WorkbenchOptions.MaxRequestBytes)
        {
            return Refuse(context, StatusCodes.Status413PayloadTooLarge, "request too large");
        }

        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";
        return next(context);
    }

    private static bool IsLoopbackName(string host) =>
        host is "127.0.0.1" or "localhost" or "[::1]" or "::1";

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/", (ScenarioFolder folder, CaseFolder cases, WorkbenchOptions options) => Html(Pages.Index(folder.Names(), StoredRuns(options.Db), cases.Root is null ? null : cases.Names())));

        app.MapGet("/scenario", (string? file, ScenarioFolder folder) =>
        {
            var path = folder.Resolve(file);
            if (path is null)
            {
                return NotInFolder(file);
            }

            var text = File.ReadAllText(path, Encoding.UTF8);
            var read = ScenarioReader.ReadText(text, Path.GetFileName(path));
            return Html(Pages.Scenario(Path.GetFileName(path), text, read.Scenario, read.Errors));
        });

        app.MapPost("/api/validate", async (string? file, HttpRequest request, ScenarioFolder folder) =>
        {
            if (folder.Resolve(file) is not { } path)
            {
                return NotInFolder(file);
            }

            var text = await ReadText(request).ConfigureAwait(false);
            return text is null ? TooLarge() : Problems(ScenarioEdit.Check(text, Path.GetFileName(path)), saved: false);
        });

        app.MapPost("/api/save", async (string? file, HttpRequest request, ScenarioFolder folder) =>
        {
            if (folder.Resolve(file) is not { } path)
            {
                return NotInFolder(file);
            }

            var text = await ReadText(request).ConfigureAwait(false);
            if (text is null)
            {
                return TooLarge();
            }

            var errors = ScenarioEdit.Save(path, text);
            return errors.Count == 0 ? Problems(errors, saved: true) : Results.Json(ProblemsBody(errors, saved: false), WebJson.Problems, statusCode: StatusCodes.Status422UnprocessableEntity);
        });

        app.MapPost("/api/runs", async (HttpRequest request, ScenarioFolder folder, CaseFolder cases, RunJobs jobs) =>
        {
            if (!request.HasFormContentType)
            {
                return Error("send the run as a form", StatusCodes.Status400BadRequest);
            }

            var form = await request.ReadFormAsync().ConfigureAwait(false);
            var kind = form["kind"].ToString();
            if (kind is not ("simulate" or "compare" or "sensitivity" or "brief" or "backtest"))
            {
                return Error("kind must be simulate, compare, sensitivity, brief or backtest", StatusCodes.Status400BadRequest);
            }

            string path = "";
            List<string> caseIds = [];
            if (kind == "backtest")
            {
                // Only case folders directly in the cases folder, by name, as scenarios are confined to theirs.
                foreach (var name in form["case"])
                {
                    if (cases.Resolve(name) is null)
                    {
                        return Results.Text("no backtest case '" + name + "' in the workbench's cases folder\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
                    }

                    caseIds.Add(name!);
                }
            }
            else if (folder.Resolve(form["file"]) is { } resolved)
            {
                path = resolved;
            }
            else
            {
                return NotInFolder(form["file"]);
            }

            if (!int.TryParse(form["draws"], NumberStyles.None, CultureInfo.InvariantCulture, out var draws) || draws < 1 || draws > WorkbenchOptions.MaxDraws)
            {
                return Error(string.Create(CultureInfo.InvariantCulture, $"draws must be a whole number from 1 to {WorkbenchOptions.MaxDraws}"), StatusCodes.Status400BadRequest);
            }

            if (!ulong.TryParse(form["seed"], NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            {
                return Error("seed must be a whole number ≥ 0", StatusCodes.Status400BadRequest);
            }

            var shock = form["shock"].ToString();
            try
            {
                var job = jobs.Start(new RunAsk(kind, path, shock.Length == 0 ? null : shock, draws, seed, caseIds));
                return Results.Json(Status(job), WebJson.JobStatus, statusCode: StatusCodes.Status202Accepted);
            }
            catch (RunException ex)
            {
                return Error(ex.Message, ex.Failure == RunFailure.MissingResource ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity);
            }
        });

        app.MapPost("/api/rerun/{id:long}", (long id, RunJobs jobs) =>
        {
            try
            {
                return Results.Json(Status(jobs.Rerun(id)), WebJson.JobStatus, statusCode: StatusCodes.Status202Accepted);
            }
            catch (RunException ex)
            {
                return Error(ex.Message, StatusCodes.Status404NotFound);
            }
        });

        app.MapGet("/api/runs/{id}/brief", (string id, RunJobs jobs) =>
            jobs.Get(id) is { State: "done", Download: { } html }
                ? Results.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", "brief.html")
                : Results.NotFound());

        app.MapGet("/runs/diff", (long a, long b, WorkbenchOptions options) =>
        {
            using var store = RunStoreFactory.Open(options.Db);
            if (store.Get(a) is not { } first || store.Get(b) is not { } second)
            {
                return Results.NotFound();
            }

            return Html(Pages.Diff(RunDiff.Between(first, second)));
        });

        app.MapGet("/api/runs/{id}", (string id, RunJobs jobs) => jobs.Get(id) is { } job ? Results.Json(Status(job), WebJson.JobStatus) : Results.NotFound());

        app.MapPost("/api/runs/{id}/cancel", (string id, RunJobs jobs) =>
        {
            if (jobs.Get(id) is not { } job)
            {
                return Results.NotFound();
            }

            job.Cancel.Cancel();
            return Results.Json(Status(job), WebJson.JobStatus);
        });

        app.MapGet("/runs/{id:long}", (long id, WorkbenchOptions options) =>
        {
            using var store = RunStoreFactory.Open(options.Db);
            return store.Get(id) is { } run ? Html(Pages.StoredRun(run)) : Results.NotFound();
        });

        app.MapGet("/assets/{name}", (string name) =>
        {
            var type = name switch
            {
                "workbench.js" => "text/javascript; charset=utf-8",
                "workbench.css" => "text/css; charset=utf-8",
                _ => null,
            };
            var stream = type is null ? null : typeof(Workbench).Assembly.GetManifestResourceStream(name);
            return stream is null ? Results.NotFound() : Results.Stream(stream, type);
        });
    }

    private static IReadOnlyList<RunSummary>? StoredRuns(string? db)
    {
        try
        {
            using var store = RunStoreFactory.Open(db);
            return store.List(new RunFilter(Limit: 30));
        }
        catch (Exception ex) when (ex is RunStoreException or System.Data.Common.DbException)
        {
            return null;
        }
    }

    private static async Task<string?> ReadText(HttpRequest request)
    {
        // The test server does not enforce Kestrel's body limit: read at most one byte more than allowed.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > WorkbenchOptions.MaxRequestBytes)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static JobStatusJson Status(RunJob job) =>
        new(job.Id, job.Kind, job.State, job.Done, job.Total, job.Message, job.Stage, job.StoredRun, job.Html);

    private static ProblemsJson ProblemsBody(IReadOnlyList<ScenarioError> errors, bool saved) =>
        new(saved, [.. errors.Select(e => new ProblemJson(e.Line, e.Column, e.Message, e.ToString()))]);

    private static IResult Problems(IReadOnlyList<ScenarioError> errors, bool saved) => Results.Json(ProblemsBody(errors, saved), WebJson.Problems);

    private static IResult Error(string message, int status) => Results.Json(new ErrorJson(message), WebJson.Error, statusCode: status);

    private static IResult NotInFolder(string? file) =>
        Results.Text("no scenario '" + file + "' in the workbench's folder (only .yaml files directly in it)\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static IResult TooLarge() => Results.Text("request too large\n", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interregnum.Model;
using Interregnum.Reports;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Cli.Commands;

/// <summary>
/// <c>interregnum report (FILE | --run ID) --out brief.html</c>: one self-contained HTML brief. From a file it
/// compares every shock with common random numbers, runs the sensitivity analysis of the headline shock and adds
/// the power table, the elite network, the outside view and the methods. From a stored run it rebuilds the scenario
/// from the stored text and re-runs with the stored seed, draws and model, and says whether the stored results were
/// reproduced. Nothing is written unless the whole brief is: it goes to a temporary file that is then renamed.
/// </summary>
internal static class ReportCommand
{
    private const int DefaultDraws = 10_000;
    private const int DefaultSensitivityDraws = 300;

    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "Scenario file (YAML or JSON); or give --run ID.", Arity = ArgumentArity.ZeroOrOne };
        var run = new Option<long?>("--run") { HelpName = "ID", Description = "Make the brief from a stored run (see `interregnum runs list`): same scenario, seed, draws and model." };
        var output = new Option<string>("--out", "-o") { HelpName = "FILE", Description = "The HTML file to write (replaced if it exists; nothing is written on failure).", Required = true };
        var draws = new Option<int>("--draws") { HelpName = "N", Description = "Monte Carlo draws per shock.", DefaultValueFactory = _ => DefaultDraws };
        var sensitivityDraws = new Option<int>("--sensitivity-draws")
        {
            HelpName = "N",
            Description = "Draws per run of the sensitivity analysis of the headline shock, which runs the model twice per uncertain input (0 leaves it out).",
            DefaultValueFactory = _ => DefaultSensitivityDraws,
        };
        var seed = new Option<ulong>("--seed") { HelpName = "S", Description = "Random seed; the result depends on it alone.", DefaultValueFactory = _ => 1UL };
        var model = new Option<PolicyModel>("--model")
        {
            Description = "Policy model after the contest: smp (KTAB spatial model), compromise or eu; the sensitivity analysis uses the same.",
            DefaultValueFactory = _ => PolicyModel.Smp,
        };
        var shock = new Option<string?>("--shock") { HelpName = "ID", Description = "The headline shock (default: the scenario's first); every shock is compared." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores). Never changes the result." };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        draws.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--draws must be at least 1");
            }
        });
        sensitivityDraws.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--sensitivity-draws must be 0 or more");
            }
        });

        var command = new Command("report", "Write a self-contained HTML brief (charts embedded, nothing fetched) for a scenario file or a stored run.")
        {
            file, run, output, draws, sensitivityDraws, seed, model, shock, threads, data, db,
        };
        command.SetAction((p, ct) =>
        {
            var stdout = p.InvocationConfiguration.Output;
            var stderr = p.InvocationConfiguration.Error;
            var outPath = p.GetValue(output)!;
            var target = Target(outPath);
            var path = p.GetValue(file);
            var runId = p.GetValue(run);
            if ((path is null) == (runId is null))
            {
                throw new CliException("give a scenario FILE or --run ID (one of them)", ExitCodes.Usage);
            }

            Plan plan;
            if (runId is { } id)
            {
                var given = new Option[] { draws, seed, model, shock }.Where(o => p.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
                if (given.Count > 0)
                {
                    throw new CliException(
                        $"--run takes the seed, draws, model and shock from the stored run; leave out {string.Join(", ", given)}", ExitCodes.Usage);
                }

                plan = FromRun(id, p.GetValue(db), p.GetValue(sensitivityDraws), p.GetValue(threads), p.GetResult(sensitivityDraws) is { Implicit: false });
            }
            else
            {
                var loaded = ScenarioFiles.Load(path!);
                var headline = ScenarioFiles.Shock(loaded, p.GetValue(shock));
                plan = new Plan(
                    loaded,
                    loaded.Scenario.Shocks.Select(x => x.Id).ToList(),
                    headline.Id,
                    new SimulationSettings(p.GetValue(draws), p.GetValue(seed), p.GetValue(model), p.GetValue(threads)),
                    p.GetValue(sensitivityDraws),
                    "scenario file " + Path.GetFileName(loaded.Path),
                    DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime),
                    null);
            }

            var inputs = WithTrackRecord(Compute(plan, p.GetValue(data), stderr, ct), p.GetValue(db));

            var html = BriefRenderer.Render(BriefBuilder.Build(inputs));
            var bytes = WriteAtomically(outPath, target, html);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {outPath} ({bytes:N0} bytes): {plan.Loaded.Scenario.Id}, headline shock {plan.HeadlineShockId}, {plan.Settings.Draws} draws per shock, seed {plan.Settings.Seed}, policy model {ForecastReports.ModelName(plan.Settings.Model)}"));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>What to run for a brief.</summary>
    /// <param name="Loaded">The scenario.</param>
    /// <param name="ShockIds">The shocks to compare, in order.</param>
    /// <param name="HeadlineShockId">The shock the candidate, policy and sensitivity sections show.</param>
    /// <param name="Settings">Seed, draws, model and threads of the comparison.</param>
    /// <param name="SensitivityDraws">Draws per sensitivity run (0: none).</param>
    /// <param name="Provenance">Where the brief comes from, in words.</param>
    /// <param name="MadeOn">The date shown when the scenario states none.</param>
    /// <param name="Stored">The stored run to check the re-run against, or null.</param>
    private sealed record Plan(
        LoadedScenario Loaded,
        IReadOnlyList<string> ShockIds,
        string HeadlineShockId,
        SimulationSettings Settings,
        int SensitivityDraws,
        string Provenance,
        DateOnly MadeOn,
        RunRecord? Stored);

    private static Plan FromRun(long id, string? db, int sensitivityDraws, int? threads, bool sensitivityDrawsGiven)
    {
        RunRecord run;
        string location;
        try
        {
            using var store = RunStoreFactory.Open(db);
            location = store.Location;
            run = store.Get(id) ?? throw new CliException(
                string.Create(CultureInfo.InvariantCulture, $"no run {id} in {store.Location} (see `interregnum runs list`)"), ExitCodes.MissingResource);
        }
        catch (Exception ex) when (ex is RunStoreException or System.Data.Common.DbException)
        {
            throw new CliException("cannot open the run store: " + ex.Message, ExitCodes.MissingResource);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"run {id}");
        if (run.Kind is not (RunKind.Simulate or RunKind.Compare or RunKind.Sensitivity))
        {
            throw new CliException($"{name} is a {run.Kind.ToText()} run; a brief is made from a simulate, compare or sensitivity run", ExitCodes.InvalidInput);
        }

        if (run.Kind == RunKind.Sensitivity && sensitivityDrawsGiven)
        {
            throw new CliException($"{name} is a sensitivity run, whose draws the brief reuses; leave out --sensitivity-draws", ExitCodes.Usage);
        }

        LoadedScenario loaded;
        try
        {
            loaded = ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile);
        }
        catch (CliException ex)
        {
            throw new CliException($"{name}: " + ex.Message, ex.ExitCode);
        }

        var scenario = loaded.Scenario;
        var stored = (run.ShockId ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var shock in stored)
        {
            if (scenario.ShockById(shock) is null)
            {
                throw new CliException($"{name}: its shock '{shock}' is not in its stored scenario");
            }
        }

        if (scenario.Shocks.Count == 0)
        {
            throw new CliException($"{name}: its stored scenario declares no shocks");
        }

        // A compare run is redone over its own shocks; a simulate or sensitivity run is set beside every shock
        // (common random numbers leave its own shock's results unchanged).
        var shockIds = run.Kind == RunKind.Compare && stored.Length > 0 ? stored : scenario.Shocks.Select(s => s.Id).ToArray();
        var headline = stored.Length > 0 ? stored[0] : shockIds[0];

        // The stored seed, draws, model and stopping rule (--until-se), as `runs rerun` reads them.
        var settings = RunLog.Settings(run) with { MaxThreads = threads };
        var created = run.CreatedAt.ToUniversalTime();
        return new Plan(
            loaded,
            shockIds,
            headline,
            settings,
            run.Kind == RunKind.Sensitivity ? run.Draws : sensitivityDraws,
            string.Create(CultureInfo.InvariantCulture,
                $"stored run {id} ({run.Kind.ToText()}, made {created:yyyy-MM-dd HH:mm} UTC by Interregnum {run.ProgramVersion} from {run.ScenarioFile}; store {location})"),
            DateOnly.FromDateTime(created.UtcDateTime),
            run);
    }

    /// <summary>Adds the newest stored backtest run, if the run store holds one, for the track-record section.</summary>
    private static BriefInputs WithTrackRecord(BriefInputs inputs, string? db)
    {
        try
        {
            using var store = RunStoreFactory.Open(db);
            var newest = store.List(new RunFilter(Kind: RunKind.Backtest, Limit: 1));
            if (newest.Count == 0)
            {
                return inputs with { BacktestMissing = $"no backtest run in the run store ({store.Location}); run `interregnum backtest backtests/` to score the model on historical successions" };
            }

            var run = store.Get(newest[0].Id)!;
            return inputs with { Backtest = (run.ResultsJson, run.Id) };
        }
        catch (Exception ex) when (ex is RunStoreException or System.Data.Common.DbException or IOException)
        {
            return inputs with { BacktestMissing = "the run store could not be read for a backtest result: " + ex.Message };
        }
    }

    private static BriefInputs Compute(Plan plan, DirectoryInfo? data, TextWriter stderr, CancellationToken ct)
    {
        var scenario = plan.Loaded.Scenario;
        var settings = plan.Settings;
        var results = Terminal.WithProgress(stderr, "report: shocks", settings.Draws * plan.ShockIds.Count, progress =>
            ShockComparison.Run(scenario, plan.ShockIds, settings, progress, ct));

        SensitivityResult? sensitivity = null;
        string? sensitivityMissing = null;
        var uncertain = ScenarioInputs.UncertainFor(scenario, plan.HeadlineShockId).Count;
        if (uncertain == 0)
        {
            sensitivityMissing = "no number in the scenario is uncertain (declared as a range), so there is no assumption to rank";
        }
        else if (plan.SensitivityDraws == 0)
        {
            sensitivityMissing = "the sensitivity analysis was left out (--sensitivity-draws 0)";
        }
        else
        {
            var sensitivitySettings = settings with { Draws = plan.SensitivityDraws, UntilSe = null };
            sensitivity = Terminal.WithProgress(stderr, "report: sensitivity", (2 * uncertain) + 1, progress =>
                Sensitivity.Run(scenario, plan.HeadlineShockId, sensitivitySettings, progress, ct));
        }

        var (outsideView, outsideMissing) = Outside(plan, data, stderr);
        string? reproduction = null;
        if (plan.Stored is { } stored)
        {
            reproduction = Reproduction(plan, stored, results, sensitivity);
            if (!reproduction.StartsWith("yes", StringComparison.Ordinal))
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: run {stored.Id}: ") + reproduction);
            }
        }

        return new BriefInputs(
            plan.Loaded,
            results,
            plan.HeadlineShockId,
            settings,
            sensitivity,
            sensitivityMissing,
            outsideView,
            outsideMissing,
            plan.Provenance,
            reproduction,
            plan.MadeOn);
    }

    private static (OutsideViewJson? View, string? Missing) Outside(Plan plan, DirectoryInfo? data, TextWriter stderr)
    {
        var scenario = plan.Loaded.Scenario;
        if (scenario.ReferenceClass is null)
        {
            return (null, "the scenario declares no reference class (reference_class:), so there is no historical comparison");
        }

        if (data is null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("INTERREGNUM_DATA")))
        {
            stderr.WriteLine("note: no outside view (historical base rates) in the brief: give --data DIR or set INTERREGNUM_DATA (see docs/data.md)");
            return (null, "no historical data folder was given when the brief was made (--data DIR or INTERREGNUM_DATA; the datasets are described in docs/data.md)");
        }

        // Every manner of exit: the brief sets several shocks side by side, as compare does.
        var notes = new StringWriter();
        var view = OutsideViews.For(plan.Loaded, scenario.ShockById(plan.HeadlineShockId)!, data, notes, allManners: true);
        var note = notes.ToString().Trim();
        if (note.Length > 0)
        {
            stderr.WriteLine(note);
        }

        return view is not null ? (view, null) : (null, note.StartsWith("note: ", StringComparison.Ordinal) ? note[6..] : note);
    }

    /// <summary>Whether the re-run gave the stored run's results, compared as JSON the way the command wrote them.</summary>
    private static string Reproduction(Plan plan, RunRecord stored, IReadOnlyList<SimulationResult> results, SensitivityResult? sensitivity)
    {
        JsonNode? storedNode;
        try
        {
            storedNode = JsonNode.Parse(stored.ResultsJson);
        }
        catch (JsonException)
        {
            return "not checked: the stored results are not JSON";
        }

        var headline = results.Single(r => r.ShockId == plan.HeadlineShockId);
        var (property, recomputed, what) = stored.Kind switch
        {
            RunKind.Simulate => ("forecast", (object)ForecastReports.ToJson(plan.Loaded, headline), "the forecast for " + headline.ShockId),
            RunKind.Compare => ("shocks", results.Select(r => ForecastReports.ToJson(plan.Loaded, r)).ToList(), "every compared shock"),
            _ => ("outputs", sensitivity is null ? null! : SensitivityJson(sensitivity), "the sensitivity of " + plan.HeadlineShockId),
        };
        var storedPart = storedNode?[property];
        if (storedPart is null || recomputed is null)
        {
            return $"not checked: the stored results have no '{property}' to compare";
        }

        var again = JsonNode.Parse(JsonSerializer.Serialize(recomputed, CommonOptions.Json))!;
        if (JsonNode.DeepEquals(storedPart, again) && storedPart.ToJsonString() == again.ToJsonString())
        {
            return $"yes: re-run with the stored scenario, seed, draws and model, {what} equals the stored results exactly";
        }

        return $"no: re-run with the stored scenario, seed, draws and model, {what} differs from the stored results "
            + $"(stored by version {stored.ProgramVersion}, this is {RunRecorder.ProgramVersion}); the brief shows the re-run's numbers";
    }

    private static List<OutputSensitivityJson> SensitivityJson(SensitivityResult result) =>
        result.Outputs.Select(o => new OutputSensitivityJson(
            o.Output.Id,
            o.Output.Label,
            o.Base,
            o.Tornado.Select(b => new TornadoJson(b.Input, b.Low, b.High, b.Swing)).ToList(),
            o.Importance.Select(i => new ImportanceJson(i.Input, i.Index, [i.Low, i.High])).ToList())).ToList();

    /// <summary>Checks where the brief goes before any work is done: an existing folder, and not a folder itself.</summary>
    private static string Target(string outPath)
    {
        var full = Path.GetFullPath(outPath);
        if (Directory.Exists(full))
        {
            throw new CliException($"{outPath} is a folder; give a file name such as {Path.Combine(outPath, "brief.html")}", ExitCodes.Usage);
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException($"{outPath}: the folder {folder} does not exist", ExitCodes.MissingResource);
        }

        return full;
    }

    /// <summary>Writes the brief to a temporary file beside the target and renames it into place; returns the size.</summary>
    private static long WriteAtomically(string outPath, string full, string html)
    {
        var temp = Path.Combine(Path.GetDirectoryName(full)!,
            "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".partial");
        var bytes = new UTF8Encoding(false).GetBytes(html);
        var moved = false;
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
            moved = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{outPath}: cannot write the brief: {ex.Message}", ExitCodes.MissingResource);
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temp);
            }
        }

        return bytes.LongLength;
    }

}

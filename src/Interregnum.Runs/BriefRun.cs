using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interregnum.Model;
using Interregnum.Reports;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>Runs long work with a progress display the front end chooses (a terminal bar, a web page's, or none).</summary>
public interface IRunProgress
{
    /// <summary>Runs <paramref name="work"/>, giving it a progress sink for <paramref name="total"/> steps (or null).</summary>
    T Track<T>(string label, int total, Func<IProgress<int>?, T> work);
}

/// <summary>
/// The brief use case (<c>report</c>): from a scenario file it compares every shock with common random numbers,
/// runs the sensitivity analysis of the headline shock and adds the power table, the elite network, the outside
/// view and the methods; from a stored run it rebuilds the scenario from the stored text, re-runs with the stored
/// seed, draws and model, and says whether the stored results were reproduced.
/// </summary>
public static class BriefRun
{
    /// <summary>The plan for a brief from a scenario file.</summary>
    public static BriefPlan FromFile(LoadedScenario loaded, string headlineShockId, SimulationSettings settings, int sensitivityDraws, DateOnly madeOn)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return new BriefPlan(
            loaded,
            loaded.Scenario.Shocks.Select(x => x.Id).ToList(),
            headlineShockId,
            settings,
            sensitivityDraws,
            "scenario file " + Path.GetFileName(loaded.Path),
            madeOn,
            null);
    }

    /// <summary>The brief's HTML for a plan: computes, adds the newest stored backtest, renders.</summary>
    public static string Render(BriefPlan plan, DirectoryInfo? data, string? db, TextWriter notes, IRunProgress progress, CancellationToken ct) =>
        BriefRenderer.Render(BriefBuilder.Build(WithTrackRecord(Compute(plan, data, notes, progress, ct), db)));

    public static BriefPlan FromRun(long id, string? db, int sensitivityDraws, int? threads, bool sensitivityDrawsGiven)
    {
        RunRecord run;
        string location;
        try
        {
            using var store = RunStoreFactory.Open(db);
            location = store.Location;
            run = store.Get(id) ?? throw new RunException(
                string.Create(CultureInfo.InvariantCulture, $"no run {id} in {store.Location} (see `interregnum runs list`)"), RunFailure.MissingResource);
        }
        catch (Exception ex) when (ex is RunStoreException or System.Data.Common.DbException)
        {
            throw new RunException("cannot open the run store: " + ex.Message, RunFailure.MissingResource);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"run {id}");
        if (run.Kind is not (RunKind.Simulate or RunKind.Compare or RunKind.Sensitivity))
        {
            throw new RunException($"{name} is a {run.Kind.ToText()} run; a brief is made from a simulate, compare or sensitivity run", RunFailure.InvalidInput);
        }

        if (run.Kind == RunKind.Sensitivity && sensitivityDrawsGiven)
        {
            throw new RunException($"{name} is a sensitivity run, whose draws the brief reuses; leave out --sensitivity-draws", RunFailure.Usage);
        }

        LoadedScenario loaded;
        try
        {
            loaded = ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile);
        }
        catch (RunException ex)
        {
            throw new RunException($"{name}: " + ex.Message, ex.Failure);
        }

        var scenario = loaded.Scenario;
        var stored = (run.ShockId ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var shock in stored)
        {
            if (scenario.ShockById(shock) is null)
            {
                throw new RunException($"{name}: its shock '{shock}' is not in its stored scenario");
            }
        }

        if (scenario.Shocks.Count == 0)
        {
            throw new RunException($"{name}: its stored scenario declares no shocks");
        }

        // A compare run is redone over its own shocks; a simulate or sensitivity run is set beside every shock
        // (common random numbers leave its own shock's results unchanged).
        var shockIds = run.Kind == RunKind.Compare && stored.Length > 0 ? stored : scenario.Shocks.Select(s => s.Id).ToArray();
        var headline = stored.Length > 0 ? stored[0] : shockIds[0];

        // The stored seed, draws, model and stopping rule (--until-se), as `runs rerun` reads them.
        var settings = ForecastRecords.Settings(run) with { MaxThreads = threads };
        var created = run.CreatedAt.ToUniversalTime();
        return new BriefPlan(
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
    public static BriefInputs WithTrackRecord(BriefInputs inputs, string? db)
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

    public static BriefInputs Compute(BriefPlan plan, DirectoryInfo? data, TextWriter stderr, IRunProgress progressBars, CancellationToken ct)
    {
        var scenario = plan.Loaded.Scenario;
        var settings = plan.Settings;
        var results = progressBars.Track("report: shocks", settings.Draws * plan.ShockIds.Count, progress =>
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
            sensitivity = progressBars.Track("report: sensitivity", (2 * uncertain) + 1, progress =>
                Sensitivity.Run(scenario, plan.HeadlineShockId, sensitivitySettings, progress, ct));
        }

        var (outsideView, outsideMissing) = Outside(plan, data, stderr);
        string? reproduction = null;
        if (plan.Stored is { } stored)
        {
            reproduction = Reproduction(plan, stored, results, sensitivity, ct);
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
            plan.MadeOn)
        {
            ExitRisk = ExitRiskRun.View(plan.Loaded, data, stderr),

            // The same blend and contested reference class as simulate prints for the headline shock.
            Blend = BlendedForecasts.For(scenario, scenario.ShockById(plan.HeadlineShockId)!, results.Single(r => r.ShockId == plan.HeadlineShockId), BlendedForecasts.LoadHistory(data, stderr)),
            Coalition = Interregnum.Coalition.CoalitionSimulation.Run(
                scenario,
                plan.HeadlineShockId,
                new Interregnum.Coalition.CoalitionSettings(results.First(r => r.ShockId == plan.HeadlineShockId).Draws, settings.Seed, MaxThreads: settings.MaxThreads),
                ct),
        };
    }

    private static (OutsideViewJson? View, string? Missing) Outside(BriefPlan plan, DirectoryInfo? data, TextWriter stderr)
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

    private static void WithoutBlend(JsonNode node)
    {
        if (node is JsonObject o)
        {
            o.Remove("blend");
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a.OfType<JsonObject>())
            {
                item.Remove("blend");
            }
        }
    }

    /// <summary>Whether the re-run gave the stored run's results, compared as JSON the way the command wrote them.</summary>
    private static string Reproduction(BriefPlan plan, RunRecord stored, IReadOnlyList<SimulationResult> results, SensitivityResult? sensitivity, CancellationToken ct)
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

        // Runs stored before the ruling-coalition model carry no coalition: compare like with like.
        var withCoalition = (storedNode?["forecast"]?["coalition"] ?? storedNode?["shocks"]?[0]?["coalition"]) is not null;
        ShockForecastJson Doc(SimulationResult r) => withCoalition
            ? ForecastDocuments.ToJson(plan.Loaded, r) with { Coalition = CoalitionDocuments.For(plan.Loaded, r, plan.Settings, ct) }
            : ForecastDocuments.ToJson(plan.Loaded, r);
        var (property, recomputed, what) = stored.Kind switch
        {
            RunKind.Simulate => ("forecast", (object)Doc(headline), "the forecast for " + headline.ShockId),
            RunKind.Compare => ("shocks", results.Select(Doc).ToList(), "every compared shock"),
            _ => ("outputs", sensitivity is null ? null! : SensitivityRun.Outputs(sensitivity), "the sensitivity of " + plan.HeadlineShockId),
        };
        var storedPart = storedNode?[property];
        if (storedPart is null || recomputed is null)
        {
            return $"not checked: the stored results have no '{property}' to compare";
        }

        var again = JsonNode.Parse(RunJson.SerializeObject(recomputed))!;

        // The blend depends on the historical data folder as well as the run; the re-run checks the model's own results.
        storedPart = storedPart.DeepClone();
        WithoutBlend(storedPart);
        WithoutBlend(again);
        if (JsonNode.DeepEquals(storedPart, again) && storedPart.ToJsonString() == again.ToJsonString())
        {
            return $"yes: re-run with the stored scenario, seed, draws and model, {what} equals the stored results exactly";
        }

        return $"no: re-run with the stored scenario, seed, draws and model, {what} differs from the stored results "
            + $"(stored by version {stored.ProgramVersion}, this is {RunJson.ProgramVersion}); the brief shows the re-run's numbers";
    }
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
public sealed record BriefPlan(
    LoadedScenario Loaded,
    IReadOnlyList<string> ShockIds,
    string HeadlineShockId,
    SimulationSettings Settings,
    int SensitivityDraws,
    string Provenance,
    DateOnly MadeOn,
    RunRecord? Stored);

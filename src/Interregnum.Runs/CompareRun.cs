using System.Text.Json.Serialization;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>A compare run: several shocks side by side with common random numbers.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="ShockIds">The shocks, in order (already checked to exist).</param>
/// <param name="Settings">Draws per shock, seed, policy model, threads.</param>
/// <param name="Data">The historical data folder for the outside view (null: INTERREGNUM_DATA, else none).</param>
public sealed record CompareRequest(LoadedScenario Scenario, IReadOnlyList<string> ShockIds, SimulationSettings Settings, DirectoryInfo? Data);

/// <summary>The JSON document <c>compare --format json</c> prints.</summary>
public sealed record CompareJson(string Program, string Version, string Command, ScenarioRef Scenario, ulong Seed, int Draws, string Model, IReadOnlyList<ShockForecastJson> Shocks, OutsideViewJson? OutsideView,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExitRiskViewJson? ExitRisk = null);


/// <summary>The compare use case: compute, map to the stored run, replay.</summary>
public static class CompareRun
{
    /// <summary>
    /// The request for the given comma-separated shock ids (each checked), or every shock of the scenario when
    /// none is given.
    /// </summary>
    public static CompareRequest Request(LoadedScenario loaded, string? shockIds, SimulationSettings settings, DirectoryInfo? data)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var ids = (shockIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var id in ids)
        {
            ScenarioFiles.Shock(loaded, id);
        }

        if (ids.Count == 0)
        {
            ids = loaded.Scenario.Shocks.Select(s => s.Id).ToList();
        }

        return new CompareRequest(loaded, ids, settings, data);
    }

    /// <summary>Runs every shock and builds the result document; notes go to <paramref name="notes"/>.</summary>
    public static (CompareJson Doc, IReadOnlyList<SimulationResult> Results) Compute(CompareRequest request, TextWriter notes, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = request.Scenario;
        var settings = request.Settings;
        var ids = request.ShockIds;
        var list = ShockComparison.Run(loaded.Scenario, ids, settings, progress, ct);

        var doc = new CompareJson(
            "interregnum",
            ForecastDocuments.Version,
            "compare",
            ForecastDocuments.Ref(loaded),
            settings.Seed,
            settings.Draws,
            ForecastDocuments.ModelName(settings.Model),
            list.Select(r => ForecastDocuments.ToJson(loaded, r) with { Coalition = CoalitionDocuments.For(loaded, r, settings, ct) }).ToList(),
            OutsideViews.For(loaded, loaded.Scenario.ShockById(ids[0])!, request.Data, notes, allManners: true),
            ExitRiskRun.View(loaded, request.Data, notes));
        return (doc, list);
    }

    /// <summary>The stored record of a finished compare run (its shock ids joined by commas).</summary>
    public static RunRecord ToRecord(CompareRequest request, string resultsJson, IReadOnlyList<string> arguments, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ForecastRecords.ToRecord(RunKind.Compare, request.Scenario, string.Join(",", request.ShockIds), request.Settings, resultsJson, null, arguments, createdAt);
    }

    /// <summary>The request a stored compare run was made with.</summary>
    public static CompareRequest FromRecord(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var loaded = ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile);
        var ids = (run.ShockId ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        return new CompareRequest(loaded, ids, ForecastRecords.Settings(run), ScenarioFiles.DataFolderFromArguments(run.Arguments));
    }

    /// <summary>Re-runs a stored compare run and returns its result document, for <c>runs rerun</c>.</summary>
    public static string Replay(RunRecord run, TextWriter notes, CancellationToken ct)
    {
        var (doc, _) = Compute(FromRecord(run), notes, null, ct);
        return RunJson.Serialize(doc);
    }
}

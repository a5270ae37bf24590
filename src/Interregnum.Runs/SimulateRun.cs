using System.Text.Json.Serialization;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>A simulate run: one shock's succession forecast.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="ShockId">The shock (already checked to exist; see <see cref="ScenarioFiles.Shock"/>).</param>
/// <param name="Settings">Draws, seed, policy model, threads, stopping rule.</param>
/// <param name="Data">The historical data folder for the outside view (null: INTERREGNUM_DATA, else none).</param>
public sealed record SimulateRequest(LoadedScenario Scenario, string ShockId, SimulationSettings Settings, DirectoryInfo? Data);

/// <summary>The JSON document <c>simulate --format json</c> prints and <c>--out</c> writes as summary.json.</summary>
public sealed record SimulateJson(
    string Program,
    string Version,
    string Command,
    ScenarioRef Scenario,
    ulong Seed,
    int Draws,
    string Model,
    ShockForecastJson Forecast,
    OutsideViewJson? OutsideView,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExitRiskViewJson? ExitRisk = null)
{
    /// <summary>The scenario's external forecasts beside the model's matching numbers (null when it cites none).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ExternalForecastJson>? ExternalForecasts { get; init; }
}


/// <summary>The simulate use case: compute, map to the stored run, replay.</summary>
public static class SimulateRun
{
    /// <summary>Runs the forecast and builds its result document; notes (no outside view, ...) go to <paramref name="notes"/>.</summary>
    public static (SimulateJson Doc, SimulationResult Result) Compute(SimulateRequest request, TextWriter notes, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = request.Scenario;
        var result = SuccessionSimulation.Run(loaded.Scenario, request.ShockId, request.Settings, progress, ct);
        var history = BlendedForecasts.LoadHistory(request.Data, notes);
        var doc = new SimulateJson(
            "interregnum",
            ForecastDocuments.Version,
            "simulate",
            ForecastDocuments.Ref(loaded),
            result.Seed,
            result.Draws,
            ForecastDocuments.ModelName(result.Model),
            ForecastDocuments.ToJson(loaded, result) with { Coalition = CoalitionDocuments.For(loaded, result, request.Settings, ct), Blend = BlendedForecasts.For(loaded.Scenario, loaded.Scenario.ShockById(request.ShockId)!, result, history) },
            OutsideViews.For(loaded, loaded.Scenario.ShockById(request.ShockId)!, request.Data, notes),
            ExitRiskRun.View(loaded, request.Data, notes));
        if (loaded.Scenario.ExternalForecasts.Count > 0)
        {
            doc = doc with { ExternalForecasts = ExternalForecastComparisons.For(loaded.Scenario, result, doc.ExitRisk) };
        }

        return (doc, result);
    }

    /// <summary>The stored record of a finished simulate run.</summary>
    public static RunRecord ToRecord(SimulateRequest request, string resultsJson, string? drawsCsv, IReadOnlyList<string> arguments, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ForecastRecords.ToRecord(RunKind.Simulate, request.Scenario, request.ShockId, request.Settings, resultsJson, drawsCsv, arguments, createdAt);
    }

    /// <summary>The request a stored simulate run was made with.</summary>
    public static SimulateRequest FromRecord(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var loaded = ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile);
        return new SimulateRequest(loaded, ScenarioFiles.Shock(loaded, run.ShockId).Id, ForecastRecords.Settings(run), ScenarioFiles.DataFolderFromArguments(run.Arguments));
    }

    /// <summary>Re-runs a stored simulate run and returns its result document, for <c>runs rerun</c>.</summary>
    public static string Replay(RunRecord run, TextWriter notes, CancellationToken ct)
    {
        var (doc, _) = Compute(FromRecord(run), notes, null, ct);
        return RunJson.Serialize(doc);
    }
}

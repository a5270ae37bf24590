using Interregnum.Model;
using Interregnum.Reports;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>A sensitivity run: which uncertain inputs drive one shock's headline outputs.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="ShockId">The shock (already checked to exist).</param>
/// <param name="Settings">Draws per run, seed, policy model, threads.</param>
public sealed record SensitivityRequest(LoadedScenario Scenario, string ShockId, SimulationSettings Settings);

/// <summary>One input's tornado bar: the output with the input at its 10th and 90th percentiles.</summary>
public sealed record TornadoJson(string Input, double Low, double High, double Swing);

/// <summary>One input's first-order variance-based index with its 90% bootstrap interval.</summary>
public sealed record ImportanceJson(string Input, double Index, double[] Interval90);

/// <summary>The sensitivity of one headline output.</summary>
public sealed record OutputSensitivityJson(string Id, string Label, double Base, IReadOnlyList<TornadoJson> Tornado, IReadOnlyList<ImportanceJson> Importance);

/// <summary>The JSON document <c>sensitivity --format json</c> prints.</summary>
public sealed record SensitivityJson(string Program, string Version, string Command, ScenarioRef Scenario, ShockRef Shock, ulong Seed, int Draws, string Model, int UncertainInputs, string Method, IReadOnlyList<OutputSensitivityJson> Outputs);

/// <summary>The sensitivity use case: compute, map to the stored run, replay.</summary>
public static class SensitivityRun
{
    /// <summary>The method, in words, written into every document.</summary>
    public const string Method =
        "Tornado: each uncertain input held at its 10th and 90th percentiles, all others sampled with the base run's random numbers. " +
        "Importance: first-order variance-based index S = Var(E[Y|X])/Var(Y), binned given-data estimator with a noise correction, 90% interval from 200 bootstrap resamples.";

    /// <summary>How many uncertain inputs the shock has; the run does 2 per input plus 1 model runs.</summary>
    /// <exception cref="RunException">None: there is nothing to rank.</exception>
    public static int UncertainInputs(SensitivityRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = ScenarioInputs.UncertainFor(request.Scenario.Scenario, request.ShockId).Count;
        if (inputs == 0)
        {
            throw new RunException($"{request.Scenario.Path}: no number in the scenario is uncertain, so there is nothing to rank; declare ranges (see docs/scenario-format.md)");
        }

        return inputs;
    }

    /// <summary>Runs the analysis and builds the result document.</summary>
    public static SensitivityJson Compute(SensitivityRequest request, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = request.Scenario;
        var result = Sensitivity.Run(loaded.Scenario, request.ShockId, request.Settings, progress, ct);
        return new SensitivityJson(
            "interregnum",
            ForecastDocuments.Version,
            "sensitivity",
            ForecastDocuments.Ref(loaded),
            ForecastDocuments.ShockRefOf(loaded.Scenario.ShockById(request.ShockId)!),
            result.Seed,
            result.Draws,
            ForecastDocuments.ModelName(result.Model),
            result.Inputs,
            Method,
            Outputs(result));
    }

    /// <summary>The per-output part of the document (the brief compares it with a stored run's).</summary>
    public static List<OutputSensitivityJson> Outputs(SensitivityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outputs.Select(o => new OutputSensitivityJson(
            o.Output.Id,
            o.Output.Label,
            o.Base,
            o.Tornado.Select(b => new TornadoJson(b.Input, b.Low, b.High, b.Swing)).ToList(),
            o.Importance.Select(i => new ImportanceJson(i.Input, i.Index, [i.Low, i.High])).ToList())).ToList();
    }

    /// <summary>
    /// The tornado of every output that some input moves, with its <paramref name="top"/> inputs of largest swing
    /// (the order of the document); an output no input moves (a candidate who cannot prevail under this shock) has none.
    /// </summary>
    public static IReadOnlyList<Tornado> Tornadoes(SensitivityJson document, int top)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. document.Outputs
            .Where(o => o.Tornado.Any(b => b.Swing > 0))
            .Select(o => new Tornado(o.Label, o.Base, [.. o.Tornado.Take(top).Select(b => new TornadoInput(b.Input, b.Low, b.High))]))];
    }

    /// <summary>The stored record of a finished sensitivity run.</summary>
    public static RunRecord ToRecord(SensitivityRequest request, string resultsJson, IReadOnlyList<string> arguments, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ForecastRecords.ToRecord(RunKind.Sensitivity, request.Scenario, request.ShockId, request.Settings, resultsJson, null, arguments, createdAt);
    }

    /// <summary>The request a stored sensitivity run was made with.</summary>
    public static SensitivityRequest FromRecord(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var loaded = ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile);
        return new SensitivityRequest(loaded, ScenarioFiles.Shock(loaded, run.ShockId).Id, ForecastRecords.Settings(run));
    }

    /// <summary>Re-runs a stored sensitivity run and returns its result document, for <c>runs rerun</c>.</summary>
    public static string Replay(RunRecord run, TextWriter notes, CancellationToken ct) =>
        RunJson.Serialize(Compute(FromRecord(run), null, ct));
}

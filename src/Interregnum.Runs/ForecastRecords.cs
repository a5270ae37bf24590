using System.Collections.Immutable;
using System.Globalization;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>The mapping between forecast runs (simulate, compare, sensitivity) and the stored run record.</summary>
public static class ForecastRecords
{
    /// <summary>The simulation settings a stored run was made with (seed, draws, policy model, stopping rule).</summary>
    /// <exception cref="RunException">The stored model name is unknown.</exception>
    public static SimulationSettings Settings(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!Enum.TryParse<PolicyModel>(run.ModelName, ignoreCase: true, out var model))
        {
            throw new RunException($"run {run.Id}: unknown policy model '{run.ModelName}'");
        }

        double? untilSe = run.ModelParameters.TryGetValue("until_se", out var se) ? double.Parse(se, CultureInfo.InvariantCulture) : null;
        return new SimulationSettings(run.Draws, unchecked((ulong)run.Seed), model, null, untilSe);
    }

    /// <summary>The record of a finished forecast run, ready to add to the store.</summary>
    /// <param name="kind">Simulate, compare or sensitivity.</param>
    /// <param name="loaded">The scenario run.</param>
    /// <param name="shock">The shock id (compare: the ids joined by commas).</param>
    /// <param name="settings">The settings it ran with.</param>
    /// <param name="resultsJson">The result document, as printed.</param>
    /// <param name="drawsCsv">The per-draw CSV to keep, or null.</param>
    /// <param name="arguments">The front end's arguments (the CLI's command line), stored for reference.</param>
    /// <param name="createdAt">When the run finished.</param>
    public static RunRecord ToRecord(RunKind kind, LoadedScenario loaded, string? shock, SimulationSettings settings, string resultsJson, string? drawsCsv, IReadOnlyList<string> arguments, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(settings);
        return new RunRecord
        {
            Kind = kind,
            ScenarioText = loaded.Text,
            ScenarioFile = Path.GetFileName(loaded.Path),
            ShockId = shock,
            Seed = unchecked((long)settings.Seed),
            Draws = settings.Draws,
            ModelName = ForecastDocuments.ModelName(settings.Model),
            ModelParameters = ImmutableSortedDictionary<string, string>.Empty
                .Add("contested_threshold", loaded.Scenario.Contest.ContestedThreshold.ToString())
                .Add("policy_weight", loaded.Scenario.Contest.PolicyWeight.ToString())
                .Add("tie_weight", loaded.Scenario.Contest.TieWeight.ToString())
                .Add("ambition_weight", loaded.Scenario.Contest.AmbitionWeight.ToString())
                .Add("fear_weight", loaded.Scenario.Contest.FearWeight.ToString())
                .AddRange(settings.UntilSe is { } se ? [new KeyValuePair<string, string>("until_se", se.ToString("R", CultureInfo.InvariantCulture))] : []),
            ProgramVersion = RunJson.ProgramVersion,
            CreatedAt = createdAt,
            Arguments = arguments,
            ResultsJson = resultsJson,
            DrawsCsv = drawsCsv,
        };
    }
}

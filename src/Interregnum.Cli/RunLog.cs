using System.CommandLine;
using System.Collections.Immutable;
using Interregnum.Cli.Commands;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Cli;

/// <summary>Records forecast runs (simulate, compare, sensitivity) in the run store after their results are printed.</summary>
internal static class RunLog
{
    /// <summary>The simulation settings a stored run was made with.</summary>
    public static SimulationSettings Settings(RunRecord run)
    {
        if (!Enum.TryParse<PolicyModel>(run.ModelName, ignoreCase: true, out var model))
        {
            throw new CliException($"run {run.Id}: unknown policy model '{run.ModelName}'");
        }

        double? untilSe = run.ModelParameters.TryGetValue("until_se", out var se) ? double.Parse(se, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new SimulationSettings(run.Draws, unchecked((ulong)run.Seed), model, null, untilSe);
    }

    public static void Record(ParseResult p, ForecastOptions opts, LoadedScenario loaded, string kind, string? shock, SimulationSettings settings, string resultsJson, Func<string>? drawsCsv)
    {
        if (p.GetValue(opts.NoStore))
        {
            return;
        }

        if (!RunKindText.TryParse(kind, out var runKind))
        {
            throw new ArgumentException("unknown run kind " + kind, nameof(kind));
        }

        var record = new RunRecord
        {
            Kind = runKind,
            ScenarioText = loaded.Text,
            ScenarioFile = Path.GetFileName(loaded.Path),
            ShockId = shock,
            Seed = unchecked((long)settings.Seed),
            Draws = settings.Draws,
            ModelName = ForecastReports.ModelName(settings.Model),
            ModelParameters = ImmutableSortedDictionary<string, string>.Empty
                .Add("contested_threshold", loaded.Scenario.Contest.ContestedThreshold.ToString())
                .Add("policy_weight", loaded.Scenario.Contest.PolicyWeight.ToString())
                .Add("tie_weight", loaded.Scenario.Contest.TieWeight.ToString())
                .Add("ambition_weight", loaded.Scenario.Contest.AmbitionWeight.ToString())
                .Add("fear_weight", loaded.Scenario.Contest.FearWeight.ToString())
                .AddRange(settings.UntilSe is { } se ? [new KeyValuePair<string, string>("until_se", se.ToString("R", System.Globalization.CultureInfo.InvariantCulture))] : []),
            ProgramVersion = RunRecorder.ProgramVersion,
            CreatedAt = TimeProvider.System.GetUtcNow(),
            Arguments = RunRecorder.Arguments(p),
            ResultsJson = resultsJson,
            DrawsCsv = drawsCsv?.Invoke(),
        };
        RunRecorder.Record(p, record);
    }
}

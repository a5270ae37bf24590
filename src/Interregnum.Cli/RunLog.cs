using System.CommandLine;
using System.Collections.Immutable;
using Interregnum.Cli.Commands;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Cli;

/// <summary>Records forecast runs (simulate, compare, sensitivity) in the run store after their results are printed.</summary>
internal static class RunLog
{
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
                .Add("fear_weight", loaded.Scenario.Contest.FearWeight.ToString()),
            ProgramVersion = RunRecorder.ProgramVersion,
            CreatedAt = TimeProvider.System.GetUtcNow(),
            Arguments = RunRecorder.Arguments(p),
            ResultsJson = resultsJson,
            DrawsCsv = drawsCsv?.Invoke(),
        };
        RunRecorder.Record(p, record);
    }
}

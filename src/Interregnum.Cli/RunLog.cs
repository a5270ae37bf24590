using System.CommandLine;
using Interregnum.Cli.Commands;
using Interregnum.Simulation;
using Interregnum.Store;

namespace Interregnum.Cli;

/// <summary>Records forecast runs (simulate, compare, sensitivity) in the run store after their results are printed.</summary>
internal static class RunLog
{
    public static void Record(ParseResult p, ForecastOptions opts, LoadedScenario loaded, RunKind kind, string? shock, SimulationSettings settings, string resultsJson, Func<string>? drawsCsv)
    {
        if (p.GetValue(opts.NoStore))
        {
            return;
        }

        RunRecorder.Record(p, ForecastRecords.ToRecord(kind, loaded, shock, settings, resultsJson, drawsCsv?.Invoke(), RunRecorder.Arguments(p), TimeProvider.System.GetUtcNow()));
    }
}

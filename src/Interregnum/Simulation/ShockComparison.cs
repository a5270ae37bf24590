using Interregnum.Model;

namespace Interregnum.Simulation;

/// <summary>
/// Every shock run with common random numbers (the same seed and the same per-input streams), side by side:
/// the risk versus gain of each manner of exit.
/// </summary>
public static class ShockComparison
{
    /// <summary>Runs each listed shock (all of them when <paramref name="shockIds"/> is empty), in order.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="shockIds">The shocks to run, in order.</param>
    /// <param name="settings">Draws, seed, model, threads (the same for every shock).</param>
    /// <param name="progress">Receives the draws completed so far over all shocks (shock k counts from k · draws).</param>
    /// <param name="cancellationToken">Stops the run; nothing partial is returned.</param>
    public static IReadOnlyList<SimulationResult> Run(Scenario scenario, IReadOnlyList<string> shockIds, SimulationSettings settings, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var ids = shockIds.Count > 0 ? shockIds : scenario.Shocks.Select(s => s.Id).ToList();
        var results = new List<SimulationResult>();
        foreach (var id in ids)
        {
            var p = progress is null ? null : new OffsetProgress(progress, results.Count * settings.Draws);
            results.Add(SuccessionSimulation.Run(scenario, id, settings, p, cancellationToken));
        }

        return results;
    }

    private sealed class OffsetProgress(IProgress<int> inner, int offset) : IProgress<int>
    {
        public void Report(int value) => inner.Report(offset + value);
    }
}

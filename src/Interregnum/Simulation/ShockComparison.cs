using Interregnum.Model;

namespace Interregnum.Simulation;

/// <summary>
/// Every shock run with common random numbers (the same seed and the same per-input streams), side by side:
/// the risk versus gain of each manner of exit.
/// </summary>
public static class ShockComparison
{
    /// <summary>Runs each listed shock (all of them when <paramref name="shockIds"/> is empty).</summary>
    public static IReadOnlyList<SimulationResult> Run(Scenario scenario, IReadOnlyList<string> shockIds, SimulationSettings settings, IProgress<(string Shock, int Done)>? progress = null, CancellationToken cancellationToken = default)
    {
        var ids = shockIds.Count > 0 ? shockIds : scenario.Shocks.Select(s => s.Id).ToList();
        var results = new List<SimulationResult>();
        foreach (var id in ids)
        {
            var p = progress is null ? null : new Progress<int>(done => progress.Report((id, done)));
            results.Add(SuccessionSimulation.Run(scenario, id, settings, p, cancellationToken));
        }

        return results;
    }
}

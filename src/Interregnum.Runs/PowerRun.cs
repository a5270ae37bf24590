using Interregnum.Power;

namespace Interregnum.Runs;

/// <summary>The power accounting of a scenario before any shock, as <c>power</c> shows it.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Table">Every actor's share of each instrument and capability per phase.</param>
/// <param name="Rows">The actors to show, in order: scenario order, or by the chosen phase's capability, largest first.</param>
/// <param name="Phases">The phases shown: crisis and settled, or the one chosen.</param>
public sealed record PowerView(LoadedScenario Scenario, PowerTable Table, IReadOnlyList<PowerRow> Rows, IReadOnlyList<string> Phases)
{
    /// <summary>An actor's capability in a phase ("crisis" or "settled").</summary>
    public static double Capability(PowerRow row, string phase)
    {
        ArgumentNullException.ThrowIfNull(row);
        return phase == "crisis" ? row.CrisisCapability : row.SettledCapability;
    }
}

/// <summary>The JSON document <c>power --format json</c> prints.</summary>
public sealed record PowerJson(ScenarioRef Scenario, string Incumbent, IReadOnlyList<string> Instruments, IReadOnlyList<string> Phases, IReadOnlyList<PowerActorJson> Actors);

/// <summary>One actor's shares (0–1 of all there is of each instrument) and capability per phase.</summary>
public sealed record PowerActorJson(string Id, string Name, IReadOnlyDictionary<string, double> Share, IReadOnlyDictionary<string, double> Capability);

/// <summary>The power use case: who controls how much of each instrument, and each actor's capability per phase, at the point values.</summary>
public static class PowerRun
{
    /// <summary>The power table of <paramref name="loaded"/>; <paramref name="phase"/> (crisis or settled) orders the actors by that phase's capability, null shows both phases in scenario order.</summary>
    public static PowerView Compute(LoadedScenario loaded, string? phase)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var table = PowerAccount.ForScenario(loaded.Scenario);
        string[] phases = phase is null ? ["crisis", "settled"] : [phase];
        var rows = phase is null
            ? table.Rows.ToList()
            : table.Rows.OrderByDescending(r => PowerView.Capability(r, phase)).ToList();
        return new PowerView(loaded, table, rows, phases);
    }

    /// <summary>The result document.</summary>
    public static PowerJson Document(PowerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new PowerJson(
            ForecastDocuments.Ref(view.Scenario),
            view.Scenario.Scenario.Incumbent,
            view.Table.Instruments,
            view.Phases,
            view.Rows.Select(r => new PowerActorJson(
                r.ActorId,
                r.Name,
                view.Table.Instruments.ToDictionary(i => i, i => r.Share[i], StringComparer.Ordinal),
                view.Phases.ToDictionary(p => p, p => PowerView.Capability(r, p), StringComparer.Ordinal))).ToList());
    }
}

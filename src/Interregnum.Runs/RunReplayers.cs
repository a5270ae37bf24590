using System.Collections.Immutable;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>Re-executes a stored run; writes notes (warnings) to the writer and returns the new result document.</summary>
/// <param name="run">The stored run (scenario text, shock, seed, draws, model and parameters).</param>
/// <param name="notes">Where notes and warnings go (the CLI's stderr).</param>
/// <param name="ct">Cancels the run.</param>
/// <returns>The result document, produced exactly as the original run produced the stored one.</returns>
public delegate string RunReplayer(RunRecord run, TextWriter notes, CancellationToken ct);

/// <summary>
/// How <c>runs rerun</c> re-executes a stored run, per kind: the store knows nothing of the models, so each run
/// kind that can be replayed is listed here. An immutable value: a front end is given one (<see cref="BuiltIn"/>,
/// or a test's own via <see cref="With"/>) instead of sharing a mutable registry.
/// </summary>
public sealed class RunReplayers
{
    private readonly ImmutableDictionary<RunKind, RunReplayer> _replayers;

    private RunReplayers(ImmutableDictionary<RunKind, RunReplayer> replayers) => _replayers = replayers;

    /// <summary>
    /// The replayers of the built-in run kinds: simulate, compare, sensitivity and bargain. A backtest is not
    /// replayed: its case folder is not stored with the run.
    /// </summary>
    public static RunReplayers BuiltIn { get; } = new(ImmutableDictionary<RunKind, RunReplayer>.Empty
        .Add(RunKind.Simulate, SimulateRun.Replay)
        .Add(RunKind.Compare, CompareRun.Replay)
        .Add(RunKind.Sensitivity, SensitivityRun.Replay)
        .Add(RunKind.Bargain, BargainRun.Replay));

    /// <summary>A copy with the replayer for <paramref name="kind"/> added or replaced.</summary>
    public RunReplayers With(RunKind kind, RunReplayer replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        return new(_replayers.SetItem(kind, replay));
    }

    /// <summary>The replayer for a kind, if there is one.</summary>
    public bool TryGet(RunKind kind, out RunReplayer replay) => _replayers.TryGetValue(kind, out replay!);
}

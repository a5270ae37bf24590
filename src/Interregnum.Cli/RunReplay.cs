using System.Collections.Concurrent;
using Interregnum.Store;

namespace Interregnum.Cli;

/// <summary>
/// How <c>interregnum runs rerun</c> re-executes a stored run, per kind: the store knows nothing of the models,
/// so each command that records runs registers a replayer here. A replayer takes the stored run (scenario text,
/// shock, seed, draws, model and parameters), writes any progress or warnings to the given writer (stderr), and
/// returns the new results JSON, produced exactly as the command produced the stored one, so that the two can be
/// compared byte for byte.
/// </summary>
public static class RunReplay
{
    private static readonly ConcurrentDictionary<RunKind, Func<RunRecord, TextWriter, CancellationToken, string>> Replayers =
        new(BuiltIn());

    /// <summary>The replayer for a kind, if one is registered.</summary>
    public static bool TryGet(RunKind kind, out Func<RunRecord, TextWriter, CancellationToken, string> replay) =>
        Replayers.TryGetValue(kind, out replay!);

    /// <summary>Registers (or replaces) the replayer for a kind; returns a handle that restores the previous one when disposed (for tests).</summary>
    public static IDisposable Register(RunKind kind, Func<RunRecord, TextWriter, CancellationToken, string> replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        Replayers.TryGetValue(kind, out var previous);
        Replayers[kind] = replay;
        return new Restore(kind, previous);
    }

    // The commands that record runs list their replayers here (one line each), so that they are registered
    // before any command runs, e.g. new(RunKind.Simulate, SimulateCommand.Replay).
    private static IEnumerable<KeyValuePair<RunKind, Func<RunRecord, TextWriter, CancellationToken, string>>> BuiltIn()
    {
        yield return new(RunKind.Simulate, Commands.SimulateCommand.Replay);
        yield return new(RunKind.Compare, Commands.CompareCommand.Replay);
        yield return new(RunKind.Sensitivity, Commands.SensitivityCommand.Replay);
        yield return new(RunKind.Bargain, Commands.BargainCommand.Replay);
    }

    private sealed class Restore(RunKind kind, Func<RunRecord, TextWriter, CancellationToken, string>? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                Replayers.TryRemove(kind, out _);
            }
            else
            {
                Replayers[kind] = previous;
            }
        }
    }
}

using System.Text.Json;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>What re-running a stored run found.</summary>
/// <param name="Reproduced">Whether the new result document equals the stored one byte for byte.</param>
/// <param name="Changes">The values that differ (empty when reproduced, or when only the layout differs).</param>
/// <param name="VersionNote">A warning when the run was made by another program version, else null.</param>
public sealed record RerunOutcome(bool Reproduced, IReadOnlyList<JsonLeafChange> Changes, string? VersionNote);

/// <summary>The rerun use case: replay a stored run from its stored inputs and compare the result documents.</summary>
public static class RunRerun
{
    /// <summary>Replays <paramref name="run"/> with <paramref name="replayers"/> and compares.</summary>
    /// <exception cref="RunException">The kind cannot be replayed, or the new document is not JSON.</exception>
    public static RerunOutcome Check(RunRecord run, RunReplayers replayers, TextWriter notes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(replayers);
        if (!replayers.TryGet(run.Kind, out var replay))
        {
            throw new RunException($"this program cannot replay '{run.Kind.ToText()}' runs", RunFailure.MissingResource);
        }

        var note = string.Equals(run.ProgramVersion, RunJson.ProgramVersion, StringComparison.Ordinal)
            ? null
            : $"the run was made by version {run.ProgramVersion}, this is {RunJson.ProgramVersion}; results may differ";
        var results = replay(run, notes, ct);
        if (string.Equals(results, run.ResultsJson, StringComparison.Ordinal))
        {
            return new RerunOutcome(true, [], note);
        }

        try
        {
            return new RerunOutcome(false, JsonLeaves.Differences(run.ResultsJson, results), note);
        }
        catch (JsonException ex)
        {
            throw new RunException("the new results are not JSON: " + ex.Message);
        }
    }
}

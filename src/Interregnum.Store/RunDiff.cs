using System.Globalization;

namespace Interregnum.Store;

/// <summary>An input that differs between two runs; a side is null where it is absent (no shock, no such parameter).</summary>
/// <param name="Field">What changed: <c>kind</c>, <c>scenario_file</c>, <c>scenario_hash</c>, <c>shock</c>, <c>seed</c>, <c>draws</c>, <c>model</c>, <c>parameter NAME</c>, <c>program_version</c>, <c>arguments</c>.</param>
/// <param name="Old">The first run's value as text.</param>
/// <param name="New">The second run's value as text.</param>
public sealed record InputChange(string Field, string? Old, string? New);

/// <summary>A numeric result that differs between two runs; a side is null where the path is absent.</summary>
/// <param name="Path">The path of the number in the results JSON.</param>
/// <param name="Old">The first run's number.</param>
/// <param name="New">The second run's number.</param>
public sealed record ResultChange(string Path, double? Old, double? New)
{
    /// <summary>New minus old, when both are present.</summary>
    public double? Delta => Old is { } o && New is { } n ? n - o : null;
}

/// <summary>
/// What changed between two runs, knowing nothing of the domain: the inputs (scenario content, shock, seed,
/// draws, model and parameters, program version, command line) and the numeric leaves of the results JSON.
/// </summary>
/// <param name="OldId">The first run's id.</param>
/// <param name="NewId">The second run's id.</param>
/// <param name="Inputs">Inputs that differ, in a fixed order.</param>
/// <param name="Scenario">The line diff of the scenario texts, or null when their hashes are equal.</param>
/// <param name="Results">Numeric results that differ (exactly; NaN equals NaN), in the first document's order, then new paths.</param>
public sealed record RunDiff(
    long OldId,
    long NewId,
    IReadOnlyList<InputChange> Inputs,
    LineDiff? Scenario,
    IReadOnlyList<ResultChange> Results)
{
    /// <summary>Whether the runs have the same inputs and the same numeric results.</summary>
    public bool IsEmpty => Inputs.Count == 0 && Results.Count == 0;

    /// <summary>Compares two runs; <paramref name="oldRun"/> is the reference ("old"), <paramref name="newRun"/> the other.</summary>
    /// <exception cref="System.Text.Json.JsonException">A run's results are not JSON.</exception>
    public static RunDiff Between(RunRecord oldRun, RunRecord newRun)
    {
        ArgumentNullException.ThrowIfNull(oldRun);
        ArgumentNullException.ThrowIfNull(newRun);
        var inputs = new List<InputChange>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                inputs.Add(new InputChange(field, a, b));
            }
        }

        Compare("kind", oldRun.Kind.ToText(), newRun.Kind.ToText());
        Compare("scenario_file", oldRun.ScenarioFile, newRun.ScenarioFile);
        Compare("scenario_hash", oldRun.ScenarioHash, newRun.ScenarioHash);
        Compare("shock", oldRun.ShockId, newRun.ShockId);
        Compare("seed", oldRun.Seed.ToString(CultureInfo.InvariantCulture), newRun.Seed.ToString(CultureInfo.InvariantCulture));
        Compare("draws", oldRun.Draws.ToString(CultureInfo.InvariantCulture), newRun.Draws.ToString(CultureInfo.InvariantCulture));
        Compare("model", oldRun.ModelName, newRun.ModelName);
        foreach (var name in oldRun.ModelParameters.Keys.Union(newRun.ModelParameters.Keys).Order(StringComparer.Ordinal))
        {
            Compare("parameter " + name, oldRun.ModelParameters.GetValueOrDefault(name), newRun.ModelParameters.GetValueOrDefault(name));
        }

        Compare("program_version", oldRun.ProgramVersion, newRun.ProgramVersion);
        Compare("arguments", string.Join(' ', oldRun.Arguments), string.Join(' ', newRun.Arguments));

        var scenario = string.Equals(oldRun.ScenarioHash, newRun.ScenarioHash, StringComparison.Ordinal)
            ? null
            : LineDiff.Between(oldRun.ScenarioText, newRun.ScenarioText);

        var oldNumbers = JsonLeaves.Flatten(oldRun.ResultsJson).Where(leaf => leaf.Number is not null).ToList();
        var newNumbers = JsonLeaves.Flatten(newRun.ResultsJson).Where(leaf => leaf.Number is not null).ToList();
        var results = JsonLeaves
            .Differences(oldNumbers, newNumbers, (a, b) => a.Number!.Value.Equals(b.Number!.Value))
            .Select(change => new ResultChange(change.Path, change.Old?.Number, change.New?.Number))
            .ToList();

        return new RunDiff(oldRun.Id, newRun.Id, inputs, scenario, results);
    }
}

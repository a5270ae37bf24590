using System.Text.Json;
using System.Globalization;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>
/// The run store as the front ends use it (<c>runs list|show|diff|export|rerun</c>, recording a run): open, add, list,
/// get, compare. A store that cannot be opened or written, and a missing run, come back as <see cref="RunException"/>s
/// (<see cref="RunFailure.MissingResource"/>). Not thread-safe: one per command or request.
/// </summary>
public sealed class StoredRuns : IDisposable
{
    private readonly IRunStore _store;

    private StoredRuns(IRunStore store) => _store = store;

    /// <summary>Where the store is (a file path or a connection's host and database).</summary>
    public string Location => _store.Location;

    /// <summary>Opens the store named by <paramref name="db"/> (null: INTERREGNUM_DB, else the default file).</summary>
    public static StoredRuns Open(string? db)
    {
        try
        {
            return new StoredRuns(RunStoreFactory.Open(db));
        }
        catch (RunStoreException ex)
        {
            throw new RunException(ex.Message, RunFailure.MissingResource);
        }
    }

    /// <summary>Adds a finished run and returns its id.</summary>
    public long Add(RunRecord run)
    {
        try
        {
            return _store.Add(run);
        }
        catch (RunStoreException ex)
        {
            throw new RunException(ex.Message, RunFailure.MissingResource);
        }
    }

    /// <summary>The runs that pass the filter, newest first.</summary>
    public IReadOnlyList<RunSummary> List(RunFilter filter) => _store.List(filter);

    /// <summary>Run <paramref name="id"/>.</summary>
    /// <exception cref="RunException">There is no such run.</exception>
    public RunRecord Get(long id) =>
        _store.Get(id) ?? throw new RunException($"no run {id.ToString(CultureInfo.InvariantCulture)} in {_store.Location} (see `interregnum runs list`).", RunFailure.MissingResource);

    /// <summary>What changed between two runs: inputs, scenario text, numeric results.</summary>
    public static RunDiff Diff(RunRecord older, RunRecord newer) => RunDiff.Between(older, newer);

    /// <summary>A run's results as path/value leaves.</summary>
    public static IReadOnlyList<JsonLeaf> Results(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return JsonLeaves.Flatten(run.ResultsJson);
    }

    /// <summary>The values that differ between two result documents.</summary>
    public static IReadOnlyList<JsonLeafChange> Differences(string oldJson, string newJson) => JsonLeaves.Differences(oldJson, newJson);

    /// <summary>The content hash a stored run keeps of its scenario text.</summary>
    public static string ScenarioHash(string text) => ContentHash.Sha256Hex(text);

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}

/// <summary>The <c>runs export --format json</c> document: a stored run whole, its results as stored. Immutable.</summary>
public sealed record RunExport(
    long Id,
    string Kind,
    DateTimeOffset CreatedAt,
    string ScenarioFile,
    string ScenarioHash,
    string? ShockId,
    long Seed,
    int Draws,
    string ModelName,
    SortedDictionary<string, string> ModelParameters,
    string ProgramVersion,
    IReadOnlyList<string> Arguments,
    string ScenarioText,
    JsonElement Results,
    string? DrawsCsv);

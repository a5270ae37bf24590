namespace Interregnum.Store;

/// <summary>
/// A place where runs are kept. Implementations: <see cref="SqliteRunStore"/> (default) and
/// <see cref="PostgresRunStore"/>; both apply the same versioned schema when opened.
/// Instances are safe to use from several threads; several processes may write to one store at once.
/// </summary>
public interface IRunStore : IDisposable
{
    /// <summary>A description of where the runs are kept, without passwords (for messages).</summary>
    string Location { get; }

    /// <summary>
    /// Stores a run in one transaction and returns its new id: after a crash at any point either the whole run
    /// is stored or none of it. <see cref="RunRecord.Id"/> is ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The record is invalid (results that are not JSON, negative draws).</exception>
    long Add(RunRecord run);

    /// <summary>Stored runs, newest first (by creation time, then by id), optionally filtered.</summary>
    IReadOnlyList<RunSummary> List(RunFilter? filter = null);

    /// <summary>The run with the given id, or null when there is none.</summary>
    RunRecord? Get(long id);
}

/// <summary>Which runs <see cref="IRunStore.List"/> returns; null members do not filter.</summary>
/// <param name="ScenarioHash">Only runs of the scenario with this content hash (lowercase hex).</param>
/// <param name="Kind">Only runs of this kind.</param>
/// <param name="Limit">At most this many runs (the newest).</param>
public sealed record RunFilter(string? ScenarioHash = null, RunKind? Kind = null, int? Limit = null);

/// <summary>The store cannot be used: a schema newer than this program, a malformed stored row, a bad location.</summary>
public sealed class RunStoreException : Exception
{
    /// <summary>Creates the exception with a message for the user.</summary>
    public RunStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and the underlying cause.</summary>
    public RunStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RunStoreException()
        : base("The run store cannot be used.")
    {
    }
}

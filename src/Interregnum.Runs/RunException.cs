namespace Interregnum.Runs;

/// <summary>What kind of expected failure a run met; a front end maps it to its own signal (the CLI to an exit code).</summary>
public enum RunFailure
{
    /// <summary>The input is invalid (scenario errors, bad CSV, unknown shock).</summary>
    InvalidInput,

    /// <summary>The request itself is malformed (a bad parameter, conflicting options).</summary>
    Usage,

    /// <summary>A needed resource is missing: a file, a dataset, a database, a stored run.</summary>
    MissingResource,
}

/// <summary>An expected failure of a run, with a message for the user (one or more lines) and its kind.</summary>
public sealed class RunException(string message, RunFailure failure = RunFailure.InvalidInput) : Exception(message)
{
    /// <summary>The kind of failure.</summary>
    public RunFailure Failure { get; } = failure;
}

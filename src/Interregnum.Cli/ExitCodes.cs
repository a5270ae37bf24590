namespace Interregnum.Cli;

/// <summary>Exit codes of the <c>interregnum</c> command (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The input is invalid (scenario errors, bad CSV, unknown shock); the errors are on stderr.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong (unknown option, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>A needed resource is missing: a dataset, a database, a stored run.</summary>
    public const int MissingResource = 3;

    /// <summary>An internal error (a bug); the message is on stderr and nothing partial was written.</summary>
    public const int InternalError = 70;

    /// <summary>The run was interrupted (Ctrl-C); nothing partial was written.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code for an application-layer failure.</summary>
    public static int Of(RunFailure failure) => failure switch
    {
        RunFailure.Usage => Usage,
        RunFailure.MissingResource => MissingResource,
        _ => InvalidInput,
    };
}

/// <summary>An expected failure the CLI reports as one line on stderr with the given exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.InvalidInput) : Exception(message)
{
    /// <summary>The CLI's form of an application-layer failure (same message, the matching exit code).</summary>
    public static CliException From(RunException ex) => new(ex.Message, ExitCodes.Of(ex.Failure));

    /// <summary>The exit code to return.</summary>
    public int ExitCode { get; } = exitCode;
}

using System.CommandLine;
using System.CommandLine.Parsing;
using Interregnum.Store;

namespace Interregnum.Cli;

/// <summary>
/// Records a command's run in the run store. Convention for commands that record runs (simulate, compare,
/// sensitivity, bargain): add <see cref="CommonOptions.Db"/> and <see cref="NoStore"/> to the command, compute
/// and print the results first, then call <see cref="Record(ParseResult, RunRecord)"/> once with the finished run, so that an interrupted
/// command records nothing. <c>--no-store</c> skips recording.
/// </summary>
public static class RunRecorder
{
    /// <summary>The option's name.</summary>
    public const string NoStoreName = "--no-store";

    /// <summary>The program version recorded with each run (the informational version, with the commit when built from git).</summary>
    public static string ProgramVersion => RunJson.ProgramVersion;

    /// <summary><c>--no-store</c>: do not record the run.</summary>
    public static Option<bool> NoStore() => new(NoStoreName)
    {
        Description = "Do not record this run in the run store (see --db).",
    };

    /// <summary>The command-line arguments of a parse (without the program name), to store with a run.</summary>
    public static IReadOnlyList<string> Arguments(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return [.. parseResult.Tokens.Select(token => token.Value)];
    }

    /// <summary>
    /// Adds <paramref name="run"/> to the store named by the command's <c>--db</c> (else INTERREGNUM_DB, else the
    /// default file) and prints <c>stored run ID</c> to stderr; returns the id, or null when <c>--no-store</c> was given.
    /// </summary>
    /// <exception cref="CliException">The store cannot be opened or written (exit code <see cref="ExitCodes.MissingResource"/>).</exception>
    public static long? Record(ParseResult parseResult, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Record(parseResult, () => run);
    }

    /// <summary>
    /// As <see cref="Record(ParseResult, RunRecord)"/>, building the run only when it is stored: with
    /// <c>--no-store</c> a small command skips serialising its results (start-up time, docs/performance.md).
    /// </summary>
    /// <exception cref="CliException">The store cannot be opened or written (exit code <see cref="ExitCodes.MissingResource"/>).</exception>
    public static long? Record(ParseResult parseResult, Func<RunRecord> run)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(run);
        if (parseResult.GetResult(NoStoreName) is OptionResult noStore && noStore.GetValueOrDefault<bool>())
        {
            return null;
        }

        var record = run();
        var db = parseResult.GetResult("--db") is OptionResult dbResult ? dbResult.GetValueOrDefault<string?>() : null;
        long id;
        try
        {
            using var store = StoredRuns.Open(db);
            id = store.Add(record);
        }
        catch (Exception ex) when (ex is RunException or System.Data.Common.DbException)
        {
            throw new CliException("the run was not stored: " + ex.Message + " (use --no-store to skip storing)", ExitCodes.MissingResource);
        }

        parseResult.InvocationConfiguration.Error.WriteLine("stored run " + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return id;
    }
}

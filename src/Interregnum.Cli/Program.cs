using System.CommandLine;
using Interregnum.Cli.Commands;

namespace Interregnum.Cli;

/// <summary>Entry point of the <c>interregnum</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; see <see cref="ExitCodes"/> for the exit status.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output streams (used by tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, () => RunReplayers.BuiltIn);

    /// <summary>Runs the command line with the given output streams and replayers for <c>runs rerun</c> (used by tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, RunReplayers replayers) => Run(args, stdout, stderr, () => replayers);

    // The replayers are built only for `runs`: the built-in table costs start-up time (docs/performance.md).
    private static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<RunReplayers> replayers)
    {
        var root = BuildRoot(CommandRegistry.For(args, replayers));
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            // One line per error, the last naming where the usage is: a bad command line is a few lines, never a trace.
            var usage = "interregnum" + string.Concat(CommandPath(parsed.CommandResult).Select(name => " " + name)) + " --help";
            for (var i = 0; i < parsed.Errors.Count; i++)
            {
                var message = parsed.Errors[i].Message.ReplaceLineEndings(" ").Trim();
                stderr.WriteLine("error: " + message + (i == parsed.Errors.Count - 1 ? $" (usage: {usage})" : string.Empty));
            }

            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(config);
        }
        catch (CliException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ex.ExitCode;
        }
        catch (RunException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.Of(ex.Failure);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("interrupted: nothing was written");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A programmer error, not the user's: one line, nothing partial written (results are written last).
            var inner = ex is AggregateException agg ? agg.Flatten().InnerExceptions[0] : ex;
            stderr.WriteLine($"internal error (please report it with the command line): {inner.GetType().Name}: {inner.Message}");
            return ExitCodes.InternalError;
        }
    }

    private static Stack<string> CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new Stack<string>();
        for (var r = result; r?.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent)
        {
            names.Push(r.Command.Name);
        }

        return names;
    }

    /// <summary>The root command with every subcommand registered.</summary>
    public static RootCommand BuildRoot() => BuildRoot(RunReplayers.BuiltIn);

    /// <summary>The root command with every subcommand registered, <c>runs rerun</c> using <paramref name="replayers"/>.</summary>
    public static RootCommand BuildRoot(RunReplayers replayers) => BuildRoot(CommandRegistry.All(() => replayers));

    private static RootCommand BuildRoot(IEnumerable<Command> commands)
    {
        var root = new RootCommand(
            "Interregnum: forecast what follows when a national leader leaves office unexpectedly. " +
            "Analytic only: power, succession and consequences.");
        // One line per command; each command lives in Commands/<Name>Command.cs.
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        OptionRules.Install(root);
        return root;
    }
}

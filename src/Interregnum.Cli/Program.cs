using System.CommandLine;
using Interregnum.Cli.Commands;

namespace Interregnum.Cli;

/// <summary>Entry point of the <c>interregnum</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; see <see cref="ExitCodes"/> for the exit status.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output streams (used by tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (CliException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ex.ExitCode;
        }
    }

    /// <summary>The root command with every subcommand registered.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Interregnum: forecast what follows when a national leader leaves office unexpectedly. " +
            "Analytic only: power, succession and consequences.");
        // One line per command; each command lives in Commands/<Name>Command.cs.
        foreach (var command in CommandRegistry.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}

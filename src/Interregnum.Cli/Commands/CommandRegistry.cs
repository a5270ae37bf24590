using System.CommandLine;

namespace Interregnum.Cli.Commands;

/// <summary>Every subcommand of <c>interregnum</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> All()
    {
        // Add one line per command here.
        yield return BargainCommand.Create();
    }
}

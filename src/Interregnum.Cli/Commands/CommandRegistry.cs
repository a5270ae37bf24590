using System.CommandLine;

namespace Interregnum.Cli.Commands;

/// <summary>Every subcommand of <c>interregnum</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandRegistry
{
    /// <summary>Each top-level command's name and how to build it.</summary>
    private static readonly (string Name, Func<Func<RunReplayers>, Command> Create)[] Commands =
    [
        ("validate", _ => ValidateCommand.Create()),
        ("power", _ => PowerCommand.Create()),
        ("simulate", _ => SimulateCommand.Create()),
        ("compare", _ => CompareCommand.Create()),
        ("sensitivity", _ => SensitivityCommand.Create()),
        ("report", _ => ReportCommand.Create()),
        ("bargain", _ => BargainCommand.Create()),
        ("import", _ => KtabCommands.Import()),
        ("export", _ => KtabCommands.Export()),
        ("history", _ => HistoryCommand.Create()),
        ("runs", replayers => RunsCommand.Create(replayers())),
        ("backtest", _ => BacktestCommand.Create()),
        ("serve", _ => ServeCommand.Create()),
    ];

    public static IEnumerable<Command> All(Func<RunReplayers> replayers) => Commands.Select(c => c.Create(replayers));

    /// <summary>
    /// The commands that can take part in parsing <paramref name="args"/>: when the first argument names a command,
    /// only that one (a token after a command name can only belong to it); for <c>--version</c> alone, none; else
    /// all of them. Building the other commands' options costs start-up time (docs/performance.md, issue 15) and
    /// changes nothing in the parse.
    /// </summary>
    public static IEnumerable<Command> For(IReadOnlyList<string> args, Func<RunReplayers> replayers)
    {
        if (args is ["--version"])
        {
            return [];
        }

        if (args.Count > 0)
        {
            foreach (var (name, create) in Commands)
            {
                if (string.Equals(name, args[0], StringComparison.Ordinal))
                {
                    return [create(replayers)];
                }
            }
        }

        return All(replayers);
    }
}

using System.CommandLine;

namespace Interregnum.Cli.Commands;

/// <summary>Every subcommand of <c>interregnum</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> All(RunReplayers replayers)
    {
        yield return ValidateCommand.Create();
        yield return PowerCommand.Create();
        yield return SimulateCommand.Create();
        yield return CompareCommand.Create();
        yield return SensitivityCommand.Create();
        yield return ReportCommand.Create();
        yield return BargainCommand.Create();
        yield return KtabCommands.Import();
        yield return KtabCommands.Export();
        yield return HistoryCommand.Create();
        yield return RunsCommand.Create(replayers);
        yield return BacktestCommand.Create();
        yield return ServeCommand.Create();
    }
}

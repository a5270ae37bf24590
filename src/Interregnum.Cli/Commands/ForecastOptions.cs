using System.CommandLine;
using Interregnum.Simulation;

namespace Interregnum.Cli.Commands;

/// <summary>Options shared by simulate, compare and sensitivity.</summary>
internal sealed class ForecastOptions
{
    public Argument<string> File { get; } = new("FILE") { Description = "Scenario file (YAML or JSON)." };

    public Option<int> Draws { get; }

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Random seed; the result depends on it alone.", DefaultValueFactory = _ => 1UL };

    public Option<PolicyModel> Model { get; } = new("--model") { Description = "Policy model after the contest: smp (KTAB spatial model, default), compromise or eu.", DefaultValueFactory = _ => PolicyModel.Smp };

    public Option<int?> Threads { get; } = new("--threads") { Description = "Worker threads (default: all cores). Never changes the result." };

    public Option<OutputFormat> Format { get; } = CommonOptions.Format();

    public Option<string?> Db { get; } = CommonOptions.Db();

    public Option<bool> NoStore { get; } = new("--no-store") { Description = "Do not record this run in the run store." };

    public Option<DirectoryInfo?> Data { get; } = CommonOptions.Data();

    public ForecastOptions(int defaultDraws)
    {
        Draws = new("--draws") { Description = $"Monte Carlo draws (default {defaultDraws}).", DefaultValueFactory = _ => defaultDraws };
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Draws);
        command.Options.Add(Seed);
        command.Options.Add(Model);
        command.Options.Add(Threads);
        command.Options.Add(Format);
        command.Options.Add(Db);
        command.Options.Add(NoStore);
        command.Options.Add(Data);
    }

    public SimulationSettings Settings(ParseResult p, double? untilSe = null) =>
        new(p.GetValue(Draws), p.GetValue(Seed), p.GetValue(Model), p.GetValue(Threads), untilSe);
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Interregnum.Bargaining;
using Spectre.Console;

namespace Interregnum.Cli.Commands;

/// <summary>
/// <c>interregnum bargain FILE --model smp|eu|compromise</c>: runs a bargaining model on a game and prints the
/// per-turn history and the final positions with their probabilities.
/// </summary>
internal static class BargainCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The game: a KTAB actor CSV (Actor, Description, Influence, <dim> Position, <dim> Salience, ...) or a scenario file (YAML/JSON)." };
        var db = CommonOptions.Db();
        var noStore = RunRecorder.NoStore();
        var model = new Option<string>("--model", "-m")
        {
            Description = "Bargaining model: smp (KTAB spatial model of politics), eu (expected utility, Scholz reading, per dimension) or compromise (capability × salience weighted mean).",
            DefaultValueFactory = _ => "smp",
        };
        model.AcceptOnlyFromAmong("smp", "eu", "compromise");
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "Model parameter Name=Value, repeatable. smp: VictoryProbModel, PceModel, StateTransitions, VotingRule, BigRAdjust, BigRRange, ThirdPartyCommit, InterVecBrgn, BargnModel, Seed. eu: Preset (paper|scholz-code), Range, Vote, Probability, EuRisk, QForm, Q, Conflict, Capitulation, Select. compromise: ReferencePoint (one value per dimension, separated by ';'), ReferenceWeight.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var turns = new Option<int?>("--turns") { Description = "Maximum number of turns (smp, default 100) or rounds (eu, default 20)." };
        var format = CommonOptions.Format();
        var explain = new Option<bool>("--explain") { Description = "smp only: print the per-turn audit trail (each actor's challenge, the expected utilities that decided it, whose bargain it adopted, its new position) and who moved most; results unchanged." };
        var command = new Command("bargain", "Run a bargaining model (KTAB SMP, expected utility, compromise) on a game and print the history.")
        {
            file, model, parameters, turns, format, db, noStore, explain,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var path = parse.GetValue(file)!;
                var request = new BargainRequest(BargainRun.LoadInput(path), parse.GetValue(model) ?? "smp", parse.GetValue(parameters) ?? [], parse.GetValue(turns)) { Explain = parse.GetValue(explain) };
                var result = BargainRun.Execute(request);
                var buffer = new StringWriter(Inv);
                Print(result, parse.GetValue(format), buffer);
                stdout.Write(buffer.ToString());
                RunRecorder.Record(parse, () => BargainRun.ToRecord(request, File.ReadAllText(path), path, BargainRun.Json(result), RunRecorder.Arguments(parse), TimeProvider.System.GetUtcNow()));
                return ExitCodes.Ok;
            }
            catch (CliException ex)
            {
                return Fail(stderr, ex.Message, ex.ExitCode);
            }
            catch (RunException ex)
            {
                return Fail(stderr, ex.Message, ExitCodes.Of(ex.Failure));
            }
        });
        return command;
    }

    private static int Fail(TextWriter stderr, string message, int code)
    {
        foreach (var line in message.Split('\n'))
        {
            stderr.WriteLine("error: " + line);
        }

        return code;
    }

    private static string F(double x, string format = "R") => x.ToString(format, Inv);

    internal static void Print(BargainRun.BargainOutcome run, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                BargainRun.WriteCsv(run, output);
                break;
            case OutputFormat.Json:
                BargainRun.WriteJson(run, output);
                break;
            default:
                PrintTable(run, output);
                if (run.Audit is { } audit && run.Smp is { } smp)
                {
                    output.WriteLine("Why each actor moved (audit trail; utilities on 0–1, positions on 0–100):");
                    foreach (var line in BargainExplanation.Lines(run.Input, audit))
                    {
                        output.WriteLine(line);
                    }

                    output.WriteLine("Who moved most:");
                    foreach (var line in BargainExplanation.Summary(run.Input, smp, audit))
                    {
                        output.WriteLine("- " + line);
                    }
                }

                break;
        }
    }

    private static void PrintTable(BargainRun.BargainOutcome run, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        var input = run.Input;
        console.WriteLine($"Model: {run.Model}; turns: {run.Turns}; " + string.Join(", ", run.Parameters.Select(p => p.Key + "=" + p.Value)));
        if (run.Compromise is { } forecasts)
        {
            var t = new Table().AddColumn("Dimension").AddColumn(new TableColumn("Forecast (c×s weighted mean)").RightAligned());
            foreach (var f in forecasts)
            {
                t.AddRow(Markup.Escape(input.DimensionNames[f.Dimension]), F(f.Forecast, "F2"));
            }

            console.Write(t);
            return;
        }

        int last = run.History.Max(r => r.Turn);
        var history = new Table().Title("Positions by turn (0–100 for smp; the input's scale for eu)").AddColumn("Actor").AddColumn("Dimension");
        for (int turn = 0; turn <= last; turn++)
        {
            history.AddColumn(new TableColumn(turn.ToString(Inv)).RightAligned());
        }

        foreach (var group in run.History.GroupBy(r => (r.Actor, r.Dimension)))
        {
            var cells = new List<string> { Markup.Escape(group.Key.Actor), Markup.Escape(group.Key.Dimension) };
            var byTurn = group.ToDictionary(r => r.Turn, r => r.Position);
            for (int turn = 0; turn <= last; turn++)
            {
                cells.Add(byTurn.TryGetValue(turn, out var x) ? F(x, "F1") : string.Empty);
            }

            history.AddRow([.. cells]);
        }

        console.Write(history);
        var final = new Table().Title("Final positions").AddColumn("Actor");
        foreach (var d in input.DimensionNames)
        {
            final.AddColumn(new TableColumn(Markup.Escape(d)).RightAligned());
        }

        if (run.Smp is not null)
        {
            final.AddColumn(new TableColumn("Probability").RightAligned());
        }

        for (int i = 0; i < input.ActorCount; i++)
        {
            var cells = new List<string> { Markup.Escape(input.ActorNames[i]) };
            foreach (var d in input.DimensionNames)
            {
                var row = run.History.Last(r => r.Actor == input.ActorNames[i] && r.Dimension == d);
                cells.Add(F(row.Position, "F1"));
            }

            if (run.Smp is { } smp)
            {
                cells.Add(F(smp.Probabilities[smp.Turns][i], "F4"));
            }

            final.AddRow([.. cells]);
        }

        console.Write(final);
        if (run.Eu is { } eu)
        {
            var medians = new Table().Title("Weighted median and mean by round").AddColumn("Dimension").AddColumn("Round").AddColumn(new TableColumn("Median").RightAligned()).AddColumn(new TableColumn("Mean").RightAligned());
            foreach (var r in eu)
            {
                foreach (var round in r.Rounds)
                {
                    medians.AddRow(Markup.Escape(input.DimensionNames[r.Dimension]), round.Round.ToString(Inv), F(round.Median, "F4"), F(round.Mean, "F4"));
                }
            }

            console.Write(medians);
        }
    }
}

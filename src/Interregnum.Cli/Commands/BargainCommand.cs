using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Interregnum.Bargaining;
using Interregnum.Scenarios.Ktab;
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
        var command = new Command("bargain", "Run a bargaining model (KTAB SMP, expected utility, compromise) on a game and print the history.")
        {
            file, model, parameters, turns, format, db, noStore,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var input = LoadBargainingInput(parse.GetValue(file)!);
                var result = Execute(input, parse.GetValue(model) ?? "smp", parse.GetValue(parameters) ?? [], parse.GetValue(turns));
                var buffer = new StringWriter(Inv);
                Print(result, parse.GetValue(format), buffer);
                stdout.Write(buffer.ToString());
                Record(parse, parse.GetValue(file)!, parse.GetValue(model) ?? "smp", parse.GetValue(parameters) ?? [], parse.GetValue(turns), result);
                return ExitCodes.Ok;
            }
            catch (CliException ex)
            {
                foreach (var line in ex.Message.Split('\n'))
                {
                    stderr.WriteLine("error: " + line);
                }

                return ex.ExitCode;
            }
        });
        return command;
    }

    /// <summary>Records the run (kind bargain): the game file's text, the model, its parameters and the JSON results.</summary>
    private static void Record(ParseResult parse, string path, string model, IReadOnlyList<string> parameters, int? turns, BargainRun result)
    {
        var json = new StringWriter(Inv);
        Print(result, OutputFormat.Json, json);
        var modelParameters = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty;
        foreach (var pair in parameters)
        {
            var (name, value) = ParsePair(pair);
            modelParameters = modelParameters.SetItem(name, value);
        }

        if (turns is { } t)
        {
            modelParameters = modelParameters.SetItem("turns", t.ToString(Inv));
        }

        RunRecorder.Record(parse, new Store.RunRecord
        {
            Kind = Store.RunKind.Bargain,
            ScenarioText = File.ReadAllText(path),
            ScenarioFile = Path.GetFileName(path),
            Seed = 0,
            Draws = 0,
            ModelName = model,
            ModelParameters = modelParameters,
            ProgramVersion = RunRecorder.ProgramVersion,
            CreatedAt = TimeProvider.System.GetUtcNow(),
            Arguments = RunRecorder.Arguments(parse),
            ResultsJson = json.ToString(),
        });
    }

    /// <summary>Re-runs a stored bargain run from its stored game text, for <c>runs rerun</c>.</summary>
    public static string Replay(Store.RunRecord run, TextWriter stderr, CancellationToken ct)
    {
        var extension = Path.GetExtension(run.ScenarioFile).ToLowerInvariant();
        KtabGame game;
        if (extension is ".yaml" or ".yml" or ".json")
        {
            game = KtabScenarioMapping.FromScenario(ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile).Scenario);
        }
        else
        {
            var read = KtabCsv.Read(new StringReader(run.ScenarioText), run.ScenarioFile);
            game = read.Succeeded ? read.Game! : throw new CliException(string.Join(Environment.NewLine, read.Errors.Select(e => e.ToString())));
        }

        var parameters = run.ModelParameters.Where(kv => kv.Key != "turns").Select(kv => kv.Key + "=" + kv.Value).ToList();
        int? turns = run.ModelParameters.TryGetValue("turns", out var t) ? int.Parse(t, Inv) : null;
        var result = Execute(game.ToSmpInput(), run.ModelName, parameters, turns);
        var json = new StringWriter(Inv);
        Print(result, OutputFormat.Json, json);
        return json.ToString();
    }

    /// <summary>
    /// Reads the game to bargain over. A KTAB CSV, or a scenario file (YAML/JSON: point values, capability as `export ktab` computes it).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The bargaining input.</returns>
    internal static SmpInput LoadBargainingInput(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var game = extension is ".yaml" or ".yml" or ".json"
            ? Scenarios.Ktab.KtabScenarioMapping.FromScenario(ScenarioFiles.Load(path).Scenario)
            : KtabCommands.ReadGame(path);
        try
        {
            return game.ToSmpInput();
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"{path}: {ex.Message}", ExitCodes.InvalidInput);
        }
    }

    /// <summary>The outcome of one command run, whatever the model.</summary>
    internal sealed record BargainRun(
        string Model,
        SmpInput Input,
        IReadOnlyList<KeyValuePair<string, string>> Parameters,
        int Turns,
        IReadOnlyList<HistoryRow> History,
        SmpResult? Smp,
        IReadOnlyList<EuResult>? Eu,
        IReadOnlyList<CompromiseForecast>? Compromise);

    /// <summary>One tidy row: an actor's position on a dimension at a turn, and the probability of the position it holds.</summary>
    internal sealed record HistoryRow(int Turn, string Actor, string Dimension, double Position, double? Probability);

    internal static BargainRun Execute(SmpInput input, string model, IReadOnlyList<string> parameters, int? turns)
    {
        var pairs = parameters.Select(ParsePair).ToList();
        switch (model)
        {
            case "smp":
            {
                var p = SmpParameters.Default;
                foreach (var (name, value) in pairs)
                {
                    p = p.With(name, value, out var error) ?? throw new CliException("--param " + error, ExitCodes.Usage);
                }

                if (turns is { } t)
                {
                    p = p.With("MaxTurns", t.ToString(Inv), out var error) ?? throw new CliException("--turns: " + error, ExitCodes.Usage);
                }

                var result = SpatialModelOfPolitics.Run(input, p);
                var rows = new List<HistoryRow>();
                for (int turn = 0; turn <= result.Turns; turn++)
                {
                    for (int i = 0; i < input.ActorCount; i++)
                    {
                        for (int k = 0; k < input.DimensionCount; k++)
                        {
                            // Rounded to 9 decimals: x/100·100 is not always the input's decimal; KTAB itself prints 1 decimal.
                            rows.Add(new HistoryRow(turn, input.ActorNames[i], input.DimensionNames[k], Math.Round(result.Position(turn, i, k), 9), result.Probabilities[turn][i]));
                        }
                    }
                }

                return new BargainRun("smp", input, p.ToPairs(), result.Turns, rows, result, null, null);
            }

            case "eu":
            {
                var o = ExpectedUtilityOptions.Paper;
                foreach (var (name, value) in pairs.OrderBy(pair => pair.Name.Equals("Preset", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
                {
                    o = o.With(name, value, out var error) ?? throw new CliException("--param " + error, ExitCodes.Usage);
                }

                if (turns is { } t)
                {
                    o = o.With("MaxRounds", t.ToString(Inv), out var error) ?? throw new CliException("--turns: " + error, ExitCodes.Usage);
                }

                var results = Enumerable.Range(0, input.DimensionCount).Select(k => ExpectedUtilityModel.Run(input, k, o)).ToList();
                var rows = new List<HistoryRow>();
                foreach (var r in results)
                {
                    foreach (var round in r.Rounds)
                    {
                        for (int i = 0; i < input.ActorCount; i++)
                        {
                            rows.Add(new HistoryRow(round.Round, input.ActorNames[i], input.DimensionNames[r.Dimension], round.Positions[i], null));
                        }
                    }
                }

                return new BargainRun("eu", input, o.ToPairs(), results.Max(r => r.RoundCount), [.. rows.OrderBy(r => r.Turn)], null, results, null);
            }

            default:
            {
                double[]? reference = null;
                double weight = 0;
                foreach (var (name, value) in pairs)
                {
                    if (name.Equals("ReferencePoint", StringComparison.OrdinalIgnoreCase))
                    {
                        var parts = value.Split(';');
                        reference = new double[parts.Length];
                        for (int k = 0; k < parts.Length; k++)
                        {
                            reference[k] = ParseNumber(parts[k], "ReferencePoint");
                        }

                        if (parts.Length != input.DimensionCount)
                        {
                            throw new CliException($"--param ReferencePoint: expected {input.DimensionCount} value(s) separated by ';' (one per dimension); found {parts.Length}.", ExitCodes.Usage);
                        }
                    }
                    else if (name.Equals("ReferenceWeight", StringComparison.OrdinalIgnoreCase))
                    {
                        weight = ParseNumber(value, "ReferenceWeight");
                        if (weight < 0)
                        {
                            throw new CliException("--param ReferenceWeight: expected a number >= 0.", ExitCodes.Usage);
                        }
                    }
                    else
                    {
                        throw new CliException($"--param unknown compromise parameter '{name}'; expected ReferencePoint or ReferenceWeight.", ExitCodes.Usage);
                    }
                }

                if (reference is not null && weight == 0)
                {
                    weight = 1;
                }

                var forecasts = CompromiseModel.Forecast(input, reference, weight);
                var rows = forecasts.Select(f => new HistoryRow(0, "(compromise)", input.DimensionNames[f.Dimension], f.Forecast, null)).ToList();
                var shown = new List<KeyValuePair<string, string>>
                {
                    new("ReferencePoint", reference is null ? "none" : string.Join(';', reference.Select(v => v.ToString("R", Inv)))),
                    new("ReferenceWeight", weight.ToString("R", Inv)),
                };
                return new BargainRun("compromise", input, shown, 0, rows, null, null, forecasts);
            }
        }
    }

    private static (string Name, string Value) ParsePair(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new CliException($"--param '{text}': expected Name=Value.", ExitCodes.Usage);
        }

        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }

    private static double ParseNumber(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, Inv, out double v) && double.IsFinite(v)
            ? v
            : throw new CliException($"--param {name}: expected a number; found '{text}'.", ExitCodes.Usage);

    private static string F(double x, string format = "R") => x.ToString(format, Inv);

    internal static void Print(BargainRun run, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                PrintCsv(run, output);
                break;
            case OutputFormat.Json:
                PrintJson(run, output);
                break;
            default:
                PrintTable(run, output);
                break;
        }
    }

    private static void PrintCsv(BargainRun run, TextWriter output)
    {
        output.Write("turn,actor,dimension,position,probability\n");
        foreach (var row in run.History)
        {
            output.Write(string.Join(',',
                row.Turn.ToString(Inv),
                Csv(row.Actor),
                Csv(row.Dimension),
                F(row.Position),
                row.Probability is { } p ? F(p) : string.Empty));
            output.Write('\n');
        }

        static string Csv(string s) =>
            s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private sealed record JsonRun(
        string Model,
        IReadOnlyDictionary<string, string> Parameters,
        int Turns,
        IReadOnlyList<string> Actors,
        IReadOnlyList<string> Dimensions,
        IReadOnlyList<HistoryRow> History,
        IReadOnlyList<double>? StopTrace,
        IReadOnlyList<JsonEuDimension>? Trajectories,
        IReadOnlyList<CompromiseForecast>? Forecasts);

    private sealed record JsonEuDimension(string Dimension, IReadOnlyList<double> Median, IReadOnlyList<double> Mean);

    private static void PrintJson(BargainRun run, TextWriter output)
    {
        var json = new JsonRun(
            run.Model,
            run.Parameters.ToDictionary(p => p.Key, p => p.Value),
            run.Turns,
            run.Input.ActorNames,
            run.Input.DimensionNames,
            run.History,
            run.Smp?.StopTrace,
            run.Eu?.Select(r => new JsonEuDimension(run.Input.DimensionNames[r.Dimension], [.. r.Rounds.Select(x => x.Median)], [.. r.Rounds.Select(x => x.Mean)])).ToList(),
            run.Compromise);
        output.Write(JsonSerializer.Serialize(json, CommonOptions.Json));
        output.Write('\n');
    }

    private static void PrintTable(BargainRun run, TextWriter output)
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

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Interregnum.Bargaining;
using Interregnum.Scenarios.Ktab;
using Interregnum.Store;

namespace Interregnum.Runs;

/// <summary>A bargain run: a bargaining model (KTAB SMP, expected utility, compromise) on one game.</summary>
/// <param name="Input">The game.</param>
/// <param name="Model">smp, eu or compromise.</param>
/// <param name="Parameters">Model parameters as Name=Value.</param>
/// <param name="Turns">The maximum number of turns (smp) or rounds (eu), or null for the model's default.</param>
public sealed record BargainRequest(SmpInput Input, string Model, IReadOnlyList<string> Parameters, int? Turns)
{
    /// <summary>Record the SMP's per-turn audit trail (<c>bargain --explain</c>; smp only). The results do not change.</summary>
    public bool Explain { get; init; }
}

/// <summary>The bargain use case: execute, write the result document, map to the stored run, replay.</summary>
public static class BargainRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Runs the model the request names.</summary>
    public static BargainOutcome Execute(BargainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Explain && request.Model != "smp")
        {
            throw new RunException($"--explain needs --model smp (the audit trail is the SMP's challenges and bargains); found '{request.Model}'.", RunFailure.Usage);
        }

        var recorder = request.Explain ? new SmpRecorder() : null;
        var outcome = Execute(request.Input, request.Model, request.Parameters, request.Turns, recorder);
        return recorder is null ? outcome : outcome with { Audit = recorder.Turns };
    }

    /// <summary>The result document (JSON, as <c>bargain --format json</c> prints it and the run store keeps it).</summary>
    public static string Json(BargainOutcome run)
    {
        var json = new StringWriter(Inv);
        WriteJson(run, json);
        return json.ToString();
    }

    /// <summary>The stored record of a finished bargain run: the game file's text, the model, its parameters and the results.</summary>
    public static RunRecord ToRecord(BargainRequest request, string gameText, string gameFile, string resultsJson, IReadOnlyList<string> arguments, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var modelParameters = ImmutableSortedDictionary<string, string>.Empty;
        foreach (var pair in request.Parameters)
        {
            var (name, value) = ParsePair(pair);
            modelParameters = modelParameters.SetItem(name, value);
        }

        if (request.Turns is { } t)
        {
            modelParameters = modelParameters.SetItem("turns", t.ToString(Inv));
        }

        return new RunRecord
        {
            Kind = RunKind.Bargain,
            ScenarioText = gameText,
            ScenarioFile = Path.GetFileName(gameFile),
            Seed = 0,
            Draws = 0,
            ModelName = request.Model,
            ModelParameters = modelParameters,
            ProgramVersion = RunJson.ProgramVersion,
            CreatedAt = createdAt,
            Arguments = arguments,
            ResultsJson = resultsJson,
        };
    }

    /// <summary>
    /// Reads the game to bargain over: a KTAB CSV, or a scenario file (YAML/JSON: point values, capability as
    /// <c>export ktab</c> computes it).
    /// </summary>
    /// <exception cref="RunException">The file is missing or invalid, or the game cannot be bargained over.</exception>
    public static SmpInput LoadInput(string path)
    {
        var game = IsScenarioFile(path)
            ? Scenarios.Ktab.KtabScenarioMapping.FromScenario(ScenarioFiles.Load(path).Scenario)
            : KtabFiles.ReadGame(path);
        try
        {
            return game.ToSmpInput();
        }
        catch (ArgumentException ex)
        {
            throw new RunException($"{path}: {ex.Message}", RunFailure.InvalidInput);
        }
    }

    /// <summary>Whether a game file is a scenario (YAML/JSON) rather than a KTAB actor CSV.</summary>
    public static bool IsScenarioFile(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".yaml" or ".yml" or ".json";

    /// <summary>Re-runs a stored bargain run from its stored game text, for <c>runs rerun</c>.</summary>
    public static string Replay(RunRecord run, TextWriter notes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        KtabGame game;
        if (IsScenarioFile(run.ScenarioFile))
        {
            game = KtabScenarioMapping.FromScenario(ScenarioFiles.FromText(run.ScenarioText, run.ScenarioFile).Scenario);
        }
        else
        {
            var read = KtabCsv.Read(new StringReader(run.ScenarioText), run.ScenarioFile);
            game = read.Succeeded ? read.Game! : throw new RunException(string.Join(Environment.NewLine, read.Errors.Select(e => e.ToString())));
        }

        var parameters = run.ModelParameters.Where(kv => kv.Key != "turns").Select(kv => kv.Key + "=" + kv.Value).ToList();
        int? turns = run.ModelParameters.TryGetValue("turns", out var t) ? int.Parse(t, Inv) : null;
        return Json(Execute(game.ToSmpInput(), run.ModelName, parameters, turns));
    }

    /// <summary>The outcome of one command run, whatever the model.</summary>
    public sealed record BargainOutcome(
        string Model,
        SmpInput Input,
        IReadOnlyList<KeyValuePair<string, string>> Parameters,
        int Turns,
        IReadOnlyList<HistoryRow> History,
        SmpResult? Smp,
        IReadOnlyList<EuResult>? Eu,
        IReadOnlyList<CompromiseForecast>? Compromise)
    {
        /// <summary>The SMP's per-turn audit trail when asked for (<c>--explain</c>), else null.</summary>
        public IReadOnlyList<SmpTurnAudit>? Audit { get; init; }
    }

    /// <summary>One tidy row: an actor's position on a dimension at a turn, and the probability of the position it holds.</summary>
    public sealed record HistoryRow(int Turn, string Actor, string Dimension, double Position, double? Probability);

    public static BargainOutcome Execute(SmpInput input, string model, IReadOnlyList<string> parameters, int? turns, SmpRecorder? recorder = null)
    {
        var pairs = parameters.Select(ParsePair).ToList();
        switch (model)
        {
            case "smp":
            {
                var p = SmpParameters.Default;
                foreach (var (name, value) in pairs)
                {
                    p = p.With(name, value, out var error) ?? throw new RunException("--param " + error, RunFailure.Usage);
                }

                if (turns is { } t)
                {
                    p = p.With("MaxTurns", t.ToString(Inv), out var error) ?? throw new RunException("--turns: " + error, RunFailure.Usage);
                }

                var result = recorder is null ? SpatialModelOfPolitics.Run(input, p) : SpatialModelOfPolitics.Run(input, p, 0, recorder);
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

                return new BargainOutcome("smp", input, p.ToPairs(), result.Turns, rows, result, null, null);
            }

            case "eu":
            {
                var o = ExpectedUtilityOptions.Paper;
                foreach (var (name, value) in pairs.OrderBy(pair => pair.Name.Equals("Preset", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
                {
                    o = o.With(name, value, out var error) ?? throw new RunException("--param " + error, RunFailure.Usage);
                }

                if (turns is { } t)
                {
                    o = o.With("MaxRounds", t.ToString(Inv), out var error) ?? throw new RunException("--turns: " + error, RunFailure.Usage);
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

                return new BargainOutcome("eu", input, o.ToPairs(), results.Max(r => r.RoundCount), [.. rows.OrderBy(r => r.Turn)], null, results, null);
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
                            throw new RunException($"--param ReferencePoint: expected {input.DimensionCount} value(s) separated by ';' (one per dimension); found {parts.Length}.", RunFailure.Usage);
                        }
                    }
                    else if (name.Equals("ReferenceWeight", StringComparison.OrdinalIgnoreCase))
                    {
                        weight = ParseNumber(value, "ReferenceWeight");
                        if (weight < 0)
                        {
                            throw new RunException("--param ReferenceWeight: expected a number >= 0.", RunFailure.Usage);
                        }
                    }
                    else
                    {
                        throw new RunException($"--param unknown compromise parameter '{name}'; expected ReferencePoint or ReferenceWeight.", RunFailure.Usage);
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
                return new BargainOutcome("compromise", input, shown, 0, rows, null, null, forecasts);
            }
        }
    }

    /// <summary>Splits a Name=Value parameter.</summary>
    public static (string Name, string Value) ParsePair(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new RunException($"--param '{text}': expected Name=Value.", RunFailure.Usage);
        }

        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }

    private static double ParseNumber(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, Inv, out double v) && double.IsFinite(v)
            ? v
            : throw new RunException($"--param {name}: expected a number; found '{text}'.", RunFailure.Usage);

    private static string F(double x, string format = "R") => x.ToString(format, Inv);

    public static void WriteCsv(BargainOutcome run, TextWriter output)
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

    internal sealed record JsonRun(
        string Model,
        IReadOnlyDictionary<string, string> Parameters,
        int Turns,
        IReadOnlyList<string> Actors,
        IReadOnlyList<string> Dimensions,
        IReadOnlyList<HistoryRow> History,
        IReadOnlyList<double>? StopTrace,
        IReadOnlyList<JsonEuDimension>? Trajectories,
        IReadOnlyList<CompromiseForecast>? Forecasts)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<BargainExplanation.TurnJson>? Explain { get; init; }
    }

    internal sealed record JsonEuDimension(string Dimension, IReadOnlyList<double> Median, IReadOnlyList<double> Mean);

    public static void WriteJson(BargainOutcome run, TextWriter output)
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
            run.Compromise) { Explain = run.Audit is { } audit ? BargainExplanation.Json(run.Input, audit) : null };
        output.Write(RunJson.Serialize(json));
        output.Write('\n');
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Interregnum.Store;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Interregnum.Cli.Commands;

/// <summary><c>interregnum runs list|show|diff|export|rerun</c>: the stored runs.</summary>
internal static class RunsCommand
{
    // How many results a table shows before pointing to `runs export`.
    private const int TableResultRows = 200;
    private const int TableScenarioLines = 40;

    internal static Command Create(RunReplayers replayers)
    {
        var runs = new Command("runs", "List, show, compare, export and re-run stored runs (see --db).");
        runs.Subcommands.Add(CreateList());
        runs.Subcommands.Add(CreateShow());
        runs.Subcommands.Add(CreateDiff());
        runs.Subcommands.Add(CreateExport());
        runs.Subcommands.Add(CreateRerun(replayers));
        return runs;
    }

    private static Argument<long> IdArgument(string name = "id") => new(name)
    {
        Description = "A run's id, as `runs list` shows it.",
    };

    private static Command CreateList()
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.Format();
        var kind = new Option<string?>("--kind") { Description = "Only runs of this kind: simulate, compare, sensitivity, bargain or backtest." };
        var scenario = new Option<string?>("--scenario")
        {
            Description = "Only runs of this scenario: a scenario file (its content is hashed) or a content hash.",
        };
        var limit = new Option<int?>("--limit") { Description = "At most this many runs (the newest)." };
        var command = new Command("list", "Stored runs, newest first.") { db, format, kind, scenario, limit };
        command.SetAction(parseResult => Guarded(parseResult, () =>
        {
            var filter = new RunFilter(
                ScenarioHash: ScenarioHashOf(parseResult.GetValue(scenario)),
                Kind: KindOf(parseResult.GetValue(kind)),
                Limit: parseResult.GetValue(limit) is { } n && n < 0
                    ? throw new CliException("--limit must be zero or more.", ExitCodes.Usage)
                    : parseResult.GetValue(limit));
            using var store = OpenStore(parseResult.GetValue(db));
            var runs = store.List(filter);
            var output = parseResult.InvocationConfiguration.Output;
            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    output.WriteLine(RunJson.Serialize(runs));
                    break;
                case OutputFormat.Csv:
                    WriteCsvRow(output, "id", "created_at", "kind", "scenario_file", "scenario_hash", "shock_id", "seed", "draws", "model_name", "program_version", "has_draws_csv");
                    foreach (var run in runs)
                    {
                        WriteCsvRow(output, Invariant(run.Id), Time(run.CreatedAt), run.Kind.ToText(), run.ScenarioFile, run.ScenarioHash,
                            run.ShockId ?? string.Empty, Invariant(run.Seed), Invariant(run.Draws), run.ModelName, run.ProgramVersion,
                            run.HasDrawsCsv ? "true" : "false");
                    }

                    break;
                default:
                    if (runs.Count == 0)
                    {
                        output.WriteLine("No runs stored in " + store.Location + ".");
                        break;
                    }

                    var table = new Table().AddColumns("id", "created (UTC)", "kind", "scenario", "hash", "shock", "seed", "draws", "model", "version");
                    foreach (var run in runs)
                    {
                        table.AddRow(Cells(Invariant(run.Id), run.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                            run.Kind.ToText(), run.ScenarioFile, run.ScenarioHash[..12], run.ShockId ?? "-", Invariant(run.Seed),
                            Invariant(run.Draws), run.ModelName, run.ProgramVersion));
                    }

                    Render(output, table);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateShow()
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.Format();
        var id = IdArgument();
        var command = new Command("show", "One stored run: its inputs and results (json: everything, as `runs export`).") { id, db, format };
        command.SetAction(parseResult => Guarded(parseResult, () =>
        {
            using var store = OpenStore(parseResult.GetValue(db));
            var run = GetRun(store, parseResult.GetValue(id));
            var output = parseResult.InvocationConfiguration.Output;
            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    output.WriteLine(ExportJson(run));
                    break;
                case OutputFormat.Csv:
                    throw new CliException("runs show prints a table or json; for csv use `runs export ID --format csv`.", ExitCodes.Usage);
                default:
                    ShowTable(output, run);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateDiff()
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.Format();
        var first = IdArgument("id1");
        var second = IdArgument("id2");
        var command = new Command("diff", "What changed between two runs: the inputs, and the numbers in the results.") { first, second, db, format };
        command.SetAction(parseResult => Guarded(parseResult, () =>
        {
            using var store = OpenStore(parseResult.GetValue(db));
            var a = GetRun(store, parseResult.GetValue(first));
            var b = GetRun(store, parseResult.GetValue(second));
            var diff = StoredRuns.Diff(a, b);
            var output = parseResult.InvocationConfiguration.Output;
            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    output.WriteLine(RunJson.Serialize(diff));
                    break;
                case OutputFormat.Csv:
                    WriteCsvRow(output, "section", "name", "old", "new");
                    foreach (var input in diff.Inputs)
                    {
                        WriteCsvRow(output, "input", input.Field, input.Old ?? string.Empty, input.New ?? string.Empty);
                    }

                    foreach (var line in diff.Scenario?.Changes ?? [])
                    {
                        WriteCsvRow(output, "scenario", Invariant(line.LineNumber),
                            line.Sign == '-' ? line.Text : string.Empty, line.Sign == '+' ? line.Text : string.Empty);
                    }

                    foreach (var result in diff.Results)
                    {
                        WriteCsvRow(output, "result", result.Path, Number(result.Old), Number(result.New));
                    }

                    break;
                default:
                    DiffTable(output, diff);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateExport()
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.Format();
        format.DefaultValueFactory = _ => OutputFormat.Json;
        var id = IdArgument();
        var command = new Command("export", "A stored run for programs: json (everything) or csv (the stored draws, else the results as path,value).")
        {
            id, db, format,
        };
        command.SetAction(parseResult => Guarded(parseResult, () =>
        {
            using var store = OpenStore(parseResult.GetValue(db));
            var run = GetRun(store, parseResult.GetValue(id));
            var output = parseResult.InvocationConfiguration.Output;
            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    output.WriteLine(ExportJson(run));
                    break;
                case OutputFormat.Csv when run.DrawsCsv is not null:
                    output.Write(run.DrawsCsv);
                    break;
                case OutputFormat.Csv:
                    WriteCsvRow(output, "path", "value");
                    foreach (var leaf in StoredRuns.Results(run))
                    {
                        WriteCsvRow(output, leaf.Path, leaf.Text);
                    }

                    break;
                default:
                    throw new CliException("runs export writes json or csv; for a table use `runs show ID`.", ExitCodes.Usage);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateRerun(RunReplayers replayers)
    {
        var db = CommonOptions.Db();
        var id = IdArgument();
        var command = new Command("rerun", "Runs a stored run again from its stored inputs and checks that the results are the same, byte for byte.")
        {
            id, db,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Guarded(parseResult, () =>
        {
            using var store = OpenStore(parseResult.GetValue(db));
            var run = GetRun(store, parseResult.GetValue(id));
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!replayers.TryGet(run.Kind, out var replay))
            {
                throw new CliException(
                    $"cannot rerun run {Invariant(run.Id)}: this program cannot replay '{run.Kind.ToText()}' runs.", ExitCodes.MissingResource);
            }

            if (!string.Equals(run.ProgramVersion, RunRecorder.ProgramVersion, StringComparison.Ordinal))
            {
                error.WriteLine($"warning: run {Invariant(run.Id)} was made by version {run.ProgramVersion}, this is {RunRecorder.ProgramVersion}; results may differ.");
            }

            var results = replay(run, error, cancellationToken);
            if (string.Equals(results, run.ResultsJson, StringComparison.Ordinal))
            {
                output.WriteLine($"reproduced exactly: run {Invariant(run.Id)} ({run.Kind.ToText()}, seed {Invariant(run.Seed)}, {Invariant(run.Draws)} draws)");
                return ExitCodes.Ok;
            }

            output.WriteLine($"not reproduced: run {Invariant(run.Id)}'s results differ from the stored ones");
            IReadOnlyList<JsonLeafChange> changes;
            try
            {
                changes = StoredRuns.Differences(run.ResultsJson, results);
            }
            catch (JsonException ex)
            {
                output.WriteLine("the new results are not JSON: " + ex.Message);
                return ExitCodes.InvalidInput;
            }

            if (changes.Count == 0)
            {
                output.WriteLine("every value is the same; the documents differ in layout only (whitespace or key order)");
            }

            foreach (var change in changes)
            {
                output.WriteLine($"{(change.Path.Length == 0 ? "(document)" : change.Path)}: {change.Old?.RawText ?? "(absent)"} -> {change.New?.RawText ?? "(absent)"}");
            }

            return ExitCodes.InvalidInput;
        })));
        return command;
    }

    /// <summary>Turns expected failures into one line on stderr and an exit code, inside the command's action.</summary>
    private static int Guarded(ParseResult parseResult, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (CliException ex)
        {
            parseResult.InvocationConfiguration.Error.WriteLine("error: " + ex.Message);
            return ex.ExitCode;
        }
        catch (RunException ex)
        {
            parseResult.InvocationConfiguration.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Of(ex.Failure);
        }
    }

    private static StoredRuns OpenStore(string? db) => StoredRuns.Open(db);

    private static RunRecord GetRun(StoredRuns store, long id) => store.Get(id);

    private static RunKind? KindOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return RunKindText.TryParse(text, out var kind)
            ? kind
            : throw new CliException($"--kind {text}: expected simulate, compare, sensitivity, bargain or backtest.", ExitCodes.Usage);
    }

    private static string? ScenarioHashOf(string? scenario)
    {
        if (scenario is null)
        {
            return null;
        }

        if (File.Exists(scenario))
        {
            return StoredRuns.ScenarioHash(File.ReadAllText(scenario));
        }

        return scenario.Length == 64 && scenario.All(char.IsAsciiHexDigit)
            ? scenario.ToLowerInvariant()
            : throw new CliException($"--scenario {scenario}: neither a file nor a 64-digit content hash.", ExitCodes.InvalidInput);
    }

    private static string ExportJson(RunRecord run)
    {
        using var results = JsonDocument.Parse(run.ResultsJson);
        var export = new RunExport(
            run.Id, run.Kind.ToText(), run.CreatedAt, run.ScenarioFile, run.ScenarioHash, run.ShockId, run.Seed, run.Draws,
            run.ModelName, new SortedDictionary<string, string>(run.ModelParameters.ToDictionary(), StringComparer.Ordinal),
            run.ProgramVersion, run.Arguments, run.ScenarioText, results.RootElement, run.DrawsCsv);
        return RunJson.Serialize(export);
    }

    private static void ShowTable(TextWriter output, RunRecord run)
    {
        var fields = new Table().AddColumns("field", "value");
        fields.AddRow(Cells("id", Invariant(run.Id)));
        fields.AddRow(Cells("kind", run.Kind.ToText()));
        fields.AddRow(Cells("created (UTC)", Time(run.CreatedAt)));
        fields.AddRow(Cells("scenario", run.ScenarioFile));
        fields.AddRow(Cells("scenario hash", run.ScenarioHash));
        fields.AddRow(Cells("shock", run.ShockId ?? "-"));
        fields.AddRow(Cells("seed", Invariant(run.Seed)));
        fields.AddRow(Cells("draws", Invariant(run.Draws)));
        fields.AddRow(Cells("model", run.ModelName));
        foreach (var (name, value) in run.ModelParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            fields.AddRow(Cells("  " + name, value));
        }

        fields.AddRow(Cells("program version", run.ProgramVersion));
        fields.AddRow(Cells("command", "interregnum " + string.Join(' ', run.Arguments)));
        fields.AddRow(Cells("draws stored", run.DrawsCsv is null ? "no" : "yes (runs export --format csv)"));
        Render(output, fields);

        var leaves = StoredRuns.Results(run);
        var results = new Table().AddColumns("result", "value");
        foreach (var leaf in leaves.Take(TableResultRows))
        {
            results.AddRow(Cells(leaf.Path, leaf.Text));
        }

        Render(output, results);
        if (leaves.Count > TableResultRows)
        {
            output.WriteLine($"... {Invariant(leaves.Count - TableResultRows)} more results: `interregnum runs export {Invariant(run.Id)}`");
        }
    }

    private static void DiffTable(TextWriter output, RunDiff diff)
    {
        var a = "run " + Invariant(diff.OldId);
        var b = "run " + Invariant(diff.NewId);
        if (diff.IsEmpty)
        {
            output.WriteLine($"{a} and {b} have the same inputs and the same numeric results.");
            return;
        }

        if (diff.Inputs.Count == 0)
        {
            output.WriteLine("Inputs: the same.");
        }
        else
        {
            var inputs = new Table().AddColumns("input", a, b);
            foreach (var input in diff.Inputs)
            {
                inputs.AddRow(Cells(input.Field, input.Old ?? "-", input.New ?? "-"));
            }

            Render(output, inputs);
        }

        if (diff.Scenario is { } scenario)
        {
            output.WriteLine($"Scenario text: {Invariant(scenario.LinesRemoved)} lines removed, {Invariant(scenario.LinesAdded)} added, {Invariant(scenario.LinesUnchanged)} unchanged.");
            foreach (var line in scenario.Changes.Take(TableScenarioLines))
            {
                output.WriteLine($"  {line.Sign}{Invariant(line.LineNumber),5}: {line.Text}");
            }

            if (scenario.Changes.Count > TableScenarioLines)
            {
                output.WriteLine($"  ... {Invariant(scenario.Changes.Count - TableScenarioLines)} more changed lines");
            }
        }

        if (diff.Results.Count == 0)
        {
            output.WriteLine("Results: the same numbers.");
            return;
        }

        var results = new Table().AddColumns("result", a, b, "change");
        foreach (var change in diff.Results.Take(TableResultRows))
        {
            results.AddRow(Cells(change.Path, Number(change.Old), Number(change.New), change.Delta is { } d ? d.ToString("+0.######;-0.######;0", CultureInfo.InvariantCulture) : "-"));
        }

        Render(output, results);
        if (diff.Results.Count > TableResultRows)
        {
            output.WriteLine($"... {Invariant(diff.Results.Count - TableResultRows)} more changed results: `runs diff --format csv`");
        }
    }

    private static IRenderable[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];

    private static void Render(TextWriter output, IRenderable renderable)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;
        console.Write(renderable);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteCsvRow(TextWriter output, params string[] fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(field);
            }
        }

        output.Write(line.Append('\n'));
    }
}

using System.Globalization;
using Interregnum.Backtesting;
using Interregnum.Model;

namespace Interregnum.Scenarios.Backtesting;

/// <summary>A validated backtest case: the scenario as of the day after the exit, the exit, and what happened. Immutable.</summary>
/// <param name="Id">The case's id (its folder name).</param>
/// <param name="Folder">The case's folder.</param>
/// <param name="ScenarioPath">Path of scenario.yaml.</param>
/// <param name="ScenarioText">The scenario file's text.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="ShockId">The shock that happened (the outcome's <c>shock</c>, else the scenario's first).</param>
/// <param name="Outcome">What happened.</param>
public sealed record BacktestCase(string Id, string Folder, string ScenarioPath, string ScenarioText, Scenario Scenario, string ShockId, CaseOutcome Outcome);

/// <summary>One case folder read: the case, or every problem found (<c>file:line:column: message</c>). Immutable.</summary>
/// <param name="Id">The folder name.</param>
/// <param name="Case">The case when valid, else null.</param>
/// <param name="Errors">Every problem found; empty when valid.</param>
public sealed record BacktestCaseReadResult(string Id, BacktestCase? Case, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>True when the case is valid.</summary>
    public bool IsValid => Case is not null;
}

/// <summary>
/// Reads backtest cases (docs/backtesting.md): a folder per case with <c>scenario.yaml</c> and <c>outcome.yaml</c>.
/// A bad case is reported as errors and never stops the others. Thread-safe (no shared state).
/// </summary>
public static class BacktestCaseReader
{
    /// <summary>The scenario file's name in a case folder.</summary>
    public const string ScenarioFileName = "scenario.yaml";

    /// <summary>The outcome file's name in a case folder.</summary>
    public const string OutcomeFileName = "outcome.yaml";

    private static readonly string[] Directions = ["up", "down", "none"];

    /// <summary>Reads every case folder (every subfolder holding a scenario.yaml or an outcome.yaml), in name order.</summary>
    public static IReadOnlyList<BacktestCaseReadResult> ReadFolder(string folder)
    {
        return Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, ScenarioFileName)) || File.Exists(Path.Combine(d, OutcomeFileName)))
            .Order(StringComparer.Ordinal)
            .Select(ReadCase)
            .ToList();
    }

    /// <summary>Reads one case folder.</summary>
    public static BacktestCaseReadResult ReadCase(string folder)
    {
        var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var scenarioPath = Path.Combine(folder, ScenarioFileName);
        var outcomePath = Path.Combine(folder, OutcomeFileName);
        if (!File.Exists(scenarioPath))
        {
            return new(id, null, [new ScenarioError(scenarioPath, 1, 1, "missing scenario file: a case folder holds scenario.yaml and outcome.yaml")]);
        }

        var scenario = ScenarioReader.ReadFile(scenarioPath);
        if (!File.Exists(outcomePath))
        {
            return new(id, null, [.. scenario.Errors, new ScenarioError(outcomePath, 1, 1, "missing outcome file: a case folder holds scenario.yaml and outcome.yaml")]);
        }

        if (!scenario.IsValid)
        {
            return new(id, null, scenario.Errors);
        }

        string text;
        try
        {
            text = File.ReadAllText(outcomePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(id, null, [new ScenarioError(outcomePath, 1, 1, "cannot read the file: " + ex.Message)]);
        }

        var (outcome, shockId, errors) = ReadOutcomeText(text, outcomePath, scenario.Scenario!);
        return outcome is null
            ? new(id, null, errors)
            : new(id, new BacktestCase(id, folder, scenarioPath, File.ReadAllText(scenarioPath), scenario.Scenario!, shockId!, outcome), []);
    }

    /// <summary>Reads and validates an outcome file's text against the case's scenario.</summary>
    /// <param name="text">The outcome file's content.</param>
    /// <param name="file">The name to report errors against.</param>
    /// <param name="scenario">The case's (valid) scenario.</param>
    public static (CaseOutcome? Outcome, string? ShockId, IReadOnlyList<ScenarioError> Errors) ReadOutcomeText(string text, string file, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var b = new NodeBinder(file);
        YNode? root;
        try
        {
            root = YamlTreeBuilder.Build(text, b.Error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            b.Error(1, 1, "unreadable YAML: " + ex.Message);
            root = null;
        }

        if (root is null)
        {
            if (b.ErrorCount == 0)
            {
                b.Error(1, 1, "the outcome file is empty; see docs/backtesting.md");
            }

            return (null, null, b.Errors());
        }

        if (b.Mapping(root, "an outcome") is not { } map)
        {
            return (null, null, b.Errors());
        }

        var v = b.Open(map, "the outcome", "question_date", "outcome_date", "shock", "winner", "contested", "excluded", "eventual_leader", "dimensions", "sources", "note");
        var question = b.Date(v, "question_date");
        var outcomeDate = b.Date(v, "outcome_date");
        if (question is { } q && outcomeDate is { } o && o < q)
        {
            b.Error(v.ValueNode("outcome_date")!, $"the outcome date {o:yyyy-MM-dd} is before the question date {q:yyyy-MM-dd}");
        }

        if (question is { } q2 && scenario.AsOf is { } asOf && asOf > q2)
        {
            b.Error(v.ValueNode("question_date")!, $"the scenario is dated {asOf:yyyy-MM-dd} (as_of), after the question date {q2:yyyy-MM-dd}: nothing learned after the question date may go into the scenario");
        }
        else if (question is not null && scenario.AsOf is null)
        {
            b.Error(v.ValueNode("question_date")!, "the case's scenario needs an as_of date on or before the question date");
        }

        string? shockId = null;
        if (v.Get("shock", required: false) is { } shockNode)
        {
            shockId = b.Choice(shockNode, "shock", scenario.Shocks.Select(s => s.Id).ToList());
        }
        else if (scenario.Shocks.Count == 0)
        {
            b.Error(map, "the case's scenario declares no shock; its shock is the exit that happened");
        }
        else
        {
            shockId = scenario.Shocks[0].Id;
        }

        if (shockId is not null && scenario.ShockById(shockId) is { IncumbentLeaves: false })
        {
            b.Error(v.ValueNode("shock") ?? map, $"shock '{shockId}' is a failed attempt; a backtest case scores a succession, so its shock must remove the incumbent");
        }

        string? winner = null;
        if (v.Get("winner", required: true) is { } winnerNode)
        {
            var ids = scenario.Candidates.Select(c => c.Id).ToList();
            var text2 = b.Text(winnerNode, "'winner'");
            if (text2 is not null && !ids.Contains(text2))
            {
                var hint = Suggest.Closest(text2, ids);
                b.Error(winnerNode, $"unknown candidate '{Fmt.Short(text2)}' as winner" + (hint is null ? $"; the scenario's candidates are: {string.Join(", ", ids)}" : $" (did you mean '{hint}'?)"));
            }
            else
            {
                winner = text2;
            }
        }

        var contested = v.Bool("contested", required: true);
        var excluded = new List<ExcludedActor>();
        if (v.Get("excluded", required: false) is { } exNode && b.Sequence(exNode, "'excluded'") is { } exSeq)
        {
            var actorIds = scenario.Actors.Select(a => a.Id).ToList();
            foreach (var item in exSeq.Items)
            {
                if (b.Mapping(item, "an excluded actor { actor, fate, note }") is not { } em)
                {
                    continue;
                }

                var ev = b.Open(em, "an excluded actor", "actor", "fate", "note");
                var actor = ev.Get("actor", required: true) is { } an ? b.Choice(an, "actor", actorIds) : null;
                var fate = ev.Get("fate", required: true) is { } fn ? b.Choice(fn, "fate", CaseOutcome.Fates) : null;
                if (actor is not null && fate is not null)
                {
                    excluded.Add(new ExcludedActor(actor, fate, ev.Text("note")));
                }
            }
        }

        // A succession in stages: who led two years after the outcome date (an actor of the scenario, or
        // "other" for someone who is not among them).
        string? eventualLeader = null;
        if (v.Get("eventual_leader", required: false) is { } elNode)
        {
            eventualLeader = b.Choice(elNode, "eventual_leader", [.. scenario.Actors.Select(a => a.Id), CaseOutcome.OtherLeader]);
        }

        var dims = new Dictionary<string, DimensionOutcome>(StringComparer.Ordinal);
        if (v.Get("dimensions", required: true) is { } dNode && b.Mapping(dNode, "'dimensions' (dimension id: { direction, size })") is { } dm)
        {
            var dimIds = scenario.Dimensions.Select(d => d.Id).ToList();
            var dv = b.Open(dm, "'dimensions'", [.. dimIds]);
            foreach (var dimId in dimIds)
            {
                if (dv.Get(dimId, required: false) is not { } body || b.Mapping(body, $"dimension '{dimId}' {{ direction, size, note }}") is not { } bm)
                {
                    continue;
                }

                var bv = b.Open(bm, $"dimension '{dimId}'", "direction", "size", "note");
                var direction = bv.Get("direction", required: true) is { } dirNode ? b.Choice(dirNode, "direction", Directions) : null;
                var size = bv.Number("size", "size (points on 0–100)", required: true);
                if (direction is null || size is null)
                {
                    continue;
                }

                var dir = direction switch { "up" => PolicyDirection.Up, "down" => PolicyDirection.Down, _ => PolicyDirection.None };
                var sizeNode = bv.ValueNode("size")!;
                if (size < 0 || size > 100)
                {
                    b.Error(sizeNode, string.Create(CultureInfo.InvariantCulture, $"size must lie in [0, 100] (points on the 0–100 scale), found {size}"));
                }
                else if (dir == PolicyDirection.None && size != 0)
                {
                    b.Error(sizeNode, string.Create(CultureInfo.InvariantCulture, $"direction none has size 0, found {size}"));
                }
                else if (dir != PolicyDirection.None && size < CaseOutcome.NoChangeBand)
                {
                    b.Error(sizeNode, string.Create(CultureInfo.InvariantCulture, $"a change of {size} points is below the no-change band ({CaseOutcome.NoChangeBand}); write direction none, size 0"));
                }
                else
                {
                    dims[dimId] = new DimensionOutcome(dir, size.Value, bv.Text("note"));
                }
            }
        }

        var sources = new List<string>();
        if (v.Get("sources", required: true) is { } sNode && b.Sequence(sNode, "'sources' (citations)") is { } sSeq)
        {
            if (sSeq.Items.Count == 0)
            {
                b.Error(sSeq, "an outcome cites at least one source");
            }

            foreach (var item in sSeq.Items)
            {
                if (b.Text(item, "a citation") is { } cite)
                {
                    sources.Add(cite);
                }
            }
        }

        var note = v.Text("note");
        if (b.ErrorCount > 0 || question is null || outcomeDate is null || winner is null || contested is null || shockId is null)
        {
            if (b.ErrorCount == 0)
            {
                b.Error(map, "the outcome is incomplete");
            }

            return (null, null, b.Errors());
        }

        return (new CaseOutcome(question.Value, outcomeDate.Value, winner, contested.Value, excluded, dims, sources, note, eventualLeader), shockId, []);
    }
}

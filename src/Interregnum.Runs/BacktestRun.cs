using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Interregnum.Backtesting;
using Interregnum.History;
using Interregnum.History.Loading;
using Interregnum.Scenarios.Backtesting;
using Interregnum.Simulation;
using Interregnum.Store;
using Interregnum.History.ReferenceClasses;

namespace Interregnum.Runs;

/// <summary>
/// The backtest use case: runs every case with a fixed seed, scores the model and the rivals against what
/// happened (docs/backtesting.md), and maps the result to the stored run. A backtest is not replayed: its case
/// folder is not stored with the run.
/// </summary>
public static partial class BacktestRun
{
    /// <summary>
    /// Reads the cases of <paramref name="folder"/>: every case folder in it, or only those named in
    /// <paramref name="caseIds"/> (plain folder names directly in it), in name order.
    /// </summary>
    /// <exception cref="RunException">The folder is missing, or a named case is not a folder directly in it.</exception>
    public static BacktestCaseSet ReadCases(string folder, IReadOnlyCollection<string>? caseIds = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new RunException($"{folder}: no such folder", RunFailure.MissingResource);
        }

        IReadOnlyList<BacktestCaseReadResult> reads;
        if (caseIds is null || caseIds.Count == 0)
        {
            reads = BacktestCaseReader.ReadFolder(folder);
        }
        else
        {
            var bad = caseIds.FirstOrDefault(id => string.IsNullOrEmpty(id) || id != Path.GetFileName(id) || id.StartsWith('.') || !Directory.Exists(Path.Combine(folder, id)));
            if (bad is not null)
            {
                throw new RunException($"{folder}: no case folder '{bad}' in it", RunFailure.MissingResource);
            }

            reads = [.. caseIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => BacktestCaseReader.ReadCase(Path.Combine(folder, id)))];
        }

        return new BacktestCaseSet([.. reads.Where(r => r.IsValid).Select(r => r.Case!)], [.. reads.Where(r => !r.IsValid)], reads.Count);
    }

    /// <summary>The failure when a folder holds no valid case (<paramref name="folder"/> as the user named it).</summary>
    public static RunException NoValidCase(string folder) =>
        new($"{folder}: no valid backtest case (a case is a folder holding scenario.yaml and outcome.yaml; see docs/backtesting.md)");

    /// <summary>Draws the model's reliability diagram of a backtest document as a PNG (<c>backtest --chart</c>).</summary>
    public static void SaveReliabilityChart(BacktestJson document, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bins = document.Reliability.Select(b => new ReliabilityBin(b.From, b.To, b.Count, b.Hits, b.MeanProbability ?? double.NaN, b.ObservedFrequency ?? double.NaN)).ToList();
        Reports.ReliabilityChart.SavePng(bins, pngPath, $"Reliability: {document.Model} model, {document.Cases.Count} cases, {document.Draws} draws, seed {document.Seed}");
    }

    /// <summary>
    /// Re-runs a stored backtest from the case texts stored with it (<see cref="CasesText"/>) and returns its result
    /// document; the base-rate rival reads <paramref name="data"/> (null: INTERREGNUM_DATA), as the run did.
    /// </summary>
    /// <exception cref="RunException">The stored case texts cannot be read back.</exception>
    public static string Replay(RunRecord run, DirectoryInfo? data, TextWriter notes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var cases = CasesFromText(run.ScenarioText);
        var notRun = new List<string>();
        using (var stored = JsonDocument.Parse(run.ResultsJson))
        {
            if (stored.RootElement.TryGetProperty("cases_not_run", out var list))
            {
                notRun.AddRange(list.EnumerateArray().Select(e => e.GetString()!));
            }
        }

        var doc = Compute(cases, ForecastRecords.Settings(run), LoadHistory(data, notes), run.ScenarioFile, notRun, ct);
        return RunJson.Serialize(doc);
    }

    /// <summary>The cases stored in a backtest run's text (the inverse of <see cref="CasesText"/>).</summary>
    /// <exception cref="RunException">The text is not in that layout, or a stored case no longer reads as valid.</exception>
    public static IReadOnlyList<BacktestCase> CasesFromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headers = CaseHeader().Matches(text);
        if (headers.Count == 0 || headers.Count % 2 != 0)
        {
            throw new RunException("the stored backtest holds no case texts in the expected layout", RunFailure.MissingResource);
        }

        string Section(int i)
        {
            var start = headers[i].Index + headers[i].Length;
            var end = i + 1 < headers.Count ? headers[i + 1].Index : text.Length;
            // CasesText adds one newline after each file's text.
            return text[start..(end - 1)];
        }

        var cases = new List<BacktestCase>();
        for (var i = 0; i < headers.Count; i += 2)
        {
            var id = headers[i].Groups["id"].Value;
            if (headers[i].Groups["file"].Value != BacktestCaseReader.ScenarioFileName || headers[i + 1].Groups["file"].Value != BacktestCaseReader.OutcomeFileName || headers[i + 1].Groups["id"].Value != id)
            {
                throw new RunException($"the stored backtest's case {id} is not a scenario followed by its outcome", RunFailure.MissingResource);
            }

            var scenarioFile = id + "/" + BacktestCaseReader.ScenarioFileName;
            var scenarioText = Section(i);
            var scenario = Scenarios.ScenarioReader.ReadText(scenarioText, scenarioFile);
            if (!scenario.IsValid)
            {
                throw new RunException(string.Join(Environment.NewLine, scenario.Errors.Select(e => e.ToString())));
            }

            var (outcome, shockId, errors) = BacktestCaseReader.ReadOutcomeText(Section(i + 1), id + "/" + BacktestCaseReader.OutcomeFileName, scenario.Scenario!);
            if (outcome is null)
            {
                throw new RunException(string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
            }

            cases.Add(new BacktestCase(id, id, scenarioFile, scenarioText, scenario.Scenario!, shockId!, outcome));
        }

        return cases;
    }

    [GeneratedRegex(@"^# ---- (?<id>[^/\n]+)/(?<file>[^/\n]+)\n", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CaseHeader();

    /// <summary>The stored record of a finished backtest: every case's scenario and outcome text, the settings and the results.</summary>
    public static RunRecord ToRecord(IReadOnlyList<BacktestCase> cases, string folderName, SimulationSettings settings, string resultsJson, IReadOnlyList<string> arguments, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RunRecord
        {
            Kind = RunKind.Backtest,
            ScenarioText = CasesText(cases),
            ScenarioFile = folderName,
            Seed = unchecked((long)settings.Seed),
            Draws = settings.Draws,
            ModelName = ForecastDocuments.ModelName(settings.Model),
            ProgramVersion = RunJson.ProgramVersion,
            CreatedAt = createdAt,
            Arguments = arguments,
            ResultsJson = resultsJson,
        };
    }

    /// <summary>Runs and scores every case; the JSON document <c>backtest --format json</c> prints.</summary>
    /// <param name="cases">The valid cases, in order.</param>
    /// <param name="settings">Draws per case, seed (the same for every case), policy model, threads.</param>
    /// <param name="history">The historical data for the base-rate rival, or null (the rival then abstains).</param>
    /// <param name="folderName">The cases folder's name, written into the document.</param>
    /// <param name="notRun">The cases that were not run (invalid), written into the document.</param>
    /// <param name="ct">Cancels the run.</param>
    /// <param name="progress">Told the number of cases run so far; the last step (<c>cases.Count + 1</c>) is the scoring.</param>
    public static BacktestJson Compute(IReadOnlyList<BacktestCase> cases, SimulationSettings settings, HistoricalData? history, string folderName, IReadOnlyList<string> notRun, CancellationToken ct, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var runs = new List<BacktestCaseRun>();
        var caseDocs = new List<(BacktestCase Case, string Sha, string Exit, string Regime)>();
        foreach (var c in cases)
        {
            var result = SuccessionSimulation.Run(c.Scenario, c.ShockId, settings, null, ct);
            var rate = ContestedRate(c, history);
            runs.Add(new BacktestCaseRun(c.Id, c.Scenario, c.Outcome, result, rate?.N > 0 ? rate.Rate : null, rate?.Prior, rate is null ? NoRateNote(c, history) : rate.Describe()));
            var manner = c.Scenario.ReferenceClass?.Manner ?? c.Scenario.ShockById(c.ShockId)!.Manner;
            caseDocs.Add((c, Scenarios.ScenarioHash.Of(Encoding.UTF8.GetBytes(c.ScenarioText)), ForecastDocuments.Kebab(manner.ToString()), c.Scenario.ReferenceClass?.RegimeType ?? "unspecified"));
            progress?.Report(runs.Count);
        }

        var scored = BlendedBacktest.Score(runs, settings.Seed);
        var summary = scored.Summary;
        var intervals = scored.Intervals;
        var groups = new List<GroupJson>();
        foreach (var (by, key) in new (string, Func<int, string>)[] { ("exit", i => caseDocs[i].Exit), ("regime_type", i => BroadRegime(caseDocs[i].Regime)) })
        {
            foreach (var g in Enumerable.Range(0, summary.Cases.Count).GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var sub = BacktestScoring.Summarise(g.Select(i => summary.Cases[i]).ToList());
                groups.Add(new GroupJson(by, g.Key, g.Count(), g.Count(i => summary.Cases[i].Contested), sub.Aggregates.Select(ToJson).ToList(), sub.Skill.Select(ToJson).ToList()));
            }
        }

        return new BacktestJson(
            "interregnum",
            ForecastDocuments.Version,
            "backtest",
            folderName,
            settings.Seed,
            settings.Draws,
            ForecastDocuments.ModelName(settings.Model),
            ScoringRules.LogFloor,
            CaseOutcome.NoChangeBand,
            History.ReferenceClasses.ContestedBaseRates.Definition,
            new PoolJson(
                "fitted on all cases: the parameters a forecast outside this backtest uses; each case's scored forecast uses the leave-one-case-out fit shown with it, its forms chosen without it (nested); form_scores: each form's leave-one-case-out Brier score on all cases, what the all-cases fit chose by",
                ToJson(scored.AllCases),
                new PoolFormScoresJson(
                    Enum.GetValues<WinnerPoolForm>().Select((f, i) => new FormScoreJson(ForecastDocuments.Kebab(f.ToString()), Finite(scored.FormScores.Winner[i]))).ToList(),
                    Enum.GetValues<ContestedForm>().Select((f, i) => new FormScoreJson(ForecastDocuments.Kebab(f.ToString()), Finite(scored.FormScores.Contested[i]))).ToList())),
            summary.Cases.Select((s, i) => new BacktestCaseJson(
                s.CaseId,
                s.Title,
                caseDocs[i].Sha,
                caseDocs[i].Case.ShockId,
                caseDocs[i].Exit,
                caseDocs[i].Regime,
                caseDocs[i].Case.Outcome.QuestionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                caseDocs[i].Case.Outcome.OutcomeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                s.Winner,
                s.Contested,
                caseDocs[i].Case.Outcome.Excluded.Select(e => e.Actor).ToList(),
                ToJson(scored.LeaveOneOut[i]),
                s.Scores.Select(ToJson).ToList())).ToList(),
            summary.Aggregates.Select(ToJson).ToList(),
            summary.Skill.Select(ToJson).ToList(),
            new IntervalsJson(intervals.Resamples, intervals.Seed, intervals.Level,
                intervals.Aggregates.Select(a => new AggregateIntervalJson(a.Forecaster, Pair(a.WinnerBrier), Pair(a.WinnerLog), Pair(a.ContestedBrier), Pair(a.DirectionShareRight), Pair(a.Crps))).ToList(),
                intervals.Skill.Select(k => new SkillIntervalJson(k.Rival, Pair(k.WinnerBrier), Pair(k.WinnerLog), Pair(k.ContestedBrier), Pair(k.Crps))).ToList()),
            groups,
            summary.Reliability.Select(b => new ReliabilityJson(b.From, b.To, b.Count, b.Hits, Finite(b.MeanProbability), Finite(b.ObservedFrequency))).ToList(),
            ExclusionScoring.Note,
            CoalitionDocuments.Exclusion(cases, settings, ct),
            notRun);
    }

    /// <summary>personal, military, party, monarchy or the type as given: a hybrid counts under its first part's family only when it is not personalist.</summary>
    private static string BroadRegime(string regime) => regime switch
    {
        _ when regime.Contains("personal", StringComparison.Ordinal) => "personal",
        _ when regime.StartsWith("party", StringComparison.Ordinal) => "party",
        _ when regime.Contains("military", StringComparison.Ordinal) => "military",
        _ => regime,
    };

    private static AggregateJson ToJson(AggregateScore a) => new(a.Forecaster, a.Cases, a.WinnerBrier, a.WinnerLog, a.Hits, a.ContestedBrier, a.DirectionShareRight, a.Crps);

    private static SkillJson ToJson(SkillScore s) => new(s.Rival, Finite(s.WinnerBrier), Finite(s.WinnerLog), Finite(s.ContestedBrier), Finite(s.Crps));

    private static PoolParametersJson ToJson(PoolParameters p) => new(
        new PoolWeightsJson(p.Blended.Model, p.Blended.FormalSuccessor, p.Blended.MostCoercion, p.Blended.EqualOdds),
        new PoolWeightsJson(p.OutsideOnly.Model, p.OutsideOnly.FormalSuccessor, p.OutsideOnly.MostCoercion, p.OutsideOnly.EqualOdds),
        p.ContestedSignal,
        p.ContestedCentre,
        p.WinnerCases,
        p.ContestedCases,
        ForecastDocuments.Kebab(p.WinnerForm.ToString()),
        ForecastDocuments.Kebab(p.ContestedForm.ToString()));

    private static double?[] Pair(ScoreInterval i) => [i.Lower, i.Upper];

    private static ForecasterJson ToJson(ForecasterScore s) => new(
        s.Forecaster,
        s.WinnerProbability,
        s.WinnerBrier,
        s.WinnerLog,
        s.TopPick,
        s.ContestedProbability,
        s.ContestedBrier,
        s.DirectionShareRight,
        s.MeanCrps,
        s.Dimensions.Select(d => new DimensionScoreJson(d.Dimension, Dir(d.Predicted), Dir(d.Observed), d.Right, d.Crps)).ToList(),
        s.Note);

    private static string Dir(PolicyDirection d) => d.ToString().ToLowerInvariant();

    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;

    public static HistoricalData? LoadHistory(DirectoryInfo? option, TextWriter stderr)
    {
        var folder = option?.FullName ?? Environment.GetEnvironmentVariable("INTERREGNUM_DATA");
        if (string.IsNullOrWhiteSpace(folder))
        {
            stderr.WriteLine("note: the base-rate rival is not available: give --data DIR or set INTERREGNUM_DATA (see docs/data.md)");
            return null;
        }

        try
        {
            return HistoricalData.Load(folder);
        }
        catch (DatasetException ex)
        {
            stderr.WriteLine("note: the base-rate rival is not available: " + ex.Message);
            return null;
        }
    }

    /// <summary>
    /// The contested base rate of the case's reference class (manner of exit and regime type; widened when it holds
    /// fewer than 10 exits), counting only exits whose one-year window closed before the question date.
    /// </summary>
    private static History.ReferenceClasses.ContestedBaseRate? ContestedRate(BacktestCase c, HistoricalData? history)
    {
        var rc = c.Scenario.ReferenceClass;
        if (history is null || rc is null)
        {
            return null;
        }

        var manner = rc.Manner ?? c.Scenario.ShockById(c.ShockId)!.Manner;
        var query = ScenarioReferenceClasses.ToQuery(rc, manner);
        return History.ReferenceClasses.ContestedBaseRates.For(history, query, c.Outcome.QuestionDate);
    }

    private static string NoRateNote(BacktestCase c, HistoricalData? history) =>
        history is null ? "not available: no historical data (--data or INTERREGNUM_DATA)" : c.Scenario.ReferenceClass is null ? "not available: the scenario declares no reference class" : "not available";

    public static string CasesText(IReadOnlyList<BacktestCase> cases)
    {
        var sb = new StringBuilder();
        foreach (var c in cases)
        {
            sb.Append("# ---- ").Append(c.Id).Append('/').Append(BacktestCaseReader.ScenarioFileName).Append('\n').Append(c.ScenarioText).Append('\n');
            var outcome = Path.Combine(c.Folder, BacktestCaseReader.OutcomeFileName);
            sb.Append("# ---- ").Append(c.Id).Append('/').Append(BacktestCaseReader.OutcomeFileName).Append('\n').Append(File.ReadAllText(outcome)).Append('\n');
        }

        return sb.ToString();
    }
}

/// <summary>The cases read from a backtest folder: those that will run and those that will not (with their problems).</summary>
/// <param name="Cases">The valid cases, in name order.</param>
/// <param name="Failed">The cases that did not read, with their <c>file:line:column</c> problems.</param>
/// <param name="Read">How many case folders were read.</param>
public sealed record BacktestCaseSet(IReadOnlyList<BacktestCase> Cases, IReadOnlyList<BacktestCaseReadResult> Failed, int Read);

/// <summary>The JSON document <c>backtest --format json</c> prints (and the run store keeps): the track record.</summary>
public sealed record BacktestJson(
    string Program,
    string Version,
    string Command,
    string Folder,
    ulong Seed,
    int Draws,
    string Model,
    double LogFloor,
    double NoChangeBand,
    string ContestedDefinition,
    PoolJson Pool,
    IReadOnlyList<BacktestCaseJson> Cases,
    IReadOnlyList<AggregateJson> Aggregates,
    IReadOnlyList<SkillJson> Skill,
    IntervalsJson Intervals,
    IReadOnlyList<GroupJson> Groups,
    IReadOnlyList<ReliabilityJson> Reliability,
    string ExclusionNote,
    ExclusionJson Exclusion,
    IReadOnlyList<string> CasesNotRun);

public sealed record BacktestCaseJson(string Id, string Title, string ScenarioSha256, string Shock, string Exit, string RegimeType, string QuestionDate, string OutcomeDate, string Winner, bool Contested, IReadOnlyList<string> Excluded, PoolParametersJson PoolLeaveOneOut, IReadOnlyList<ForecasterJson> Forecasts);

public sealed record PoolJson(string Note, PoolParametersJson AllCases, PoolFormScoresJson FormScores);

public sealed record PoolParametersJson(PoolWeightsJson Blended, PoolWeightsJson OutsideOnly, double ContestedSignal, double ContestedCentre, int WinnerCases, int ContestedCases, string WinnerForm, string ContestedForm);

public sealed record PoolFormScoresJson(IReadOnlyList<FormScoreJson> Winner, IReadOnlyList<FormScoreJson> Contested);

public sealed record FormScoreJson(string Form, double? LooBrier);

public sealed record PoolWeightsJson(double Model, double FormalSuccessor, double MostCoercion, double EqualOdds);

public sealed record IntervalsJson(int Resamples, ulong Seed, double Level, IReadOnlyList<AggregateIntervalJson> Aggregates, IReadOnlyList<SkillIntervalJson> Skill);

public sealed record AggregateIntervalJson(string Forecaster, double?[] WinnerBrier, double?[] WinnerLog, double?[] ContestedBrier, double?[] DirectionShareRight, double?[] Crps);

public sealed record SkillIntervalJson(string Rival, double?[] WinnerBrier, double?[] WinnerLog, double?[] ContestedBrier, double?[] Crps);

public sealed record GroupJson(string By, string Value, int Cases, int ContestedCases, IReadOnlyList<AggregateJson> Aggregates, IReadOnlyList<SkillJson> Skill);

public sealed record ForecasterJson(string Forecaster, double? WinnerProbability, double? WinnerBrier, double? WinnerLog, double? WinnerTopRanked, double? ContestedProbability, double? ContestedBrier, double? DirectionShareRight, double? Crps, IReadOnlyList<DimensionScoreJson> Dimensions, string? Note);

public sealed record DimensionScoreJson(string Id, string Predicted, string Observed, bool Right, double Crps);

public sealed record AggregateJson(string Forecaster, int Cases, double? WinnerBrier, double? WinnerLog, double? WinnerTopRanked, double? ContestedBrier, double? DirectionShareRight, double? Crps);

public sealed record SkillJson(string Rival, double? WinnerBrier, double? WinnerLog, double? ContestedBrier, double? Crps);

public sealed record ReliabilityJson(double From, double To, int Count, int Hits, double? MeanProbability, double? ObservedFrequency);

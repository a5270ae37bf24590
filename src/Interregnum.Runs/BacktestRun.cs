using System.Globalization;
using System.Text;
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
public static class BacktestRun
{
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
    public static BacktestJson Compute(IReadOnlyList<BacktestCase> cases, SimulationSettings settings, HistoricalData? history, string folderName, IReadOnlyList<string> notRun, CancellationToken ct)
    {
        var scored = new List<CaseScores>();
        var caseDocs = new List<(BacktestCase Case, string Sha)>();
        foreach (var c in cases)
        {
            var result = SuccessionSimulation.Run(c.Scenario, c.ShockId, settings, null, ct);
            var (rate, note) = BaseRate(c, history);
            var forecasts = new List<CaseForecast>
            {
                Forecasters.FromSimulation(c.Scenario, result),
                Forecasters.EqualOddsForecast(c.Scenario),
                Forecasters.FormalSuccessorForecast(c.Scenario),
                Forecasters.MostCoercionForecast(c.Scenario),
                Forecasters.BaseRateForecast(rate, note),
            };
            scored.Add(BacktestScoring.ScoreCase(c.Id, c.Scenario, c.Outcome, forecasts));
            caseDocs.Add((c, Scenarios.ScenarioHash.Of(Encoding.UTF8.GetBytes(c.ScenarioText))));
        }

        var summary = BacktestScoring.Summarise(scored);
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
            summary.Cases.Select((s, i) => new BacktestCaseJson(
                s.CaseId,
                s.Title,
                caseDocs[i].Sha,
                caseDocs[i].Case.ShockId,
                caseDocs[i].Case.Outcome.QuestionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                caseDocs[i].Case.Outcome.OutcomeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                s.Winner,
                s.Contested,
                caseDocs[i].Case.Outcome.Excluded.Select(e => e.Actor).ToList(),
                s.Scores.Select(ToJson).ToList())).ToList(),
            summary.Aggregates.Select(a => new AggregateJson(a.Forecaster, a.Cases, a.WinnerBrier, a.WinnerLog, a.Hits, a.ContestedBrier, a.DirectionShareRight, a.Crps)).ToList(),
            summary.Skill.Select(s => new SkillJson(s.Rival, Finite(s.WinnerBrier), Finite(s.WinnerLog), Finite(s.ContestedBrier), Finite(s.Crps))).ToList(),
            summary.Reliability.Select(b => new ReliabilityJson(b.From, b.To, b.Count, b.Hits, Finite(b.MeanProbability), Finite(b.ObservedFrequency))).ToList(),
            ExclusionScoring.Note,
            CoalitionDocuments.Exclusion(cases, settings, ct),
            notRun);
    }

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
    /// P(contested) from history: the share of successors who came in irregularly (Archigos entry) after exits of
    /// the case's manner in its reference class, counting only exits before the question year.
    /// </summary>
    private static (double? Rate, string Note) BaseRate(BacktestCase c, HistoricalData? history)
    {
        var rc = c.Scenario.ReferenceClass;
        if (history is null)
        {
            return (null, "not available: no historical data (--data or INTERREGNUM_DATA)");
        }

        if (rc is null)
        {
            return (null, "not available: the scenario declares no reference class");
        }

        var manner = rc.Manner ?? c.Scenario.ShockById(c.ShockId)!.Manner;
        // Only exits a forecaster could have known on the question date (no look-ahead).
        var query = ScenarioReferenceClasses.ToQuery(rc, manner).KnownOn(c.Outcome.QuestionDate);
        var rate = History.ReferenceClasses.OutsideView.BaseRates(history, query, "successor-entry").FirstOrDefault(r => r.Category == "Irregular");
        if (rate is null || rate.N == 0)
        {
            return (null, "not available: no historical exit in the reference class");
        }

        return (rate.Rate, string.Create(CultureInfo.InvariantCulture, $"irregular successor entry {rate.K}/{rate.N} (Archigos; exit {query.ExitManner}, regime {rc.RegimeType ?? "any"}, region {rc.Region ?? "any"}, {query.FromYear?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{query.ToYear})"));
    }

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
    IReadOnlyList<BacktestCaseJson> Cases,
    IReadOnlyList<AggregateJson> Aggregates,
    IReadOnlyList<SkillJson> Skill,
    IReadOnlyList<ReliabilityJson> Reliability,
    string ExclusionNote,
    ExclusionJson Exclusion,
    IReadOnlyList<string> CasesNotRun);

public sealed record BacktestCaseJson(string Id, string Title, string ScenarioSha256, string Shock, string QuestionDate, string OutcomeDate, string Winner, bool Contested, IReadOnlyList<string> Excluded, IReadOnlyList<ForecasterJson> Forecasts);

public sealed record ForecasterJson(string Forecaster, double? WinnerProbability, double? WinnerBrier, double? WinnerLog, double? WinnerTopRanked, double? ContestedProbability, double? ContestedBrier, double? DirectionShareRight, double? Crps, IReadOnlyList<DimensionScoreJson> Dimensions, string? Note);

public sealed record DimensionScoreJson(string Id, string Predicted, string Observed, bool Right, double Crps);

public sealed record AggregateJson(string Forecaster, int Cases, double? WinnerBrier, double? WinnerLog, double? WinnerTopRanked, double? ContestedBrier, double? DirectionShareRight, double? Crps);

public sealed record SkillJson(string Rival, double? WinnerBrier, double? WinnerLog, double? ContestedBrier, double? Crps);

public sealed record ReliabilityJson(double From, double To, int Count, int Hits, double? MeanProbability, double? ObservedFrequency);

using Interregnum.Model;

namespace Interregnum.Backtesting;

/// <summary>One dimension's policy forecast scored against what happened. Immutable.</summary>
/// <param name="Dimension">Dimension id.</param>
/// <param name="Predicted">The most probable direction in the forecast's sample (ties: none, then up, then down).</param>
/// <param name="Observed">The observed direction.</param>
/// <param name="Crps">CRPS of the sample of shifts against the observed signed change (points on 0–100).</param>
public sealed record DimensionScore(string Dimension, PolicyDirection Predicted, PolicyDirection Observed, double Crps)
{
    /// <summary>True when the predicted direction is the observed one.</summary>
    public bool Right => Predicted == Observed;
}

/// <summary>One forecaster's scores on one case; null where the forecaster makes no such forecast. Immutable.</summary>
/// <param name="Forecaster">Who forecast.</param>
/// <param name="WinnerProbability">Probability given to the candidate who prevailed.</param>
/// <param name="WinnerBrier">Multi-class Brier score of the candidate forecast.</param>
/// <param name="WinnerLog">Log score of the candidate forecast (floor <see cref="ScoringRules.LogFloor"/>).</param>
/// <param name="TopPick">1 when the winner had the forecaster's highest probability alone, 1/k when it tied with k − 1 others, else 0.</param>
/// <param name="ContestedProbability">Forecast probability of a contested succession.</param>
/// <param name="ContestedBrier">Binary Brier score of the contested forecast.</param>
/// <param name="Dimensions">Per scored dimension, the direction and CRPS (empty when no policy forecast).</param>
/// <param name="Note">How the forecast was made.</param>
public sealed record ForecasterScore(
    string Forecaster,
    double? WinnerProbability,
    double? WinnerBrier,
    double? WinnerLog,
    double? TopPick,
    double? ContestedProbability,
    double? ContestedBrier,
    IReadOnlyList<DimensionScore> Dimensions,
    string? Note)
{
    /// <summary>Share of dimensions whose direction was right, or null when none was forecast.</summary>
    public double? DirectionShareRight => Dimensions.Count == 0 ? null : Dimensions.Count(d => d.Right) / (double)Dimensions.Count;

    /// <summary>Mean CRPS over dimensions, or null when none was forecast.</summary>
    public double? MeanCrps => Dimensions.Count == 0 ? null : Dimensions.Average(d => d.Crps);
}

/// <summary>Every forecaster's scores on one case. Immutable.</summary>
/// <param name="CaseId">The case's id (its folder name).</param>
/// <param name="Title">The scenario's title.</param>
/// <param name="Winner">The candidate who prevailed.</param>
/// <param name="Contested">Whether the succession was contested.</param>
/// <param name="Scores">The model first, then the rivals in <see cref="Forecasters.Rivals"/> order.</param>
/// <param name="ReliabilityPoints">The model's (probability, happened) pairs on this case: one per candidate, and the contested forecast.</param>
public sealed record CaseScores(string CaseId, string Title, string Winner, bool Contested, IReadOnlyList<ForecasterScore> Scores, IReadOnlyList<(double Probability, bool Happened)> ReliabilityPoints);

/// <summary>A forecaster's mean scores over the cases where it made the forecast. Immutable.</summary>
/// <param name="Forecaster">Who forecast.</param>
/// <param name="Cases">Cases scored (on any question).</param>
/// <param name="WinnerBrier">Mean multi-class Brier score (null: never forecast).</param>
/// <param name="WinnerLog">Mean log score.</param>
/// <param name="ContestedBrier">Mean binary Brier score of the contested forecast.</param>
/// <param name="DirectionShareRight">Share of all scored dimensions whose direction was right.</param>
/// <param name="Crps">Mean CRPS over all scored dimensions (points).</param>
/// <param name="Hits">Cases where the forecaster gave the eventual winner its highest probability (a k-way tie counts 1/k).</param>
public sealed record AggregateScore(string Forecaster, int Cases, double? WinnerBrier, double? WinnerLog, double? ContestedBrier, double? DirectionShareRight, double? Crps, double? Hits);

/// <summary>The model's skill against one rival, 1 − model/rival, each on the cases both forecast. Immutable.</summary>
/// <param name="Rival">The rival's id.</param>
/// <param name="WinnerBrier">Skill on the multi-class Brier score (null: the rival makes no such forecast).</param>
/// <param name="WinnerLog">Skill on the log score.</param>
/// <param name="ContestedBrier">Skill on the contested Brier score.</param>
/// <param name="Crps">Skill on the policy CRPS.</param>
public sealed record SkillScore(string Rival, double? WinnerBrier, double? WinnerLog, double? ContestedBrier, double? Crps);

/// <summary>A backtest over a set of cases. Immutable.</summary>
/// <param name="Cases">Per-case scores.</param>
/// <param name="Aggregates">Per forecaster, the model first.</param>
/// <param name="Skill">The model's skill against each rival.</param>
/// <param name="Reliability">The model's reliability bins (candidate and contested forecasts pooled).</param>
/// <param name="ExclusionNote">Why no exclusion score is reported.</param>
public sealed record BacktestSummary(
    IReadOnlyList<CaseScores> Cases,
    IReadOnlyList<AggregateScore> Aggregates,
    IReadOnlyList<SkillScore> Skill,
    IReadOnlyList<ReliabilityBin> Reliability,
    string ExclusionNote);

/// <summary>Scores forecasts of historical cases against their outcomes. Pure functions.</summary>
public static class BacktestScoring
{
    /// <summary>Said in every report: the model predicts no exclusions, so no exclusion Brier score is computed.</summary>
    public const string ExclusionNote =
        "Exclusion (who is left out of power within two years) is not scored: no forecaster here predicts it (the succession model gives no per-actor exclusion probability). The outcomes record it for a model that will.";

    /// <summary>Scores one forecast against a case's outcome.</summary>
    /// <param name="scenario">The case's scenario (candidate order, dimensions).</param>
    /// <param name="outcome">What happened.</param>
    /// <param name="forecast">The forecast.</param>
    public static ForecasterScore Score(Scenario scenario, CaseOutcome outcome, CaseForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(forecast);
        var winner = IndexOfCandidate(scenario, outcome.Winner);
        double? pWin = null, brier = null, log = null, top = null;
        if (forecast.Candidates is { } p)
        {
            pWin = p[winner];
            var max = p.Max();
            top = p[winner] >= max - 1e-12 ? 1.0 / p.Count(x => x >= max - 1e-12) : 0;
            brier = ScoringRules.MultiClassBrier(p, winner);
            log = ScoringRules.LogScore(p, winner);
        }

        double? contested = forecast.Contested is { } pc ? ScoringRules.BinaryBrier(pc, outcome.Contested) : null;
        var dims = new List<DimensionScore>();
        if (forecast.Shifts is { } shifts)
        {
            foreach (var dim in scenario.Dimensions)
            {
                if (outcome.Dimensions.TryGetValue(dim.Id, out var observed) && shifts.TryGetValue(dim.Id, out var sample) && sample.Count > 0)
                {
                    dims.Add(new DimensionScore(dim.Id, PredictedDirection(sample), observed.Direction, ScoringRules.Crps(sample, observed.SignedChange)));
                }
            }
        }

        return new ForecasterScore(forecast.Forecaster, pWin, brier, log, top, forecast.Contested, contested, dims, forecast.Note);
    }

    /// <summary>
    /// The most probable direction in a sample of shifts: down (≤ −band), none (|shift| &lt; band) or up (≥ band),
    /// band = <see cref="CaseOutcome.NoChangeBand"/>; ties go to none, then up.
    /// </summary>
    public static PolicyDirection PredictedDirection(IReadOnlyList<double> shifts)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        int up = 0, down = 0, none = 0;
        foreach (var s in shifts)
        {
            if (s >= CaseOutcome.NoChangeBand)
            {
                up++;
            }
            else if (s <= -CaseOutcome.NoChangeBand)
            {
                down++;
            }
            else
            {
                none++;
            }
        }

        return none >= up && none >= down ? PolicyDirection.None : up >= down ? PolicyDirection.Up : PolicyDirection.Down;
    }

    /// <summary>Scores every forecast of one case (the model's first) and keeps the model's reliability points.</summary>
    public static CaseScores ScoreCase(string caseId, Scenario scenario, CaseOutcome outcome, IReadOnlyList<CaseForecast> forecasts)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(forecasts);
        var scores = forecasts.Select(f => Score(scenario, outcome, f)).ToList();
        var points = new List<(double, bool)>();
        if (forecasts.FirstOrDefault(f => f.Forecaster == Forecasters.Model) is { } model)
        {
            var winner = IndexOfCandidate(scenario, outcome.Winner);
            if (model.Candidates is { } p)
            {
                points.AddRange(p.Select((x, k) => (x, k == winner)));
            }

            if (model.Contested is { } pc)
            {
                points.Add((pc, outcome.Contested));
            }
        }

        return new CaseScores(caseId, scenario.Title, outcome.Winner, outcome.Contested, scores, points);
    }

    /// <summary>Aggregates per forecaster, the model's skill against each rival, and the model's reliability bins.</summary>
    public static BacktestSummary Summarise(IReadOnlyList<CaseScores> cases, int reliabilityBins = 10)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var names = cases.SelectMany(c => c.Scores.Select(s => s.Forecaster)).Distinct().ToList();
        var aggregates = names.Select(name =>
        {
            var s = cases.Select(c => c.Scores.FirstOrDefault(x => x.Forecaster == name)).OfType<ForecasterScore>().ToList();
            var dims = s.SelectMany(x => x.Dimensions).ToList();
            return new AggregateScore(
                name,
                s.Count,
                Mean(s.Select(x => x.WinnerBrier)),
                Mean(s.Select(x => x.WinnerLog)),
                Mean(s.Select(x => x.ContestedBrier)),
                dims.Count == 0 ? null : dims.Count(d => d.Right) / (double)dims.Count,
                dims.Count == 0 ? null : dims.Average(d => d.Crps),
                s.Any(x => x.TopPick is not null) ? s.Sum(x => x.TopPick ?? 0) : null);
        }).ToList();

        var skill = names.Where(n => n != Forecasters.Model).Select(rival => new SkillScore(
            rival,
            Skill(cases, rival, x => x.WinnerBrier),
            Skill(cases, rival, x => x.WinnerLog),
            Skill(cases, rival, x => x.ContestedBrier),
            Skill(cases, rival, x => x.MeanCrps))).ToList();

        var bins = ScoringRules.ReliabilityBins(cases.SelectMany(c => c.ReliabilityPoints), reliabilityBins);
        return new BacktestSummary(cases, aggregates, skill, bins, ExclusionNote);
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var v = values.OfType<double>().ToList();
        return v.Count == 0 ? null : v.Average();
    }

    private static double? Skill(IReadOnlyList<CaseScores> cases, string rival, Func<ForecasterScore, double?> score)
    {
        double model = 0, other = 0;
        var n = 0;
        foreach (var c in cases)
        {
            var m = c.Scores.FirstOrDefault(x => x.Forecaster == Forecasters.Model);
            var r = c.Scores.FirstOrDefault(x => x.Forecaster == rival);
            if (m is not null && r is not null && score(m) is { } ms && score(r) is { } rs)
            {
                model += ms;
                other += rs;
                n++;
            }
        }

        return n == 0 ? null : ScoringRules.Skill(model / n, other / n);
    }

    private static int IndexOfCandidate(Scenario scenario, string id)
    {
        for (var c = 0; c < scenario.Candidates.Count; c++)
        {
            if (scenario.Candidates[c].Id == id)
            {
                return c;
            }
        }

        throw new ArgumentException($"the outcome's winner '{id}' is not a candidate of scenario '{scenario.Id}'", nameof(id));
    }
}

using Interregnum.Coalition;
using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Backtesting;

/// <summary>
/// One forecaster's forecast of who is left out of power within two years, for one case: a probability per scored
/// actor, and optionally the probability that the first winner is displaced. Immutable.
/// </summary>
/// <param name="Forecaster">Who forecasts: <c>model</c> or a rival's id.</param>
/// <param name="Excluded">Per scored actor id (every actor but the departed incumbent), P(excluded within two years).</param>
/// <param name="Displaced">P(the first winner is displaced within two years), or null when not forecast.</param>
/// <param name="Note">How the forecast was made.</param>
public sealed record ExclusionForecast(string Forecaster, IReadOnlyDictionary<string, double> Excluded, double? Displaced, string? Note);

/// <summary>One forecaster's exclusion scores on one case. Immutable.</summary>
/// <param name="Forecaster">Who forecast.</param>
/// <param name="Actors">Per scored actor: (actor id, forecast probability, excluded or not).</param>
/// <param name="SquaredErrorSum">Σ (p − o)² over the scored actors.</param>
/// <param name="DisplacedBrier">Binary Brier score of the displacement forecast, when the case records an eventual leader and the forecaster forecasts it.</param>
public sealed record ExclusionScore(string Forecaster, IReadOnlyList<(string Actor, double Probability, bool Excluded)> Actors, double SquaredErrorSum, double? DisplacedBrier)
{
    /// <summary>The case's mean Brier score over its scored actors.</summary>
    public double Brier => Actors.Count == 0 ? 0 : SquaredErrorSum / Actors.Count;
}

/// <summary>Every forecaster's exclusion scores on one case. Immutable.</summary>
/// <param name="CaseId">The case's id.</param>
/// <param name="Displaced">Whether the first winner was displaced (the outcome's eventual leader is not the winner's leader), or null when the case records no eventual leader.</param>
/// <param name="Scores">The model first, then the rivals.</param>
public sealed record ExclusionCaseScores(string CaseId, bool? Displaced, IReadOnlyList<ExclusionScore> Scores);

/// <summary>A forecaster's exclusion Brier score pooled over every scored (case, actor) pair. Immutable.</summary>
/// <param name="Forecaster">Who forecast.</param>
/// <param name="Cases">Cases scored.</param>
/// <param name="Actors">(case, actor) pairs scored.</param>
/// <param name="Brier">Mean of (p − o)² over the pairs.</param>
/// <param name="DisplacedBrier">Mean displacement Brier over the cases that record an eventual leader (null: none, or not forecast).</param>
/// <param name="DisplacedCases">Cases whose displacement was scored.</param>
public sealed record ExclusionAggregate(string Forecaster, int Cases, int Actors, double Brier, double? DisplacedBrier, int DisplacedCases)
{
    /// <summary>5th percentile of the pooled Brier score over case-bootstrap resamples (NaN when nothing is scored).</summary>
    public double Low { get; init; } = double.NaN;

    /// <summary>95th percentile of the pooled Brier score over case-bootstrap resamples.</summary>
    public double High { get; init; } = double.NaN;
}

/// <summary>The model against one rival on the exclusion Brier score, with a case-bootstrap interval. Immutable.</summary>
/// <param name="Rival">The rival's id.</param>
/// <param name="Difference">Model Brier − rival Brier (pooled over pairs; negative: the model is better).</param>
/// <param name="Low">5th percentile of the difference over case-bootstrap resamples.</param>
/// <param name="High">95th percentile.</param>
/// <param name="Skill">1 − model/rival.</param>
public sealed record ExclusionComparison(string Rival, double Difference, double Low, double High, double Skill);

/// <summary>The exclusion backtest. Immutable.</summary>
/// <param name="Cases">Per case.</param>
/// <param name="Aggregates">Per forecaster, the model first.</param>
/// <param name="Comparisons">The model against each rival.</param>
/// <param name="Resamples">Case-bootstrap resamples behind the intervals.</param>
public sealed record ExclusionSummary(IReadOnlyList<ExclusionCaseScores> Cases, IReadOnlyList<ExclusionAggregate> Aggregates, IReadOnlyList<ExclusionComparison> Comparisons, int Resamples)
{
    /// <summary>The exclusion pool fitted on every case (the shipped parameters' source), or null when no pool was scored.</summary>
    public ExclusionPoolParameters? AllCases { get; init; }

    /// <summary>Per case (in order), the pool fitted without it: the parameters its scored blended forecast used.</summary>
    public IReadOnlyList<ExclusionPoolParameters>? LeaveOneOut { get; init; }
}

/// <summary>
/// Scores forecasts of who is left out of power within two years (the outcome's <c>excluded</c>) and whether the
/// first winner is displaced (the outcome's <c>eventual_leader</c>), docs/backtesting.md. Pure functions.
/// </summary>
public static class ExclusionScoring
{
    /// <summary>Rival: nobody is excluded (P = 0 for every actor), and the first winner stays.</summary>
    public const string NobodyExcluded = "nobody-excluded";

    /// <summary>Rival: every losing candidate's leader is excluded (P = 1), nobody else; the first winner stays. It knows who won.</summary>
    public const string LosersExcluded = "losers-excluded";

    /// <summary>Rival: every actor is excluded with the share of scored actors excluded in the other cases (leave-one-case-out base rate).</summary>
    public const string BaseRate = "base-rate";

    /// <summary>Said in every backtest report beside the exclusion scores.</summary>
    public const string Note =
        "Exclusion (who is left out of power within two years) is scored per actor with a Brier score: the model is the pool of the ruling coalition's P(outside the coalition) with the share of actors excluded in the other cases (weights fitted leave-one-case-out), against the ruling coalition alone (inside-only), nobody-excluded, losers-excluded (knowing the winner) and the leave-one-case-out base rate; the interval is a 90% case bootstrap of the model's Brier minus the rival's (negative: the model is better). Displacement of the first winner is scored where a case records its eventual leader.";

    /// <summary>
    /// Runs the ruling-coalition model on every case and scores the blended forecast (<see cref="ExclusionPool"/>,
    /// leave-one-case-out: each case with the pool fitted on the others), the model alone (inside-only) and the
    /// rivals. The coalition runs use <paramref name="settings"/> (the same seed for every case); the bootstrap uses
    /// its seed too.
    /// </summary>
    public static ExclusionSummary Backtest(IReadOnlyList<(string Id, Scenario Scenario, string ShockId, CaseOutcome Outcome)> cases, CoalitionSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(settings);
        var loo = cases.Select(c => (ScoredActors(c.Scenario, c.ShockId), c.Outcome, c.Outcome.EventualLeader is { } e ? (bool?)(e != WinnerLeader(c.Scenario, c.Outcome)) : null)).ToList();
        var inside = cases.Select(c => FromCoalition(CoalitionSimulation.Run(c.Scenario, c.ShockId, settings, cancellationToken))).ToList();
        var pool = cases.Select((c, k) => PoolCaseOf(c.Id, loo[k].Item1, c.Outcome, loo[k].Item3, inside[k])).ToList();
        var fits = ExclusionPool.LeaveOneOut(pool);
        var scored = new List<ExclusionCaseScores>(cases.Count);
        for (var k = 0; k < cases.Count; k++)
        {
            var c = cases[k];
            var (rate, displaced) = LeaveOneOutRates(loo, k);
            scored.Add(ScoreCase(c.Id, c.Scenario, c.ShockId, c.Outcome, [
                Blended(inside[k], fits[k]),
                inside[k] with { Forecaster = Forecasters.InsideOnly },
                NobodyExcludedForecast(c.Scenario, c.ShockId),
                LosersExcludedForecast(c.Scenario, c.ShockId, c.Outcome),
                BaseRateForecast(c.Scenario, c.ShockId, rate, displaced),
            ]));
        }

        return Summarise(scored, seed: settings.Seed) with { AllCases = ExclusionPool.Fit(pool), LeaveOneOut = fits };
    }

    /// <summary>The blended forecast (<see cref="ExclusionPool"/>) from the model's forecast and the pool's parameters.</summary>
    public static ExclusionForecast Blended(ExclusionForecast model, ExclusionPoolParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        return new ExclusionForecast(
            Forecasters.Model,
            model.Excluded.ToDictionary(kv => kv.Key, kv => ExclusionPool.Excluded(parameters, kv.Value)),
            model.Displaced is { } d ? ExclusionPool.Displaced(parameters, d) : null,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pool of the ruling coalition and the base rate: {parameters.ModelWeight:0.00}·model + {1 - parameters.ModelWeight:0.00}·{parameters.Rate:0.000} (fitted on {parameters.Cases} cases)"));
    }

    /// <summary>The pool's view of one case: the model's per-actor probabilities and what happened.</summary>
    public static ExclusionPoolCase PoolCaseOf(string caseId, IReadOnlyList<string> scored, CaseOutcome outcome, bool? displaced, ExclusionForecast model)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(model);
        var excluded = outcome.Excluded.Select(e => e.Actor).ToHashSet(StringComparer.Ordinal);
        return new ExclusionPoolCase(caseId, scored.Select(a => new ExclusionPoolActor(a, model.Excluded.TryGetValue(a, out var p) ? p : 0, excluded.Contains(a))).ToList(), model.Displaced, displaced);
    }

    /// <summary>The actors scored in a case: every actor but the incumbent who left.</summary>
    public static IReadOnlyList<string> ScoredActors(Scenario scenario, string shockId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var leaves = scenario.ShockById(shockId)?.IncumbentLeaves ?? true;
        return scenario.Actors.Select(a => a.Id).Where(id => !(leaves && id == scenario.Incumbent)).ToList();
    }

    /// <summary>The model's forecast: P(outside the ruling coalition) per scored actor, and P(first winner displaced).</summary>
    public static ExclusionForecast FromCoalition(CoalitionForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return new ExclusionForecast(
            Forecasters.Model,
            forecast.Actors.Where(a => a.Scored).ToDictionary(a => a.ActorId, a => Math.Clamp(a.Excluded.Probability, 0, 1)),
            Math.Clamp(forecast.WinnerDisplaced.Probability, 0, 1),
            $"ruling coalition (Acemoglu, Egorov & Sonin 2008), alpha {forecast.Alpha}, {forecast.Draws} draws, seed {forecast.Seed}");
    }

    /// <summary>The rival that says nobody is excluded and the first winner stays.</summary>
    public static ExclusionForecast NobodyExcludedForecast(Scenario scenario, string shockId) =>
        new(NobodyExcluded, ScoredActors(scenario, shockId).ToDictionary(a => a, _ => 0.0), 0, "nobody is excluded; the first winner stays");

    /// <summary>The rival that says every losing candidate's leader is excluded (given the actual winner) and the first winner stays.</summary>
    public static ExclusionForecast LosersExcludedForecast(Scenario scenario, string shockId, CaseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outcome);
        var winner = WinnerLeader(scenario, outcome);
        var losers = scenario.Candidates.Select(c => c.ActorId(scenario.Office)).Where(a => a != winner).ToHashSet(StringComparer.Ordinal);
        return new(LosersExcluded, ScoredActors(scenario, shockId).ToDictionary(a => a, a => losers.Contains(a) ? 1.0 : 0.0), 0, "every losing candidate is excluded (knowing the winner); the first winner stays");
    }

    /// <summary>The base-rate rival: every scored actor gets <paramref name="rate"/> (the caller computes it from the other cases).</summary>
    public static ExclusionForecast BaseRateForecast(Scenario scenario, string shockId, double rate, double? displacedRate) =>
        new(BaseRate, ScoredActors(scenario, shockId).ToDictionary(a => a, _ => Math.Clamp(rate, 0, 1)), displacedRate, "share of actors excluded in the other cases");

    /// <summary>The leader (actor id) of the outcome's winning candidate.</summary>
    public static string WinnerLeader(Scenario scenario, CaseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outcome);
        return scenario.Candidates.First(c => c.Id == outcome.Winner).ActorId(scenario.Office);
    }

    /// <summary>Scores every forecast of one case (the model's first).</summary>
    public static ExclusionCaseScores ScoreCase(string caseId, Scenario scenario, string shockId, CaseOutcome outcome, IReadOnlyList<ExclusionForecast> forecasts)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(forecasts);
        var scored = ScoredActors(scenario, shockId);
        var excluded = outcome.Excluded.Select(e => e.Actor).ToHashSet(StringComparer.Ordinal);
        bool? displaced = outcome.EventualLeader is { } eventual ? eventual != WinnerLeader(scenario, outcome) : null;
        var scores = forecasts.Select(f =>
        {
            var actors = scored.Select(a => (a, f.Excluded.TryGetValue(a, out var p) ? p : 0, excluded.Contains(a))).ToList();
            var sum = actors.Sum(x => ScoringRules.BinaryBrier(x.Item2, x.Item3));
            double? displacedBrier = displaced is { } d && f.Displaced is { } pd ? ScoringRules.BinaryBrier(pd, d) : null;
            return new ExclusionScore(f.Forecaster, actors, sum, displacedBrier);
        }).ToList();
        return new ExclusionCaseScores(caseId, displaced, scores);
    }

    /// <summary>
    /// The leave-one-case-out base rates for case <paramref name="caseIndex"/>: the share of scored actors excluded,
    /// and of first winners displaced, in the other cases (null displaced rate when no other case records it).
    /// </summary>
    public static (double Excluded, double? Displaced) LeaveOneOutRates(IReadOnlyList<(IReadOnlyList<string> Scored, CaseOutcome Outcome, bool? Displaced)> cases, int caseIndex)
    {
        ArgumentNullException.ThrowIfNull(cases);
        int n = 0, x = 0, dn = 0, dx = 0;
        for (var k = 0; k < cases.Count; k++)
        {
            if (k == caseIndex)
            {
                continue;
            }

            var ex = cases[k].Outcome.Excluded.Select(e => e.Actor).ToHashSet(StringComparer.Ordinal);
            n += cases[k].Scored.Count;
            x += cases[k].Scored.Count(ex.Contains);
            if (cases[k].Displaced is { } d)
            {
                dn++;
                dx += d ? 1 : 0;
            }
        }

        return (n == 0 ? 0 : x / (double)n, dn == 0 ? null : dx / (double)dn);
    }

    /// <summary>Pools the scores per forecaster and compares the model with each rival, with a seeded case bootstrap.</summary>
    /// <param name="cases">Per case scores (the model first in each).</param>
    /// <param name="resamples">Bootstrap resamples of the cases (with replacement).</param>
    /// <param name="seed">The bootstrap's seed (<see cref="CounterRandom"/>): the intervals depend on it alone.</param>
    public static ExclusionSummary Summarise(IReadOnlyList<ExclusionCaseScores> cases, int resamples = 2000, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var names = cases.SelectMany(c => c.Scores.Select(s => s.Forecaster)).Distinct().ToList();
        var aggregates = names.Select(name =>
        {
            var s = cases.Select(c => c.Scores.FirstOrDefault(x => x.Forecaster == name)).OfType<ExclusionScore>().ToList();
            var pairs = s.Sum(x => x.Actors.Count);
            var d = s.Select(x => x.DisplacedBrier).OfType<double>().ToList();
            var (low, high) = PooledInterval(s.Where(x => x.Actors.Count > 0).ToList(), resamples, seed);
            return new ExclusionAggregate(name, s.Count, pairs, pairs == 0 ? 0 : s.Sum(x => x.SquaredErrorSum) / pairs, d.Count == 0 ? null : d.Average(), d.Count) { Low = low, High = high };
        }).ToList();

        var comparisons = new List<ExclusionComparison>();
        foreach (var rival in names.Where(n => n != Forecasters.Model))
        {
            var both = cases.Select(c => (m: c.Scores.FirstOrDefault(x => x.Forecaster == Forecasters.Model), r: c.Scores.FirstOrDefault(x => x.Forecaster == rival)))
                .Where(x => x.m is not null && x.r is not null && x.m.Actors.Count > 0).ToList();
            if (both.Count == 0)
            {
                continue;
            }

            double Pooled(IEnumerable<ExclusionScore> s)
            {
                double sum = 0;
                var count = 0;
                foreach (var x in s)
                {
                    sum += x.SquaredErrorSum;
                    count += x.Actors.Count;
                }

                return sum / count;
            }

            double model = Pooled(both.Select(x => x.m!)), other = Pooled(both.Select(x => x.r!));
            var diffs = new double[resamples];
            var stream = CounterRandom.StreamKey("exclusion-bootstrap");
            for (var b = 0; b < resamples; b++)
            {
                double ms = 0, rs = 0;
                var count = 0;
                for (var k = 0; k < both.Count; k++)
                {
                    var pick = both[Math.Min(both.Count - 1, (int)(CounterRandom.Uniform(seed, b, stream + (ulong)k) * both.Count))];
                    ms += pick.m!.SquaredErrorSum;
                    rs += pick.r!.SquaredErrorSum;
                    count += pick.m!.Actors.Count;
                }

                diffs[b] = (ms - rs) / count;
            }

            Array.Sort(diffs);
            comparisons.Add(new ExclusionComparison(rival, model - other, SuccessionSimulation.Quantile(diffs, 0.05), SuccessionSimulation.Quantile(diffs, 0.95), ScoringRules.Skill(model, other)));
        }

        return new ExclusionSummary(cases, aggregates, comparisons, resamples);
    }

    /// <summary>The 5th and 95th percentiles of the pooled Brier score over case-bootstrap resamples (the same resampler as the comparisons).</summary>
    private static (double Low, double High) PooledInterval(List<ExclusionScore> scores, int resamples, ulong seed)
    {
        if (scores.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var values = new double[resamples];
        var stream = CounterRandom.StreamKey("exclusion-bootstrap");
        for (var b = 0; b < resamples; b++)
        {
            double sum = 0;
            var count = 0;
            for (var k = 0; k < scores.Count; k++)
            {
                var pick = scores[Math.Min(scores.Count - 1, (int)(CounterRandom.Uniform(seed, b, stream + (ulong)k) * scores.Count))];
                sum += pick.SquaredErrorSum;
                count += pick.Actors.Count;
            }

            values[b] = sum / count;
        }

        Array.Sort(values);
        return (SuccessionSimulation.Quantile(values, 0.05), SuccessionSimulation.Quantile(values, 0.95));
    }
}

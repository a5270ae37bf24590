using Interregnum.Backtesting;
using Interregnum.Coalition;
using Interregnum.Simulation;

namespace Interregnum.Runs;

/// <summary>One actor's place after the succession (docs/models.md §8), as JSON.</summary>
/// <param name="Id">Actor id.</param>
/// <param name="Name">Actor name.</param>
/// <param name="InCoalition">P(in the ruling coalition).</param>
/// <param name="Excluded">P(left out of power within two years), the ruling-coalition model alone; null for the incumbent who left.</param>
/// <param name="ExcludedBlended">The same blended with the historical base rate (<see cref="ExclusionPool.Shipped"/>): the forecast to use; null for the incumbent who left.</param>
/// <param name="Displacer">P(this actor displaces the first winner).</param>
public sealed record CoalitionActorJson(string Id, string Name, EstimateJson InCoalition, EstimateJson? Excluded, double? ExcludedBlended, EstimateJson Displacer);

/// <summary>The ruling-coalition forecast of one shock, as JSON (the <c>coalition</c> of a shock's forecast).</summary>
/// <param name="Alpha">The winning share α.</param>
/// <param name="Collective">P(two or more members: a collective leadership).</param>
/// <param name="WinnerDisplaced">P(the first winner is left out of the ruling coalition, so displaced within two years), the model alone.</param>
/// <param name="WinnerDisplacedBlended">The same blended with the historical rate (<see cref="ExclusionPool.Shipped"/>).</param>
/// <param name="Pool">The exclusion pool used for the blended figures, and where its parameters come from.</param>
/// <param name="MeanSize">Mean number of members.</param>
/// <param name="ExactShare">Share of draws solved exactly.</param>
/// <param name="Actors">Per actor, most likely members first.</param>
public sealed record CoalitionJson(double Alpha, EstimateJson Collective, EstimateJson WinnerDisplaced, double WinnerDisplacedBlended, string Pool, double MeanSize, double ExactShare, IReadOnlyList<CoalitionActorJson> Actors);

/// <summary>The exclusion backtest (docs/backtesting.md, "Who is left out"), as JSON.</summary>
/// <param name="Note">What is scored and how.</param>
/// <param name="Resamples">Case-bootstrap resamples behind the intervals.</param>
/// <param name="Pool">The exclusion pool fitted on every case: the source of the shipped parameters.</param>
/// <param name="Aggregates">Per forecaster, the blended model first.</param>
/// <param name="Comparisons">The blended model against each other forecaster.</param>
/// <param name="Cases">Per case.</param>
public sealed record ExclusionJson(string Note, int Resamples, ExclusionPoolJson? Pool, IReadOnlyList<ExclusionAggregateJson> Aggregates, IReadOnlyList<ExclusionComparisonJson> Comparisons, IReadOnlyList<ExclusionCaseJson> Cases);

/// <summary>The exclusion pool's parameters (docs/backtesting.md): p = model_weight·model + (1 − model_weight)·rate, and the same for displacement.</summary>
public sealed record ExclusionPoolJson(double ModelWeight, double Rate, double DisplacedWeight, double? DisplacedRate, int Cases, int Actors, int DisplacedCases);

/// <summary>A forecaster's pooled exclusion Brier score and its displacement Brier score.</summary>
public sealed record ExclusionAggregateJson(string Forecaster, int Cases, int Actors, double ExclusionBrier, double? ExclusionBrierLow, double? ExclusionBrierHigh, double? DisplacedBrier, int DisplacedCases);

/// <summary>Model − rival on the pooled exclusion Brier score, with its 90% case-bootstrap interval.</summary>
public sealed record ExclusionComparisonJson(string Rival, double ExclusionBrierDifference, double Low, double High, double? Skill);

/// <summary>One case's exclusion scores.</summary>
public sealed record ExclusionCaseJson(string Id, bool? Displaced, ExclusionPoolJson? PoolLeaveOneOut, IReadOnlyList<ExclusionForecastJson> Forecasts);

/// <summary>One forecaster's exclusion forecast and scores on one case.</summary>
public sealed record ExclusionForecastJson(string Forecaster, double ExclusionBrier, double? DisplacedBrier, IReadOnlyList<ExclusionActorJson> Actors);

/// <summary>One actor's forecast probability of exclusion and what happened.</summary>
public sealed record ExclusionActorJson(string Actor, double Probability, bool Excluded);

/// <summary>Runs the ruling-coalition model beside a succession forecast and maps it, and the exclusion backtest, to JSON and tidy rows.</summary>
public static class CoalitionDocuments
{
    /// <summary>The coalition forecast for a finished simulation: the same scenario, shock, seed, draws and threads.</summary>
    public static CoalitionJson For(LoadedScenario loaded, SimulationResult result, SimulationSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        var f = CoalitionSimulation.Run(loaded.Scenario, result.ShockId, new CoalitionSettings(result.Draws, result.Seed, MaxThreads: settings.MaxThreads), ct);
        return ToJson(f);
    }

    /// <summary>Maps a coalition forecast to JSON, most likely members first (ties in scenario order).</summary>
    public static CoalitionJson ToJson(CoalitionForecast f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new CoalitionJson(
            f.Alpha,
            ForecastDocuments.Estimate(f.Collective),
            ForecastDocuments.Estimate(f.WinnerDisplaced),
            ExclusionPool.Displaced(ExclusionPool.Shipped, f.WinnerDisplaced.Probability),
            PoolNote(ExclusionPool.Shipped),
            f.MeanSize,
            f.ExactShare,
            f.Actors.OrderByDescending(a => a.InCoalition.Probability)
                .Select(a => new CoalitionActorJson(a.ActorId, a.Name, ForecastDocuments.Estimate(a.InCoalition), a.Scored ? ForecastDocuments.Estimate(a.Excluded) : null, a.Scored ? ExclusionPool.Excluded(ExclusionPool.Shipped, a.Excluded.Probability) : null, ForecastDocuments.Estimate(a.Displacer)))
                .ToList());
    }

    /// <summary>The coalition's tidy summary rows (section, id, statistic, value) through <paramref name="row"/>.</summary>
    public static void SummaryRows(CoalitionJson c, Action<string, string, string, double> row)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(row);
        row("coalition", "collective", "probability", c.Collective.Probability);
        row("coalition", "collective", "ci90_low", c.Collective.Interval90[0]);
        row("coalition", "collective", "ci90_high", c.Collective.Interval90[1]);
        row("coalition", "winner_displaced", "probability", c.WinnerDisplaced.Probability);
        row("coalition", "winner_displaced", "ci90_low", c.WinnerDisplaced.Interval90[0]);
        row("coalition", "winner_displaced", "ci90_high", c.WinnerDisplaced.Interval90[1]);
        row("coalition", "size", "mean", c.MeanSize);
        row("coalition", "exact_share", "share", c.ExactShare);
        foreach (var a in c.Actors)
        {
            row("coalition_actor", a.Id, "in_coalition", a.InCoalition.Probability);
            row("coalition_actor", a.Id, "in_coalition_ci90_low", a.InCoalition.Interval90[0]);
            row("coalition_actor", a.Id, "in_coalition_ci90_high", a.InCoalition.Interval90[1]);
            row("coalition_actor", a.Id, "in_coalition_spread_p5", a.InCoalition.Spread90[0]);
            row("coalition_actor", a.Id, "in_coalition_spread_p95", a.InCoalition.Spread90[1]);
            if (a.Excluded is { } x)
            {
                row("coalition_actor", a.Id, "excluded", x.Probability);
            }

            row("coalition_actor", a.Id, "displacer", a.Displacer.Probability);
        }
    }

    /// <summary>The exclusion backtest of the cases, as JSON (the same seed, draws and threads as the succession backtest).</summary>
    public static ExclusionJson Exclusion(IReadOnlyList<Scenarios.Backtesting.BacktestCase> cases, SimulationSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(settings);
        var s = ExclusionScoring.Backtest(
            cases.Select(c => (c.Id, c.Scenario, c.ShockId, c.Outcome)).ToList(),
            new CoalitionSettings(settings.Draws, settings.Seed, MaxThreads: settings.MaxThreads),
            ct);
        return new ExclusionJson(
            ExclusionScoring.Note,
            s.Resamples,
            s.AllCases is { } all ? ToJson(all) : null,
            s.Aggregates.Select(a => new ExclusionAggregateJson(a.Forecaster, a.Cases, a.Actors, a.Brier, double.IsFinite(a.Low) ? a.Low : null, double.IsFinite(a.High) ? a.High : null, a.DisplacedBrier, a.DisplacedCases)).ToList(),
            s.Comparisons.Select(c => new ExclusionComparisonJson(c.Rival, c.Difference, c.Low, c.High, double.IsFinite(c.Skill) ? c.Skill : null)).ToList(),
            s.Cases.Select((c, i) => new ExclusionCaseJson(
                c.CaseId,
                c.Displaced,
                s.LeaveOneOut is { } loo ? ToJson(loo[i]) : null,
                c.Scores.Select(x => new ExclusionForecastJson(x.Forecaster, x.Brier, x.DisplacedBrier, x.Actors.Select(a => new ExclusionActorJson(a.Actor, a.Probability, a.Excluded)).ToList())).ToList())).ToList());
    }

    /// <summary>The exclusion pool in words: its equation and where its parameters come from.</summary>
    public static string PoolNote(ExclusionPoolParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"blended = {p.ModelWeight:0.00}·model + {1 - p.ModelWeight:0.00}·{p.Rate:0.000} (the share of {p.Actors} actors excluded within two years in {p.Cases} public backtest cases); displaced = {p.DisplacedWeight:0.00}·model + {1 - p.DisplacedWeight:0.00}·{p.DisplacedRate ?? 0:0.000} ({p.DisplacedCases} cases); weights fitted on those cases (docs/backtesting.md, \"Who is left out\"). Nearly all of the blend's skill comes from the base rate.");
    }

    /// <summary>The pool's parameters as JSON.</summary>
    public static ExclusionPoolJson ToJson(ExclusionPoolParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ExclusionPoolJson(p.ModelWeight, p.Rate, p.DisplacedWeight, p.DisplacedRate, p.Cases, p.Actors, p.DisplacedCases);
    }
}

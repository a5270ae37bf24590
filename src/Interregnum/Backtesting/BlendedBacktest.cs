using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Backtesting;

/// <summary>One case, simulated, with its historical base rates: what <see cref="BlendedBacktest.Score"/> needs. Immutable.</summary>
/// <param name="CaseId">The case's id.</param>
/// <param name="Scenario">The case's scenario.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Result">The simulation of the case's shock.</param>
/// <param name="ContestedRate">The raw contested share k/n of the case's reference class (the base-rate rival), or null.</param>
/// <param name="ContestedPrior">The smoothed prior (k + ½)/(n + 1) of the same class (the outside view), or null.</param>
/// <param name="ClassNote">How the class was made (definition, widening, counts).</param>
public sealed record BacktestCaseRun(string CaseId, Scenario Scenario, CaseOutcome Outcome, SimulationResult Result, double? ContestedRate, double? ContestedPrior, string ClassNote);

/// <summary>A scored backtest of the blended forecast. Immutable.</summary>
/// <param name="Summary">Per-case scores, aggregates, skill and reliability; the model (forecasts[0]) is the blended forecast.</param>
/// <param name="Intervals">Bootstrap intervals of every aggregate and skill.</param>
/// <param name="AllCases">The pool parameters fitted on every case: the ones a forecast outside the backtest uses.</param>
/// <param name="LeaveOneOut">Per case (in order), the parameters fitted without it: the ones its scored forecast used.</param>
/// <param name="FormScores">Every form's leave-one-case-out Brier score on all the cases (what the all-cases fit chose its forms by).</param>
public sealed record BlendedBacktestResult(BacktestSummary Summary, BootstrapIntervals Intervals, PoolParameters AllCases, IReadOnlyList<PoolParameters> LeaveOneOut, PoolFormScores FormScores);

/// <summary>
/// Scores the blended forecast on backtest cases with leave-one-case-out fitting: case i's blended forecast uses pool
/// parameters fitted on the other cases only, the choice of each form among them, so no case's outcome informs its own
/// forecast (nested leave-one-case-out). Pure function.
/// </summary>
public static class BlendedBacktest
{
    /// <summary>
    /// Scores every case: the blended model (leave-one-case-out), the inside-only and outside-only forecasts, and the
    /// rivals (equal odds, formal successor, most coercion, base rate, no change), then the bootstrap intervals.
    /// </summary>
    /// <param name="runs">The simulated cases.</param>
    /// <param name="bootstrapSeed">Seed of the case resampler.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    public static BlendedBacktestResult Score(IReadOnlyList<BacktestCaseRun> runs, ulong bootstrapSeed, int resamples = CaseBootstrap.DefaultResamples)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var pool = runs.Select(PoolCaseOf).ToList();
        var all = ForecastPool.Fit(pool);
        var loo = ForecastPool.LeaveOneOut(pool);
        var scored = new List<CaseScores>();
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            var (blended, inside, outside) = Forecasters.Blend(r.Scenario, r.Result, loo[i], r.ContestedPrior, r.ClassNote);
            scored.Add(BacktestScoring.ScoreCase(r.CaseId, r.Scenario, r.Outcome,
            [
                blended,
                inside,
                outside,
                Forecasters.EqualOddsForecast(r.Scenario),
                Forecasters.FormalSuccessorForecast(r.Scenario),
                Forecasters.MostCoercionForecast(r.Scenario),
                Forecasters.BaseRateForecast(r.ContestedRate, r.ClassNote),
                Forecasters.NoChangeForecast(r.Scenario),
            ]));
        }

        return new BlendedBacktestResult(BacktestScoring.Summarise(scored), CaseBootstrap.Intervals(scored, bootstrapSeed, resamples), all, loo, ForecastPool.FormScores(pool));
    }

    /// <summary>The pool's view of one case: the three winner components, the model's and the prior's contested forecasts.</summary>
    public static PoolCase PoolCaseOf(BacktestCaseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var model = Forecasters.FromSimulation(run.Scenario, run.Result);
        var winner = run.Scenario.Candidates.Select((c, k) => (c.Id, k)).First(x => x.Id == run.Outcome.Winner).k;
        return new PoolCase(
            run.CaseId,
            model.Candidates!,
            Forecasters.FormalSuccessorForecast(run.Scenario).Candidates!,
            Forecasters.MostCoercionForecast(run.Scenario).Candidates!,
            winner,
            model.Contested,
            run.ContestedPrior,
            run.Outcome.Contested);
    }
}

using Interregnum.Backtesting;
using Interregnum.Model;
using Interregnum.Scenarios.Backtesting;
using Interregnum.Simulation;

namespace Interregnum.Runs;

/// <summary>One grid value of the horizon-weight fit: the inside-only winner scores over all cases.</summary>
/// <param name="HorizonWeight">The value of <c>contest.horizon_weight</c> set in every case.</param>
/// <param name="WinnerLog">Mean winner log score of the model alone (the structural contest) over the cases.</param>
/// <param name="WinnerBrier">Mean winner Brier score of the model alone.</param>
/// <param name="Folds">How many leave-one-case-out folds chose this value.</param>
public sealed record HorizonWeightGridJson(double HorizonWeight, double WinnerLog, double WinnerBrier, int Folds);

/// <summary>One fold: the case left out and the value chosen without it.</summary>
public sealed record HorizonWeightFoldJson(string Case, double Chosen, double WinnerLog);

/// <summary>The leave-one-case-out fit of <c>contest.horizon_weight</c> (docs/models.md), as printed by <c>backtest --fit-horizon-weight</c>.</summary>
/// <param name="Note">What was fitted and how.</param>
/// <param name="Seed">Seed of every simulation.</param>
/// <param name="Draws">Draws per case.</param>
/// <param name="Grid">Per grid value, the scores on all cases and the folds that chose it.</param>
/// <param name="Folds">Per case, the value chosen without it.</param>
/// <param name="LeaveOneOutWinnerLog">Mean winner log score with each case at its own fold's choice (the honest score of the procedure).</param>
public sealed record HorizonWeightFitJson(string Note, ulong Seed, int Draws, IReadOnlyList<HorizonWeightGridJson> Grid, IReadOnlyList<HorizonWeightFoldJson> Folds, double LeaveOneOutWinnerLog);

/// <summary>
/// Fits the contest's <c>horizon_weight</c> by leave-one-case-out over the backtest cases: every case is simulated with
/// each grid value set in its contest (nothing else changed), the model alone (not the blend) is scored on the winner
/// by the log score, and each fold chooses the value with the lowest mean log score over the other cases.
/// </summary>
public static class HorizonWeightFit
{
    /// <summary>The grid tried.</summary>
    public static IReadOnlyList<double> Grid { get; } = [0, 0.25, 0.5, 0.75, 1];

    /// <summary>Runs the fit.</summary>
    public static HorizonWeightFitJson Run(IReadOnlyList<BacktestCase> cases, SimulationSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(settings);
        var log = new List<IReadOnlyList<double>>();
        var brier = new List<double>();
        foreach (var h in Grid)
        {
            var row = new List<double>(cases.Count);
            var b = 0.0;
            foreach (var c in cases)
            {
                var scenario = c.Scenario with { Contest = c.Scenario.Contest with { HorizonWeight = Uncertain.Fixed(h) } };
                var result = SuccessionSimulation.Run(scenario, c.ShockId, settings, null, ct);
                var p = Forecasters.FromSimulation(scenario, result).Candidates!;
                var winner = scenario.Candidates.Select((x, k) => (x.Id, k)).First(x => x.Id == c.Outcome.Winner).k;
                row.Add(ScoringRules.LogScore(p, winner));
                b += ScoringRules.MultiClassBrier(p, winner);
            }

            log.Add(row);
            brier.Add(b / cases.Count);
        }

        var folds = LeaveOneOutGrid.Folds(log);
        return new HorizonWeightFitJson(
            "contest.horizon_weight chosen by leave-one-case-out on the model's own winner log score (the structural contest, not the blend); each fold's choice has the lowest mean log score over the other cases, ties keeping the smaller value",
            settings.Seed,
            settings.Draws,
            Grid.Select((h, g) => new HorizonWeightGridJson(h, log[g].Average(), brier[g], folds.Count(f => f.Choice == g))).ToList(),
            folds.Select(f => new HorizonWeightFoldJson(cases[f.Case].Id, Grid[f.Choice], f.Score)).ToList(),
            folds.Count == 0 ? double.NaN : folds.Average(f => f.Score));
    }
}

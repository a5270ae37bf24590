using Interregnum.Model;
using Interregnum.Power;
using Interregnum.Simulation;

namespace Interregnum.Backtesting;

/// <summary>
/// One forecaster's forecast for one case, in the form every forecaster is scored in: a probability per
/// candidate, a probability of a contested succession, and per dimension a sample of the change from the status
/// quo (points on 0–100). Any part may be absent (null): the forecaster makes no such forecast. Immutable.
/// </summary>
/// <param name="Forecaster">Who forecasts: <c>model</c> or a rival's id.</param>
/// <param name="Candidates">Probability per candidate, in the scenario's candidate order (sums to 1), or null.</param>
/// <param name="Contested">Probability of a contested succession, or null.</param>
/// <param name="Shifts">Per dimension id, a sample of (new position − status quo), or null.</param>
/// <param name="Note">How the forecast was made, or why a part is missing.</param>
public sealed record CaseForecast(
    string Forecaster,
    IReadOnlyList<double>? Candidates,
    double? Contested,
    IReadOnlyDictionary<string, IReadOnlyList<double>>? Shifts,
    string? Note);

/// <summary>The forecasters a backtest scores: the model and the simple rivals any analyst could use instead.</summary>
public static class Forecasters
{
    /// <summary>The model (Interregnum's succession simulation).</summary>
    public const string Model = "model";

    /// <summary>Every candidate equally likely.</summary>
    public const string EqualOdds = "equal-odds";

    /// <summary>The formal successor (office rule) wins.</summary>
    public const string FormalSuccessor = "formal-successor";

    /// <summary>The candidate whose leader holds the most crisis-phase coercion wins.</summary>
    public const string MostCoercion = "most-coercion";

    /// <summary>The historical base rate of the case's reference class.</summary>
    public const string BaseRate = "base-rate";

    /// <summary>Nothing changes: every policy shift is 0 (direction none); no winner or contested forecast.</summary>
    public const string NoChange = "no-change";

    /// <summary>The structural contest alone (the simulation), before the outside view is blended in.</summary>
    public const string InsideOnly = "inside-only";

    /// <summary>The outside view alone: the pool of the formal successor, coercion and equal odds, and the reference-class prior.</summary>
    public const string OutsideOnly = "outside-only";

    /// <summary>The rivals, in report order.</summary>
    public static IReadOnlyList<string> Rivals { get; } = [EqualOdds, FormalSuccessor, MostCoercion, BaseRate, NoChange];

    /// <summary>The "no change" rival: a shift of 0 on every dimension (its CRPS is the observed change's size).</summary>
    public static CaseForecast NoChangeForecast(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var shifts = scenario.Dimensions.ToDictionary(d => d.Id, IReadOnlyList<double> (_) => [0.0], StringComparer.Ordinal);
        return new CaseForecast(NoChange, null, null, shifts, "policy stays where it was");
    }

    /// <summary>
    /// The blended forecast (<see cref="ForecastPool"/>), named <see cref="Model"/> because it is what the tool
    /// forecasts, and its two halves: the inside view (the simulation alone) and the outside view (the pool without
    /// the model; the reference-class prior for contested).
    /// </summary>
    /// <param name="scenario">The case's scenario.</param>
    /// <param name="result">The simulation.</param>
    /// <param name="parameters">Pool parameters (in a backtest: fitted without this case).</param>
    /// <param name="contestedPrior">The reference-class prior P(contested), or null (then the blended contested forecast is the model's).</param>
    /// <param name="priorNote">How the prior was made.</param>
    /// <returns>Blended (id <see cref="Model"/>), inside-only and outside-only forecasts.</returns>
    public static (CaseForecast Blended, CaseForecast InsideOnly, CaseForecast OutsideOnly) Blend(Scenario scenario, SimulationResult result, PoolParameters parameters, double? contestedPrior, string priorNote)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(parameters);
        var inside = FromSimulation(scenario, result) with { Forecaster = InsideOnly };
        var formal = FormalSuccessorForecast(scenario).Candidates!;
        var coercion = MostCoercionForecast(scenario).Candidates!;
        var model = inside.Candidates!;
        var blendedWinner = ForecastPool.Winner(parameters.Blended, model, formal, coercion);
        var outsideWinner = ForecastPool.Winner(parameters.OutsideOnly, model, formal, coercion);
        var insideContested = inside.Contested!.Value;
        double? blendedContested = contestedPrior is { } p0 ? ForecastPool.Contested(p0, insideContested, parameters.ContestedSignal, parameters.ContestedCentre) : insideContested;
        var w = parameters.Blended;
        var note = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"winner = {w.Model:0.00}·model + {w.FormalSuccessor:0.00}·formal successor + {w.MostCoercion:0.00}·most coercion + {w.EqualOdds:0.00}·equal odds; contested = {(contestedPrior is null ? "the model's (no prior)" : $"prior updated by the model, β = {parameters.ContestedSignal:0.00}")}; policy: the model's draws re-weighted to the blended winner odds");
        var blended = new CaseForecast(Model, blendedWinner, blendedContested, ReweightedShifts(scenario, result, blendedWinner), note);
        var outside = new CaseForecast(OutsideOnly, outsideWinner, contestedPrior, null, $"pool without the model; contested: {priorNote}");
        return (blended, inside, outside);
    }

    /// <summary>
    /// The model's per-draw policy shifts re-weighted so that each candidate's share of the sample is its blended
    /// probability: round(p_k × draws) shifts for candidate k, taken in draw order (cycling) from the draws it won, or
    /// its leader's position − the status quo when it won no draw (all draws for a residual candidate that won none).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<double>> ReweightedShifts(Scenario scenario, SimulationResult result, IReadOnlyList<double> winner)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(winner);
        var draws = result.Outcomes.Count;
        var shifts = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        for (var d = 0; d < scenario.Dimensions.Count; d++)
        {
            var sample = new List<double>(draws);
            for (var k = 0; k < winner.Count; k++)
            {
                var count = (int)Math.Round(winner[k] * draws);
                var won = result.Outcomes.Where(o => o.Winner == k).ToList();
                if (won.Count == 0 && scenario.Candidates[k].Residual)
                {
                    // Someone not listed has no position of his own: his share takes the model's whole sample.
                    won = [.. result.Outcomes];
                }

                for (var i = 0; i < count; i++)
                {
                    sample.Add(won.Count == 0 ? LeaderShifts(scenario, [k])[scenario.Dimensions[d].Id][0] : won[i % won.Count].Forecast[d] - won[i % won.Count].StatusQuo[d]);
                }
            }

            shifts[scenario.Dimensions[d].Id] = sample.Count > 0 ? sample : result.Outcomes.Select(o => o.Forecast[d] - o.StatusQuo[d]).ToArray();
        }

        return shifts;
    }

    /// <summary>The model's forecast from a simulation: mean per-draw probabilities, and the per-draw policy shifts.</summary>
    public static CaseForecast FromSimulation(Scenario scenario, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var shifts = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        for (var k = 0; k < scenario.Dimensions.Count; k++)
        {
            shifts[scenario.Dimensions[k].Id] = result.Outcomes.Select(o => o.Forecast[k] - o.StatusQuo[k]).ToArray();
        }

        return new CaseForecast(
            Model,
            Normalised(result.Candidates.Select(c => c.Estimate.Probability).ToArray()),
            Math.Clamp(result.Contested.Probability, 0, 1),
            shifts,
            $"{result.Draws} draws, seed {result.Seed}, policy model {result.Model.ToString().ToLowerInvariant()}");
    }

    /// <summary>
    /// Equal odds: 1/n per candidate; P(contested) = 1/2; the policy shift is the equal-weight ensemble of the
    /// candidates' leaders' positions minus the incumbent's (point values).
    /// </summary>
    public static CaseForecast EqualOddsForecast(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var n = scenario.Candidates.Count;
        var all = Enumerable.Range(0, n).ToArray();
        return new CaseForecast(EqualOdds, Enumerable.Repeat(1.0 / n, n).ToArray(), 0.5, LeaderShifts(scenario, all), "1/n per candidate; contested 1/2");
    }

    /// <summary>
    /// The formal successor wins: the office's acting-successor candidate (certainty); the succession follows the
    /// rule, so P(contested) = 0; policy moves to that leader's position. Where the scenario names no acting
    /// successor the rule names nobody, so this rival spreads its forecast equally over the candidates (and their
    /// positions) rather than backing whoever is listed first: a case's candidate order is the author's and may
    /// carry hindsight.
    /// </summary>
    public static CaseForecast FormalSuccessorForecast(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        // The acting successor's candidacy: declared with 'acting_successor: true', or (format 2) by naming the actor.
        var acting = Enumerable.Range(0, scenario.Candidates.Count)
            .Where(c => scenario.Candidates[c].ActingSuccessor || (!scenario.Candidates[c].Residual && scenario.Candidates[c].Actor is { } a && a == scenario.Office.ActingSuccessor))
            .Take(1).ToArray();
        var backed = acting.Length > 0 ? acting : Enumerable.Range(0, scenario.Candidates.Count).Where(c => !scenario.Candidates[c].Residual).ToArray();
        var note = acting.Length > 0 ? "the acting-successor candidate" : "no acting successor: equal odds over the listed candidates";
        return new CaseForecast(FormalSuccessor, OneHot(scenario.Candidates.Count, backed), 0, LeaderShifts(scenario, backed), note + "; orderly");
    }

    /// <summary>
    /// The most crisis-phase coercion wins: each candidate's leader's coercion is Σ over coercive instruments of
    /// the crisis weight × the leader's share (<see cref="PowerAccount.ForScenario"/>, point values, before the
    /// shock); the strongest wins (ties share equally). It makes no contested forecast (null); policy moves to the
    /// winner's position.
    /// </summary>
    public static CaseForecast MostCoercionForecast(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var coercion = CandidateCoercion(scenario);
        var max = coercion.Max();
        var top = Enumerable.Range(0, coercion.Length).Where(c => coercion[c] >= max - 1e-12).ToArray();
        return new CaseForecast(MostCoercion, OneHot(scenario.Candidates.Count, top), null, LeaderShifts(scenario, top), top.Length > 1 ? $"{top.Length} candidates tie on coercion" : null);
    }

    /// <summary>
    /// The historical base rate: P(contested) = the share of successors who came in irregularly in the reference
    /// class (computed by the caller from the historical data, using only exits before the question date); no
    /// candidate or policy forecast. Null <paramref name="irregularShare"/>: not available.
    /// </summary>
    public static CaseForecast BaseRateForecast(double? irregularShare, string note) =>
        new(BaseRate, null, irregularShare is { } p ? Math.Clamp(p, 0, 1) : null, null, note);

    /// <summary>Each candidate's leader's crisis-phase coercion (see <see cref="MostCoercionForecast"/>).</summary>
    public static double[] CandidateCoercion(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var table = PowerAccount.ForScenario(scenario);
        var coercive = scenario.Instruments.Where(i => i.Coercive).ToList();
        var result = new double[scenario.Candidates.Count];
        for (var c = 0; c < result.Length; c++)
        {
            // Someone not listed holds nothing the scenario knows of.
            if (scenario.Candidates[c].LeaderOrNull(scenario.Office) is not { } leader)
            {
                continue;
            }

            var row = table.Rows.First(r => r.ActorId == leader);
            result[c] = coercive.Sum(i => i.Weights["crisis"].Point * row.Share[i.Id]);
        }

        return result;
    }

    private static double[] OneHot(int n, int[] winners)
    {
        var p = new double[n];
        foreach (var w in winners)
        {
            p[w] = 1.0 / winners.Length;
        }

        return p;
    }

    private static double[] Normalised(double[] p)
    {
        var sum = p.Sum();
        return sum > 0 ? p.Select(x => Math.Clamp(x / sum, 0, 1)).ToArray() : p;
    }

    private static Dictionary<string, IReadOnlyList<double>> LeaderShifts(Scenario scenario, int[] candidates)
    {
        var incumbent = scenario.ActorById(scenario.Incumbent);
        candidates = candidates.Where(c => !scenario.Candidates[c].Residual).ToArray();
        var shifts = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var dim in scenario.Dimensions)
        {
            var statusQuo = incumbent.Positions.TryGetValue(dim.Id, out var sq) ? sq.Point : 50;
            shifts[dim.Id] = candidates.Select(c =>
            {
                var leader = scenario.ActorById(scenario.Candidates[c].ActorId(scenario.Office));
                return (leader.Positions.TryGetValue(dim.Id, out var p) ? p.Point : 50) - statusQuo;
            }).ToArray();
        }

        return shifts;
    }
}

using System.Globalization;
using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Judgments;

/// <summary>What seeing one indicator would do to the headline forecast of one shock.</summary>
/// <param name="Indicator">The indicator as declared.</param>
/// <param name="InputWords">The input it bears on, in words.</param>
/// <param name="BearsOnShock">False when the input cannot move this shock's forecast (another shock's number, or one the model does not read for it); the shifts are then not computed (zeros).</param>
/// <param name="Median">The input's median, in its own units: seeing the sign puts the input above it (raises) or below it (lowers).</param>
/// <param name="Leader">The candidate id that leads before the sign is seen.</param>
/// <param name="LeaderBefore">The leader's probability over all draws (0–1).</param>
/// <param name="LeaderAfter">The leader's probability over the draws where the input lies on the sign's side of its median (0–1).</param>
/// <param name="LeaderAfterError">Monte Carlo standard error of <paramref name="LeaderAfter"/>.</param>
/// <param name="LikeliestAfter">The candidate id with the highest probability once the sign is seen.</param>
/// <param name="CandidatesAfter">Each candidate's probability once the sign is seen, in the scenario's candidate order.</param>
/// <param name="ContestedBefore">P(contested) over all draws.</param>
/// <param name="ContestedAfter">P(contested) over the kept draws.</param>
/// <param name="DrawsKept">How many draws lie on the sign's side.</param>
/// <param name="ValueOfInformation">The input's EVPPI on the log score of the winner forecast, in nats (0 when it does not bear on the shock): the order indicators are listed in.</param>
/// <param name="Shift">What seeing it would shift, in words, e.g. "Mikhail Mishustin (the leader now) 41% → 48%; contested 20% → 22%".</param>
public sealed record IndicatorShift(
    Indicator Indicator,
    string InputWords,
    bool BearsOnShock,
    double Median,
    string Leader,
    double LeaderBefore,
    double LeaderAfter,
    double LeaderAfterError,
    string LikeliestAfter,
    IReadOnlyList<double> CandidatesAfter,
    double ContestedBefore,
    double ContestedAfter,
    int DrawsKept,
    double ValueOfInformation,
    string Shift);

/// <summary>
/// What each of a scenario's indicators would shift, from the forecast's own Monte Carlo draws (no new run). Seeing
/// an indicator that raises its input is read as learning that the input lies in the upper half of its range (above
/// its median); one that lowers it, the lower half. The forecast conditioned on that is the mean of the per-draw
/// probabilities over the draws whose random number for the input lies on that side of 0.5 (each input is drawn from
/// its own counter-based stream, so its uniform is its quantile). The half is the simplest split that keeps half the
/// draws; it states a direction, not a strength, as the declared indicators do. Indicators are ordered by the
/// value of information of their input (<see cref="ValueOfInformation"/>), highest first.
/// </summary>
public static class IndicatorShifts
{
    /// <summary>The shift of every indicator of <paramref name="scenario"/> on the forecast <paramref name="result"/> (empty when the incumbent stays or none is declared).</summary>
    public static IReadOnlyList<IndicatorShift> For(Scenario scenario, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        if (result.IncumbentStays || scenario.Indicators.Count == 0 || result.Outcomes.Count < 10)
        {
            return [];
        }

        var n = result.Outcomes.Count;
        var relevant = ScenarioInputs.UncertainFor(scenario, result.ShockId).ToDictionary(x => x.Path, StringComparer.Ordinal);
        var bearing = scenario.Indicators.Select(i => i.Input).Distinct(StringComparer.Ordinal).Where(relevant.ContainsKey).Select(p => relevant[p]).ToList();
        var uniforms = bearing.ToDictionary(x => x.Path, x => Uniforms(result, x.Path), StringComparer.Ordinal);
        var probabilities = result.Outcomes.Select(o => o.CandidateProbabilities).ToArray();
        var candidates = scenario.Candidates.Select(c => c.Id).ToList();
        var voi = bearing.Count == 0
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : ValueOfInformation.Compute(candidates, probabilities, bearing, bearing.Select(x => uniforms[x.Path]).ToArray()).Inputs.ToDictionary(v => v.Input, v => v.LogScore, StringComparer.Ordinal);
        var all = Enumerable.Range(0, n).ToArray();
        var before = Mean(result, all, candidates.Count);
        var contestedBefore = all.Average(i => result.Outcomes[i].ContestedProbability);
        var leader = ValueOfInformation.ArgMax(before);
        var label = scenario.Candidates.ToDictionary(c => c.Id, c => c.Label, StringComparer.Ordinal);
        var list = new List<IndicatorShift>();
        foreach (var indicator in scenario.Indicators)
        {
            var words = InputNames.Describe(scenario, indicator.Input);
            var input = ScenarioInputs.All(scenario).First(x => x.Path == indicator.Input);
            var median = input.Value.Quantile(0.5);
            if (!relevant.ContainsKey(indicator.Input))
            {
                list.Add(new IndicatorShift(indicator, words, false, median, candidates[leader], before[leader], before[leader], 0, candidates[leader], before, contestedBefore, contestedBefore, 0, 0,
                    $"does not bear on this forecast ({words} cannot move it under {result.ShockLabel})"));
                continue;
            }

            var u = uniforms[indicator.Input];
            var raises = indicator.Direction == IndicatorDirection.Raises;
            var kept = all.Where(i => raises ? u[i] > 0.5 : u[i] <= 0.5).ToArray();
            var after = Mean(result, kept, candidates.Count);
            var contestedAfter = kept.Average(i => result.Outcomes[i].ContestedProbability);
            var likeliest = ValueOfInformation.ArgMax(after);
            var sd = Math.Sqrt(kept.Sum(i => Math.Pow(result.Outcomes[i].CandidateProbabilities[leader] - after[leader], 2)) / Math.Max(1, kept.Length - 1));
            var shift = string.Create(CultureInfo.InvariantCulture, $"{label[candidates[leader]]} (the leader now) {Percent(before[leader])} → {Percent(after[leader])}");
            if (likeliest != leader)
            {
                shift += string.Create(CultureInfo.InvariantCulture, $", and {label[candidates[likeliest]]} becomes the likeliest ({Percent(after[likeliest])})");
            }

            shift += string.Create(CultureInfo.InvariantCulture, $"; contested {Percent(contestedBefore)} → {Percent(contestedAfter)}");
            list.Add(new IndicatorShift(indicator, words, true, median, candidates[leader], before[leader], after[leader], sd / Math.Sqrt(kept.Length), candidates[likeliest], after, contestedBefore, contestedAfter, kept.Length,
                voi.GetValueOrDefault(indicator.Input), shift));
        }

        return list.OrderByDescending(x => x.ValueOfInformation).ThenBy(x => x.Indicator.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A probability (0–1) as a whole percentage ("41%"), below 1% with one decimal.</summary>
    public static string Percent(double p) => p is > 0 and < 0.01
        ? (100 * p).ToString("0.0", CultureInfo.InvariantCulture) + "%"
        : (100 * p).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static double[] Uniforms(SimulationResult result, string path)
    {
        var key = CounterRandom.StreamKey(path);
        var u = new double[result.Outcomes.Count];
        for (var i = 0; i < u.Length; i++)
        {
            u[i] = CounterRandom.Uniform(result.Seed, result.Outcomes[i].Draw, key);
        }

        return u;
    }

    private static double[] Mean(SimulationResult result, int[] rows, int c)
    {
        var m = new double[c];
        foreach (var i in rows)
        {
            var p = result.Outcomes[i].CandidateProbabilities;
            for (var j = 0; j < c; j++)
            {
                m[j] += p[j];
            }
        }

        for (var j = 0; j < c; j++)
        {
            m[j] /= Math.Max(1, rows.Length);
        }

        return m;
    }
}

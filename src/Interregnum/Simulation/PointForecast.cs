using Interregnum.Model;

namespace Interregnum.Simulation;

/// <summary>The deterministic forecast at every number's point value (its median).</summary>
/// <param name="CandidateProbabilities">Probability that each candidate prevails.</param>
/// <param name="ContestedProbability">Probability of a contested succession.</param>
/// <param name="ForecastIfWins">Policy forecast per candidate (row) and dimension (column), if that candidate prevails.</param>
/// <param name="ExpectedForecast">Σ_c P_c · forecast_c per dimension (the incumbent's forecast after a failed attempt).</param>
public sealed record PointForecastResult(double[] CandidateProbabilities, double ContestedProbability, double[][] ForecastIfWins, double[] ExpectedForecast);

/// <summary>The deterministic run: no sampling at all.</summary>
public static class PointForecast
{
    /// <summary>Evaluates the shock at the scenario's point values.</summary>
    public static PointForecastResult Run(Scenario scenario, string shockId, PolicyModel model)
    {
        var shock = scenario.ShockById(shockId) ?? throw new ArgumentException($"unknown shock '{shockId}'", nameof(shockId));
        var plan = new DrawPlan(scenario, shock, new SimulationSettings(1, 0, model), null);
        var v = InputDraw.AtPoint(scenario);
        var ws = new DrawWorkspace(plan);
        var first = plan.Evaluate(0, v, ws, 0.5);
        if (!shock.IncumbentLeaves)
        {
            return new PointForecastResult(first.CandidateProbabilities, 0, [], first.Forecast);
        }

        var p = first.CandidateProbabilities;
        var perCandidate = new double[p.Length][];
        var expected = new double[scenario.Dimensions.Count];
        double cumulative = 0;
        for (var c = 0; c < p.Length; c++)
        {
            // A uniform inside candidate c's slice of [0, 1] makes c the winner.
            var u = cumulative + (p[c] / 2);
            cumulative += p[c];
            perCandidate[c] = p[c] > 0 ? plan.Evaluate(0, v, ws, u).Forecast : new double[expected.Length];
            for (var k = 0; k < expected.Length; k++)
            {
                expected[k] += p[c] * perCandidate[c][k];
            }
        }

        return new PointForecastResult(p, first.ContestedProbability, perCandidate, expected);
    }
}

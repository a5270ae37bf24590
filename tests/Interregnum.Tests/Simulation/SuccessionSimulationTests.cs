using Interregnum.Model;
using Interregnum.Simulation;
using Xunit;

namespace Interregnum.Tests.Simulation;

public sealed class SuccessionSimulationTests
{
    /// <summary>The hand-worked scenario with uncertainty on positions, loyalty and the patronage discount.</summary>
    private static Scenario Uncertain()
    {
        var s = TestScenarios.HandWorked();
        var actors = s.Actors.Select(a => a.Id switch
        {
            "a" => a with { Positions = new Dictionary<string, Uncertain> { ["policy"] = Model.Uncertain.Uniform(60, 95) } },
            "b" => a with { Positions = new Dictionary<string, Uncertain> { ["policy"] = Model.Uncertain.Triangular(5, 20, 50) }, Ambition = Model.Uncertain.Beta(2, 2, 0, 1) },
            _ => a,
        }).ToList();
        var orgs = s.Organizations.Select(o => o.Id == "guard" ? o with { Loyalty = o.Loyalty with { Head = Model.Uncertain.Normal(0.5, 0.1, 0.2, 0.7) } } : o).ToList();
        var shocks = s.Shocks.Select(x => x.Id == "death" ? x with { PatronageDiscount = Model.Uncertain.Uniform(0, 0.8) } : x).ToList();
        return s with { Actors = actors, Organizations = orgs, Shocks = shocks };
    }

    [Fact]
    public void Run_SameSeed_IdenticalAcrossThreadCounts()
    {
        var s = Uncertain();

        var one = SuccessionSimulation.Run(s, "death", new SimulationSettings(3000, Seed: 42, Model: PolicyModel.Compromise, MaxThreads: 1));
        var many = SuccessionSimulation.Run(s, "death", new SimulationSettings(3000, Seed: 42, Model: PolicyModel.Compromise, MaxThreads: 8));

        Assert.Equal(one.Candidates, many.Candidates);
        Assert.Equal(one.Contested, many.Contested);
        Assert.Equal(one.Dimensions, many.Dimensions);
        for (var i = 0; i < one.Outcomes.Count; i++)
        {
            Assert.Equal(one.Outcomes[i].Winner, many.Outcomes[i].Winner);
            Assert.Equal(one.Outcomes[i].Forecast, many.Outcomes[i].Forecast);
        }
    }

    [Fact]
    public void Run_DifferentSeed_DifferentDraws()
    {
        var s = Uncertain();

        var a = SuccessionSimulation.Run(s, "death", new SimulationSettings(500, Seed: 1, Model: PolicyModel.Compromise));
        var b = SuccessionSimulation.Run(s, "death", new SimulationSettings(500, Seed: 2, Model: PolicyModel.Compromise));

        Assert.NotEqual(a.Dimensions[0].Mean, b.Dimensions[0].Mean);
    }

    [Fact]
    public void Run_Probabilities_SumToOneAndIntervalsContainEstimates()
    {
        var r = SuccessionSimulation.Run(Uncertain(), "death", new SimulationSettings(2000, Seed: 3, Model: PolicyModel.Compromise));

        Assert.Equal(1.0, r.Candidates.Sum(c => c.Estimate.Probability), 1e-9);
        Assert.Equal(1.0, r.Candidates.Sum(c => c.WinFrequency), 1e-9);
        foreach (var e in r.Candidates.Select(c => c.Estimate).Append(r.Contested))
        {
            Assert.InRange(e.Probability, e.Low, e.High);
            Assert.InRange(e.Probability, 0, 1);
            Assert.True(e.StandardError > 0 || e.Low == e.High);
        }

        foreach (var d in r.Dimensions)
        {
            Assert.True(d.P5 <= d.P50 && d.P50 <= d.P95, $"{d.P5} {d.P50} {d.P95}");
            Assert.InRange(d.Mean, d.P5 - 1e-9, d.P95 + 1e-9);
        }
    }

    [Fact]
    public void Run_EveryDistributionCollapsedToItsPoint_EqualsDeterministicRun()
    {
        // Given every uncertain input held at its median (quantile 0.5), which is what the deterministic run uses.
        var s = Uncertain();
        var collapse = ScenarioInputs.Uncertain(s).ToDictionary(i => i.Path, _ => 0.5);

        var mc = SuccessionSimulation.Run(s, "death", new SimulationSettings(1000, Seed: 5, Model: PolicyModel.Compromise), collapse, null, TestContext.Current.CancellationToken);
        var point = PointForecast.Run(s, "death", PolicyModel.Compromise);

        for (var c = 0; c < point.CandidateProbabilities.Length; c++)
        {
            Assert.Equal(point.CandidateProbabilities[c], mc.Candidates[c].Estimate.Probability, 1e-12);
            Assert.Equal(0, mc.Candidates[c].Estimate.StandardError, 1e-12);
        }

        Assert.Equal(point.ContestedProbability, mc.Contested.Probability, 1e-12);

        // The policy forecast varies only with the sampled winner: the MC mean is the frequency-weighted point forecasts.
        var expected = mc.Candidates.Select((c, i) => c.WinFrequency * point.ForecastIfWins[i][0]).Sum();
        Assert.Equal(expected, mc.Dimensions[0].Mean, 1e-9);
    }

    [Fact]
    public void UntilSe_StopsEarlyOnceStandardErrorsAreSmall()
    {
        var r = SuccessionSimulation.Run(Uncertain(), "death", new SimulationSettings(50_000, Seed: 9, Model: PolicyModel.Compromise, UntilSe: 0.01));

        Assert.True(r.Draws < 50_000, $"ran {r.Draws} draws");
        Assert.True(r.Candidates.All(c => c.Estimate.StandardError < 0.01));
        Assert.True(r.Contested.StandardError < 0.01);
    }

    [Fact]
    public void Compare_AllShocks_UseCommonRandomNumbers()
    {
        var s = Uncertain();
        var settings = new SimulationSettings(500, Seed: 11, Model: PolicyModel.Compromise);

        var results = ShockComparison.Run(s, [], settings);

        Assert.Equal(["death", "failed"], results.Select(r => r.ShockId));
        // The status quo depends only on the inputs, so common random numbers make it identical draw by draw.
        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(results[0].Outcomes[i].StatusQuo, results[1].Outcomes[i].StatusQuo);
        }
    }

    [Fact]
    public void Sensitivity_DecisiveInput_RanksFirstInTornadoAndImportance()
    {
        // Given a scenario where a's position decides the policy forecast (a dominates capability) and b's ambition
        // barely matters (b is a weak voter), the tornado and the first-order index for the forecast must put
        // a's position first.
        var s = Uncertain();

        var result = Sensitivity.Run(s, "death", new SimulationSettings(600, Seed: 13, Model: PolicyModel.Compromise));

        var policy = result.Outputs.Single(o => o.Output.Id == "mean.policy");
        Assert.Equal("actors.a.positions.policy", policy.Tornado[0].Input);
        Assert.Equal("actors.a.positions.policy", policy.Importance[0].Input);
        // The sampled winner (A or B) also moves the forecast by about 25 points, so a's position explains a large
        // share of the variance, not all of it; it must clearly dominate every other input.
        Assert.True(policy.Importance[0].Index > 0.3, $"S = {policy.Importance[0].Index}");
        Assert.True(policy.Importance[0].Index > 3 * policy.Importance[1].Index, $"{policy.Importance[0].Index} vs {policy.Importance[1].Index}");
        Assert.InRange(policy.Importance[0].Index, policy.Importance[0].Low - 1e-9, policy.Importance[0].High + 1e-9);
        Assert.True(policy.Tornado[0].High > policy.Tornado[0].Low, "a further right pulls the forecast right");
    }
}

using Interregnum.Model;
using Interregnum.Simulation;
using Xunit;

namespace Interregnum.Tests.Succession;

public sealed class SuccessionContestTests
{
    // Hand computation for TestScenarios.HandWorked after a natural death (patronage discount 0.4, office vacant):
    //   crisis shares: a coercion 0.30·0.8 = 0.24, money 0.50·0.8 = 0.40; b coercion 0.10; c nothing.
    //   crisis capability (0.6·coercion + 0.4·money): a 0.304, b 0.06, c 0 (c has no vote).
    //   utilities (policy weight 1, one dimension, salience 100, no ties between voters and candidates, no ambition):
    //     U(a,A) = 1, U(a,B) = 1 − |80 − 20|/100 = 0.4;  U(b,A) = 0.4, U(b,B) = 1.
    //   Prop votes for A over B: a 0.304·0.6 = 0.1824; b 0.06·(−0.6) = −0.036.
    //   C_AB = 1e-8 + 0.1824, C_BA = 1e-8 + 0.036; p_AB = C_AB / (C_AB + C_BA).
    //   Conditional PCE over two options: P_A ∝ p_AA·p_AB = 0.5·p_AB, P_B ∝ 0.5·p_BA, so P_A = p_AB.
    private const double CAB = 1e-8 + 0.1824;
    private const double CBA = 1e-8 + 0.036;
    private const double PA = CAB / (CAB + CBA); // 0.835164...

    //   contested: coercion controlled by present actors (crisis weight 0.6): a 0.144, b 0.06.
    //   If A wins, b's camp holds 0.06/0.204 = 0.294 and fights with probability σ((0.294 − 1/2)/0.05) (the logit
    //   rule, default threshold 1/2 and fight scale 0.05, risk attitude 0 so e(0) = 1); if B wins, a's camp holds
    //   0.706 and fights with probability σ((0.706 − 1/2)/0.05). P(contested) = P_A·F_A + P_B·F_B.
    private static readonly double FightA = 1 / (1 + Math.Exp(-((0.06 / 0.204) - 0.5) / 0.05));
    private static readonly double FightB = 1 / (1 + Math.Exp(-((0.144 / 0.204) - 0.5) / 0.05));
    //   Policy (compromise; the winner holds the office; settled weights 0.3 / 0.7):
    //     A wins: a coercion (30·0.8 + 28)/100 = 0.52, money (20·0.8 + 10)/40 = 0.65 → capability 0.611; b 0.03.
    //             forecast = (0.611·80 + 0.03·20) / 0.641.
    //     B wins: b coercion 0.38, money 0.25 → 0.289; a coercion 0.24, money 0.40 → 0.352.
    //             forecast = (0.352·80 + 0.289·20) / 0.641.
    private const double ForecastIfA = ((0.611 * 80) + (0.03 * 20)) / 0.641;
    private const double ForecastIfB = ((0.352 * 80) + (0.289 * 20)) / 0.641;

    //   Status quo (the regime's policy before the shock: compromise, the incumbent in office with his following):
    //     inc coercion (28 office following + 12 his own) / 100 = 0.40, money (10 + 10) / 40 = 0.5 → 0.12 + 0.35 = 0.47;
    //     a coercion 0.30, money 0.5 → 0.44; b coercion 0.10 → 0.03; c 0.
    //     status quo = (0.47·50 + 0.44·80 + 0.03·20) / 0.94 = 59.3 / 0.94.
    private const double StatusQuo = 59.3 / 0.94;

    private static DrawOutcome Evaluate(double winnerUniform)
    {
        var scenario = TestScenarios.HandWorked();
        var plan = new DrawPlan(scenario, scenario.Shocks[0], new SimulationSettings(Draws: 1, Model: PolicyModel.Compromise), null);
        return plan.Evaluate(0, InputDraw.AtPoint(scenario), new DrawWorkspace(plan), winnerUniform);
    }

    [Fact]
    public void Contest_HandWorkedDeath_ProbabilitiesMatchHandComputation()
    {
        var outcome = Evaluate(0.5);

        Assert.Equal(PA, outcome.CandidateProbabilities[0], 1e-12);
        Assert.Equal(1 - PA, outcome.CandidateProbabilities[1], 1e-12);
        Assert.Equal((PA * FightA) + ((1 - PA) * FightB), outcome.ContestedProbability, 1e-12);
    }

    [Fact]
    public void Draw_WinnerUniformBelowPA_AWinsOrderlyWithHandForecast()
    {
        var outcome = Evaluate(0.5);

        Assert.Equal(0, outcome.Winner);
        Assert.False(outcome.Contested);
        Assert.Equal(ForecastIfA, outcome.Forecast[0], 1e-9);
        Assert.Equal(StatusQuo, outcome.StatusQuo[0], 1e-9);
    }

    [Fact]
    public void Draw_WinnerUniformAbovePA_BWinsContestedWithHandForecast()
    {
        var outcome = Evaluate(0.9);

        Assert.Equal(1, outcome.Winner);
        Assert.True(outcome.Contested);
        Assert.Equal(ForecastIfB, outcome.Forecast[0], 1e-9);
    }

    [Fact]
    public void Simulation_FixedSeed_WinFrequencyWithinFourStandardErrorsOfHandProbability()
    {
        // Given every input fixed, only the winner is random: its frequency over N draws is Binomial(N, P_A)/N,
        // whose standard deviation is sqrt(P_A(1 − P_A)/N) ≈ 0.0037 for N = 10 000; a fixed seed makes the test
        // reproducible and 4 SD makes a false failure (for a correct sampler) a 6e-5 event.
        var scenario = TestScenarios.HandWorked();
        const int n = 10_000;

        var result = SuccessionSimulation.Run(scenario, "death", new SimulationSettings(n, Seed: 20241129, Model: PolicyModel.Compromise));

        var sd = Math.Sqrt(PA * (1 - PA) / n);
        Assert.InRange(result.Candidates[0].WinFrequency, PA - (4 * sd), PA + (4 * sd));
        Assert.Equal(PA, result.Candidates[0].Estimate.Probability, 1e-9);
        var expectedMean = (result.Candidates[0].WinFrequency * ForecastIfA) + (result.Candidates[1].WinFrequency * ForecastIfB);
        Assert.Equal(expectedMean, result.Dimensions[0].Mean, 1e-9);
    }

    [Fact]
    public void Contest_CandidateWithoutSupportOrCapability_NeverWins()
    {
        // Given a third candidate c whom nobody prefers and who holds nothing (c is no voter: capability 0),
        // and whose position is far from every voter.
        var baseScenario = TestScenarios.HandWorked();
        var actors = baseScenario.Actors.Select(a => a.Id == "c" ? TestScenarios.Actor("c", 0) : a).ToList();
        var scenario = baseScenario with
        {
            Actors = actors,
            Candidates = [.. baseScenario.Candidates, new Candidate("c", "C", "c", false)],
        };

        var result = SuccessionSimulation.Run(scenario, "death", new SimulationSettings(2000, Seed: 7, Model: PolicyModel.Compromise));

        Assert.Equal(0, result.Candidates[2].WinFrequency);
        Assert.True(result.Candidates[2].Estimate.Probability < 0.2, $"P(c) = {result.Candidates[2].Estimate.Probability}");
    }

    [Fact]
    public void FailedAttempt_IncumbentStays_NoContest()
    {
        var scenario = TestScenarios.HandWorked();

        var result = SuccessionSimulation.Run(scenario, "failed", new SimulationSettings(100, Seed: 1, Model: PolicyModel.Compromise));

        Assert.True(result.IncumbentStays);
        Assert.All(result.Outcomes, o => Assert.Equal(-1, o.Winner));
        Assert.Equal(0, result.Contested.Probability);
    }
}

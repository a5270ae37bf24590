using Interregnum.Bargaining;
using Xunit;

namespace Interregnum.Tests.Bargaining;

/// <summary>Numbers worked out by hand, written out here with their source.</summary>
public sealed class HandComputationTests
{
    [Fact]
    public void AnalyseInitialState_SoePolCompXjLk_MatchesBargainingMd18()
    {
        // Given bargaining.md §1.8: XJ at (30, 20) with saliences (24, 48); LK at (45, 65).
        // d = sqrt(((0.24·0.15)² + (0.48·0.45)²) / (0.24² + 0.48²)) = sqrt(0.047952/0.288) = sqrt(0.1665) = 0.408044
        // (the note prints 0.40805, 6e-6 high); U⁰ = 1 − d = 0.591956 (KTAB logs +0.592);
        // KTAB infers R_XJ = +1.000, so u = (1 − d)(1 + d) = 1 − d² = 1 − 0.1665 = 0.8335 (KTAB logs +0.8335).
        // By hand: 0.036² = 0.001296, 0.216² = 0.046656, sum 0.047952; 0.24² + 0.48² = 0.288; 0.047952/0.288 = 0.1665;
        // sqrt(0.1665) = 0.40804412 (to 8 decimals), so U⁰ = 0.59195588.
        var input = KtabReference.Input("SOE-Pol-Comp");
        int xj = Array.IndexOf(input.ActorNames, "XJ");
        int lk = Array.IndexOf(input.ActorNames, "LK");

        // When
        var analysis = SpatialModelOfPolitics.AnalyseInitialState(input);
        int n = input.ActorCount;

        // Then
        Assert.Equal(0.59195588, analysis.RiskNeutralUtilities[(xj * n) + lk], 1e-8);
        Assert.Equal(0.592, analysis.RiskNeutralUtilities[(xj * n) + lk], 5e-4);
        Assert.Equal(1.0, analysis.RiskAttitudes[xj], 5e-4);
        Assert.Equal(0.8335, analysis.OwnUtilities[(xj * n) + lk], 5e-5);
    }

    [Fact]
    public void Elect_TwoVotersTwoOptions_MatchesHandComputation()
    {
        // Given weights (2, 1); utilities voter 0: (1.0, 0.5), voter 1: (0.2, 0.6); Prop votes on (1:0):
        // voter 0: 2·(0.5 − 1.0) = −1.0 → C_01 = 1e-8 + 1.0; voter 1: 1·(0.6 − 0.2) = 0.4 → C_10 = 1e-8 + 0.4.
        // Linear: p_01 = C_01/(C_01 + C_10) = 1/1.4 = 0.714286, p_10 = 0.285714.
        // Conditional: P ∝ (0.5·p_01, 0.5·p_10) → (0.714286, 0.285714).
        // MarkovUniform, 2 options: the fixed point of P_0 = ½(P_0 + p_01) is P_0 = p_01.
        double[,] u = { { 1.0, 0.5 }, { 0.2, 0.6 } };
        double c01 = 1e-8 + 1.0;
        double c10 = 1e-8 + 0.4;
        double p01 = c01 / (c01 + c10);

        // When
        var conditional = ProbabilisticCondorcet.Elect([2.0, 1.0], u);
        var uniform = ProbabilisticCondorcet.Elect([2.0, 1.0], u, pceModel: PceModel.MarkovUniform);
        var incentive = ProbabilisticCondorcet.Elect([2.0, 1.0], u, pceModel: PceModel.MarkovIncentive);

        // Then
        Assert.Equal(c01, conditional.Coalitions[1], 1e-15);
        Assert.Equal(c10, conditional.Coalitions[2], 1e-15);
        Assert.Equal(1e-8, conditional.Coalitions[0]);
        Assert.Equal(0.5, conditional.Victory[0]);
        Assert.Equal(p01, conditional.Victory[1], 1e-15);
        Assert.Equal(p01, conditional.Probabilities[0], 1e-12);
        Assert.Equal(1 / 1.4, conditional.Probabilities[0], 1e-7);
        Assert.Equal(p01, uniform.Probabilities[0], 2e-6);
        Assert.Equal(1.0, incentive.Probabilities.Sum(), 1e-9);
        Assert.True(incentive.Probabilities[0] > incentive.Probabilities[1]);
    }

    [Fact]
    public void VictoryProbability_Binary_MatchesKtabThresholds()
    {
        // Given bargaining.md §1.3: a 10% advantage gives weights 1 and 1e-6; in between, p = (r·2.1 − 1)/0.1.
        // When / Then
        Assert.Equal(1 / (1 + 1e-6), ProbabilisticCondorcet.VictoryProbability(VictoryProbabilityModel.Binary, 1.1, 1.0).P1, 1e-15);
        Assert.Equal(0.5, ProbabilisticCondorcet.VictoryProbability(VictoryProbabilityModel.Binary, 1.0, 1.0).P1, 1e-15);
        double r = 1.05 / 2.05;
        Assert.Equal(((r * 2.1) - 1) / 0.1, ProbabilisticCondorcet.VictoryProbability(VictoryProbabilityModel.Binary, 1.05, 1.0).P1, 1e-12);
        Assert.Equal(81.0 / 82.0, ProbabilisticCondorcet.VictoryProbability(VictoryProbabilityModel.Quartic, 3.0, 1.0).P1, 1e-15);
    }

    [Fact]
    public void Vote_Rules_MatchKtabDefinitions()
    {
        // Given Δ = 0.3 − 0.1 = 0.2, weight 2 (bargaining.md §1.3 table)
        // When / Then
        Assert.Equal(0.4, ProbabilisticCondorcet.Vote(VotingRule.Prop, 2, 0.3, 0.1), 1e-15);
        Assert.Equal(2.0, ProbabilisticCondorcet.Vote(VotingRule.Binary, 2, 0.3, 0.1), 1e-15);
        Assert.Equal(2 * ((0.8 * 0.2) + 0.2), ProbabilisticCondorcet.Vote(VotingRule.PropBin, 2, 0.3, 0.1), 1e-12);
        Assert.Equal(2 * ((0.5 * 0.2) + (0.5 * 0.008)), ProbabilisticCondorcet.Vote(VotingRule.PropCbc, 2, 0.3, 0.1), 1e-12);
        Assert.Equal(2 * 0.008, ProbabilisticCondorcet.Vote(VotingRule.Cubic, 2, 0.3, 0.1), 1e-12);
        Assert.Equal(2 * 2 * 0.2 / 3, ProbabilisticCondorcet.Vote(VotingRule.ASymProsp, 2, 0.3, 0.1), 1e-12);
        Assert.Equal(-0.4, ProbabilisticCondorcet.Vote(VotingRule.ASymProsp, 2, 0.1, 0.3), 1e-12);
    }

    [Fact]
    public void CompromiseModel_EcExample_IsWeightedMeanAndMovesTowardReference()
    {
        // Given the EC example positions (4, 7, 10 years), c·s weights .248, .093, .336 (bargaining.md §2.2):
        // mean = 5.003/.677; with reference point 4 at weight 1 × W: (5.003 + .677·4)/(2·.677).
        var input = new SmpInput(
            ["NL", "BE", "LU", "DE", "FR", "IT", "UK", "IE", "DK", "GR"],
            ["Years"],
            [0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08],
            [4, 7, 4, 4, 10, 10, 10, 7, 4, 7],
            [80, 40, 20, 80, 60, 60, 90, 10, 100, 70]);

        // When
        var plain = CompromiseModel.Forecast(input)[0];
        var anchored = CompromiseModel.Forecast(input, [4.0], 1.0)[0];

        // Then
        Assert.Equal(5.003 / 0.677, plain.Forecast, 1e-12);
        Assert.Equal((5.003 + (0.677 * 4)) / (2 * 0.677), anchored.Forecast, 1e-12);
        Assert.Equal(plain.WeightedMean, anchored.WeightedMean);
    }
}

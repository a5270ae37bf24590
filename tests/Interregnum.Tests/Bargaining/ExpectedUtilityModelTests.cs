using System.Globalization;
using Interregnum.Bargaining;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Tests.Bargaining;

/// <summary>
/// The expected-utility model on the BDM (1994) EC emissions example (shared/data/bdm_ec_emissions_1994).
/// References: the hand computation of bargaining.md §2.2 (round 0), Scholz et al. (2011) Table 2 as
/// transcribed in SOURCE.md (±0.5), the trajectory of Scholz's code as run by jmckib
/// (expected_scholz_reading.csv), and the round-1 numbers of bargaining.md §2.3, §2.6, §2.7 and §4.2.
/// </summary>
public sealed class ExpectedUtilityModelTests
{
    private static SmpInput Ec()
    {
        var rows = File.ReadAllLines(TestData.File("bdm_ec_emissions_1994", "actors.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        return new SmpInput(
            [.. rows.Select(r => r[0])],
            ["Years"],
            [.. rows.Select(r => KtabReference.Number(r[1]))],
            [.. rows.Select(r => KtabReference.Number(r[2]))],
            [.. rows.Select(r => KtabReference.Number(r[3]))]);
    }

    private static ExpectedUtilityOptions EightRounds(ExpectedUtilityOptions o) => o with { MaxRounds = 8, StableRounds = 100 };

    [Fact]
    public void Run_EcRoundZero_GivesPublishedMedianAndMean()
    {
        // Given the EC data; by hand (bargaining.md §2.2): weights .248 at 4, .093 at 7, .336 at 10, W = .677;
        // the cumulative weight first reaches W/2 = .3385 at 7; the mean is 5.003/.677.
        var input = Ec();

        // When
        var result = ExpectedUtilityModel.Run(input, 0, EightRounds(ExpectedUtilityOptions.ScholzCode));

        // Then
        Assert.Equal(7.0, result.Rounds[0].Median);
        Assert.Equal(5.003 / 0.677, result.Rounds[0].Mean, 12);
        Assert.Equal(7.38996, result.Rounds[0].Mean, 5);
    }

    [Fact]
    public void Run_ScholzCodePreset_ReproducesScholzCodeTrajectory()
    {
        // Given expected_scholz_reading.csv (jmckib's run of Scholz's code, 8 rounds) and Scholz Table 2
        var expected = File.ReadAllLines(TestData.File("bdm_ec_emissions_1994", "expected_scholz_reading.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        double[] scholzTable2 = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6];

        // When
        var result = ExpectedUtilityModel.Run(Ec(), 0, EightRounds(ExpectedUtilityOptions.ScholzCode));

        // Then: medians and means to 1e-9 (bargaining.md §2.10: the prototype matched exactly), Table 2 within 0.5
        Assert.Equal(8, result.RoundCount);
        foreach (var row in expected)
        {
            int round = int.Parse(row[0], CultureInfo.InvariantCulture);
            Assert.Equal(KtabReference.Number(row[1]), result.Rounds[round].Median, 1e-9);
            Assert.Equal(KtabReference.Number(row[2]), result.Rounds[round].Mean, 1e-9);
            if (round > 0)
            {
                Assert.InRange(result.Rounds[round].Median, scholzTable2[round - 1] - 0.5, scholzTable2[round - 1] + 0.5);
            }
        }

        // Only Belgium (1), Luxembourg (2) and Ireland (7) ever move.
        Assert.All(result.Rounds.Skip(1), r => Assert.All(r.Moves, m => Assert.Contains(m.Actor, new[] { 1, 2, 7 })));
    }

    [Fact]
    public void Run_ScholzCodeRoundOne_MatchesPublishedIntermediates()
    {
        // Given bargaining.md §2.6 (Sec and r of round 1) and §2.7 (Belgium's and Ireland's offers)
        double[] sec = [-5.249283, 1.428336, 5.437679, -5.249283, -2.093933, -2.093933, -8.640899, 5.607084, -8.811603, -2.750413];
        double[] r = [1.405653, 0.754196, 0.508864, 1.405653, 1.046524, 1.046524, 1.964898, 0.500000, 2.000000, 1.112125];

        // When
        var round1 = ExpectedUtilityModel.Run(Ec(), 0, EightRounds(ExpectedUtilityOptions.ScholzCode)).Rounds[1];

        // Then (printed to 6 decimals: tolerance 5e-7)
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(sec[i], round1.Security[i], 5e-7);
            Assert.Equal(r[i], round1.RiskExponents[i], 5e-7);
        }

        var belgium = Assert.Single(round1.Moves, m => m.Actor == 1);
        Assert.Equal(4, belgium.Proposer); // France: first in input order of the two identical offers
        Assert.Equal(EuMoveKind.Compromise, belgium.Kind);
        Assert.Equal(-0.114831, belgium.A, 5e-7);
        Assert.Equal(0.243297, belgium.B, 5e-7);
        Assert.Equal(8.415932, belgium.To, 5e-7);
        var ireland = Assert.Single(round1.Moves, m => m.Actor == 7);
        Assert.Equal(EuMoveKind.Confrontation, ireland.Kind);
        Assert.Equal(2, ireland.Proposer); // Luxembourg
        Assert.Equal(0.538238, ireland.A, 5e-7);
        Assert.Equal(0.682478, ireland.B, 5e-7);
        Assert.Equal(4.0, ireland.To);
        var luxembourg = Assert.Single(round1.Moves, m => m.Actor == 2);
        Assert.Equal(7.0, luxembourg.To);
    }

    [Fact]
    public void Run_PaperPreset_MatchesPrototypeRegressionRecord()
    {
        // Given the paper preset's prototype record (bargaining.md §2.10; a regression record, no outside source)
        double[] r = [1.117, 1.004, 0.500, 1.117, 1.018, 1.018, 2.000, 0.648, 1.454, 1.557];
        double[] means = [8.2520, 9.3001, 9.4442, 9.6132, 9.6717, 9.7155, 9.7499, 9.7775];

        // When
        var result = ExpectedUtilityModel.Run(Ec(), 0, EightRounds(ExpectedUtilityOptions.Paper));

        // Then (printed to 3 and 4 decimals)
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(r[i], result.Rounds[1].RiskExponents[i], 5e-4);
        }

        Assert.Equal(7.7124, result.Rounds[1].Median, 5e-5);
        for (int t = 2; t <= 8; t++)
        {
            Assert.Equal(10.0, result.Rounds[t].Median, 5e-5);
        }

        for (int t = 1; t <= 8; t++)
        {
            Assert.Equal(means[t - 1], result.Rounds[t].Mean, 5e-5);
        }
    }

    [Fact]
    public void Run_PairNetProbability_ReproducesDmasadRiskExponents()
    {
        // Given dmasad's round-1 r (bargaining.md §4.2), reproduced by pair-net with the paper preset (§2.3)
        double[] r = [1.127, 0.781, 0.500, 1.127, 1.078, 1.078, 2.000, 0.525, 1.472, 1.140];

        // When
        var result = ExpectedUtilityModel.Run(Ec(), 0, EightRounds(ExpectedUtilityOptions.Paper with { Probability = EuProbability.PairNet }));

        // Then
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(r[i], result.Rounds[1].RiskExponents[i], 5e-4);
        }
    }

    [Fact]
    public void Run_OwnerRisk_ChangesTrajectoryAsDocumented()
    {
        // Given bargaining.md §2.4: eu-r = owner gives medians 8.78, 9.80, 9.97, 10.00 in rounds 1-4
        double[] medians = [8.78, 9.80, 9.97, 10.00];

        // When
        var result = ExpectedUtilityModel.Run(Ec(), 0, EightRounds(ExpectedUtilityOptions.ScholzCode with { EuRisk = EuRisk.Owner }));

        // Then (printed to 2 decimals)
        for (int t = 1; t <= 4; t++)
        {
            Assert.Equal(medians[t - 1], result.Rounds[t].Median, 5e-3);
        }
    }
}

using Interregnum.History.Survival;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.History.Tests;

public sealed class LeaderSurvivalTests
{
    [Fact]
    public void Curves_ByEntry_CountsMatchArchigosEntries()
    {
        // SOURCE.md / file: entry Regular 2,796, Irregular 570, Foreign Imposition 39 (2 Unknown left out).
        var data = HistoricalData.Load(TestData.Folder());
        var groups = LeaderSurvival.Curves(data, SurvivalGrouping.Entry);
        Assert.Equal(2796, groups.Single(g => g.Group == "Regular").Spells);
        Assert.Equal(570, groups.Single(g => g.Group == "Irregular").Spells);
        Assert.Equal(39, groups.Single(g => g.Group == "Foreign Imposition").Spells);
        Assert.Equal(599, groups.Sum(g => g.IrregularExits) + data.Archigos.Count(s => s.Entry == "Unknown" && s.Exit == "Irregular"));
        foreach (var g in groups)
        {
            Assert.All(g.Tenure.Steps, s => Assert.InRange(s.Survival, s.Lower - 1e-12, s.Upper + 1e-12));
        }
    }

    // R survival::coxph (Efron ties) on the same 2,066 spells; commands, versions and the printed output in
    // Reference/archigos_cox.R. R prints six decimals: tolerance 1e-5 on β and SE, 1e-4 on the log likelihoods.
    // Order: age_at_entry, entry_decade, irregular_entry, military, party, monarchy, democracy, other_regime.
    public static TheoryData<bool, int, double, double, double[], double[]> RCoxph => new()
    {
        {
            false, 2008, -13414.108733, -13208.329483,
            [0.017474, -0.054712, 0.392770, 0.841662, 0.105917, -0.290275, 0.908291, 1.109045],
            [0.002345, 0.007411, 0.079539, 0.116489, 0.103228, 0.142780, 0.092526, 0.119799]
        },
        {
            true, 328, -2144.571760, -2040.003611,
            [0.007657, -0.046440, 0.795758, 0.603222, -0.680198, -0.579939, -1.003152, 0.483043],
            [0.005709, 0.022745, 0.141111, 0.174813, 0.196250, 0.250159, 0.188337, 0.226920]
        },
    };

    [Theory]
    [MemberData(nameof(RCoxph))]
    public void Cox_ArchigosSpells_MatchesRCoxph(bool irregularOnly, int events, double nullLogLikelihood, double logLikelihood, double[] estimates, double[] standardErrors)
    {
        // Given
        var data = HistoricalData.Load(TestData.Folder());

        // When
        var fit = LeaderSurvival.Cox(data, irregularOnly);

        // Then
        Assert.Equal(2066, fit.Subjects);
        Assert.Equal(events, fit.Events);
        Assert.Equal(nullLogLikelihood, fit.NullLogPartialLikelihood, 1e-4);
        Assert.Equal(logLikelihood, fit.LogPartialLikelihood, 1e-4);
        Assert.Equal(LeaderSurvival.CoxCovariates, fit.Coefficients.Select(c => c.Name));
        for (var k = 0; k < estimates.Length; k++)
        {
            Assert.Equal(estimates[k], fit.Coefficients[k].Estimate, 1e-5);
            Assert.Equal(standardErrors[k], fit.Coefficients[k].StandardError, 1e-5);
        }
    }
}

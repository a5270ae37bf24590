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

    [Fact]
    public void Cox_AnyExit_FitsAllCovariates()
    {
        var data = HistoricalData.Load(TestData.Folder());
        var fit = LeaderSurvival.Cox(data, irregularOnly: false);
        Assert.Equal(LeaderSurvival.CoxCovariates.Count, fit.Coefficients.Count);
        Assert.True(fit.Subjects > 1000);
        Assert.True(fit.LikelihoodRatio > 0);
        Assert.All(fit.Coefficients, c => Assert.True(double.IsFinite(c.StandardError) && c.StandardError > 0));
    }
}

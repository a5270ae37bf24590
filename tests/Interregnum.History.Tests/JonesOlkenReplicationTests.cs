using Interregnum.History.Datasets;
using Interregnum.History.Replication;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.History.Tests;

/// <summary>
/// Jones and Olken (2009) Tables 5b and 7b from the raw leader-year file. Expected values: the Stata log of the
/// replication adamvig96/hit-or-miss as printed in jones-olken-2009/REPLICATION.md (six decimals). Tolerance 5e-6,
/// i.e. agreement to the printed precision (REPLICATION.md suggests 5e-5).
/// </summary>
public sealed class JonesOlkenReplicationTests
{
    private const double Printed = 5e-6;

    private static JonesOlkenResult Run()
    {
        var folder = TestData.Folder();
        TestData.File("jones-olken-2009", "leader_year_merged.csv");
        var years = JonesOlkenLoader.LoadLeaderYears(folder);
        Assert.Empty(years.Skipped);
        Assert.Equal(15005, years.Records.Count);
        return JonesOlkenReplication.Run(years.Records);
    }

    private static void AssertTerm(RegressionResult fit, string term, double coefficient, double se)
    {
        Assert.Equal(coefficient, fit[term].Estimate, Printed);
        Assert.Equal(se, fit[term].StandardError, Printed);
    }

    [Fact]
    public void Collapse_RealFile_MatchesReplicationCheckpoints()
    {
        // REPLICATION.md step 2: 12,341 country-years; 232 with a serious attempt, 59 of them successful;
        // weapon levels over all CYs 1: 145, 2: 21, 3: 74, 4: 2, 8: 15, 9: 12,084.
        var result = Run();
        Assert.Equal(12341, result.CountryYears.Count);
        Assert.Equal(232, result.CountryYears.Count(c => c.SeriousAttempt == 1));
        Assert.Equal(59, result.CountryYears.Count(c => c.SeriousAttempt == 1 && c.Success == 1));
        var weapons = result.CountryYears.GroupBy(c => c.Weapon).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(145, weapons[1]);
        Assert.Equal(21, weapons[2]);
        Assert.Equal(74, weapons[3]);
        Assert.Equal(2, weapons[4]);
        Assert.Equal(15, weapons[8]);
        Assert.Equal(12084, weapons[9]);
        var ire = result.CountryYears.Single(c => c.Country == "IRE" && c.Year == 1922);
        Assert.Equal("IRE-1922-1", ire.KeptObsId);
        Assert.Equal(9, ire.Weapon);
        Assert.Equal(4, ire.NumSerious);
    }

    [Fact]
    public void Table5B_RealFile_ReproducesEveryCoefficientToPrintedPrecision()
    {
        var fit = Run().Table5B;
        Assert.Equal(221, fit.N);
        Assert.Equal(87, fit.Clusters);
        Assert.Equal(11, fit.K);
        Assert.Equal(0.1124, fit.RSquared, 5e-5);
        Assert.Equal(["W4"], fit.DroppedTerms);
        AssertTerm(fit, "succAut", 0.131206, 0.055002);
        AssertTerm(fit, "succDem", -0.011654, 0.082580);
        AssertTerm(fit, "lagAutoc", 0.115069, 0.047258);
        AssertTerm(fit, "W2", -0.034671, 0.093579);
        AssertTerm(fit, "W3", -0.016394, 0.031188);
        AssertTerm(fit, "W8", 0.043416, 0.069353);
        AssertTerm(fit, "W9", 0.039184, 0.076908);
        AssertTerm(fit, "NS2", -0.035269, 0.102169);
        AssertTerm(fit, "NS3", -0.032773, 0.025005);
        AssertTerm(fit, "NS4", 0.054765, 0.103595);
        AssertTerm(fit, "intercept", -0.082296, 0.045989);

        // t = 2.385 and p = 0.019 with 86 degrees of freedom (REPLICATION.md).
        Assert.Equal(2.385, fit["succAut"].T, 1e-3);
        Assert.Equal(0.019, fit["succAut"].P, 5e-4);
    }

    [Fact]
    public void Table5B_RealFile_SampleMatchesDebuggingCounts()
    {
        var sample = Run().DemocracySample;
        var autocrats = sample.Where(s => s.Lag == 1.0).ToList();
        Assert.Equal(142, autocrats.Count);
        Assert.Equal(36, autocrats.Count(s => s.Row.Success == 1));
        Assert.Equal(6, autocrats.Count(s => s.Row.Success == 1 && s.Outcome == 1.0));
        Assert.Equal(3, autocrats.Count(s => s.Row.Success == 0 && s.Outcome == 1.0));
        Assert.Equal(79, sample.Count(s => s.Lag == 0.0));
        Assert.Equal(57, sample.Count(s => s.Row.Success == 1));
        Assert.Equal(7, sample.Count(s => s.Outcome == -1.0));
        Assert.Equal(205, sample.Count(s => s.Outcome == 0.0));
        Assert.Equal(9, sample.Count(s => s.Outcome == 1.0));
    }

    [Fact]
    public void Table5A_RealFile_ReproducesNoInteractionColumn()
    {
        var fit = Run().Table5A;
        Assert.Equal(221, fit.N);
        Assert.Equal(9, fit.K);
        Assert.Equal(0.0320, fit.RSquared, 5e-5);
        AssertTerm(fit, "success", 0.078981, 0.050789);
        AssertTerm(fit, "intercept", -0.010874, 0.025901);
    }

    [Fact]
    public void Table7B_War_RealFile_ReproducesColumnOne()
    {
        var fit = Run().Table7BWar;
        Assert.Equal(223, fit.N);
        Assert.Equal(88, fit.Clusters);
        Assert.Equal(11, fit.K);
        Assert.Equal(0.3269, fit.RSquared, 5e-5);
        AssertTerm(fit, "succLagWar", -0.254739, 0.143540);
        AssertTerm(fit, "succNoLagWar", -0.023608, 0.067972);
        AssertTerm(fit, "lagWar", -0.504299, 0.071373);
        AssertTerm(fit, "intercept", 0.164003, 0.048233);
        AssertTerm(fit, "NS4", -0.002758, 0.109055);
    }

    [Fact]
    public void Table7B_Prio_RealFile_ReproducesColumnThree()
    {
        var fit = Run().Table7BPrio;
        Assert.Equal(116, fit.N);
        Assert.Equal(64, fit.Clusters);
        Assert.Equal(12, fit.K);
        Assert.Equal(0.2433, fit.RSquared, 5e-5);
        Assert.Equal(["W4", "NS4"], fit.DroppedTerms);
        AssertTerm(fit, "succLagSome", 0.333659, 0.163309);
        AssertTerm(fit, "succLagFull", -0.110075, 0.294020);
        AssertTerm(fit, "succLagNone", 0.070002, 0.056727);
        AssertTerm(fit, "lagFull", -0.313047, 0.094859);
        AssertTerm(fit, "lagSome", -0.259499, 0.087735);
        AssertTerm(fit, "intercept", 0.055497, 0.044725);
    }
}

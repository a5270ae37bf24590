using Interregnum.History.ReferenceClasses;
using Interregnum.Statistics;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.History.Tests;

/// <summary>Base rates on the real files, checked against counts published in each SOURCE.md or REPLICATION.md.</summary>
public sealed class OutsideViewTests
{
    private static readonly Lazy<HistoricalData> Data = new(() => HistoricalData.Load(TestData.Folder()));

    private static HistoricalData Load()
    {
        TestData.Folder();
        return Data.Value;
    }

    [Fact]
    public void IrregularExitShare_Archigos_Is599Of3239()
    {
        // Definition (docs/data.md): k = spells with exit "Irregular" (599); n = completed spells, i.e. every exit but
        // "Still in Office": 3,407 − 168 = 3,239 (= 2,293 + 599 + 202 + 68 + 71 + 3 + 3 from SOURCE.md).
        // 599/3239 = 0.184934. Wilson 90%: 0.173977 .. 0.196416 (formula as in BinomialIntervalTests, z = 1.644854).
        var share = OutsideView.IrregularExitShare(Load().Archigos);
        Assert.Equal(599, share.Successes);
        Assert.Equal(3239, share.Trials);
        Assert.Equal(0.184933, share.Estimate, 1e-6);
        var z = 1.6448536269514715;
        var p = 599.0 / 3239;
        var lower = (p + (z * z / (2 * 3239)) - (z * Math.Sqrt((p * (1 - p) / 3239) + (z * z / (4.0 * 3239 * 3239))))) / (1 + (z * z / 3239));
        Assert.Equal(lower, share.Lower, 1e-12);
        Assert.Equal(0.173977, share.Lower, 1e-6);
        Assert.Equal(0.196416, share.Upper, 1e-6);
    }

    [Fact]
    public void BaseRates_AllCases_CoupSuccessIsPowellThyne236Of476()
    {
        var rates = OutsideView.BaseRates(Load(), new ReferenceClass(), "coup-success");
        var rate = Assert.Single(rates);
        Assert.Equal(236, rate.K);
        Assert.Equal(476, rate.N);
        Assert.Equal(476, rate.Cases.Count);
        var wilson = BinomialInterval.Wilson(236, 476, 0.90);
        Assert.Equal(wilson.Lower, rate.Lower);
        Assert.Equal(wilson.Upper, rate.Upper);
    }

    [Fact]
    public void BaseRates_AssassinationClass_SuccessIs59Of251()
    {
        // Jones & Olken: 251 serious attempts, 59 killed the leader.
        var rate = Assert.Single(OutsideView.BaseRates(Load(), new ReferenceClass(ExitManner: "assassination"), "assassination-success"));
        Assert.Equal(59, rate.K);
        Assert.Equal(251, rate.N);
    }

    [Fact]
    public void BaseRates_Democratization_Is6Of36AfterSuccessAnd3Of106AfterFailure()
    {
        // REPLICATION.md debugging counts: among autocrats, successes 30 × 0 and 6 × (+1); failures 103 × 0 and 3 × (+1).
        var rates = OutsideView.BaseRates(Load(), new ReferenceClass(ExitManner: "failed-attempt"), "democratization-after-assassination");
        var success = rates.Single(r => r.Category == "successful");
        var failed = rates.Single(r => r.Category == "failed");
        Assert.Equal((6, 36), (success.K, success.N));
        Assert.Equal((3, 106), (failed.K, failed.N));
    }

    [Fact]
    public void BaseRates_RecentCoups_Cline2019To2023Is16Of33()
    {
        // Cline v2.1.3 events 2019–2023: coup 16, attempted coup 17, conspiracy 20 (counted from the file's event_type).
        var rate = Assert.Single(OutsideView.BaseRates(Load(), new ReferenceClass(ExitManner: "coup"), "coup-success-recent"));
        Assert.Equal(16, rate.K);
        Assert.Equal(33, rate.N);
    }

    [Fact]
    public void BaseRates_CoupExits_ClassIsMilitaryRemovals()
    {
        // Mapping (docs/data.md): coup = exitcode "Removed by Military, without/with Foreign Support" (276 + 6) or
        // "Removed in Military Power Struggle Short of Coup" (29): 311 spells (SOURCE.md counts and the file).
        // Leader fate needs a known posttenurefate, so n ≤ 311.
        var rates = OutsideView.BaseRates(Load(), new ReferenceClass(ExitManner: "coup"), "leader-fate");
        Assert.Equal(5, rates.Count);
        var ok = rates.Single(r => r.Category == "OK");
        Assert.InRange(ok.N, 250, 311);
        Assert.Equal(ok.N, rates.Sum(r => r.K));
        Assert.All(ok.Cases, c => Assert.Contains("Military", c.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void BaseRates_NaturalDeath_SuccessorCategoriesPartitionTheClass()
    {
        var rates = OutsideView.BaseRates(Load(), new ReferenceClass(ExitManner: "natural-death"), "successor-entry");
        Assert.Equal(3, rates.Count);
        var n = rates[0].N;
        Assert.InRange(n, 150, 202);
        Assert.Equal(n, rates.Sum(r => r.K));
        Assert.True(rates.Single(r => r.Category == "Regular").Rate > 0.5);
    }

    [Fact]
    public void BaseRates_RegimeSurvived_PersonalistCoupsAreFewerThanAllCoups()
    {
        var all = Assert.Single(OutsideView.BaseRates(Load(), new ReferenceClass(ExitManner: "coup"), "regime-survived"));
        var personal = Assert.Single(OutsideView.BaseRates(Load(), new ReferenceClass(ExitManner: "coup", RegimeType: "personal"), "regime-survived"));
        Assert.True(personal.N > 0 && personal.N < all.N);
        Assert.All(personal.Cases, c => Assert.Contains("personal", c.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void BaseRates_FailedAttempt_HasNoArchigosOutcomes()
    {
        var rates = OutsideView.BaseRates(Load(), new ReferenceClass(ExitManner: "failed-attempt"));
        Assert.DoesNotContain(rates, r => r.Dataset.StartsWith("archigos", StringComparison.Ordinal));
        Assert.Contains(rates, r => r.Outcome == "coup-success");
    }

    [Fact]
    public void BaseRates_EraAndRegion_FilterPowellThyne()
    {
        var rate = Assert.Single(OutsideView.BaseRates(Load(), new ReferenceClass(FromYear: 1990, ToYear: 2019, Region: "africa"), "coup-success"));
        Assert.All(rate.Cases, c => Assert.InRange(c.Year, 1990, 2019));
        Assert.InRange(rate.N, 50, 250);
    }

    [Fact]
    public void ReferenceClass_UnknownValues_AreAllReported()
    {
        var errors = new ReferenceClass(ExitManner: "poison", RegimeType: "junta", Region: "mars", FromYear: 2000, ToYear: 1990).Validate();
        Assert.Equal(4, errors.Count);
        Assert.Throws<ArgumentException>(() => OutsideView.BaseRates(Load(), new ReferenceClass(ExitManner: "poison")));
    }
}

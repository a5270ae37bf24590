using Interregnum.History.ReferenceClasses;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.History.Tests;

/// <summary>The contested base rate on the real files, checked against an independent count.</summary>
public sealed class ContestedBaseRateTests
{
    private static readonly Lazy<HistoricalData> Data = new(() => HistoricalData.Load(TestData.Folder()));

    private static HistoricalData Load()
    {
        TestData.Folder();
        return Data.Value;
    }

    [Fact]
    public void For_AssassinationsInMenaBefore1991_WidenedToAllRegionsAndMatchesAnIndependentCount()
    {
        // Independent count (a 30-line Python script over the CSVs, not this code): leaders killed in successful
        // attempts (Jones & Olken assassination_attempts.csv, success = 1) found in Archigos 4.1 by obsid, exit from
        // 1950-01-01 to 1989-12-31 (the question is 1991-01-01; the one-year window must close before it). In MENA
        // (Jordan 1951, Saudi Arabia 1975, North Yemen 1977 and 1978, Egypt 1981, Lebanon 1989) there are 6, fewer
        // than 10, so the region is dropped: 22 exits worldwide, of which 5 were followed within a year (from the
        // third day) by a Powell & Thyne coup attempt or the successor's irregular removal.
        var rate = ContestedBaseRates.For(Load(), new ReferenceClass(ExitManner: "assassination", Region: "mena"), new DateOnly(1991, 1, 1));

        var step = Assert.Single(rate.Widened);
        Assert.StartsWith("6 exits (fewer than 10), so the region was dropped (22 exits)", step, StringComparison.Ordinal);
        Assert.Null(rate.Used.Region);
        Assert.Equal("assassination", rate.Used.ExitManner);
        Assert.Equal(22, rate.N);
        Assert.Equal(5, rate.K);
        Assert.Equal(5.5 / 23, rate.Prior, 12);
    }

    [Fact]
    public void For_AnyClass_CountsNoExitWhoseYearHadNotClosedByTheQuestionDate()
    {
        var question = new DateOnly(1985, 3, 11);

        var rate = ContestedBaseRates.For(Load(), new ReferenceClass(ExitManner: "natural-death", RegimeType: "party"), question);

        Assert.True(rate.N >= ContestedBaseRates.MinimumCases);
        Assert.All(rate.Cases, c => Assert.True(c.End!.Value <= question.AddDays(-366), $"{c.Id} ended {c.End}"));
        Assert.All(rate.Cases, c => Assert.True(c.Year >= 1950, $"{c.Id} ended in {c.Year}, before the coup list starts"));
        Assert.Equal(1984, rate.Asked.ToYear);
    }

    [Fact]
    public void For_NoClassNarrowEnough_WidensStepByStepUpToAnyExit()
    {
        // Before 1952 there are almost no exits whose window closed (1950–1950), so every filter is dropped in order.
        var rate = ContestedBaseRates.For(Load(), new ReferenceClass(ExitManner: "incapacity", RegimeType: "party-personal", Region: "oceania"), new DateOnly(1952, 1, 1));

        Assert.Equal(4, rate.Widened.Count);
        Assert.Contains("region was dropped", rate.Widened[0], StringComparison.Ordinal);
        Assert.Contains("any autocracy", rate.Widened[1], StringComparison.Ordinal);
        Assert.Contains("regime type was dropped", rate.Widened[2], StringComparison.Ordinal);
        Assert.Contains("manner of exit was dropped", rate.Widened[3], StringComparison.Ordinal);
        Assert.Null(rate.Used.ExitManner);
    }

    [Fact]
    public void Prior_EmptyClass_IsOneHalfAndTheRawRateUndefined()
    {
        var empty = new ContestedBaseRate(ContestedBaseRates.Definition, new ReferenceClass(), new ReferenceClass(), [], 0, 0, []);

        Assert.Equal(0.5, empty.Prior);
        Assert.True(double.IsNaN(empty.Rate));
    }
}

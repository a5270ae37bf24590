using Interregnum.Judgments;
using Xunit;

namespace Interregnum.Tests.Judgments;

public sealed class EstimativeProbabilityTests
{
    // Source for every range below: ICD 203 "Analytic Standards" (2 January 2015), §D.6.a.(2)(a), the table of
    // estimative terms: almost no chance 01–05%, very unlikely 05–20%, unlikely 20–45%, roughly even chance 45–55%,
    // likely 55–80%, very likely 80–95%, almost certain 95–99%.
    [Theory]
    [InlineData(EstimativeTerm.AlmostNoChance, "almost no chance", "remote", 0.01, 0.05)]
    [InlineData(EstimativeTerm.VeryUnlikely, "very unlikely", "highly improbable", 0.05, 0.20)]
    [InlineData(EstimativeTerm.Unlikely, "unlikely", "improbable", 0.20, 0.45)]
    [InlineData(EstimativeTerm.RoughlyEvenChance, "roughly even chance", "roughly even odds", 0.45, 0.55)]
    [InlineData(EstimativeTerm.Likely, "likely", "probable", 0.55, 0.80)]
    [InlineData(EstimativeTerm.VeryLikely, "very likely", "highly probable", 0.80, 0.95)]
    [InlineData(EstimativeTerm.AlmostCertain, "almost certain", "nearly certain", 0.95, 0.99)]
    public void Band_EachTerm_HasIcd203PublishedRange(EstimativeTerm term, string words, string synonym, double low, double high)
    {
        var band = EstimativeProbability.Band(term);

        Assert.Equal(words, band.Words);
        Assert.Equal(synonym, band.Synonym);
        Assert.Equal(low, band.Low);
        Assert.Equal(high, band.High);
    }

    [Theory]
    [InlineData(0.0, EstimativeTerm.AlmostNoChance)]
    [InlineData(0.03, EstimativeTerm.AlmostNoChance)]
    [InlineData(0.05, EstimativeTerm.VeryUnlikely)] // shared end point: the band nearer 50%
    [InlineData(0.12, EstimativeTerm.VeryUnlikely)]
    [InlineData(0.20, EstimativeTerm.Unlikely)]
    [InlineData(0.293, EstimativeTerm.Unlikely)]
    [InlineData(0.45, EstimativeTerm.RoughlyEvenChance)]
    [InlineData(0.55, EstimativeTerm.RoughlyEvenChance)]
    [InlineData(0.62, EstimativeTerm.Likely)]
    [InlineData(0.80, EstimativeTerm.Likely)]
    [InlineData(0.90, EstimativeTerm.VeryLikely)]
    [InlineData(0.95, EstimativeTerm.VeryLikely)]
    [InlineData(0.97, EstimativeTerm.AlmostCertain)]
    [InlineData(1.0, EstimativeTerm.AlmostCertain)]
    public void FromProbability_InsideOrOnEdgeOfPublishedRange_GivesThatTerm(double p, EstimativeTerm expected) =>
        Assert.Equal(expected, EstimativeProbability.FromProbability(p));

    [Fact]
    public void FromProbability_MirroredProbability_GivesMirroredTerm()
    {
        for (var i = 0; i <= 1000; i++)
        {
            // Both written as exact thousandths: 1 − 0.8 in floating point is just below 0.2.
            var term = (int)EstimativeProbability.FromProbability(i / 1000.0);
            var mirror = (int)EstimativeProbability.FromProbability((1000 - i) / 1000.0);

            Assert.Equal(6, term + mirror);
        }
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void FromProbability_NotAProbability_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EstimativeProbability.FromProbability(p));

    [Theory]
    [InlineData("Very Likely", EstimativeTerm.VeryLikely)]
    [InlineData(" remote ", EstimativeTerm.AlmostNoChance)]
    [InlineData("roughly even odds", EstimativeTerm.RoughlyEvenChance)]
    public void Parse_TermOrSynonym_GivesTerm(string words, EstimativeTerm expected) =>
        Assert.Equal(expected, EstimativeProbability.Parse(words));

    [Fact]
    public void Parse_OtherWords_GivesNull() => Assert.Null(EstimativeProbability.Parse("probably"));

    [Theory]
    [InlineData(0.30, 0.40, 1)]
    [InlineData(0.293, 0.30, 1)]
    [InlineData(0.056, 0.596, 4)] // the example: 5.6–59.6% reads very unlikely … likely
    [InlineData(0.0, 1.0, 7)]
    public void BandsSpanned_Interval_CountsBandsTouched(double low, double high, int expected) =>
        Assert.Equal(expected, EstimativeProbability.BandsSpanned(low, high));
}

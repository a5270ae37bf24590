using Interregnum.History.ExitRisk;
using Xunit;

namespace Interregnum.History.Tests;

public sealed class ExitRiskScoreTests
{
    [Fact]
    public void AucRoc_FourCases_EqualsHandCountOfOrderedPairs()
    {
        // Given events at 0.35 and 0.8, non-events at 0.1 and 0.4: of the 2 × 2 (event, non-event) pairs,
        // 0.35 > 0.1, 0.35 < 0.4, 0.8 > 0.1, 0.8 > 0.4, so 3 of 4 are ordered right: AUC = 3/4.
        var auc = ClassificationScores.AucRoc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
        Assert.Equal(0.75, auc, 12);
    }

    [Fact]
    public void AucRoc_TiedForecasts_CountTiesAsOneHalf()
    {
        // Event at 0.5; non-events at 0.5 (tie: ½) and 0.2 (right: 1): (½ + 1) / 2 = 0.75.
        var auc = ClassificationScores.AucRoc([0.5, 0.5, 0.2], [true, false, false]);
        Assert.Equal(0.75, auc, 12);
    }

    [Fact]
    public void MeanLogScore_ThreeCases_EqualsHandSum()
    {
        // −(ln 0.8 + ln(1 − 0.1) + ln 0.5) / 3 = (0.2231436 + 0.1053605 + 0.6931472) / 3 = 1.0216513 / 3 = 0.3405504
        // (natural logs to 7 places).
        var score = ClassificationScores.MeanLogScore([0.8, 0.1, 0.5], [true, false, true]);
        Assert.Equal(0.3405504, score, 6);
    }

    [Fact]
    public void AucRoc_NoEvents_IsNaN()
    {
        Assert.True(double.IsNaN(ClassificationScores.AucRoc([0.1, 0.2], [false, false])));
    }

    [Fact]
    public void AveragePrecision_FourCases_EqualsHandSum()
    {
        // Thresholds from the top: 0.8 (event) P = 1, R = ½; 0.4 (non-event) P = ½, R = ½; 0.35 (event) P = ⅔, R = 1;
        // 0.1 P = ½, R = 1. AP = Σ ΔR·P = ½·1 + 0·½ + ½·⅔ + 0 = 5/6 (scikit-learn's documented example gives 0.83).
        var ap = ClassificationScores.AveragePrecision([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
        Assert.Equal(5.0 / 6.0, ap, 12);
    }

    [Fact]
    public void AveragePrecision_TiedForecasts_EnterTogether()
    {
        // The tie at 0.5 is one threshold: TP 1 of 2 flagged, recall 1: AP = 1 · ½ = ½ (not 1, as an event-first order would give).
        var ap = ClassificationScores.AveragePrecision([0.5, 0.5, 0.2], [false, true, false]);
        Assert.Equal(0.5, ap, 12);
    }

    [Fact]
    public void MeanBrier_ThreeCases_EqualsHandMean()
    {
        // (0.2 − 0)² + (0.7 − 1)² + (0.1 − 0)² = 0.04 + 0.09 + 0.01 = 0.14; / 3.
        var brier = ClassificationScores.MeanBrier([0.2, 0.7, 0.1], [false, true, false]);
        Assert.Equal(0.14 / 3, brier, 12);
    }

    [Fact]
    public void ReliabilityByQuantile_FiveCasesTwoBins_SplitsAtFloorOfHalf()
    {
        // Sorted forecasts 0.1 0.2 | 0.3 0.4 0.5 (positions ⌊0·5/2⌋..⌊1·5/2⌋−1 = 0..1, then 2..4).
        var bins = ClassificationScores.ReliabilityByQuantile([0.5, 0.1, 0.4, 0.2, 0.3], [true, false, true, true, false], 2);
        Assert.Equal(2, bins.Count);
        Assert.Equal((2, 1), (bins[0].Count, bins[0].Events));
        Assert.Equal(0.15, bins[0].MeanForecast, 12);
        Assert.Equal(0.5, bins[0].ObservedFrequency, 12);
        Assert.Equal((3, 2), (bins[1].Count, bins[1].Events));
        Assert.Equal(0.4, bins[1].MeanForecast, 12);
        Assert.Equal((0.3, 0.5), (bins[1].MinForecast, bins[1].MaxForecast));
    }

    [Fact]
    public void MultinomialLogit_SaturatedBinaryCovariate_MatchesCellLogOddsAndTheirVariances()
    {
        // Given three classes and one binary covariate with cell counts
        //   x = 0: class 0: 6, class 1: 3, class 2: 1;   x = 1: class 0: 2, class 1: 4, class 2: 4,
        // the maximum-likelihood fit (no prior) reproduces the cell frequencies, so by hand
        //   β₁₀ = ln(3/6) = −0.693147, β₁₁ = ln(4/2) − ln(3/6) = 1.386294,
        //   β₂₀ = ln(1/6) = −1.791759, β₂₁ = ln(4/2) − ln(1/6) = 2.484907,
        // and the variances are those of (differences of) log odds: Var β₁₀ = 1/3 + 1/6 = 0.5,
        // Var β₁₁ = 1/3 + 1/6 + 1/4 + 1/2 = 1.25, Var β₂₀ = 1/1 + 1/6, Var β₂₁ = 1 + 1/6 + 1/4 + 1/2.
        int[][] cells = [[6, 3, 1], [2, 4, 4]];
        var rows = new List<(double X, int Y)>();
        for (var x = 0; x < 2; x++)
        {
            for (var k = 0; k < 3; k++)
            {
                rows.AddRange(Enumerable.Repeat((x * 1.0, k), cells[x][k]));
            }
        }

        var design = new double[rows.Count, 1];
        for (var i = 0; i < rows.Count; i++)
        {
            design[i, 0] = rows[i].X;
        }

        var fit = MultinomialLogit.Fit(design, rows.Select(r => r.Y).ToList(), 3, double.PositiveInfinity);

        // Tolerance 1e-7: Newton stops when the step is below 1e-9.
        Assert.Equal(Math.Log(3.0 / 6), fit.Coefficients[0, 0], 7);
        Assert.Equal(Math.Log(4.0 / 2) - Math.Log(3.0 / 6), fit.Coefficients[0, 1], 7);
        Assert.Equal(Math.Log(1.0 / 6), fit.Coefficients[1, 0], 7);
        Assert.Equal(Math.Log(4.0 / 2) - Math.Log(1.0 / 6), fit.Coefficients[1, 1], 7);
        Assert.Equal(0.5, fit.Covariance[0, 0], 6);
        Assert.Equal(1.25, fit.Covariance[1, 1], 6);
        Assert.Equal(1 + (1.0 / 6), fit.Covariance[2, 2], 6);
        Assert.Equal(1 + (1.0 / 6) + 0.25 + 0.5, fit.Covariance[3, 3], 6);
        var p = fit.Predict([1.0]);
        Assert.Equal([0.2, 0.4, 0.4], p.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void MultinomialLogit_NormalPrior_ShrinksSlopesTowardZero()
    {
        var design = new double[20, 1];
        var y = new int[20];
        for (var i = 0; i < 20; i++)
        {
            design[i, 0] = i % 2;
            y[i] = i % 2 == 1 && i < 15 ? 1 : 0; // x = 1 mostly class 1, x = 0 always class 0: near separation
        }

        var loose = MultinomialLogit.Fit(design, y, 2, 100);
        var tight = MultinomialLogit.Fit(design, y, 2, 0.5);
        Assert.True(Math.Abs(tight.Coefficients[0, 1]) < Math.Abs(loose.Coefficients[0, 1]));
        Assert.True(double.IsFinite(loose.Coefficients[0, 1]));
    }

    [Fact]
    public void MultinomialLogit_ClassOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => MultinomialLogit.Fit(new double[2, 1], [0, 3], 3, 2.5));
    }

    [Theory]
    [InlineData("Regular", ExitManner.Regular)]
    [InlineData("Natural Death", ExitManner.Natural)]
    [InlineData("Retired Due to Ill Health", ExitManner.Natural)]
    [InlineData("Irregular", ExitManner.Irregular)]
    [InlineData("Foreign", ExitManner.Irregular)]
    [InlineData("Still in Office", ExitManner.None)]
    public void MannerOf_ArchigosExit_MapsToModelClass(string exit, ExitManner expected)
    {
        Assert.Equal(expected, ExitRiskPanel.MannerOf(exit));
    }

    [Theory]
    [InlineData("Removed by Military, without Foreign Support", IrregularKind.Coup)]
    [InlineData("Removed in Military Power Struggle Short of Coup", IrregularKind.Coup)]
    [InlineData("Assassination by Unsupported Individual", IrregularKind.Killing)]
    [InlineData("Popular Protest, without Foreign Support", IrregularKind.Other)]
    public void KindOf_ArchigosExitCode_MapsToKind(string code, IrregularKind expected)
    {
        Assert.Equal(expected, ExitRiskPanel.KindOf(code));
    }
}

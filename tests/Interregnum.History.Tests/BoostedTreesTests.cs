using Interregnum.History.ExitRisk;
using Xunit;

namespace Interregnum.History.Tests;

public sealed class BoostedTreesTests
{
    // Ten rows, one 0/1 covariate: x = 0 for five rows with one event, x = 1 for five rows with three events.
    private static readonly double[,] X = { { 0 }, { 0 }, { 0 }, { 0 }, { 0 }, { 1 }, { 1 }, { 1 }, { 1 }, { 1 } };
    private static readonly bool[] Y = [true, false, false, false, false, true, true, true, false, false];

    [Fact]
    public void Fit_OneStumpNoPenalty_IsOneNewtonStepFromTheBaseRate()
    {
        // Hand computation. Base rate 4/10, intercept ln(0.4 / 0.6). At p = 0.4 each row has g = p − y and
        // h = p(1 − p) = 0.24. Left leaf (x = 0): G = 5·0.4 − 1 = 1, H = 1.2, value −G/H = −5/6; right leaf (x = 1):
        // G = 2 − 3 = −1, value +5/6. Learning rate 1, λ = 0.
        var trees = BoostedTrees.Fit(X, Y, new BoostedTreesSettings(Trees: 1, Depth: 1, LearningRate: 1, MinChildWeight: 0, Lambda: 0));
        static double Sigmoid(double s) => 1 / (1 + Math.Exp(-s));
        Assert.Equal(Math.Log(0.4 / 0.6), trees.Intercept, 12);
        Assert.Equal(Sigmoid(Math.Log(0.4 / 0.6) - (5.0 / 6)), trees.Predict([0]), 12);
        Assert.Equal(Sigmoid(Math.Log(0.4 / 0.6) + (5.0 / 6)), trees.Predict([1]), 12);
    }

    [Fact]
    public void Fit_ManyTreesNoPenalty_ConvergesToTheCellRates()
    {
        // The saturated fit of a 0/1 covariate is the event share in each cell: 1/5 and 3/5 (Newton's method on a
        // logistic likelihood converges to it). Splits stop once their gain is below 1e-12 (round-off), that is once a
        // cell's gradient sum is below about 1e-6, so the cell rates are reached to about 1e-7: checked to 6 decimals.
        var trees = BoostedTrees.Fit(X, Y, new BoostedTreesSettings(Trees: 200, Depth: 1, LearningRate: 0.5, MinChildWeight: 0, Lambda: 0));
        Assert.Equal(0.2, trees.Predict([0]), 6);
        Assert.Equal(0.6, trees.Predict([1]), 6);
    }

    [Fact]
    public void Fit_MinChildWeightAboveEitherSide_MakesNoSplit()
    {
        // Each side has H = 1.2 at the start; a least child weight of 2 forbids the split, so every tree is one leaf
        // with G = 0 (the intercept is already the base rate) and the forecast stays 0.4 everywhere.
        var trees = BoostedTrees.Fit(X, Y, new BoostedTreesSettings(Trees: 5, Depth: 2, LearningRate: 1, MinChildWeight: 2, Lambda: 0));
        Assert.Equal(0.4, trees.Predict([0]), 12);
        Assert.Equal(0.4, trees.Predict([1]), 12);
    }

    [Fact]
    public void Fit_SameInputs_SameForecasts()
    {
        var settings = new BoostedTreesSettings(Trees: 20, Depth: 2, LearningRate: 0.3, MinChildWeight: 0);
        var a = BoostedTrees.Fit(X, Y, settings);
        var b = BoostedTrees.Fit(X, Y, settings);
        Assert.Equal(a.Predict([0]), b.Predict([0]));
        Assert.Equal(a.Predict([1]), b.Predict([1]));
    }

    [Fact]
    public void Parse_ListOfNumbers_ReadsTheSettings()
    {
        Assert.Equal(new BoostedTreesSettings(300, 2, 0.05, 10, 2), BoostedTreesSettings.Parse("300,2,0.05,10,2"));
        Assert.Equal(new BoostedTreesSettings(100, 1, 0.1), BoostedTreesSettings.Parse("100, 1, 0.1"));
        Assert.Equal(new BoostedTreesSettings(150, 3, 0.03, 10, 1, Blend: 0.5), BoostedTreesSettings.Parse("150,3,0.03,10,1,0.5"));
        Assert.NotEmpty(new BoostedTreesSettings(Blend: 0).Validate());
        Assert.Throws<FormatException>(() => BoostedTreesSettings.Parse("300,2"));
        Assert.NotEmpty(new BoostedTreesSettings(Depth: 0).Validate());
    }
}

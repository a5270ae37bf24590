using Interregnum.Backtesting;
using Xunit;

namespace Interregnum.Tests.Backtesting;

public sealed class LeaveOneOutGridTests
{
    [Fact]
    public void Folds_ThreeCasesTwoValues_EachFoldChoosesOnTheOthersOnly()
    {
        // Given scores (lower is better) at two grid values for three cases:
        //   value 0: 1.0, 1.0, 0.1   value 1: 0.5, 0.6, 2.0
        // Without case 0: value 0 → 1.1, value 1 → 2.6: choose 0, case 0 scores 1.0.
        // Without case 1: value 0 → 1.1, value 1 → 2.5: choose 0, case 1 scores 1.0.
        // Without case 2: value 0 → 2.0, value 1 → 1.1: choose 1, case 2 scores 2.0 (it pays for being left out).
        IReadOnlyList<IReadOnlyList<double>> scores = [[1.0, 1.0, 0.1], [0.5, 0.6, 2.0]];

        // When
        var folds = LeaveOneOutGrid.Folds(scores);

        // Then
        Assert.Equal([0, 0, 1], folds.Select(f => f.Choice));
        Assert.Equal([1.0, 1.0, 2.0], folds.Select(f => f.Score));
    }

    [Fact]
    public void Folds_Tie_KeepsTheEarlierValue()
    {
        IReadOnlyList<IReadOnlyList<double>> scores = [[1.0, 2.0], [2.0, 1.0]];

        // Without case 0: 2.0 against 1.0 → value 1. Without case 1: 1.0 against 2.0 → value 0. Equal rows tie → value 0.
        Assert.Equal([1, 0], LeaveOneOutGrid.Folds(scores).Select(f => f.Choice));
        Assert.Equal([0, 0], LeaveOneOutGrid.Folds([[1.0, 1.0], [1.0, 1.0]]).Select(f => f.Choice));
    }

    [Fact]
    public void Folds_RaggedRows_Throws() =>
        Assert.Throws<ArgumentException>(() => LeaveOneOutGrid.Folds([[1.0, 2.0], [1.0]]));
}

namespace Interregnum.Backtesting;

/// <summary>One fold of a leave-one-case-out grid search. Immutable.</summary>
/// <param name="Case">Index of the case left out.</param>
/// <param name="Choice">Index of the grid value with the lowest mean score over the other cases.</param>
/// <param name="Score">The left-out case's own score at that value (its honest, out-of-fold score).</param>
public readonly record struct GridFold(int Case, int Choice, double Score);

/// <summary>
/// Chooses one parameter from a small grid by leave-one-case-out: for each case, the grid value whose mean score over
/// the <em>other</em> cases is lowest (ties keep the earlier grid value), and that case's score at it. Pure function.
/// </summary>
public static class LeaveOneOutGrid
{
    /// <summary>Runs every fold.</summary>
    /// <param name="scores">scores[g][i]: case i's score (a loss, lower is better) at grid value g; every row the same length.</param>
    public static IReadOnlyList<GridFold> Folds(IReadOnlyList<IReadOnlyList<double>> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return [];
        }

        var n = scores[0].Count;
        if (scores.Any(row => row.Count != n))
        {
            throw new ArgumentException("every grid value needs a score for every case", nameof(scores));
        }

        var totals = scores.Select(row => row.Sum()).ToArray();
        var folds = new GridFold[n];
        for (var i = 0; i < n; i++)
        {
            var best = 0;
            for (var g = 1; g < scores.Count; g++)
            {
                // The mean over the other n − 1 cases is (total − own)/(n − 1); the divisor is common, so compare sums.
                if (totals[g] - scores[g][i] < totals[best] - scores[best][i] - 1e-12)
                {
                    best = g;
                }
            }

            folds[i] = new GridFold(i, best, scores[best][i]);
        }

        return folds;
    }
}

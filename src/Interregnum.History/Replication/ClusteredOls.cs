using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Interregnum.History.Replication;

/// <summary>One estimated coefficient. Immutable.</summary>
/// <param name="Term">Regressor name.</param>
/// <param name="Estimate">OLS estimate.</param>
/// <param name="StandardError">Cluster-robust (CR1) standard error.</param>
/// <param name="T">Coefficient / standard error.</param>
/// <param name="P">Two-sided p-value from a t distribution with G − 1 degrees of freedom.</param>
public sealed record Coefficient(string Term, double Estimate, double StandardError, double T, double P);

/// <summary>An OLS fit with cluster-robust standard errors. Immutable.</summary>
/// <param name="Coefficients">One per estimated parameter, the intercept last.</param>
/// <param name="N">Observations.</param>
/// <param name="K">Estimated parameters, intercept included.</param>
/// <param name="Clusters">Number of clusters G.</param>
/// <param name="RSquared">R² = 1 − SSR/SST (SST about the mean).</param>
/// <param name="DroppedTerms">Regressors removed because they are zero for every observation.</param>
public sealed record RegressionResult(IReadOnlyList<Coefficient> Coefficients, int N, int K, int Clusters, double RSquared, IReadOnlyList<string> DroppedTerms)
{
    /// <summary>The coefficient of a term; throws when the term was not estimated.</summary>
    public Coefficient this[string term] => Coefficients.First(c => c.Term == term);
}

/// <summary>
/// Ordinary least squares with an intercept and cluster-robust standard errors with Stata's default
/// small-sample correction (CR1): V = (X'X)⁻¹ [Σ_g (X_g'e_g)(X_g'e_g)'] (X'X)⁻¹ · G/(G−1) · (N−1)/(N−K).
/// The linear algebra is MathNet.Numerics (dense matrices, Cholesky-free inverse of X'X).
/// </summary>
public static class ClusteredOls
{
    /// <summary>Fits y on the named regressors plus an intercept, clustering by the given keys.</summary>
    /// <param name="y">Outcome, one per observation.</param>
    /// <param name="regressors">Named regressor columns, each as long as <paramref name="y"/>. Columns that are zero everywhere are dropped (reported in the result).</param>
    /// <param name="clusters">Cluster key of each observation.</param>
    public static RegressionResult Fit(IReadOnlyList<double> y, IReadOnlyList<(string Name, double[] Values)> regressors, IReadOnlyList<string> clusters)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(regressors);
        ArgumentNullException.ThrowIfNull(clusters);
        var n = y.Count;
        var kept = regressors.Where(r => r.Values.Any(v => v != 0.0)).ToList();
        var dropped = regressors.Where(r => r.Values.All(v => v == 0.0)).Select(r => r.Name).ToList();
        var names = kept.Select(r => r.Name).Append("intercept").ToList();
        var k = names.Count;
        var x = Matrix<double>.Build.Dense(n, k, (i, j) => j < kept.Count ? kept[j].Values[i] : 1.0);
        var yv = Vector<double>.Build.DenseOfEnumerable(y);
        var xtxInverse = (x.TransposeThisAndMultiply(x)).Inverse();
        var beta = xtxInverse * x.TransposeThisAndMultiply(yv);
        var residuals = yv - (x * beta);

        var groups = Enumerable.Range(0, n).GroupBy(i => clusters[i], StringComparer.Ordinal).ToList();
        var g = groups.Count;
        var meat = Matrix<double>.Build.Dense(k, k);
        foreach (var group in groups)
        {
            var score = Vector<double>.Build.Dense(k);
            foreach (var i in group)
            {
                score += x.Row(i) * residuals[i];
            }

            meat += score.OuterProduct(score);
        }

        var correction = (g / (g - 1.0)) * ((n - 1.0) / (n - k));
        var v = xtxInverse * meat * xtxInverse * correction;
        var mean = yv.Average();
        var sst = yv.Sum(value => (value - mean) * (value - mean));
        var ssr = residuals.DotProduct(residuals);
        var t = new StudentT(0.0, 1.0, g - 1);
        var coefficients = names.Select((name, j) =>
        {
            var se = Math.Sqrt(v[j, j]);
            var tValue = beta[j] / se;
            return new Coefficient(name, beta[j], se, tValue, 2.0 * (1.0 - t.CumulativeDistribution(Math.Abs(tValue))));
        }).ToList();
        return new RegressionResult(coefficients, n, k, g, 1.0 - (ssr / sst), dropped);
    }
}

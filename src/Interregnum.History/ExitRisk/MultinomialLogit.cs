using MathNet.Numerics.LinearAlgebra;

namespace Interregnum.History.ExitRisk;

/// <summary>
/// A fitted multinomial logit: for K outcome classes with class 0 the reference,
/// P(y = k | x) = exp(x·β_k) / (1 + Σ_{j≥1} exp(x·β_j)) for k ≥ 1, and 1 / (1 + Σ exp(x·β_j)) for k = 0.
/// x carries a leading 1 (the intercept). Immutable.
/// </summary>
/// <param name="Classes">Number of outcome classes K (at least 2).</param>
/// <param name="Coefficients">β as a (K − 1) × (1 + covariates) array, row k − 1 for class k, column 0 the intercept.</param>
/// <param name="Covariance">Covariance of the coefficients (the inverse of the negative Hessian of the penalized log-likelihood at the mode), indexed [(k − 1)·(1 + covariates) + a].</param>
/// <param name="LogLikelihood">Log-likelihood at the fitted coefficients (without the penalty).</param>
/// <param name="Iterations">Newton iterations used.</param>
/// <param name="Observations">Rows fitted.</param>
public sealed record MultinomialLogitFit(int Classes, double[,] Coefficients, double[,] Covariance, double LogLikelihood, int Iterations, int Observations)
{
    /// <summary>Number of covariates (without the intercept).</summary>
    public int CovariateCount => Coefficients.GetLength(1) - 1;

    /// <summary>Class probabilities for one covariate vector (without the leading 1).</summary>
    public double[] Predict(ReadOnlySpan<double> covariates) => MultinomialLogit.Probabilities(Coefficients, covariates);
}

/// <summary>
/// Fits a multinomial logit by Newton–Raphson on the log-likelihood plus an independent normal prior
/// N(0, <c>priorScale</c>²) on every slope (intercepts unpenalized): the posterior mode, a ridge-penalized
/// maximum-likelihood estimate that stays finite when a rare class is separated by a dummy (Gelman et al. 2008,
/// "A weakly informative default prior distribution for logistic and other regression models", Ann. Appl. Stat. 2(4),
/// recommend a scale of 2.5 on inputs of unit scale; they use a Cauchy, the normal here is its simpler cousin).
/// Linear algebra by MathNet.Numerics. Thread-safe (no state).
/// </summary>
public static class MultinomialLogit
{
    /// <summary>Fits the model.</summary>
    /// <param name="covariates">n × p covariate matrix without the intercept column.</param>
    /// <param name="outcomes">Class of each row, 0 … <paramref name="classes"/> − 1; class 0 is the reference.</param>
    /// <param name="classes">Number of classes K ≥ 2.</param>
    /// <param name="priorScale">Standard deviation of the normal prior on slopes (positive; <see cref="double.PositiveInfinity"/> for plain maximum likelihood).</param>
    /// <param name="maxIterations">Newton iterations allowed.</param>
    /// <exception cref="ArgumentException">Mismatched sizes, a class out of range, or a non-positive prior scale.</exception>
    /// <exception cref="InvalidOperationException">Newton–Raphson did not converge.</exception>
    public static MultinomialLogitFit Fit(double[,] covariates, IReadOnlyList<int> outcomes, int classes, double priorScale, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (!(priorScale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(priorScale), priorScale, "the prior scale must be positive");
        }

        var n = covariates.GetLength(0);
        var p = covariates.GetLength(1) + 1;
        if (outcomes.Count != n)
        {
            throw new ArgumentException($"{outcomes.Count} outcomes for {n} rows", nameof(outcomes));
        }

        foreach (var y in outcomes)
        {
            if (y < 0 || y >= classes)
            {
                throw new ArgumentException($"class {y} is outside 0..{classes - 1}", nameof(outcomes));
            }
        }

        var m = classes - 1;
        var size = m * p;
        var precision = double.IsPositiveInfinity(priorScale) ? 0 : 1 / (priorScale * priorScale);
        var beta = new double[m, p];
        var x = new double[p];
        var prob = new double[classes];
        var objective = Objective(covariates, outcomes, beta, precision, out _);
        var iterations = 0;
        var hessian = Matrix<double>.Build.Dense(size, size);
        var gradient = Vector<double>.Build.Dense(size);
        var converged = false;
        while (iterations < maxIterations)
        {
            iterations++;
            hessian.Clear();
            gradient.Clear();
            for (var i = 0; i < n; i++)
            {
                Row(covariates, i, x);
                Fill(beta, x, prob);
                for (var k = 0; k < m; k++)
                {
                    var residual = (outcomes[i] == k + 1 ? 1 : 0) - prob[k + 1];
                    for (var a = 0; a < p; a++)
                    {
                        gradient[(k * p) + a] += x[a] * residual;
                    }

                    for (var l = k; l < m; l++)
                    {
                        // Information block (k, l): x xᵀ · p_k (δ_kl − p_l).
                        var w = prob[k + 1] * ((k == l ? 1 : 0) - prob[l + 1]);
                        for (var a = 0; a < p; a++)
                        {
                            var xa = x[a] * w;
                            for (var b = 0; b < p; b++)
                            {
                                hessian[(k * p) + a, (l * p) + b] += xa * x[b];
                            }
                        }
                    }
                }
            }

            for (var k = 0; k < m; k++)
            {
                for (var l = k + 1; l < m; l++)
                {
                    for (var a = 0; a < p; a++)
                    {
                        for (var b = 0; b < p; b++)
                        {
                            hessian[(l * p) + b, (k * p) + a] = hessian[(k * p) + a, (l * p) + b];
                        }
                    }
                }

                for (var a = 1; a < p; a++)
                {
                    gradient[(k * p) + a] -= beta[k, a] * precision;
                    hessian[(k * p) + a, (k * p) + a] += precision;
                }
            }

            var step = hessian.Cholesky().Solve(gradient);
            var scale = 1.0;
            double next;
            var trial = new double[m, p];
            while (true)
            {
                for (var k = 0; k < m; k++)
                {
                    for (var a = 0; a < p; a++)
                    {
                        trial[k, a] = beta[k, a] + (scale * step[(k * p) + a]);
                    }
                }

                next = Objective(covariates, outcomes, trial, precision, out _);
                if (next >= objective - 1e-12 || scale < 1e-6)
                {
                    break;
                }

                scale /= 2; // step halving keeps each Newton step an ascent step
            }

            var change = next - objective;
            beta = trial;
            objective = next;
            if (step.AbsoluteMaximum() * scale < 1e-9 || Math.Abs(change) < 1e-10)
            {
                converged = true;
                break;
            }
        }

        if (!converged)
        {
            throw new InvalidOperationException($"multinomial logit did not converge in {maxIterations} iterations");
        }

        // Covariance from the information at the mode (recomputed so it matches the final coefficients).
        var information = Information(covariates, beta, precision);
        var covariance = information.Inverse().ToArray();
        Objective(covariates, outcomes, beta, 0, out var logLikelihood);
        return new MultinomialLogitFit(classes, beta, covariance, logLikelihood, iterations, n);
    }

    /// <summary>Class probabilities for coefficients β ((K − 1) × (1 + p)) and covariates x (length p, no leading 1).</summary>
    public static double[] Probabilities(double[,] coefficients, ReadOnlySpan<double> covariates)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var p = coefficients.GetLength(1);
        if (covariates.Length != p - 1)
        {
            throw new ArgumentException($"{covariates.Length} covariates for a model of {p - 1}", nameof(covariates));
        }

        var x = new double[p];
        x[0] = 1;
        covariates.CopyTo(x.AsSpan(1));
        var prob = new double[coefficients.GetLength(0) + 1];
        Fill(coefficients, x, prob);
        return prob;
    }

    private static Matrix<double> Information(double[,] covariates, double[,] beta, double precision)
    {
        var m = beta.GetLength(0);
        var p = beta.GetLength(1);
        var info = Matrix<double>.Build.Dense(m * p, m * p);
        var x = new double[p];
        var prob = new double[m + 1];
        for (var i = 0; i < covariates.GetLength(0); i++)
        {
            Row(covariates, i, x);
            Fill(beta, x, prob);
            for (var k = 0; k < m; k++)
            {
                for (var l = 0; l < m; l++)
                {
                    var w = prob[k + 1] * ((k == l ? 1 : 0) - prob[l + 1]);
                    for (var a = 0; a < p; a++)
                    {
                        for (var b = 0; b < p; b++)
                        {
                            info[(k * p) + a, (l * p) + b] += x[a] * x[b] * w;
                        }
                    }
                }
            }
        }

        for (var k = 0; k < m; k++)
        {
            for (var a = 1; a < p; a++)
            {
                info[(k * p) + a, (k * p) + a] += precision;
            }
        }

        return info;
    }

    private static double Objective(double[,] covariates, IReadOnlyList<int> outcomes, double[,] beta, double precision, out double logLikelihood)
    {
        var m = beta.GetLength(0);
        var p = beta.GetLength(1);
        var x = new double[p];
        var prob = new double[m + 1];
        logLikelihood = 0;
        for (var i = 0; i < covariates.GetLength(0); i++)
        {
            Row(covariates, i, x);
            Fill(beta, x, prob);
            logLikelihood += Math.Log(prob[outcomes[i]]);
        }

        double penalty = 0;
        for (var k = 0; k < m; k++)
        {
            for (var a = 1; a < p; a++)
            {
                penalty += beta[k, a] * beta[k, a];
            }
        }

        return logLikelihood - (0.5 * precision * penalty);
    }

    private static void Row(double[,] covariates, int i, double[] x)
    {
        x[0] = 1;
        for (var a = 1; a < x.Length; a++)
        {
            x[a] = covariates[i, a - 1];
        }
    }

    // Softmax with the reference class's linear predictor fixed at 0, shifted by the maximum for stability.
    private static void Fill(double[,] beta, double[] x, double[] prob)
    {
        var m = beta.GetLength(0);
        var max = 0.0;
        for (var k = 0; k < m; k++)
        {
            double eta = 0;
            for (var a = 0; a < x.Length; a++)
            {
                eta += beta[k, a] * x[a];
            }

            prob[k + 1] = eta;
            max = Math.Max(max, eta);
        }

        prob[0] = Math.Exp(-max);
        var sum = prob[0];
        for (var k = 1; k <= m; k++)
        {
            prob[k] = Math.Exp(prob[k] - max);
            sum += prob[k];
        }

        for (var k = 0; k <= m; k++)
        {
            prob[k] /= sum;
        }
    }
}

using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Interregnum.Statistics;

/// <summary>One Cox coefficient. Immutable.</summary>
/// <param name="Name">Covariate.</param>
/// <param name="Estimate">Log hazard ratio β.</param>
/// <param name="StandardError">From the inverse of the observed information at β̂.</param>
/// <param name="HazardRatio">exp(β).</param>
/// <param name="Z">β / SE.</param>
/// <param name="P">Two-sided Wald p-value.</param>
public sealed record CoxCoefficient(string Name, double Estimate, double StandardError, double HazardRatio, double Z, double P);

/// <summary>A fitted Cox model. Immutable.</summary>
/// <param name="Coefficients">One per covariate.</param>
/// <param name="Subjects">Observations.</param>
/// <param name="Events">Events.</param>
/// <param name="LogPartialLikelihood">Log partial likelihood at β̂ (Efron).</param>
/// <param name="NullLogPartialLikelihood">At β = 0.</param>
/// <param name="Iterations">Newton–Raphson iterations.</param>
public sealed record CoxFit(IReadOnlyList<CoxCoefficient> Coefficients, int Subjects, int Events, double LogPartialLikelihood, double NullLogPartialLikelihood, int Iterations)
{
    /// <summary>Likelihood-ratio statistic 2(ℓ(β̂) − ℓ(0)).</summary>
    public double LikelihoodRatio => 2.0 * (LogPartialLikelihood - NullLogPartialLikelihood);
}

/// <summary>
/// Cox proportional-hazards regression by Newton–Raphson on the log partial likelihood, with Efron's
/// approximation for tied event times (R's coxph default), step-halving when a step lowers the likelihood,
/// and convergence when the relative change of the log likelihood is below 1e-9. Linear algebra: MathNet.Numerics.
/// </summary>
public static class CoxRegression
{
    /// <summary>Fits the model.</summary>
    /// <param name="times">Follow-up time per subject.</param>
    /// <param name="events">True for an event, false for censored.</param>
    /// <param name="covariates">Rows = subjects, columns = covariates.</param>
    /// <param name="names">Covariate names (one per column).</param>
    /// <param name="maxIterations">Iteration limit.</param>
    public static CoxFit Fit(IReadOnlyList<double> times, IReadOnlyList<bool> events, double[,] covariates, IReadOnlyList<string> names, int maxIterations = 50)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(names);
        var n = times.Count;
        var p = covariates.GetLength(1);
        if (covariates.GetLength(0) != n || events.Count != n || names.Count != p)
        {
            throw new ArgumentException("times, events, covariate rows and names must agree in size.");
        }

        var x = Matrix<double>.Build.DenseOfArray(covariates);
        var beta = Vector<double>.Build.Dense(p);
        var (loglik, gradient, information) = Evaluate(times, events, x, beta);
        var nullLoglik = loglik;
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            var step = information.Solve(gradient);
            var candidate = beta + step;
            var (newLoglik, newGradient, newInformation) = Evaluate(times, events, x, candidate);
            var halvings = 0;
            while (newLoglik < loglik - 1e-12 && halvings < 30)
            {
                step /= 2.0;
                candidate = beta + step;
                (newLoglik, newGradient, newInformation) = Evaluate(times, events, x, candidate);
                halvings++;
            }

            var converged = Math.Abs(newLoglik - loglik) <= 1e-9 * Math.Max(1.0, Math.Abs(loglik));
            beta = candidate;
            loglik = newLoglik;
            gradient = newGradient;
            information = newInformation;
            if (converged)
            {
                iterations++;
                break;
            }
        }

        var covariance = information.Inverse();
        var coefficients = Enumerable.Range(0, p).Select(j =>
        {
            var se = Math.Sqrt(covariance[j, j]);
            var z = beta[j] / se;
            return new CoxCoefficient(names[j], beta[j], se, Math.Exp(beta[j]), z, 2.0 * (1.0 - Normal.CDF(0.0, 1.0, Math.Abs(z))));
        }).ToList();
        return new CoxFit(coefficients, n, events.Count(e => e), loglik, nullLoglik, iterations);
    }

    /// <summary>Efron log partial likelihood, its gradient and the observed information (negative Hessian).</summary>
    private static (double LogLik, Vector<double> Gradient, Matrix<double> Information) Evaluate(IReadOnlyList<double> times, IReadOnlyList<bool> events, Matrix<double> x, Vector<double> beta)
    {
        var n = times.Count;
        var p = beta.Count;
        var eta = x * beta;
        var loglik = 0.0;
        var gradient = Vector<double>.Build.Dense(p);
        var information = Matrix<double>.Build.Dense(p, p);
        var eventTimes = Enumerable.Range(0, n).Where(i => events[i]).Select(i => times[i]).Distinct().Order();
        foreach (var t in eventTimes)
        {
            // Risk set R(t) = {time ≥ t}; tied events D(t) = {time = t, event}.
            var s0 = 0.0;
            var s1 = Vector<double>.Build.Dense(p);
            var s2 = Matrix<double>.Build.Dense(p, p);
            var d0 = 0.0;
            var d1 = Vector<double>.Build.Dense(p);
            var d2 = Matrix<double>.Build.Dense(p, p);
            var tied = 0;
            for (var i = 0; i < n; i++)
            {
                if (times[i] < t)
                {
                    continue;
                }

                var w = Math.Exp(eta[i]);
                var xi = x.Row(i);
                s0 += w;
                s1 += w * xi;
                s2 += w * xi.OuterProduct(xi);
                if (times[i] == t && events[i])
                {
                    tied++;
                    d0 += w;
                    d1 += w * xi;
                    d2 += w * xi.OuterProduct(xi);
                    loglik += eta[i];
                    gradient += xi;
                }
            }

            for (var r = 0; r < tied; r++)
            {
                var f = r / (double)tied;
                var a0 = s0 - (f * d0);
                var a1 = s1 - (f * d1);
                var a2 = s2 - (f * d2);
                loglik -= Math.Log(a0);
                var mean = a1 / a0;
                gradient -= mean;
                information += (a2 / a0) - mean.OuterProduct(mean);
            }
        }

        return (loglik, gradient, information);
    }
}

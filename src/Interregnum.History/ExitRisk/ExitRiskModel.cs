using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace Interregnum.History.ExitRisk;

/// <summary>
/// The exit-risk model: a discrete-time competing-risks model, a multinomial logit on leader-years with four
/// outcomes (stay, <see cref="ExitManner.Regular"/>, <see cref="ExitManner.Natural"/>, <see cref="ExitManner.Irregular"/>)
/// and the covariates of <see cref="ExitRiskCovariates"/>. An irregular exit is split into coup, killing and other
/// by their shares among the irregular exits it was fitted on. Immutable; thread-safe.
/// </summary>
public sealed class ExitRiskModel
{
    private ExitRiskModel(ExitRiskSpecification specification, MultinomialLogitFit fit, MultinomialLogitFit? irregularFit, BoostedTrees? irregularTrees, int[] kindCounts, int firstYear, int lastYear, int[] outcomeCounts)
    {
        Specification = specification;
        Fit = fit;
        IrregularFit = irregularFit;
        IrregularTrees = irregularTrees;
        KindCounts = kindCounts;
        FirstYear = firstYear;
        LastYear = lastYear;
        OutcomeCounts = outcomeCounts;
    }

    /// <summary>The covariates read and the prior scale.</summary>
    public ExitRiskSpecification Specification { get; }

    /// <summary>The fitted multinomial logit (classes in <see cref="ExitManner"/> order; columns in <see cref="Specification"/> order).</summary>
    public MultinomialLogitFit Fit { get; }

    /// <summary>
    /// The irregular-exit model of its own (a binary logit: irregular exit against every other outcome), when the
    /// specification asks for one (<see cref="ExitRiskSpecification.IrregularPriorScale"/>); else null.
    /// </summary>
    public MultinomialLogitFit? IrregularFit { get; }

    /// <summary>
    /// The boosted trees for irregular exit, when the specification asks for them (<see cref="ExitRiskSpecification.IrregularBoosting"/>);
    /// else null. They carry no parameter uncertainty: forecast intervals hold their probability at its point value.
    /// </summary>
    public BoostedTrees? IrregularTrees { get; }

    /// <summary>Irregular exits in the fitting sample by <see cref="IrregularKind"/> (coup, killing, other).</summary>
    public IReadOnlyList<int> KindCounts { get; }

    /// <summary>Leader-years in the fitting sample by outcome, in <see cref="ExitManner"/> order.</summary>
    public IReadOnlyList<int> OutcomeCounts { get; }

    /// <summary>First window year fitted.</summary>
    public int FirstYear { get; }

    /// <summary>Last window year fitted.</summary>
    public int LastYear { get; }

    /// <summary>Fits the model on the given leader-years (the specification defaults to <see cref="ExitRiskSpecification.Default"/>).</summary>
    /// <exception cref="ArgumentException">No rows, some outcome class never happens (the model cannot be fitted), or an invalid specification.</exception>
    public static ExitRiskModel FitOn(IReadOnlyList<LeaderYear> rows, ExitRiskSpecification? specification = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var spec = specification ?? ExitRiskSpecification.Default;
        if (spec.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(specification));
        }

        if (rows.Count == 0)
        {
            throw new ArgumentException("no leader-years to fit", nameof(rows));
        }

        var p = spec.Covariates.Count;
        var x = new double[rows.Count, p];
        var y = new int[rows.Count];
        var outcomes = new int[4];
        var kinds = new int[3];
        for (var i = 0; i < rows.Count; i++)
        {
            var v = spec.Select(rows[i].Covariates);
            for (var a = 0; a < p; a++)
            {
                x[i, a] = v[a];
            }

            y[i] = (int)rows[i].Outcome;
            outcomes[y[i]]++;
            if (rows[i].Kind is { } kind)
            {
                kinds[(int)kind]++;
            }
        }

        if (outcomes.Any(c => c == 0))
        {
            throw new ArgumentException("every outcome (stay, regular, natural, irregular) must occur at least once", nameof(rows));
        }

        var fit = MultinomialLogit.Fit(x, y, 4, spec.PriorScale);
        var trees = spec.IrregularBoosting is { } boosting
            ? BoostedTrees.Fit(x, y.Select(o => o == (int)ExitManner.Irregular).ToArray(), boosting)
            : null;
        var irregularFit = trees is null && spec.IrregularPriorScale is { } scale
            ? MultinomialLogit.Fit(x, y.Select(o => o == (int)ExitManner.Irregular ? 1 : 0).ToArray(), 2, scale)
            : null;
        return new ExitRiskModel(spec, fit, irregularFit, trees, kinds, rows.Min(r => r.Year), rows.Max(r => r.Year), outcomes);
    }

    /// <summary>
    /// Probabilities of (stay, regular, natural, irregular) within the 12-month window at the fitted coefficients.
    /// The calendar trend is not extrapolated: a year after <see cref="LastYear"/> + 1 is read as <see cref="LastYear"/> + 1.
    /// </summary>
    public double[] YearProbabilities(ExitRiskCovariates covariates)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        var x = Vector(covariates);
        return Combine(Fit.Coefficients, IrregularFit?.Coefficients, x);
    }

    // The shared model's probabilities, or, with an irregular-exit model of its own, its irregular probability and the
    // other outcomes scaled to the rest (their odds against each other as the shared model has them).
    private double[] Combine(double[,] shared, double[,]? irregular, double[] x)
    {
        var p = MultinomialLogit.Probabilities(shared, x);
        if (irregular is null && IrregularTrees is null)
        {
            return p;
        }

        var q = IrregularTrees is { } trees
            ? (trees.Settings.Blend * trees.Predict(x)) + ((1 - trees.Settings.Blend) * (irregular is null ? p[3] : MultinomialLogit.Probabilities(irregular, x)[1]))
            : MultinomialLogit.Probabilities(irregular!, x)[1];
        var scale = (1 - q) / (1 - p[3]);
        return [p[0] * scale, p[1] * scale, p[2] * scale, q];
    }

    /// <summary>The year the trend term reads for a window in <paramref name="year"/>: at most <see cref="LastYear"/> + 1.</summary>
    public int TrendYear(int year) => Math.Min(year, LastYear + 1);

    /// <summary>The values the fitted model reads for a leader (trend year capped by <see cref="TrendYear"/>), in <see cref="Specification"/> order.</summary>
    public double[] Vector(ExitRiskCovariates covariates) => Specification.Select(covariates with { Year = TrendYear(covariates.Year) });

    /// <summary>
    /// Forecast for a sitting leader: the probability of leaving office within 12 and 24 months, by manner, with
    /// intervals from <paramref name="draws"/> simulated coefficient vectors (multivariate normal around the mode
    /// with the fit's covariance, as in King, Tomz and Wittenberg 2000) and kind shares (Dirichlet with the kind
    /// counts + ½). The calendar trend stops at the first year after the data (<see cref="TrendYear"/>): beyond the
    /// data a linear trend in the log-odds is a guess, not an estimate. Month 13–24 uses the covariates a year on (<see cref="ExitRiskCovariates.OneYearLater"/>):
    /// P(exit by manner k within 24 months) = h_k(1) + (1 − Σ_j h_j(1)) · h_k(2).
    /// </summary>
    /// <param name="covariates">The leader on the first day of the window.</param>
    /// <param name="draws">Simulated parameter draws for the intervals (at least 100).</param>
    /// <param name="seed">Seed of the draws (the result depends on it alone).</param>
    /// <param name="level">Central interval level, in (0, 1).</param>
    public ExitRiskForecast Forecast(ExitRiskCovariates covariates, int draws = 2000, int seed = 1, double level = 0.90)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 100);
        if (!(level is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level must lie in (0, 1)");
        }

        var x1 = Vector(covariates);
        var x2 = Vector(covariates.OneYearLater());
        var shares = KindCounts.Select(c => c / (double)Math.Max(1, KindCounts.Sum())).ToArray();
        var point = Horizons(Fit.Coefficients, IrregularFit?.Coefficients, x1, x2, shares);

        var random = new Xoshiro256StarStar(seed);
        var mean = Flatten(Fit.Coefficients);
        var lower = Matrix<double>.Build.DenseOfArray(Fit.Covariance).Cholesky().Factor;
        var irregularMean = IrregularFit is null ? null : Flatten(IrregularFit.Coefficients);
        var irregularLower = IrregularFit is null ? null : Matrix<double>.Build.DenseOfArray(IrregularFit.Covariance).Cholesky().Factor;
        var dirichlet = new Dirichlet(KindCounts.Select(c => c + 0.5).ToArray(), random);
        var samples = new double[draws][];
        var z = new double[mean.Count];
        var rows = Fit.Coefficients.GetLength(0);
        var cols = Fit.Coefficients.GetLength(1);
        for (var d = 0; d < draws; d++)
        {
            Normal.Samples(random, z, 0, 1);
            var beta = lower.Multiply(Vector<double>.Build.DenseOfArray(z)).Add(mean);
            var b = new double[rows, cols];
            for (var k = 0; k < rows; k++)
            {
                for (var a = 0; a < cols; a++)
                {
                    b[k, a] = beta[(k * cols) + a];
                }
            }

            double[,]? bi = null;
            if (irregularMean is not null && irregularLower is not null)
            {
                // The two models are drawn independently (their estimates are correlated only through the shared rows).
                var zi = new double[irregularMean.Count];
                Normal.Samples(random, zi, 0, 1);
                var gamma = irregularLower.Multiply(Vector<double>.Build.DenseOfArray(zi)).Add(irregularMean);
                bi = new double[1, cols];
                for (var a = 0; a < cols; a++)
                {
                    bi[0, a] = gamma[a];
                }
            }

            samples[d] = Horizons(b, bi, x1, x2, dirichlet.Sample());
        }

        var tail = (1 - level) / 2;
        var estimates = new List<ExitRiskEstimate>();
        for (var j = 0; j < point.Length; j++)
        {
            var column = samples.Select(s => s[j]).Order().ToArray();
            var (horizon, manner) = Slots[j];
            estimates.Add(new ExitRiskEstimate(horizon, manner, point[j], Quantile(column, tail), Quantile(column, 1 - tail)));
        }

        return new ExitRiskForecast(covariates, estimates, level, draws, seed, FirstYear, LastYear);
    }

    /// <summary>The (horizon in months, manner) of each estimate, in output order.</summary>
    internal static readonly (int Months, string Manner)[] Slots =
    [
        (12, "any"), (12, "regular"), (12, "natural"), (12, "irregular"), (12, "irregular_coup"), (12, "irregular_killing"), (12, "irregular_other"),
        (24, "any"), (24, "regular"), (24, "natural"), (24, "irregular"), (24, "irregular_coup"), (24, "irregular_killing"), (24, "irregular_other"),
    ];

    private double[] Horizons(double[,] beta, double[,]? irregular, double[] x1, double[] x2, double[] shares)
    {
        var h1 = Combine(beta, irregular, x1);
        var h2 = Combine(beta, irregular, x2);
        var survive = h1[0];
        var c24 = new double[4];
        for (var k = 1; k < 4; k++)
        {
            c24[k] = h1[k] + (survive * h2[k]);
        }

        return
        [
            1 - h1[0], h1[1], h1[2], h1[3], h1[3] * shares[0], h1[3] * shares[1], h1[3] * shares[2],
            c24[1] + c24[2] + c24[3], c24[1], c24[2], c24[3], c24[3] * shares[0], c24[3] * shares[1], c24[3] * shares[2],
        ];
    }

    private static Vector<double> Flatten(double[,] beta)
    {
        var rows = beta.GetLength(0);
        var cols = beta.GetLength(1);
        var v = Vector<double>.Build.Dense(rows * cols);
        for (var k = 0; k < rows; k++)
        {
            for (var a = 0; a < cols; a++)
            {
                v[(k * cols) + a] = beta[k, a];
            }
        }

        return v;
    }

    // Type-7 (linear interpolation) sample quantile of a sorted array.
    internal static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}

/// <summary>One probability of the exit-risk forecast. Immutable.</summary>
/// <param name="HorizonMonths">12 or 24.</param>
/// <param name="Manner">any, regular, natural, irregular, irregular_coup, irregular_killing, irregular_other.</param>
/// <param name="Probability">Probability of leaving office in this manner within the horizon (at the fitted coefficients).</param>
/// <param name="Lower">Lower end of the central interval.</param>
/// <param name="Upper">Upper end.</param>
public sealed record ExitRiskEstimate(int HorizonMonths, string Manner, double Probability, double Lower, double Upper);

/// <summary>A forecast of how likely a leader leaves office, and how. Immutable.</summary>
/// <param name="Covariates">The leader as the model saw them.</param>
/// <param name="Estimates">Per horizon and manner.</param>
/// <param name="Level">Interval level.</param>
/// <param name="Draws">Parameter draws behind the intervals.</param>
/// <param name="Seed">Seed of the draws.</param>
/// <param name="FittedFrom">First window year of the fitting sample.</param>
/// <param name="FittedTo">Last window year of the fitting sample.</param>
public sealed record ExitRiskForecast(ExitRiskCovariates Covariates, IReadOnlyList<ExitRiskEstimate> Estimates, double Level, int Draws, int Seed, int FittedFrom, int FittedTo)
{
    /// <summary>The estimate for a horizon and manner.</summary>
    /// <exception cref="KeyNotFoundException">No such estimate.</exception>
    public ExitRiskEstimate Get(int horizonMonths, string manner) =>
        Estimates.FirstOrDefault(e => e.HorizonMonths == horizonMonths && e.Manner == manner) ?? throw new KeyNotFoundException($"{horizonMonths} months, {manner}");
}

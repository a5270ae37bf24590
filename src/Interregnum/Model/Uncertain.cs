using MathNet.Numerics.Distributions;

namespace Interregnum.Model;

/// <summary>The shape of an <see cref="Uncertain"/> number.</summary>
public enum DistributionKind
{
    /// <summary>A fixed value.</summary>
    Fixed,

    /// <summary>Uniform on [min, max].</summary>
    Uniform,

    /// <summary>Triangular on [min, max] with the given mode.</summary>
    Triangular,

    /// <summary>Normal(mean, sd) truncated to [min, max].</summary>
    Normal,

    /// <summary>Beta(alpha, beta) rescaled from [0, 1] to [min, max].</summary>
    Beta,
}

/// <summary>
/// A number in a scenario that may be uncertain: a fixed value or a distribution.
/// Immutable and thread-safe. Sampling is by inverse CDF (<see cref="Quantile"/>), so a draw is a pure
/// function of a uniform number, which gives common random numbers across shocks and a seed-only result.
/// </summary>
public sealed record Uncertain
{
    private Uncertain(DistributionKind kind, double a, double b, double c, double d)
    {
        Kind = kind;
        A = a;
        B = b;
        C = c;
        D = d;
    }

    /// <summary>The distribution's shape.</summary>
    public DistributionKind Kind { get; }

    // Parameters, by kind: Fixed (value); Uniform (min, max); Triangular (min, mode, max);
    // Normal (mean, sd, min, max); Beta (alpha, beta, min, max).
    private double A { get; }

    private double B { get; }

    private double C { get; }

    private double D { get; }

    /// <summary>True when the number is not uncertain.</summary>
    public bool IsFixed => Kind == DistributionKind.Fixed;

    /// <summary>A fixed value.</summary>
    public static Uncertain Fixed(double value) => new(DistributionKind.Fixed, value, 0, 0, 0);

    /// <summary>Uniform on [min, max]; requires min &lt; max.</summary>
    public static Uncertain Uniform(double min, double max)
    {
        Require(min < max, "uniform needs min < max");
        return new(DistributionKind.Uniform, min, max, 0, 0);
    }

    /// <summary>Triangular on [min, max] with mode in [min, max]; requires min &lt; max.</summary>
    public static Uncertain Triangular(double min, double mode, double max)
    {
        Require(min < max && mode >= min && mode <= max, "triangular needs min <= mode <= max and min < max");
        return new(DistributionKind.Triangular, min, mode, max, 0);
    }

    /// <summary>Normal(mean, sd) truncated to [min, max]; requires sd &gt; 0 and min &lt; max.</summary>
    public static Uncertain Normal(double mean, double sd, double min, double max)
    {
        Require(sd > 0 && min < max, "normal needs sd > 0 and min < max");
        Require(Math.Abs(MathNet.Numerics.Distributions.Normal.CDF(mean, sd, max) - MathNet.Numerics.Distributions.Normal.CDF(mean, sd, min)) > 1e-12,
            "normal has (almost) no mass inside its bounds");
        return new(DistributionKind.Normal, mean, sd, min, max);
    }

    /// <summary>Beta(alpha, beta) on [min, max]; requires alpha, beta &gt; 0 and min &lt; max.</summary>
    public static Uncertain Beta(double alpha, double beta, double min, double max)
    {
        Require(alpha > 0 && beta > 0 && min < max, "beta needs alpha > 0, beta > 0 and min < max");
        return new(DistributionKind.Beta, alpha, beta, min, max);
    }

    /// <summary>The smallest value the number can take.</summary>
    public double Min => Kind switch
    {
        DistributionKind.Fixed => A,
        DistributionKind.Uniform or DistributionKind.Triangular => A,
        _ => C,
    };

    /// <summary>The largest value the number can take.</summary>
    public double Max => Kind switch
    {
        DistributionKind.Fixed => A,
        DistributionKind.Uniform => B,
        DistributionKind.Triangular => C,
        _ => D,
    };

    /// <summary>The point value used by a deterministic run: the value, or the distribution's median.</summary>
    /// <remarks>The median (not the mean) so that a point run and the Monte Carlo median agree for monotone models.</remarks>
    public double Point => Kind == DistributionKind.Fixed ? A : Quantile(0.5);

    /// <summary>The mean of the (truncated) distribution.</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Fixed => A,
        DistributionKind.Uniform => (A + B) / 2,
        DistributionKind.Triangular => (A + B + C) / 3,
        DistributionKind.Beta => C + ((D - C) * A / (A + B)),
        _ => TruncatedNormalMean(),
    };

    /// <summary>The value at cumulative probability <paramref name="u"/> in [0, 1] (inverse CDF).</summary>
    public double Quantile(double u)
    {
        u = Math.Clamp(u, 0.0, 1.0);
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return A;
            case DistributionKind.Uniform:
                return A + ((B - A) * u);
            case DistributionKind.Triangular:
            {
                double min = A, mode = B, max = C;
                var fc = (mode - min) / (max - min);
                return u < fc
                    ? min + Math.Sqrt(u * (max - min) * (mode - min))
                    : max - Math.Sqrt((1 - u) * (max - min) * (max - mode));
            }

            case DistributionKind.Normal:
            {
                var lo = MathNet.Numerics.Distributions.Normal.CDF(A, B, C);
                var hi = MathNet.Numerics.Distributions.Normal.CDF(A, B, D);
                var p = lo + (u * (hi - lo));
                var x = MathNet.Numerics.Distributions.Normal.InvCDF(A, B, Math.Clamp(p, 1e-300, 1 - 1e-16));
                return Math.Clamp(x, C, D);
            }

            default:
            {
                var x = u <= 0 ? 0 : u >= 1 ? 1 : MathNet.Numerics.Distributions.Beta.InvCDF(A, B, u);
                return C + ((D - C) * x);
            }
        }
    }

    /// <summary>A short text form, as written in a scenario file (e.g. <c>uniform(70, 90)</c>).</summary>
    public override string ToString() => Kind switch
    {
        DistributionKind.Fixed => F(A),
        DistributionKind.Uniform => $"uniform({F(A)}, {F(B)})",
        DistributionKind.Triangular => $"triangular({F(A)}, {F(B)}, {F(C)})",
        DistributionKind.Normal => $"normal({F(A)}, {F(B)}, {F(C)}, {F(D)})",
        _ => $"beta({F(A)}, {F(B)}, {F(C)}, {F(D)})",
    };

    /// <summary>The distribution's parameters in the order its text form lists them.</summary>
    public IReadOnlyList<double> Parameters => Kind switch
    {
        DistributionKind.Fixed => [A],
        DistributionKind.Uniform => [A, B],
        DistributionKind.Triangular => [A, B, C],
        _ => [A, B, C, D],
    };

    private static string F(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private double TruncatedNormalMean()
    {
        var alpha = (C - A) / B;
        var beta = (D - A) / B;
        var z = MathNet.Numerics.Distributions.Normal.CDF(0, 1, beta) - MathNet.Numerics.Distributions.Normal.CDF(0, 1, alpha);
        return A + (B * (MathNet.Numerics.Distributions.Normal.PDF(0, 1, alpha) - MathNet.Numerics.Distributions.Normal.PDF(0, 1, beta)) / z);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

using System.Globalization;

namespace Interregnum.Bargaining;

/// <summary>
/// The input of a spatial bargaining game: actors with a capability, and per issue dimension a position
/// and a salience, both on KTAB's 0–100 scale. Arrays are flat and row-major (actor × dimension).
/// Scenario-agnostic: a KTAB CSV, a scenario file or a Monte Carlo draw can all produce one.
/// Validated on construction (<see cref="ArgumentException"/> names the offending actor and dimension);
/// immutable by convention (the arrays are copied in) and thread-safe to read.
/// </summary>
public sealed record SmpInput
{
    /// <summary>Builds and validates an input.</summary>
    /// <param name="actorNames">One name per actor (n ≥ 2).</param>
    /// <param name="dimensionNames">One name per issue dimension (D ≥ 1).</param>
    /// <param name="capability">Capability c_i &gt; 0 per actor, any scale.</param>
    /// <param name="positions0To100">Positions, n × D row-major, each in [0, 100].</param>
    /// <param name="saliences0To100">Saliences, n × D row-major, each in [0, 100]; per actor the sum is in (0, 100].</param>
    /// <param name="accommodation">Optional n × n accommodation matrix A (row sums ≤ 1; default identity).</param>
    public SmpInput(
        IReadOnlyList<string> actorNames,
        IReadOnlyList<string> dimensionNames,
        IReadOnlyList<double> capability,
        IReadOnlyList<double> positions0To100,
        IReadOnlyList<double> saliences0To100,
        IReadOnlyList<double>? accommodation = null)
    {
        ArgumentNullException.ThrowIfNull(actorNames);
        ArgumentNullException.ThrowIfNull(dimensionNames);
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentNullException.ThrowIfNull(positions0To100);
        ArgumentNullException.ThrowIfNull(saliences0To100);
        int n = actorNames.Count;
        int d = dimensionNames.Count;
        if (n < 2)
        {
            throw new ArgumentException($"A bargaining game needs at least 2 actors; found {n}.", nameof(actorNames));
        }

        if (d < 1)
        {
            throw new ArgumentException("A bargaining game needs at least 1 dimension.", nameof(dimensionNames));
        }

        Require(capability.Count == n, nameof(capability), $"has {capability.Count} entries; expected one per actor ({n}).");
        Require(positions0To100.Count == n * d, nameof(positions0To100), $"has {positions0To100.Count} entries; expected actors × dimensions ({n} × {d}).");
        Require(saliences0To100.Count == n * d, nameof(saliences0To100), $"has {saliences0To100.Count} entries; expected actors × dimensions ({n} × {d}).");
        ActorNames = [.. actorNames];
        DimensionNames = [.. dimensionNames];
        Capability = [.. capability];
        Positions = [.. positions0To100];
        Saliences = [.. saliences0To100];
        for (int i = 0; i < n; i++)
        {
            double c = Capability[i];
            Require(double.IsFinite(c) && c > 0, nameof(capability), $"actor '{ActorNames[i]}': capability must be positive and finite; found {F(c)}.");
            double total = 0;
            for (int k = 0; k < d; k++)
            {
                double x = Positions[(i * d) + k];
                double s = Saliences[(i * d) + k];
                Require(double.IsFinite(x) && x >= 0 && x <= 100, nameof(positions0To100), $"actor '{ActorNames[i]}', dimension '{DimensionNames[k]}': position must be in [0, 100]; found {F(x)}.");
                Require(double.IsFinite(s) && s >= 0 && s <= 100, nameof(saliences0To100), $"actor '{ActorNames[i]}', dimension '{DimensionNames[k]}': salience must be in [0, 100]; found {F(s)}.");
                total += s;
            }

            Require(total > 0 && total <= 100 + 1e-9, nameof(saliences0To100), $"actor '{ActorNames[i]}': saliences must sum to more than 0 and at most 100; they sum to {F(total)}.");
        }

        if (accommodation is not null)
        {
            Require(accommodation.Count == n * n, nameof(accommodation), $"has {accommodation.Count} entries; expected actors × actors ({n} × {n}).");
            Accommodation = [.. accommodation];
            for (int i = 0; i < n; i++)
            {
                double row = 0;
                for (int j = 0; j < n; j++)
                {
                    double a = Accommodation[(i * n) + j];
                    Require(double.IsFinite(a) && a >= 0 && a <= 1, nameof(accommodation), $"entry ({i}, {j}) must be in [0, 1]; found {F(a)}.");
                    row += a;
                }

                Require(row <= 1 + 1e-10, nameof(accommodation), $"row {i} ('{ActorNames[i]}') sums to {F(row)}; at most 1 is allowed.");
            }
        }
    }

    /// <summary>Builds an input from rectangular arrays [actor, dimension].</summary>
    /// <param name="actorNames">One name per actor.</param>
    /// <param name="dimensionNames">One name per dimension.</param>
    /// <param name="capability">Capability per actor.</param>
    /// <param name="positions0To100">Positions [actor, dimension] on 0–100.</param>
    /// <param name="saliences0To100">Saliences [actor, dimension] on 0–100.</param>
    /// <returns>The validated input.</returns>
    public static SmpInput FromMatrices(
        IReadOnlyList<string> actorNames,
        IReadOnlyList<string> dimensionNames,
        IReadOnlyList<double> capability,
        double[,] positions0To100,
        double[,] saliences0To100)
    {
        ArgumentNullException.ThrowIfNull(positions0To100);
        ArgumentNullException.ThrowIfNull(saliences0To100);
        return new SmpInput(actorNames, dimensionNames, capability, Flatten(positions0To100), Flatten(saliences0To100));
    }

    /// <summary>Actor names, in input order.</summary>
    public string[] ActorNames { get; }

    /// <summary>Dimension names, in input order.</summary>
    public string[] DimensionNames { get; }

    /// <summary>Capability per actor (raw scale).</summary>
    public double[] Capability { get; }

    /// <summary>Positions on 0–100, actor × dimension row-major.</summary>
    public double[] Positions { get; }

    /// <summary>Saliences on 0–100, actor × dimension row-major.</summary>
    public double[] Saliences { get; }

    /// <summary>Accommodation matrix (actor × actor), or null for the identity.</summary>
    public double[]? Accommodation { get; }

    /// <summary>Number of actors.</summary>
    public int ActorCount => ActorNames.Length;

    /// <summary>Number of dimensions.</summary>
    public int DimensionCount => DimensionNames.Length;

    /// <summary>Position of an actor on a dimension (0–100).</summary>
    /// <param name="actor">Actor index.</param>
    /// <param name="dimension">Dimension index.</param>
    /// <returns>The position.</returns>
    public double Position(int actor, int dimension) => Positions[(actor * DimensionCount) + dimension];

    /// <summary>Salience of a dimension to an actor (0–100).</summary>
    /// <param name="actor">Actor index.</param>
    /// <param name="dimension">Dimension index.</param>
    /// <returns>The salience.</returns>
    public double Salience(int actor, int dimension) => Saliences[(actor * DimensionCount) + dimension];

    /// <summary>The one-dimensional game of one dimension (same actors and capabilities).</summary>
    /// <param name="dimension">Dimension index.</param>
    /// <returns>A one-dimensional input.</returns>
    public SmpInput Dimension(int dimension)
    {
        int n = ActorCount;
        var x = new double[n];
        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Position(i, dimension);
            s[i] = Salience(i, dimension);
        }

        return new SmpInput(ActorNames, [DimensionNames[dimension]], Capability, x, s);
    }

    private static double[] Flatten(double[,] m)
    {
        int r = m.GetLength(0);
        int c = m.GetLength(1);
        var flat = new double[r * c];
        for (int i = 0; i < r; i++)
        {
            for (int k = 0; k < c; k++)
            {
                flat[(i * c) + k] = m[i, k];
            }
        }

        return flat;
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void Require(bool condition, string parameter, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(parameter + ": " + message, parameter);
        }
    }
}

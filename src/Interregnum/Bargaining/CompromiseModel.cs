namespace Interregnum.Bargaining;

/// <summary>The compromise model's forecast on one dimension.</summary>
/// <param name="Dimension">Dimension index.</param>
/// <param name="Forecast">Σ c_i s_i x_i / Σ c_i s_i on the input's scale, moved toward the reference point when one is given.</param>
/// <param name="WeightedMean">The plain capability × salience weighted mean.</param>
/// <param name="ReferencePoint">The reference point (status quo) used, or null.</param>
public sealed record CompromiseForecast(int Dimension, double Forecast, double WeightedMean, double? ReferencePoint);

/// <summary>
/// The compromise model of the DEU literature: the capability × salience weighted mean of the positions
/// (bargaining.md §2.2 and §6), the baseline every other model is compared against. With a reference point
/// (status quo) R, the point forecast is the weighted mean over the actors and the reference point, the
/// reference point carrying weight <c>referenceWeight</c> × Σ c_i s_i (default 0: no reference point).
/// Pure and thread-safe.
/// </summary>
public static class CompromiseModel
{
    /// <summary>The forecast on every dimension.</summary>
    /// <param name="input">The game (saliences on 0–100).</param>
    /// <param name="referencePoints">Optional reference point per dimension (same scale as positions).</param>
    /// <param name="referenceWeight">Weight of the reference point as a share of the actors' total weight (≥ 0).</param>
    /// <returns>One forecast per dimension.</returns>
    public static IReadOnlyList<CompromiseForecast> Forecast(SmpInput input, IReadOnlyList<double>? referencePoints = null, double referenceWeight = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(referenceWeight);
        if (referencePoints is not null && referencePoints.Count != input.DimensionCount)
        {
            throw new ArgumentException($"referencePoints has {referencePoints.Count} entries; expected one per dimension ({input.DimensionCount}).", nameof(referencePoints));
        }

        var result = new List<CompromiseForecast>(input.DimensionCount);
        for (int k = 0; k < input.DimensionCount; k++)
        {
            double num = 0;
            double den = 0;
            for (int i = 0; i < input.ActorCount; i++)
            {
                double w = input.Capability[i] * input.Salience(i, k);
                num += w * input.Position(i, k);
                den += w;
            }

            double mean = num / den;
            double? reference = referencePoints?[k];
            double forecast = reference is { } rp && referenceWeight > 0
                ? (num + (referenceWeight * den * rp)) / (den * (1 + referenceWeight))
                : mean;
            result.Add(new CompromiseForecast(k, forecast, mean, reference));
        }

        return result;
    }
}

namespace Interregnum.Simulation;

/// <summary>
/// Policy after the contest: the post-shock elite (present actors with positive settled-phase capability, the
/// winner holding the office) bargains on the issue dimensions with the chosen model. The forecast on each
/// dimension is the capability × salience weighted mean of the final positions (for the compromise model, of
/// the initial ones; for the expected-utility model, the final weighted median).
/// </summary>
internal static class PolicyBargaining
{
    public static double[] Forecast(PolicyModel model, RegimeState st, bool[] present, double[] capability)
    {
        return model switch
        {
            PolicyModel.Compromise => WeightedMean(st, present, capability, st.Position),
            _ => throw new NotSupportedException($"policy model {model} is not wired yet"),
        };
    }

    /// <summary>Σ c_a s_ad x_ad / Σ c_a s_ad over present actors, per dimension (plain mean of positions if no weight).</summary>
    internal static double[] WeightedMean(RegimeState st, bool[] present, double[] capability, double[] positions)
    {
        var d = st.D;
        var result = new double[d];
        for (var k = 0; k < d; k++)
        {
            double num = 0, den = 0, plain = 0;
            var count = 0;
            for (var a = 0; a < st.N; a++)
            {
                if (!present[a])
                {
                    continue;
                }

                var w = Math.Max(0, capability[a]) * st.Salience[(a * d) + k];
                num += w * positions[(a * d) + k];
                den += w;
                plain += positions[(a * d) + k];
                count++;
            }

            result[k] = den > 0 ? num / den : plain / Math.Max(1, count);
        }

        return result;
    }
}

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
            PolicyModel.Smp => Smp(st, present, capability, expectedUtility: false),
            PolicyModel.Eu => Smp(st, present, capability, expectedUtility: true),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "unknown policy model"),
        };
    }

    /// <summary>
    /// KTAB's SMP with its default parameters over the actors who can take part (present, positive capability,
    /// positive total salience; KTAB cannot weigh the others); with fewer than two such actors, the compromise.
    /// Runs serially: the Monte Carlo parallelises over draws. With <paramref name="expectedUtility"/>, the same
    /// actors play the expected-utility model (Scholz-code reading) on each dimension instead, and the forecast is
    /// the final round's weighted median.
    /// </summary>
    private static double[] Smp(RegimeState st, bool[] present, double[] capability, bool expectedUtility)
    {
        int d = st.D;
        var members = new List<int>();
        for (var a = 0; a < st.N; a++)
        {
            double sal = 0;
            for (var k = 0; k < d; k++)
            {
                sal += st.Salience[(a * d) + k];
            }

            if (present[a] && capability[a] > 0 && sal > 0)
            {
                members.Add(a);
            }
        }

        if (members.Count < 2)
        {
            return WeightedMean(st, present, capability, st.Position);
        }

        var names = new string[members.Count];
        var caps = new double[members.Count];
        var pos = new double[members.Count * d];
        var sals = new double[members.Count * d];
        for (var m = 0; m < members.Count; m++)
        {
            var a = members[m];
            names[m] = a.ToString(System.Globalization.CultureInfo.InvariantCulture);
            caps[m] = capability[a];
            Array.Copy(st.Position, a * d, pos, m * d, d);
            Array.Copy(st.Salience, a * d, sals, m * d, d);
        }

        var dims = new string[d];
        for (var k = 0; k < d; k++)
        {
            dims[k] = k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var input = new Bargaining.SmpInput(names, dims, caps, pos, sals);
        var forecast = new double[d];
        if (expectedUtility)
        {
            for (var k = 0; k < d; k++)
            {
                forecast[k] = Bargaining.ExpectedUtilityModel.Run(input, k, Bargaining.ExpectedUtilityOptions.ScholzCode).Rounds[^1].Median;
            }

            return forecast;
        }

        // Only where bargaining ends is needed, once per draw: no history, no per-state probabilities.
        var final = new double[members.Count * d];
        Bargaining.SpatialModelOfPolitics.RunFinalPositions(input, null, final);
        for (var k = 0; k < d; k++)
        {
            double num = 0, den = 0, plain = 0;
            for (var m = 0; m < members.Count; m++)
            {
                var x = final[(m * d) + k];
                var w = caps[m] * sals[(m * d) + k];
                num += w * x;
                den += w;
                plain += x;
            }

            forecast[k] = den > 0 ? num / den : plain / members.Count;
        }

        return forecast;
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

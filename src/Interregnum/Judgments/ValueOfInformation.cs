using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Judgments;

/// <summary>Where the leading candidate changes as one input moves (other inputs integrated out).</summary>
/// <param name="Quantile">Where on the input's distribution the change happens, in (0, 1).</param>
/// <param name="Value">The input's value there, in the input's own units.</param>
/// <param name="Above">True: the new leader leads when the input is above <paramref name="Value"/>; false: below.</param>
/// <param name="NewLeader">Candidate id that leads beyond the value.</param>
public sealed record LeaderSwitch(double Quantile, double Value, bool Above, string NewLeader);

/// <summary>Value of learning one uncertain input exactly, on the headline question "who prevails".</summary>
/// <param name="Input">Input path.</param>
/// <param name="LogScore">EVPPI on the expected log score of the winner forecast, in nats (≥ 0).</param>
/// <param name="NamedLeader">EVPPI on naming one candidate as the likely winner: the gain in the probability of naming the right one (0–1).</param>
/// <param name="Switches">Values of the input at which the leading candidate changes (empty: none within its range).</param>
public sealed record InputValueOfInformation(string Input, double LogScore, double NamedLeader, IReadOnlyList<LeaderSwitch> Switches);

/// <summary>The value of information of a winner forecast.</summary>
/// <param name="Leader">Candidate id with the highest mean probability.</param>
/// <param name="EvpiLogScore">Value of learning every uncertain input, on the log score, in nats: H(p̄) − mean H(pᵢ).</param>
/// <param name="EvpiNamedLeader">Value of learning every input on naming the winner: mean maxᶜ pᵢᶜ − maxᶜ p̄ᶜ.</param>
/// <param name="Bins">Bins of the single-input estimator.</param>
/// <param name="NoiseFloorLogScore">The estimator's value for a pseudo-input that carries no information (draws binned in a fixed random order): log-score EVPPIs near or below it are noise.</param>
/// <param name="Inputs">Per input, highest log-score EVPPI first.</param>
public sealed record WinnerValueOfInformation(string Leader, double EvpiLogScore, double EvpiNamedLeader, int Bins, double NoiseFloorLogScore, IReadOnlyList<InputValueOfInformation> Inputs);

/// <summary>
/// Expected value of perfect (EVPI) and of partial perfect information (EVPPI) on the winner forecast, computed from
/// the Monte Carlo sample alone (no extra runs).
/// <para>
/// Decision and utility. Two readings of "what the forecast is for": (1) issuing a probability for each candidate,
/// scored by the log score, where the best report is the conditional mean probability and the expected score is
/// minus its entropy, so EVPPI(X) = H(p̄) − E_X[H(E[p | X])] (nats; it is the mutual information between the winner
/// and X); (2) naming one candidate, worth 1 if right, so EVPPI(X) = E_X[maxᶜ E[pᶜ | X]] − maxᶜ p̄ᶜ.
/// </para>
/// <para>
/// Estimator: Strong &amp; Oakley's (2013) single-parameter method: sort the draws on the input, cut them into B
/// equal-count bins (B = ⌊√N⌋, between 2 and 50, as the sensitivity indices), take each bin's mean probabilities as
/// E[p | X in the bin], and average the bin's value of the best decision. Noise in the bin means biases the
/// estimate upward by a small amount (of order B·C / N nats); <see cref="WinnerValueOfInformation.NoiseFloorLogScore"/>
/// measures it on a pseudo-input that carries no information. The value at which the lead changes is read on
/// deciles of the input and must hold to the end of the input's range, so noise between close candidates is not
/// read as a change.
/// EVPI needs no binning: each draw's probabilities already condition on every input.
/// Strong M, Oakley JE (2013), "An efficient method for computing single-parameter partial expected value of perfect
/// information", Medical Decision Making 33(6):755–766.
/// </para>
/// </summary>
public static class ValueOfInformation
{
    /// <summary>EVPI and per-input EVPPI for a simulation result, using the draws' own random numbers.</summary>
    public static WinnerValueOfInformation ForWinner(Scenario scenario, SimulationResult result, IReadOnlyList<UncertainInput> inputs)
    {
        var n = result.Outcomes.Count;
        var p = new double[n][];
        for (var i = 0; i < n; i++)
        {
            p[i] = result.Outcomes[i].CandidateProbabilities;
        }

        var x = new double[inputs.Count][];
        for (var k = 0; k < inputs.Count; k++)
        {
            var key = CounterRandom.StreamKey(inputs[k].Path);
            x[k] = new double[n];
            for (var i = 0; i < n; i++)
            {
                x[k][i] = CounterRandom.Uniform(result.Seed, result.Outcomes[i].Draw, key);
            }
        }

        return Compute(scenario.Candidates.Select(c => c.Id).ToList(), p, inputs, x);
    }

    /// <summary>EVPI and per-input EVPPI from per-draw candidate probabilities and the inputs' per-draw uniforms.</summary>
    /// <param name="candidates">Candidate ids, in the order of the probability vectors.</param>
    /// <param name="probabilities">Per draw, each candidate's probability (each vector sums to at most 1).</param>
    /// <param name="inputs">The inputs (their distributions turn a uniform into a value).</param>
    /// <param name="uniforms">Per input, per draw, the uniform number the input was drawn from (its quantile).</param>
    public static WinnerValueOfInformation Compute(IReadOnlyList<string> candidates, double[][] probabilities, IReadOnlyList<UncertainInput> inputs, double[][] uniforms)
    {
        var n = probabilities.Length;
        var c = candidates.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 10, nameof(probabilities));
        var mean = MeanOf(probabilities, Enumerable.Range(0, n), c);
        var leader = ArgMax(mean);
        double meanEntropy = 0, meanMax = 0;
        foreach (var row in probabilities)
        {
            meanEntropy += Entropy(row);
            meanMax += row.Max();
        }

        meanEntropy /= n;
        meanMax /= n;
        var bins = Math.Clamp((int)Math.Sqrt(n), 2, 50);
        var list = new List<InputValueOfInformation>();
        for (var k = 0; k < inputs.Count; k++)
        {
            list.Add(Partial(inputs[k], uniforms[k], probabilities, candidates, mean, leader, bins));
        }

        // A pseudo-input independent of everything: a fixed hash of the draw's position. Binning on it measures how
        // much the estimator finds where there is nothing to find.
        var noise = new double[n];
        var noiseKey = CounterRandom.StreamKey("__evppi_noise__");
        for (var i = 0; i < n; i++)
        {
            noise[i] = CounterRandom.Uniform(0, i, noiseKey);
        }

        var floor = Partial(new UncertainInput("__noise__", Uncertain.Uniform(0, 1)), noise, probabilities, candidates, mean, leader, bins).LogScore;
        return new WinnerValueOfInformation(
            candidates[leader],
            Math.Max(0, Entropy(mean) - meanEntropy),
            Math.Max(0, meanMax - mean[leader]),
            bins,
            floor,
            list.OrderByDescending(v => v.LogScore).ThenBy(v => v.Input, StringComparer.Ordinal).ToList());
    }

    private static InputValueOfInformation Partial(UncertainInput input, double[] x, double[][] p, IReadOnlyList<string> candidates, double[] mean, int leader, int bins)
    {
        var n = p.Length;
        var order = Enumerable.Range(0, n).OrderBy(i => x[i]).ThenBy(i => i).ToArray();
        double entropy = 0, best = 0;
        var binLeader = new int[bins];
        for (var b = 0; b < bins; b++)
        {
            int lo = b * n / bins, hi = (b + 1) * n / bins;
            var m = MeanOf(p, order[lo..hi], mean.Length);
            var weight = (hi - lo) / (double)n;
            entropy += weight * Entropy(m);
            binLeader[b] = ArgMax(m);
            best += weight * m[binLeader[b]];
        }

        return new InputValueOfInformation(input.Path, Math.Max(0, Entropy(mean) - entropy), Math.Max(0, best - mean[leader]), Switches(input, x, order, p, candidates, leader));
    }

    /// <summary>
    /// Where the lead changes, on deciles of the input (coarser than the value bins, so bin noise between two close
    /// candidates is not read as a change): walking from the median outward, the first decile boundary beyond which
    /// one and the same other candidate leads in every decile to the end of the range (at least two deciles).
    /// </summary>
    private static List<LeaderSwitch> Switches(UncertainInput input, double[] x, int[] order, double[][] p, IReadOnlyList<string> candidates, int leader)
    {
        const int deciles = 10;
        var n = p.Length;
        var binLeader = new int[deciles];
        for (var b = 0; b < deciles; b++)
        {
            binLeader[b] = ArgMax(MeanOf(p, order[(b * n / deciles)..((b + 1) * n / deciles)], candidates.Count));
        }

        var switches = new List<LeaderSwitch>();
        for (var b = deciles / 2; b <= deciles - 2; b++)
        {
            if (binLeader[b - 1] == leader && binLeader[b] != leader && binLeader[b..].All(l => l == binLeader[b]))
            {
                switches.Add(Switch(input, x, order, b * n / deciles, above: true, candidates[binLeader[b]]));
                break;
            }
        }

        for (var b = (deciles / 2) - 1; b >= 1; b--)
        {
            if (binLeader[b + 1] == leader && binLeader[b] != leader && binLeader[..(b + 1)].All(l => l == binLeader[b]))
            {
                switches.Add(Switch(input, x, order, (b + 1) * n / deciles, above: false, candidates[binLeader[b]]));
                break;
            }
        }

        return switches;
    }

    /// <summary>The switch at the boundary before sorted position <paramref name="at"/>: halfway between the neighbouring draws' quantiles.</summary>
    private static LeaderSwitch Switch(UncertainInput input, double[] x, int[] order, int at, bool above, string newLeader)
    {
        var q = (x[order[at - 1]] + x[order[at]]) / 2;
        return new LeaderSwitch(q, input.Value.Quantile(q), above, newLeader);
    }

    private static double[] MeanOf(double[][] p, IEnumerable<int> rows, int c)
    {
        var m = new double[c];
        var count = 0;
        foreach (var i in rows)
        {
            for (var j = 0; j < c; j++)
            {
                m[j] += p[i][j];
            }

            count++;
        }

        for (var j = 0; j < c; j++)
        {
            m[j] /= count;
        }

        return m;
    }

    /// <summary>The index of the largest value, the first on ties.</summary>
    internal static int ArgMax(double[] v)
    {
        var best = 0;
        for (var j = 1; j < v.Length; j++)
        {
            if (v[j] > v[best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>Shannon entropy in nats, with 0 · ln 0 = 0.</summary>
    internal static double Entropy(double[] p)
    {
        double h = 0;
        foreach (var q in p)
        {
            if (q > 0)
            {
                h -= q * Math.Log(q);
            }
        }

        return h;
    }
}

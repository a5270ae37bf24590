using System.Runtime.Intrinsics;

namespace Interregnum.Bargaining;

/// <summary>How an actor turns a difference in utility between two options into a vote (KTAB <c>Model::vote</c>).</summary>
public enum VotingRule
{
    /// <summary>w·clip(Δ/1e-8, −1, 1): all or nothing, with a tiny linear ramp.</summary>
    Binary,

    /// <summary>w·(0.8Δ + 0.2·binary).</summary>
    PropBin,

    /// <summary>w·Δ, KTAB's default.</summary>
    Prop,

    /// <summary>w·(0.5Δ + 0.5Δ³).</summary>
    PropCbc,

    /// <summary>w·Δ³.</summary>
    Cubic,

    /// <summary>w·Δ for a loss (Δ &lt; 0), 2wΔ/3 for a gain (prospect-theory asymmetry).</summary>
    ASymProsp,
}

/// <summary>How coalition strengths become a probability of victory (KTAB <c>Model::vProb</c>).</summary>
public enum VictoryProbabilityModel
{
    /// <summary>p = C_ij / (C_ij + C_ji), KTAB's default.</summary>
    Linear,

    /// <summary>The same ratio with squared strengths.</summary>
    Square,

    /// <summary>The same ratio with strengths to the fourth power.</summary>
    Quartic,

    /// <summary>The same ratio with strengths to the eighth power.</summary>
    Octic,

    /// <summary>Certain victory for a 10% advantage, linear interpolation in between.</summary>
    Binary,
}

/// <summary>How pairwise victory probabilities become one probability per option (KTAB <c>Model::probCE2</c>).</summary>
public enum PceModel
{
    /// <summary>P_i ∝ Π_j p_ij (p_ii = 0.5 included), normalised: KTAB's default.</summary>
    Conditional,

    /// <summary>Markov chain whose challenges are weighted by incentive C_ij·p_ij (tolerance 1e-8).</summary>
    MarkovIncentive,

    /// <summary>Markov chain with uniformly likely challenges (tolerance 1e-6).</summary>
    MarkovUniform,
}

/// <summary>
/// The outcome of one probabilistic Condorcet election: coalition strengths, pairwise victory
/// probabilities (both options × options, row-major) and the probability of each option.
/// Immutable by convention; thread-safe to read.
/// </summary>
/// <param name="Options">Number of options.</param>
/// <param name="Coalitions">C[i·options + j]: strength of the coalition preferring option i to option j (1e-8 floor).</param>
/// <param name="Victory">p[i·options + j]: probability that option i beats option j; p_ii = 0.5.</param>
/// <param name="Probabilities">Probability that each option prevails; sums to 1.</param>
public sealed record CondorcetElection(int Options, double[] Coalitions, double[] Victory, double[] Probabilities);

/// <summary>
/// The probabilistic Condorcet election (PCE) of KTAB (<c>kmodel.cpp</c>): votes, coalitions, victory
/// probabilities and option probabilities. Used by the SMP for risk inference, bargain choice and reported
/// probabilities, and usable by any contest over a set of options (for example candidates) given a
/// utility matrix (voters × options) and voter weights. Every method is pure and thread-safe; the span
/// overloads allocate nothing. Arithmetic follows KTAB's order of operations so that results agree with
/// KTAB to the last bit.
/// </summary>
public static class ProbabilisticCondorcet
{
    /// <summary>The floor of every coalition strength (KTAB <c>minC</c>).</summary>
    public const double MinimumCoalition = 1e-8;

    private const int MaximumMarkovIterations = 1000;

    /// <summary>The vote of an actor with weight <paramref name="weight"/> for option i over option j.</summary>
    /// <param name="rule">The voting rule.</param>
    /// <param name="weight">The voter's weight (&gt; 0).</param>
    /// <param name="utilityOfI">The voter's utility of option i.</param>
    /// <param name="utilityOfJ">The voter's utility of option j.</param>
    /// <returns>Positive for i, negative for j.</returns>
    public static double Vote(VotingRule rule, double weight, double utilityOfI, double utilityOfJ)
    {
        double du = utilityOfI - utilityOfJ;
        switch (rule)
        {
            case VotingRule.Prop:
                return weight * du;
            case VotingRule.Binary:
                return weight * Binary(du);
            case VotingRule.PropBin:
                return weight * (((1 - 0.2) * du) + (0.2 * Binary(du)));
            case VotingRule.PropCbc:
                return weight * (((1 - 0.5) * du) + (0.5 * (du * du * du)));
            case VotingRule.Cubic:
                return weight * (du * du * du);
            case VotingRule.ASymProsp:
                if (du < 0.0)
                {
                    return weight * du;
                }

                return du > 0.0 ? 2.0 * weight * du / 3.0 : 0.0;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown voting rule.");
        }

        static double Binary(double du)
        {
            double r = du / 1e-8;
            r = r > 1 ? 1 : r;
            return r < -1 ? -1 : r;
        }
    }

    /// <summary>Probabilities that side 1 and side 2 win, given their strengths (KTAB <c>Model::vProb</c>).</summary>
    /// <param name="model">The victory-probability model.</param>
    /// <param name="strength1">Strength of side 1 (&gt;= 0).</param>
    /// <param name="strength2">Strength of side 2 (&gt;= 0; not both zero).</param>
    /// <returns>(p1, p2) with p1 + p2 = 1 up to rounding.</returns>
    public static (double P1, double P2) VictoryProbability(VictoryProbabilityModel model, double strength1, double strength2)
    {
        double x1;
        double x2;
        switch (model)
        {
            case VictoryProbabilityModel.Linear:
                x1 = strength1;
                x2 = strength2;
                break;
            case VictoryProbabilityModel.Square:
                x1 = strength1 * strength1;
                x2 = strength2 * strength2;
                break;
            case VictoryProbabilityModel.Quartic:
                x1 = Quartic(strength1);
                x2 = Quartic(strength2);
                break;
            case VictoryProbabilityModel.Octic:
                x1 = Quartic(strength1);
                x1 *= x1;
                x2 = Quartic(strength2);
                x2 *= x2;
                break;
            case VictoryProbabilityModel.Binary:
                const double threshold = 1.10;
                if (strength1 >= threshold * strength2)
                {
                    x1 = 1.0;
                    x2 = 1e-6;
                }
                else if (strength2 >= threshold * strength1)
                {
                    x1 = 1e-6;
                    x2 = 1.0;
                }
                else
                {
                    double r12 = strength1 / (strength1 + strength2);
                    x1 = ((r12 * (threshold + 1.0)) - 1.0) / (threshold - 1.0);
                    x2 = 1 - x1;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown victory-probability model.");
        }

        return (x1 / (x1 + x2), x2 / (x1 + x2));

        static double Quartic(double x)
        {
            double s = x * x;
            return s * s;
        }
    }

    /// <summary>Workspace length (doubles) needed by <see cref="Elect(ReadOnlySpan{double}, ReadOnlySpan{double}, int, VotingRule, VictoryProbabilityModel, PceModel, Span{double}, Span{double})"/>.</summary>
    /// <param name="options">Number of options.</param>
    /// <returns>The number of doubles.</returns>
    public static int WorkspaceLength(int options) => (4 * options * options) + options;

    /// <summary>
    /// Coalition strengths: C_ij = 1e-8 + Σ_k max(v_k(i:j), 0), C_ji = 1e-8 + Σ_k max(−v_k(i:j), 0) for i &gt; j,
    /// C_ii = 1e-8 (KTAB <c>Model::coalitions</c>, which votes only on i &gt; j).
    /// </summary>
    /// <param name="weights">Voter weights (all &gt; 0).</param>
    /// <param name="utilities">Utilities, voters × options, row-major.</param>
    /// <param name="options">Number of options.</param>
    /// <param name="rule">The voting rule.</param>
    /// <param name="coalitions">Output, options × options, row-major.</param>
    public static void Coalitions(ReadOnlySpan<double> weights, ReadOnlySpan<double> utilities, int options, VotingRule rule, Span<double> coalitions)
    {
        int voters = weights.Length;
        CheckShapes(voters, utilities.Length, options);
        for (int i = 0; i < options; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double cij = MinimumCoalition;
                double cji = MinimumCoalition;
                for (int k = 0; k < voters; k++)
                {
                    int row = k * options;
                    double v = Vote(rule, weights[k], utilities[row + i], utilities[row + j]);
                    if (v > 0)
                    {
                        cij += v;
                    }

                    if (v < 0)
                    {
                        cji -= v;
                    }
                }

                coalitions[(i * options) + j] = cij;
                coalitions[(j * options) + i] = cji;
            }

            coalitions[(i * options) + i] = MinimumCoalition;
        }
    }

    /// <summary>
    /// The coalition matrix under the proportional rule from utilities stored voter-major
    /// (utilitiesByVoter[voter·options + option]): the same numbers as <see cref="Coalitions"/> bit for bit. For each
    /// row i, four columns j are summed at once, one per SIMD lane, each lane adding its votes in voter order with the
    /// scalar code's operations (no fused multiply-add), so no sum is reassociated.
    /// </summary>
    internal static void CoalitionRowsPropByVoter(ReadOnlySpan<double> weights, ReadOnlySpan<double> utilitiesByVoter, int options, Span<double> coalitions)
    {
        int voters = weights.Length;
        const int L = 4;
        Span<double> lanes = stackalloc double[L];
        var zero = Vector256<double>.Zero;
        bool simd = Vector256.IsHardwareAccelerated;
        for (int i = 0; i < options; i++)
        {
            int j = 0;
            if (simd)
            {
                for (; j <= i - L; j += L)
                {
                    var cij = Vector256.Create(MinimumCoalition);
                    var cji = cij;
                    for (int k = 0; k < voters; k++)
                    {
                        int row = k * options;
                        var ui = Vector256.Create(utilitiesByVoter[row + i]);
                        var uj = Vector256.Create(utilitiesByVoter.Slice(row + j, L));
                        var v = Vector256.Create(weights[k]) * (ui - uj);
                        cij += Vector256.ConditionalSelect(Vector256.GreaterThan(v, zero), v, zero);
                        cji -= Vector256.ConditionalSelect(Vector256.LessThan(v, zero), v, zero);
                    }

                    cij.CopyTo(coalitions.Slice((i * options) + j, L));
                    cji.CopyTo(lanes);
                    for (int l = 0; l < L; l++)
                    {
                        coalitions[((j + l) * options) + i] = lanes[l];
                    }
                }
            }

            for (; j < i; j++)
            {
                double cij = MinimumCoalition;
                double cji = MinimumCoalition;
                for (int k = 0; k < voters; k++)
                {
                    int row = k * options;
                    double v = weights[k] * (utilitiesByVoter[row + i] - utilitiesByVoter[row + j]);
                    cij += v > 0 ? v : 0.0;
                    cji -= v < 0 ? v : 0.0;
                }

                coalitions[(i * options) + j] = cij;
                coalitions[(j * options) + i] = cji;
            }

            coalitions[(i * options) + i] = MinimumCoalition;
        }
    }

    /// <summary>
    /// Option i's and option j's coalitions against each other under the proportional rule, summed over voters in
    /// order from <see cref="MinimumCoalition"/>. Branch-free: adding +0 leaves a positive sum unchanged bit for bit,
    /// so this is the same sum as conditional additions, without the unpredictable branches.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static (double ForI, double ForJ) PropPairCoalitions(ReadOnlySpan<double> weights, ReadOnlySpan<double> ui, ReadOnlySpan<double> uj)
    {
        double cij = MinimumCoalition;
        double cji = MinimumCoalition;
        for (int k = 0; k < weights.Length; k++)
        {
            double v = weights[k] * (ui[k] - uj[k]);
            cij += v > 0 ? v : 0.0;
            cji -= v < 0 ? v : 0.0;
        }

        return (cij, cji);
    }

    /// <summary>
    /// Rows first, first + step, ... of the coalition matrix from utilities stored option-major
    /// (utilitiesByOption[option·voters + voter]): the same numbers as <see cref="Coalitions"/>, in an order of
    /// memory access that suits large games, and split by rows so that callers can run rows in parallel.
    /// </summary>
    internal static void CoalitionRows(ReadOnlySpan<double> weights, ReadOnlySpan<double> utilitiesByOption, int options, VotingRule rule, Span<double> coalitions, int first, int step)
    {
        int voters = weights.Length;
        for (int i = first; i < options; i += step)
        {
            var ui = utilitiesByOption.Slice(i * voters, voters);
            for (int j = 0; j < i; j++)
            {
                var uj = utilitiesByOption.Slice(j * voters, voters);
                double cij = MinimumCoalition;
                double cji = MinimumCoalition;
                if (rule == VotingRule.Prop)
                {
                    (cij, cji) = PropPairCoalitions(weights, ui, uj);
                }
                else
                {
                    for (int k = 0; k < voters; k++)
                    {
                        double v = Vote(rule, weights[k], ui[k], uj[k]);
                        if (v > 0)
                        {
                            cij += v;
                        }

                        if (v < 0)
                        {
                            cji -= v;
                        }
                    }
                }

                coalitions[(i * options) + j] = cij;
                coalitions[(j * options) + i] = cji;
            }

            coalitions[(i * options) + i] = MinimumCoalition;
        }
    }

    /// <summary>Pairwise victory probabilities from coalition strengths; p_ii = 0.5.</summary>
    /// <param name="coalitions">Coalition strengths, options × options.</param>
    /// <param name="options">Number of options.</param>
    /// <param name="model">The victory-probability model.</param>
    /// <param name="victory">Output, options × options.</param>
    public static void VictoryProbabilities(ReadOnlySpan<double> coalitions, int options, VictoryProbabilityModel model, Span<double> victory)
    {
        for (int i = 0; i < options; i++)
        {
            for (int j = 0; j < i; j++)
            {
                var (p1, p2) = VictoryProbability(model, coalitions[(i * options) + j], coalitions[(j * options) + i]);
                victory[(i * options) + j] = p1;
                victory[(j * options) + i] = p2;
            }

            victory[(i * options) + i] = 0.5;
        }
    }

    /// <summary>
    /// Option probabilities from coalitions and victory probabilities under a PCE model.
    /// </summary>
    /// <param name="model">The PCE model.</param>
    /// <param name="coalitions">Coalition strengths, options × options (used by MarkovIncentive).</param>
    /// <param name="victory">Pairwise victory probabilities, options × options.</param>
    /// <param name="options">Number of options.</param>
    /// <param name="probabilities">Output: one probability per option, summing to 1.</param>
    /// <param name="workspace">At least 2·options² + options doubles.</param>
    public static void OptionProbabilities(PceModel model, ReadOnlySpan<double> coalitions, ReadOnlySpan<double> victory, int options, Span<double> probabilities, Span<double> workspace)
    {
        switch (model)
        {
            case PceModel.Conditional:
                Conditional(victory, options, probabilities);
                break;
            case PceModel.MarkovUniform:
                MarkovUniform(victory, options, probabilities, workspace[..options]);
                break;
            case PceModel.MarkovIncentive:
                MarkovIncentive(coalitions, victory, options, probabilities, workspace);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown PCE model.");
        }
    }

    /// <summary>
    /// A whole election without allocating: votes, coalitions, victory probabilities, option probabilities
    /// (KTAB <c>Model::scalarPCE</c>).
    /// </summary>
    /// <param name="weights">Voter weights (all &gt; 0).</param>
    /// <param name="utilities">Utilities, voters × options, row-major.</param>
    /// <param name="options">Number of options (≥ 1).</param>
    /// <param name="rule">Voting rule.</param>
    /// <param name="victoryModel">Victory-probability model.</param>
    /// <param name="pceModel">PCE model.</param>
    /// <param name="probabilities">Output: one probability per option.</param>
    /// <param name="workspace">At least <see cref="WorkspaceLength"/>(options) doubles; on return its first options² hold the coalitions and the next options² the victory probabilities.</param>
    public static void Elect(
        ReadOnlySpan<double> weights,
        ReadOnlySpan<double> utilities,
        int options,
        VotingRule rule,
        VictoryProbabilityModel victoryModel,
        PceModel pceModel,
        Span<double> probabilities,
        Span<double> workspace)
    {
        int o2 = options * options;
        var coalitions = workspace[..o2];
        var victory = workspace.Slice(o2, o2);
        Coalitions(weights, utilities, options, rule, coalitions);
        VictoryProbabilities(coalitions, options, victoryModel, victory);
        OptionProbabilities(pceModel, coalitions, victory, options, probabilities, workspace[(2 * o2)..]);
    }

    /// <summary>A whole election, allocating its result (convenience for callers outside hot loops).</summary>
    /// <param name="weights">Voter weights (all &gt; 0), one per voter.</param>
    /// <param name="utilities">Utilities, [voter, option].</param>
    /// <param name="rule">Voting rule (default Prop).</param>
    /// <param name="victoryModel">Victory-probability model (default Linear).</param>
    /// <param name="pceModel">PCE model (default Conditional).</param>
    /// <returns>Coalitions, victory probabilities and option probabilities.</returns>
    public static CondorcetElection Elect(
        IReadOnlyList<double> weights,
        double[,] utilities,
        VotingRule rule = VotingRule.Prop,
        VictoryProbabilityModel victoryModel = VictoryProbabilityModel.Linear,
        PceModel pceModel = PceModel.Conditional)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(utilities);
        int voters = utilities.GetLength(0);
        int options = utilities.GetLength(1);
        if (weights.Count != voters)
        {
            throw new ArgumentException($"weights has {weights.Count} entries but utilities has {voters} voters (rows).", nameof(weights));
        }

        if (options < 1)
        {
            throw new ArgumentException("utilities needs at least one option (column).", nameof(utilities));
        }

        var w = new double[voters];
        for (int k = 0; k < voters; k++)
        {
            w[k] = weights[k];
            if (!(w[k] > 0) || double.IsInfinity(w[k]))
            {
                throw new ArgumentException($"weights[{k}] = {w[k].ToString(System.Globalization.CultureInfo.InvariantCulture)}: every voter weight must be positive and finite.", nameof(weights));
            }
        }

        var u = new double[voters * options];
        for (int k = 0; k < voters; k++)
        {
            for (int i = 0; i < options; i++)
            {
                u[(k * options) + i] = utilities[k, i];
            }
        }

        var workspace = new double[WorkspaceLength(options)];
        var p = new double[options];
        Elect(w, u, options, rule, victoryModel, pceModel, p, workspace);
        int o2 = options * options;
        return new CondorcetElection(options, workspace[..o2], workspace[o2..(2 * o2)], p);
    }

    private static void Conditional(ReadOnlySpan<double> victory, int options, Span<double> p)
    {
        double total = 0;
        for (int i = 0; i < options; i++)
        {
            double pi = 1.0;
            for (int j = 0; j < options; j++)
            {
                pi *= victory[(i * options) + j];
            }

            p[i] = pi;
        }

        for (int i = 0; i < options; i++)
        {
            total += p[i];
        }

        for (int i = 0; i < options; i++)
        {
            p[i] /= total;
        }
    }

    private static void MarkovUniform(ReadOnlySpan<double> victory, int options, Span<double> p, Span<double> q)
    {
        const double tolerance = 1e-6;
        for (int i = 0; i < options; i++)
        {
            p[i] = 1.0 / options;
        }

        double change = 1.0;
        for (int iteration = 0; tolerance < change && iteration < MaximumMarkovIterations; iteration++)
        {
            change = 0;
            for (int i = 0; i < options; i++)
            {
                double pi = 0.0;
                for (int j = 0; j < options; j++)
                {
                    pi += victory[(i * options) + j] * (p[i] + p[j]);
                }

                q[i] = pi / options;
                double c = Math.Abs(q[i] - p[i]);
                change = c > change ? c : change;
            }

            for (int i = 0; i < options; i++)
            {
                p[i] = (p[i] + q[i]) / 2.0;
            }
        }
    }

    private static void MarkovIncentive(ReadOnlySpan<double> coalitions, ReadOnlySpan<double> victory, int options, Span<double> p, Span<double> workspace)
    {
        const double tolerance = 1e-8;
        int o2 = options * options;
        var challenge = workspace[..o2];
        var q = workspace.Slice(o2, options);
        var ct = workspace.Slice(o2 + options, o2);

        // incentive n_ij = C_ij·p_ij (+1e-10 on the diagonal), stored transiently in ct
        for (int i = 0; i < options; i++)
        {
            for (int j = 0; j < options; j++)
            {
                double incentive = coalitions[(i * options) + j] * victory[(i * options) + j];
                if (i == j)
                {
                    incentive += 1e-10;
                }

                ct[(i * options) + j] = incentive;
            }
        }

        for (int i = 0; i < options; i++)
        {
            for (int j = 0; j < options; j++)
            {
                double sum = 0.0;
                for (int k = 0; k < options; k++)
                {
                    sum += ct[(k * options) + j];
                }

                challenge[(i * options) + j] = ct[(i * options) + j] / sum;
            }
        }

        for (int i = 0; i < options; i++)
        {
            p[i] = 1.0 / options;
        }

        double change = 1.0;
        for (int iteration = 0; tolerance < change && iteration < MaximumMarkovIterations; iteration++)
        {
            for (int i = 0; i < options; i++)
            {
                for (int j = 0; j < options; j++)
                {
                    ct[(i * options) + j] = p[i] * challenge[(j * options) + i];
                }
            }

            change = 0.0;
            for (int i = 0; i < options; i++)
            {
                double qi = 0.0;
                for (int j = 0; j < options; j++)
                {
                    qi += victory[(i * options) + j] * (ct[(i * options) + j] + ct[(j * options) + i]);
                }

                q[i] = qi;
                double c = Math.Abs(qi - p[i]);
                change = c > change ? c : change;
            }

            for (int i = 0; i < options; i++)
            {
                p[i] = (p[i] + q[i]) / 2.0;
            }
        }
    }

    private static void CheckShapes(int voters, int utilityLength, int options)
    {
        if (options < 1 || utilityLength != voters * options)
        {
            throw new ArgumentException($"utilities has {utilityLength} entries; expected voters ({voters}) × options ({options}).");
        }
    }
}

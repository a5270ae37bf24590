using Interregnum.Bargaining;
using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Succession;

/// <summary>
/// The succession contest over the scenario's candidates (docs/models.md, "Succession contest").
/// <para>
/// Actor a's utility for candidate c, whose leader is actor L, is
/// U_ac = w_policy·(1 − d_aL) + w_ties·min(1, Σ positive ties a–L) + w_ambition·ambition_a·[L = a] − w_fear·min(1, Σ rivalry ties a–L)
///        + w_horizon·τ_L,
/// where d_aL is KTAB's salience-weighted distance from a's position to L's on [0, 1], ties count in either
/// direction (for a designated heir, a's positive ties to the departed incumbent count at the heir's share), and
/// τ_L is L's prospect of serving (health × five-year survival at his age). A coup's plotters back one candidate
/// as a bloc: each plotter's utility for it is raised to his best utility plus w_policy. Candidates are compared pairwise by the crisis-capability-weighted votes of every actor still
/// present (the Probabilistic Condorcet Election; KTAB defaults Prop / Linear / Conditional), which gives the
/// probability that each prevails.
/// </para>
/// <para>
/// A losing camp (the actors whose best candidate is one particular other candidate) fights with probability
/// σ((s − θ^e(r)) / τ): s its share of the coercion that actors control (coercive instruments, weighted by their
/// crisis weight), θ the declared threshold, r the camp's coercion-weighted mean risk attitude,
/// e(r) = (1 − r/3)/(1 + r/3) Bueno de Mesquita's risk exponent (a risk-averse camp, r &gt; 0, needs more coercion
/// before it fights, a risk-seeking one less), and τ the fight scale.
/// </para>
/// </summary>
internal sealed class SuccessionContest
{
    private readonly int candidates;
    private readonly int[] leader;
    private readonly double[] weights;
    private readonly double[] utilities;
    private readonly int[] voterIndex;
    private readonly double[] workspace;

    public SuccessionContest(int actors, int[] candidateLeaders)
    {
        candidates = candidateLeaders.Length;
        leader = candidateLeaders;
        weights = new double[actors];
        utilities = new double[actors * candidates];
        voterIndex = new int[actors];
        workspace = new double[ProbabilisticCondorcet.WorkspaceLength(candidates)];
        Utility = new double[actors * candidates];
    }

    /// <summary>Utility [actor * candidates + candidate] from the last <see cref="Run"/> (absent actors: 0).</summary>
    public double[] Utility { get; }

    /// <summary>Leader actor index per candidate.</summary>
    public IReadOnlyList<int> Leaders => leader;

    /// <summary>
    /// Computes each actor's utility for each candidate and the probability that each prevails.
    /// </summary>
    /// <param name="st">The regime after the shock.</param>
    /// <param name="present">Whether each actor takes part (the departed incumbent does not).</param>
    /// <param name="capability">Crisis-phase capability per actor (vote weights).</param>
    /// <param name="probabilities">Output, one per candidate.</param>
    /// <param name="plotters">A coup's plotters (null: no coup).</param>
    /// <param name="coalitionCandidate">The candidate the plotters back as a bloc (-1: none).</param>
    public void Run(RegimeState st, bool[] present, double[] capability, Span<double> probabilities, bool[]? plotters = null, int coalitionCandidate = -1)
    {
        int n = st.N, d = st.D;
        Array.Clear(Utility);
        var voters = 0;
        for (var a = 0; a < n; a++)
        {
            if (!present[a])
            {
                continue;
            }

            for (var c = 0; c < candidates; c++)
            {
                var l = leader[c];
                double num = 0, den = 0;
                for (var k = 0; k < d; k++)
                {
                    var s = st.Salience[(a * d) + k] / 100;
                    var diff = s * (st.Position[(a * d) + k] - st.Position[(l * d) + k]) / 100;
                    num += diff * diff;
                    den += s * s;
                }

                var dist = den > 0 ? Math.Sqrt(num / den) : 0;
                double positive = 0, rivalry = 0;
                var heir = l == st.Heir && !present[st.Incumbent];
                foreach (var (from, to, type, w) in st.Ties)
                {
                    if (a == l)
                    {
                        break;
                    }

                    // Ties to the departed leader help his designated heir, at the share of the following he inherits.
                    var scale = 1.0;
                    if (!((from == a && to == l) || (from == l && to == a)))
                    {
                        if (!heir || type == TieType.Rivalry || !((from == a && to == st.Incumbent) || (from == st.Incumbent && to == a)))
                        {
                            continue;
                        }

                        scale = st.HeirFollowing;
                    }

                    if (type == TieType.Rivalry)
                    {
                        rivalry += w;
                    }
                    else
                    {
                        positive += scale * w;
                    }
                }

                var u = (st.PolicyWeight * (1 - dist))
                    + (st.TieWeight * Math.Min(1, positive))
                    + (l == a ? st.AmbitionWeight * st.Ambition[a] : 0)
                    - (st.FearWeight * Math.Min(1, rivalry))
                    + (st.HorizonWeight * st.Prospect[l]);
                Utility[(a * candidates) + c] = u;
            }

            if (plotters is not null && plotters[a] && coalitionCandidate >= 0)
            {
                // Having moved against the incumbent, a plotter's fate is the coalition's: he backs its candidate.
                var best = double.NegativeInfinity;
                for (var c = 0; c < candidates; c++)
                {
                    best = Math.Max(best, Utility[(a * candidates) + c]);
                }

                Utility[(a * candidates) + coalitionCandidate] = best + st.PolicyWeight;
            }

            if (capability[a] > 0)
            {
                voterIndex[voters] = a;
                weights[voters] = capability[a];
                for (var c = 0; c < candidates; c++)
                {
                    utilities[(voters * candidates) + c] = Utility[(a * candidates) + c];
                }

                voters++;
            }
        }

        if (voters == 0)
        {
            probabilities.Fill(1.0 / candidates);
            return;
        }

        ProbabilisticCondorcet.Elect(
            weights.AsSpan(0, voters),
            utilities.AsSpan(0, voters * candidates),
            candidates,
            VotingRule.Prop,
            VictoryProbabilityModel.Linear,
            PceModel.Conditional,
            probabilities,
            workspace);
    }

    /// <summary>
    /// The coup coalition's choice (kingmaker): the candidate that maximises Σ_p capability_p · U_pc over the
    /// present plotters (the utilities of the last <see cref="Run"/>, before the bloc is formed).
    /// </summary>
    public int CoalitionChoice(bool[] plotters, bool[] present, double[] capability)
    {
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var c = 0; c < candidates; c++)
        {
            double value = 0;
            for (var a = 0; a < plotters.Length; a++)
            {
                if (plotters[a] && present[a])
                {
                    value += Math.Max(0, capability[a]) * Utility[(a * candidates) + c];
                }
            }

            if (value > bestValue)
            {
                best = c;
                bestValue = value;
            }
        }

        return best;
    }

    /// <summary>
    /// An elite body's choice: the Probabilistic Condorcet Election (KTAB defaults) among the present members,
    /// each voting with his declared votes and the utilities of the last <see cref="Run"/>. All zero: equal odds.
    /// </summary>
    public void ElectByBody(double[] votes, bool[] present, Span<double> probabilities)
    {
        var voters = 0;
        for (var a = 0; a < votes.Length; a++)
        {
            if (!present[a] || votes[a] <= 0)
            {
                continue;
            }

            weights[voters] = votes[a];
            for (var c = 0; c < candidates; c++)
            {
                utilities[(voters * candidates) + c] = Utility[(a * candidates) + c];
            }

            voters++;
        }

        if (voters == 0)
        {
            probabilities.Fill(1.0 / candidates);
            return;
        }

        ProbabilisticCondorcet.Elect(weights.AsSpan(0, voters), utilities.AsSpan(0, voters * candidates), candidates, VotingRule.Prop, VictoryProbabilityModel.Linear, PceModel.Conditional, probabilities, workspace);
    }

    /// <summary>Bueno de Mesquita's risk exponent e(r) = (1 − r/3)/(1 + r/3) for a risk attitude r in [-1, 1] (range [0.5, 2]).</summary>
    public static double RiskExponent(double risk) => (1 - (risk / 3)) / (1 + (risk / 3));

    /// <summary>
    /// The probability that the succession of <paramref name="winner"/> is contested: each losing camp with some
    /// coercion fights with probability σ((s − θ^e(r̄)) / τ), the logit choice rule (McKelvey and Palfrey 1995) of a
    /// camp that fights when its share s of the actor-controlled coercion exceeds its threshold, with r̄ its
    /// coercion-weighted mean risk attitude and τ the fight scale; camps decide independently, so
    /// P = 1 − Π_camps (1 − σ(·)).
    /// </summary>
    public double FightProbability(RegimeState st, bool[] present, double[] shares, int winner)
    {
        Span<double> camp = stackalloc double[candidates];
        Span<double> risk = stackalloc double[candidates];
        camp.Clear();
        risk.Clear();
        var total = CampCoercion(st, present, shares, winner, camp, risk);
        if (total <= 0)
        {
            return 0;
        }

        var peace = 1.0;
        for (var c = 0; c < candidates; c++)
        {
            if (camp[c] > 0)
            {
                var threshold = Math.Pow(st.ContestedThreshold, RiskExponent(risk[c] / camp[c]));
                peace *= 1 - Logistic(((camp[c] / total) - threshold) / st.FightScale);
            }
        }

        return 1 - peace;
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private double CampCoercion(RegimeState st, bool[] present, double[] shares, int winner, Span<double> camp, Span<double> risk)
    {
        double total = 0;
        for (var a = 0; a < st.N; a++)
        {
            if (!present[a])
            {
                continue;
            }

            double coercion = 0;
            for (var i = 0; i < st.I; i++)
            {
                if (st.Coercive[i])
                {
                    coercion += st.WeightCrisis[i] * shares[(a * st.I) + i];
                }
            }

            total += coercion;
            var pref = Preferred(a, present);
            if (pref != winner && Utility[(a * candidates) + pref] > Utility[(a * candidates) + winner])
            {
                camp[pref] += coercion;
                risk[pref] += coercion * st.Risk[a];
            }
        }

        return total;
    }

    /// <summary>The candidate actor a prefers most (the first maximum), or -1 if a is absent.</summary>
    public int Preferred(int a, bool[] present)
    {
        if (!present[a])
        {
            return -1;
        }

        var best = 0;
        for (var c = 1; c < candidates; c++)
        {
            if (Utility[(a * candidates) + c] > Utility[(a * candidates) + best])
            {
                best = c;
            }
        }

        return best;
    }
}

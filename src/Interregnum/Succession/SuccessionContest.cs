using Interregnum.Bargaining;
using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Succession;

/// <summary>
/// The succession contest over the scenario's candidates (docs/models.md, "Succession contest").
/// <para>
/// Actor a's utility for candidate c, whose leader is actor L, is
/// U_ac = w_policy·(1 − d_aL) + w_ties·min(1, Σ positive ties a–L) + w_ambition·ambition_a·[L = a] − w_fear·min(1, Σ rivalry ties a–L),
/// where d_aL is KTAB's salience-weighted distance from a's position to L's on [0, 1] and ties count in either
/// direction. Candidates are compared pairwise by the crisis-capability-weighted votes of every actor still
/// present (the Probabilistic Condorcet Election; KTAB defaults Prop / Linear / Conditional), which gives the
/// probability that each prevails.
/// </para>
/// <para>
/// A succession is contested when the losing side keeps enough coercion to fight: when the strongest rival camp
/// (the actors whose best candidate is one particular other candidate) controls more than the declared share of
/// the coercion that actors control (coercive instruments, weighted by their crisis weight).
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
    public void Run(RegimeState st, bool[] present, double[] capability, Span<double> probabilities)
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
                foreach (var (from, to, type, w) in st.Ties)
                {
                    if (!((from == a && to == l) || (from == l && to == a)) || a == l)
                    {
                        continue;
                    }

                    if (type == TieType.Rivalry)
                    {
                        rivalry += w;
                    }
                    else
                    {
                        positive += w;
                    }
                }

                var u = (st.PolicyWeight * (1 - dist))
                    + (st.TieWeight * Math.Min(1, positive))
                    + (l == a ? st.AmbitionWeight * st.Ambition[a] : 0)
                    - (st.FearWeight * Math.Min(1, rivalry));
                Utility[(a * candidates) + c] = u;
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

    /// <summary>
    /// Share of actor-controlled coercion held by the strongest losing camp: the actors whose preferred candidate is
    /// one particular rival of <paramref name="winner"/> (and who strictly prefer that rival to the winner).
    /// A fragmented opposition does not fight as one side, so camps are not added together.
    /// </summary>
    public double OppositionCoercionShare(RegimeState st, bool[] present, double[] shares, int winner)
    {
        Span<double> camp = stackalloc double[candidates];
        camp.Clear();
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
            }
        }

        double strongest = 0;
        foreach (var c in camp)
        {
            strongest = Math.Max(strongest, c);
        }

        return total > 0 ? strongest / total : 0;
    }
}

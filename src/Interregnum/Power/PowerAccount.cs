using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Power;

/// <summary>
/// Who controls how much of each instrument of power, and each actor's capability per phase.
/// <para>
/// For instrument i, the total T_i is every holding there is: actors' personal holdings, organizations'
/// holdings and the office's. Actor a controls
/// c_ai = personal_ai + Σ_{o headed by a} h_oi·loyalty_head(o)
///        + [a holds the office] (office_i + Σ_o h_oi·loyalty_office(o))
///        + [a is the incumbent, in office] Σ_o h_oi·loyalty_incumbent(o),
/// and its share is c_ai / T_i. The part of an organization that follows nobody (1 − the three shares) counts in
/// T_i but is controlled by no one. Capability in a phase is Σ_i weight_phase,i · share_ai.
/// After the incumbent leaves, what a client holds in its own right (personal holdings and the following of the
/// organizations it heads, not the office's) is multiplied by (1 − discount · w) for a patronage tie of weight w
/// from the incumbent (the scenario's shock declares the discount), except for a designated heir, who receives the
/// share <c>following</c> of the incumbent's personal holdings and of the organizations' loyalty to the incumbent.
/// </para>
/// </summary>
public static class PowerAccount
{
    /// <summary>The power table of a scenario before any shock, at the point values of its numbers (incumbent in office).</summary>
    public static PowerTable ForScenario(Scenario scenario)
    {
        var state = RegimeState.Realize(scenario, InputDraw.AtPoint(scenario));
        var shares = new double[state.N * state.I];
        Shares(state, state.Incumbent, incumbentPresent: true, patronageDiscount: 0, shares);
        var crisis = new double[state.N];
        var settled = new double[state.N];
        Capability(state, shares, state.WeightCrisis, crisis);
        Capability(state, shares, state.WeightSettled, settled);
        var rows = new List<PowerRow>();
        for (var a = 0; a < state.N; a++)
        {
            var control = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < state.I; i++)
            {
                control[scenario.Instruments[i].Id] = shares[(a * state.I) + i];
            }

            rows.Add(new PowerRow(scenario.Actors[a].Id, scenario.Actors[a].Name, control, crisis[a], settled[a]));
        }

        return new PowerTable(scenario.Instruments.Select(i => i.Id).ToList(), rows);
    }

    /// <summary>Fills <paramref name="shares"/> [actor * I + instrument] with each actor's share of each instrument.</summary>
    /// <param name="s">The realised regime.</param>
    /// <param name="officeHolder">Actor index holding the office, or -1 when it is vacant.</param>
    /// <param name="incumbentPresent">False once the incumbent has left: his personal following is lost (or passes to his heir) and his patronage discounted.</param>
    /// <param name="patronageDiscount">Share of a client's power lost per unit of patronage-tie weight to the departed incumbent.</param>
    /// <param name="shares">Output buffer of length N·I.</param>
    /// <param name="officeShare">Share of the office's instruments and following that the holder commands (1 but for an acting successor in the crisis).</param>
    internal static void Shares(RegimeState s, int officeHolder, bool incumbentPresent, double patronageDiscount, double[] shares, double officeShare = 1) =>
        Shares(s, officeHolder >= 0 ? [officeHolder] : [], officeHolder >= 0 ? [officeShare] : [], incumbentPresent, patronageDiscount, shares, plotters: null);

    /// <summary>
    /// The crisis after the incumbent has left: each acting successor j commands following × share_j of the office;
    /// a coup's plotters command the whole of the organizations they head (their loyalty to the office and to the
    /// incumbent follows the head: the chain of command runs through the plotters).
    /// </summary>
    internal static void CrisisShares(RegimeState s, double patronageDiscount, double[] shares, bool[]? plotters)
    {
        var holders = s.Acting;
        var officeShares = new double[holders.Length];
        for (var j = 0; j < holders.Length; j++)
        {
            officeShares[j] = s.ActingSuccessorFollowing * s.ActingShare[j];
        }

        Shares(s, holders, officeShares, incumbentPresent: false, patronageDiscount, shares, plotters);
    }

    private static void Shares(RegimeState s, ReadOnlySpan<int> holders, ReadOnlySpan<double> officeShares, bool incumbentPresent, double patronageDiscount, double[] shares, bool[]? plotters)
    {
        int n = s.N, ni = s.I;
        Array.Clear(shares);

        // What an actor holds in its own right: personal holdings and the following of the organizations it heads.
        for (var a = 0; a < n; a++)
        {
            for (var i = 0; i < ni; i++)
            {
                shares[(a * ni) + i] = s.Personal[(a * ni) + i];
            }
        }

        for (var o = 0; o < s.O; o++)
        {
            var head = s.OrgHead[o];
            if (head >= 0)
            {
                // A plotter takes his whole organization with him: its loyalty to the office and the incumbent too.
                var loyal = plotters is not null && plotters[head] ? s.LoyalHead[o] + s.LoyalOffice[o] + s.LoyalIncumbent[o] : s.LoyalHead[o];
                for (var i = 0; i < ni; i++)
                {
                    shares[(head * ni) + i] += s.OrgHoldings[(o * ni) + i] * loyal;
                }
            }
        }

        // Power that flowed from the departed incumbent's patronage is discounted (the office's own power is not);
        // his designated heir is exempt: the tie is what makes him the heir.
        if (!incumbentPresent && patronageDiscount > 0)
        {
            foreach (var (from, to, type, weight) in s.Ties)
            {
                if (type == TieType.Patronage && from == s.Incumbent && to != s.Incumbent && to != s.Heir)
                {
                    var factor = Math.Max(0, 1 - (patronageDiscount * weight));
                    for (var i = 0; i < ni; i++)
                    {
                        shares[(to * ni) + i] *= factor;
                    }
                }
            }
        }

        if (!incumbentPresent && s.Incumbent >= 0)
        {
            for (var i = 0; i < ni; i++)
            {
                // The heir inherits a share of the departed incumbent's personal holdings; the rest is lost.
                if (s.Heir >= 0)
                {
                    shares[(s.Heir * ni) + i] += s.HeirFollowing * s.Personal[(s.Incumbent * ni) + i];
                }

                shares[(s.Incumbent * ni) + i] = 0;
            }
        }

        for (var i = 0; i < ni; i++)
        {
            var total = s.OfficeHoldings[i];
            for (var a = 0; a < n; a++)
            {
                total += s.Personal[(a * ni) + i];
            }

            double officeFollowing = s.OfficeHoldings[i], incumbentFollowing = 0;
            for (var o = 0; o < s.O; o++)
            {
                var h = s.OrgHoldings[(o * ni) + i];
                total += h;
                if (plotters is not null && s.OrgHead[o] >= 0 && plotters[s.OrgHead[o]])
                {
                    continue; // already with its plotting head
                }

                officeFollowing += h * s.LoyalOffice[o];
                incumbentFollowing += h * s.LoyalIncumbent[o];
            }

            for (var j = 0; j < holders.Length; j++)
            {
                shares[(holders[j] * ni) + i] += officeShares[j] * officeFollowing;
            }

            if (incumbentPresent && s.Incumbent >= 0)
            {
                shares[(s.Incumbent * ni) + i] += incumbentFollowing;
            }
            else if (s.Heir >= 0)
            {
                shares[(s.Heir * ni) + i] += s.HeirFollowing * incumbentFollowing;
            }

            for (var a = 0; a < n; a++)
            {
                shares[(a * ni) + i] = total > 0 ? shares[(a * ni) + i] / total : 0;
            }
        }
    }

    /// <summary>Capability per actor: Σ_i weight_i · share_ai.</summary>
    internal static void Capability(RegimeState s, double[] shares, double[] weights, double[] capability)
    {
        for (var a = 0; a < s.N; a++)
        {
            double c = 0;
            for (var i = 0; i < s.I; i++)
            {
                c += weights[i] * shares[(a * s.I) + i];
            }

            capability[a] = c;
        }
    }
}

/// <summary>One actor's row of the power table: share of each instrument (of all there is) and capability per phase.</summary>
public sealed record PowerRow(string ActorId, string Name, IReadOnlyDictionary<string, double> Share, double CrisisCapability, double SettledCapability);

/// <summary>The power table: instruments (column order) and one row per actor.</summary>
public sealed record PowerTable(IReadOnlyList<string> Instruments, IReadOnlyList<PowerRow> Rows);

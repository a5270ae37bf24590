using Interregnum.Model;

namespace Interregnum.Simulation;

/// <summary>
/// A scenario realised for one draw, as flat arrays for the hot loops. Mutable on purpose: it is a per-draw
/// work buffer that the shock is applied to; the immutable <see cref="Scenario"/> is never changed.
/// Scales: positions and saliences on 0–100; shares, loyalty, ambition and health on [0, 1]; risk on [-1, 1].
/// </summary>
internal sealed class RegimeState
{
    /// <summary>Number of actors, dimensions, instruments, organizations.</summary>
    public int N, D, I, O;

    /// <summary>Index of the incumbent.</summary>
    public int Incumbent;

    /// <summary>Positions [actor * D + dim], 0–100.</summary>
    public double[] Position = [];

    /// <summary>Saliences [actor * D + dim], 0–100, each actor's row summing to at most 100.</summary>
    public double[] Salience = [];

    /// <summary>Ambition per actor, [0, 1].</summary>
    public double[] Ambition = [];

    /// <summary>Risk attitude per actor, [-1, 1].</summary>
    public double[] Risk = [];

    /// <summary>Health per actor, [0, 1].</summary>
    public double[] Health = [];

    /// <summary>Personal holdings [actor * I + instrument].</summary>
    public double[] Personal = [];

    /// <summary>Organization holdings [org * I + instrument].</summary>
    public double[] OrgHoldings = [];

    /// <summary>Head of each organization (actor index or -1).</summary>
    public int[] OrgHead = [];

    /// <summary>Loyalty shares of each organization to its head, the office and the incumbent.</summary>
    public double[] LoyalHead = [], LoyalOffice = [], LoyalIncumbent = [];

    /// <summary>Holdings that come with the office, per instrument.</summary>
    public double[] OfficeHoldings = [];

    /// <summary>Instrument weights in the crisis and settled phases.</summary>
    public double[] WeightCrisis = [], WeightSettled = [];

    /// <summary>Whether each instrument is coercive.</summary>
    public bool[] Coercive = [];

    /// <summary>Ties: from, to, type, weight.</summary>
    public (int From, int To, TieType Type, double Weight)[] Ties = [];

    /// <summary>Acting successor (actor index) or -1.</summary>
    public int ActingSuccessor = -1;

    /// <summary>Contest parameters realised for this draw.</summary>
    public double PolicyWeight, TieWeight, AmbitionWeight, FearWeight, ContestedThreshold, ActingSuccessorBonus, ActingSuccessorFollowing, HorizonWeight, FightScale;

    /// <summary>Every acting successor (actor index) and his share of the acting successors' weight (shares sum to 1).</summary>
    public int[] Acting = [];

    /// <summary>Share of each acting successor in <see cref="Acting"/>.</summary>
    public double[] ActingShare = [];

    /// <summary>Prospect of serving per actor in [0, 1]: health × five-year survival at his age (<see cref="Prospects"/>).</summary>
    public double[] Prospect = [];

    /// <summary>The designated heir (actor index) or -1, and the share of the incumbent's following that passes to him.</summary>
    public int Heir = -1;

    /// <summary>Share in [0, 1] of the incumbent's following that passes to the heir.</summary>
    public double HeirFollowing;

    /// <summary>Weight in [0, 1] of the office's selection rule against force.</summary>
    public double Binding;

    /// <summary>Votes per actor in the elite body (zero for non-members; empty unless the rule is an elite body).</summary>
    public double[] Electorate = [];

    /// <summary>Popular support per candidate (empty unless the rule is an election).</summary>
    public double[] Popularity = [];

    /// <summary>The residual candidate's prior in [0, 1] (0 when none is declared).</summary>
    public double ResidualPrior;

    /// <summary>Blame's effect on the successor: dimension index (-1: none) and shift in points (confidence × shift).</summary>
    public int BlameDimension = -1;

    /// <summary>Blame's shift in points on 0–100.</summary>
    public double BlameShift;

    /// <summary>Realises the scenario with the given input values.</summary>
    public static RegimeState Realize(Scenario s, InputDraw v)
    {
        var st = new RegimeState
        {
            N = s.Actors.Count,
            D = s.Dimensions.Count,
            I = s.Instruments.Count,
            O = s.Organizations.Count,
            Incumbent = s.ActorIndex(s.Incumbent),
        };
        int n = st.N, d = st.D, ni = st.I, no = st.O;
        st.Position = new double[n * d];
        st.Salience = new double[n * d];
        st.Ambition = new double[n];
        st.Risk = new double[n];
        st.Health = new double[n];
        st.Personal = new double[n * ni];
        for (var a = 0; a < n; a++)
        {
            var actor = s.Actors[a];
            st.Ambition[a] = Math.Clamp(v[actor.Ambition], 0, 1);
            st.Risk[a] = Math.Clamp(v[actor.RiskAttitude], -1, 1);
            st.Health[a] = Math.Clamp(v[actor.Health], 0, 1);
            double salSum = 0;
            for (var k = 0; k < d; k++)
            {
                var dim = s.Dimensions[k].Id;
                st.Position[(a * d) + k] = actor.Positions.TryGetValue(dim, out var p) ? Math.Clamp(v[p], 0, 100) : 50;
                var sal = actor.Salience.TryGetValue(dim, out var q) ? Math.Clamp(v[q], 0, 100) : 0;
                st.Salience[(a * d) + k] = sal;
                salSum += sal;
            }

            // A draw whose saliences sum past 100 is scaled back to 100 (documented in docs/scenario-format.md).
            if (salSum > 100)
            {
                for (var k = 0; k < d; k++)
                {
                    st.Salience[(a * d) + k] *= 100 / salSum;
                }
            }

            for (var i = 0; i < ni; i++)
            {
                st.Personal[(a * ni) + i] = actor.Holdings.TryGetValue(s.Instruments[i].Id, out var h) ? Math.Max(0, v[h]) : 0;
            }
        }

        st.OrgHoldings = new double[no * ni];
        st.OrgHead = new int[no];
        st.LoyalHead = new double[no];
        st.LoyalOffice = new double[no];
        st.LoyalIncumbent = new double[no];
        for (var o = 0; o < no; o++)
        {
            var org = s.Organizations[o];
            st.OrgHead[o] = org.Head is null ? -1 : s.ActorIndex(org.Head);
            for (var i = 0; i < ni; i++)
            {
                st.OrgHoldings[(o * ni) + i] = org.Holdings.TryGetValue(s.Instruments[i].Id, out var h) ? Math.Max(0, v[h]) : 0;
            }

            double lh = Math.Clamp(v[org.Loyalty.Head], 0, 1), lo = Math.Clamp(v[org.Loyalty.Office], 0, 1), li = Math.Clamp(v[org.Loyalty.Incumbent], 0, 1);
            var total = lh + lo + li;
            if (total > 1)
            {
                // A draw whose shares sum past 1 is scaled back to 1.
                lh /= total;
                lo /= total;
                li /= total;
            }

            st.LoyalHead[o] = lh;
            st.LoyalOffice[o] = lo;
            st.LoyalIncumbent[o] = li;
        }

        st.OfficeHoldings = new double[ni];
        st.WeightCrisis = new double[ni];
        st.WeightSettled = new double[ni];
        st.Coercive = new bool[ni];
        for (var i = 0; i < ni; i++)
        {
            var inst = s.Instruments[i];
            st.OfficeHoldings[i] = s.Office.Holdings.TryGetValue(inst.Id, out var h) ? Math.Max(0, v[h]) : 0;
            st.WeightCrisis[i] = inst.Weights.TryGetValue("crisis", out var wc) ? Math.Max(0, v[wc]) : 0;
            st.WeightSettled[i] = inst.Weights.TryGetValue("settled", out var ws) ? Math.Max(0, v[ws]) : 0;
            st.Coercive[i] = inst.Coercive;
        }

        st.Ties = s.Ties.Select(t => (s.ActorIndex(t.From), s.ActorIndex(t.To), t.Type, Math.Clamp(v[t.Weight], 0, 1))).ToArray();
        st.ActingSuccessor = s.Office.ActingSuccessor is null ? -1 : s.ActorIndex(s.Office.ActingSuccessor);
        var c = s.Contest;
        st.PolicyWeight = Math.Max(0, v[c.PolicyWeight]);
        st.TieWeight = Math.Max(0, v[c.TieWeight]);
        st.AmbitionWeight = Math.Max(0, v[c.AmbitionWeight]);
        st.FearWeight = Math.Max(0, v[c.FearWeight]);
        st.ContestedThreshold = Math.Clamp(v[c.ContestedThreshold], 0, 1);
        st.ActingSuccessorBonus = Math.Max(0, v[c.ActingSuccessorBonus]);
        st.ActingSuccessorFollowing = Math.Clamp(v[c.ActingSuccessorFollowing], 0, 1);
        st.HorizonWeight = Math.Max(0, v[c.HorizonWeight]);
        st.FightScale = Math.Max(1e-6, v[c.FightScale]);

        var acting = s.Office.ActingSuccessors;
        st.Acting = acting.Select(x => s.ActorIndex(x.Actor)).ToArray();
        st.ActingShare = acting.Select(x => Math.Max(0, v[x.Weight])).ToArray();
        var actingTotal = st.ActingShare.Sum();
        for (var j = 0; j < st.ActingShare.Length; j++)
        {
            // All weights zero in a draw: the readings count equally.
            st.ActingShare[j] = actingTotal > 0 ? st.ActingShare[j] / actingTotal : 1.0 / st.ActingShare.Length;
        }

        st.Prospect = Prospects(s, st.Health);
        if (s.Office.Heir is { } heir)
        {
            st.Heir = s.ActorIndex(heir.Actor);
            st.HeirFollowing = Math.Clamp(v[heir.Following], 0, 1);
        }

        var sel = s.Office.Selection;
        st.Binding = sel.Rule == SelectionRule.Force ? 0 : Math.Clamp(v[sel.Binding], 0, 1);
        if (sel.Rule == SelectionRule.EliteBody)
        {
            st.Electorate = new double[n];
            foreach (var (actor, votes) in sel.Electorate)
            {
                st.Electorate[s.ActorIndex(actor)] = Math.Max(0, v[votes]);
            }
        }

        if (sel.Rule == SelectionRule.Election)
        {
            st.Popularity = s.Candidates.Select(cand => sel.Popularity.TryGetValue(cand.Id, out var p) ? Math.Max(0, v[p]) : 0).ToArray();
        }

        st.ResidualPrior = s.Candidates.FirstOrDefault(cand => cand.Residual)?.Prior is { } prior ? Math.Clamp(v[prior], 0, 1) : 0;
        return st;
    }

    /// <summary>
    /// Realises the blame of a shock: the successor's position on the effect's dimension moves by
    /// confidence × shift points (docs/models.md §2).
    /// </summary>
    public void RealizeBlame(Scenario s, Shock shock, InputDraw v)
    {
        BlameDimension = -1;
        BlameShift = 0;
        if (shock.Blame is { Effect: { } effect } blame)
        {
            BlameDimension = s.Dimensions.Select((dim, k) => (dim, k)).First(x => x.dim.Id == effect.Dimension).k;
            BlameShift = Math.Clamp(v[blame.Confidence], 0, 1) * v[effect.Shift];
        }
    }

    /// <summary>Gompertz hazard at age 60 (per year) and its doubling time (years): docs/models.md §3.</summary>
    internal const double HazardAt60 = 0.01, HazardDoublingYears = 8;

    /// <summary>
    /// Probability of surviving the next five years at age <paramref name="age"/> under the Gompertz law
    /// h(x) = h60 · 2^((x − 60)/8): S5 = exp(−h60 · (8 / ln 2) · (2^((x + 5 − 60)/8) − 2^((x − 60)/8))).
    /// </summary>
    internal static double FiveYearSurvival(double age)
    {
        var scale = HazardDoublingYears / Math.Log(2);
        var cumulative = HazardAt60 * scale * (Math.Pow(2, (age + 5 - 60) / HazardDoublingYears) - Math.Pow(2, (age - 60) / HazardDoublingYears));
        return Math.Exp(-cumulative);
    }

    /// <summary>Each actor's prospect of serving: health × five-year survival at his age on the scenario's date (1 where the age is unknown).</summary>
    internal static double[] Prospects(Scenario s, double[] health)
    {
        var result = new double[s.Actors.Count];
        for (var a = 0; a < result.Length; a++)
        {
            var actor = s.Actors[a];
            var survival = actor.BirthYear is { } born && s.AsOf is { } asOf ? FiveYearSurvival(asOf.Year - born) : 1;
            result[a] = health[a] * survival;
        }

        return result;
    }
}

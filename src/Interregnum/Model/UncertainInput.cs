namespace Interregnum.Model;

/// <summary>One uncertain number of a scenario, with a stable path naming where it sits (e.g. <c>actors.bortnikov.ambition</c>).</summary>
/// <param name="Path">Stable, human-readable location; also the key for common random numbers.</param>
/// <param name="Value">The number.</param>
public sealed record UncertainInput(string Path, Uncertain Value);

/// <summary>Lists every number of a scenario that the Monte Carlo engine may sample, in a fixed order.</summary>
public static class ScenarioInputs
{
    /// <summary>All numbers (fixed or not) with their paths, in document order.</summary>
    public static IReadOnlyList<UncertainInput> All(Scenario s)
    {
        var list = new List<UncertainInput>();
        void Add(string path, Uncertain u) => list.Add(new UncertainInput(path, u));

        foreach (var inst in s.Instruments)
        {
            foreach (var (phase, w) in inst.Weights)
            {
                Add($"instruments.{inst.Id}.weights.{phase}", w);
            }
        }

        foreach (var a in s.Actors)
        {
            Add($"actors.{a.Id}.health", a.Health);
            Add($"actors.{a.Id}.ambition", a.Ambition);
            Add($"actors.{a.Id}.risk", a.RiskAttitude);
            foreach (var (d, v) in a.Positions)
            {
                Add($"actors.{a.Id}.positions.{d}", v);
            }

            foreach (var (d, v) in a.Salience)
            {
                Add($"actors.{a.Id}.salience.{d}", v);
            }

            foreach (var (i, v) in a.Holdings)
            {
                Add($"actors.{a.Id}.holdings.{i}", v);
            }
        }

        foreach (var o in s.Organizations)
        {
            foreach (var (i, v) in o.Holdings)
            {
                Add($"organizations.{o.Id}.holdings.{i}", v);
            }

            Add($"organizations.{o.Id}.loyalty.head", o.Loyalty.Head);
            Add($"organizations.{o.Id}.loyalty.office", o.Loyalty.Office);
            Add($"organizations.{o.Id}.loyalty.incumbent", o.Loyalty.Incumbent);
        }

        foreach (var t in s.Ties)
        {
            Add($"ties.{t.From}.{t.To}.{t.Type.ToString().ToLowerInvariant()}.weight", t.Weight);
        }

        foreach (var (i, v) in s.Office.Holdings)
        {
            Add($"office.holdings.{i}", v);
        }

        if (s.Office.ActingSuccessors.Count > 1)
        {
            foreach (var acting in s.Office.ActingSuccessors)
            {
                Add($"office.acting_successors.{acting.Actor}.weight", acting.Weight);
            }
        }

        if (s.Office.Heir is { } heir)
        {
            Add("office.heir.following", heir.Following);
        }

        var selection = s.Office.Selection;
        if (selection.Rule != SelectionRule.Force)
        {
            Add("office.selection.binding", selection.Binding);
            foreach (var (actor, votes) in selection.Electorate)
            {
                Add($"office.selection.electorate.{actor}", votes);
            }

            foreach (var (candidate, support) in selection.Popularity)
            {
                Add($"office.selection.popularity.{candidate}", support);
            }
        }

        foreach (var candidate in s.Candidates)
        {
            if (candidate.Prior is { } prior)
            {
                Add($"candidates.{candidate.Id}.prior", prior);
            }
        }

        foreach (var sh in s.Shocks)
        {
            Add($"shocks.{sh.Id}.patronage_discount", sh.PatronageDiscount);
            for (var e = 0; e < sh.Effects.Count; e++)
            {
                var ef = sh.Effects[e];
                var what = ef.Target switch
                {
                    EffectTarget.Position or EffectTarget.Salience => $"{ef.Target.ToString().ToLowerInvariant()}.{ef.Subject}.{ef.Dimension}",
                    EffectTarget.Loyalty => $"loyalty.{ef.Subject}.{ef.LoyaltyTo}",
                    _ => $"{ef.Target.ToString().ToLowerInvariant()}.{ef.Subject}",
                };
                Add($"shocks.{sh.Id}.effects.{e}.{what}", ef.Shift);
            }

            // An attribution's confidence enters only through its effect, and only the attribution that applies.
            if (sh.Blame is { Effect: { } effect } blame)
            {
                var which = ReferenceEquals(blame, sh.Actual) ? "actual" : "perceived";
                Add($"shocks.{sh.Id}.{which}.confidence", blame.Confidence);
                Add($"shocks.{sh.Id}.{which}.effect.{effect.Dimension}", effect.Shift);
            }
        }

        var c = s.Contest;
        Add("contest.policy_weight", c.PolicyWeight);
        Add("contest.tie_weight", c.TieWeight);
        Add("contest.ambition_weight", c.AmbitionWeight);
        Add("contest.fear_weight", c.FearWeight);
        Add("contest.contested_threshold", c.ContestedThreshold);
        Add("contest.horizon_weight", c.HorizonWeight);
        Add("contest.fight_scale", c.FightScale);
        if (s.Office.ActingSuccessor is not null)
        {
            // Only a scenario with a constitutional acting successor has these: elsewhere they cannot matter.
            Add("contest.acting_successor_bonus", c.ActingSuccessorBonus);
            Add("contest.acting_successor_following", c.ActingSuccessorFollowing);
        }
        return list;
    }

    /// <summary>Only the numbers that are uncertain (distributions), in document order.</summary>
    public static IReadOnlyList<UncertainInput> Uncertain(Scenario s) => All(s).Where(x => !x.Value.IsFixed).ToList();

    /// <summary>
    /// The uncertain numbers that can affect a forecast of the given shock: all but other shocks' own numbers and
    /// the numbers the model never reads for this shock (<see cref="CanMatter"/>), so that a label never appears as
    /// a driver in <c>sensitivity</c> or the brief.
    /// </summary>
    public static IReadOnlyList<UncertainInput> UncertainFor(Scenario s, string shockId)
    {
        var shock = s.ShockById(shockId);
        return Uncertain(s).Where(x => (!x.Path.StartsWith("shocks.", StringComparison.Ordinal) || x.Path.StartsWith("shocks." + shockId + ".", StringComparison.Ordinal)) && CanMatter(s, shock, x.Path)).ToList();
    }

    /// <summary>
    /// False for a number the model never reads for this shock (null: for any shock), by the rules in
    /// docs/scenario-format.md ("Numbers that count, and labels"). Static: it looks at the scenario's structure, not at
    /// a run.
    /// </summary>
    public static bool CanMatter(Scenario s, Shock? shock, string path)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(path);
        return new Relevance(s).CanMatter(shock, path);
    }

    /// <summary>The structural facts <see cref="CanMatter"/> needs, computed once per call.</summary>
    private sealed class Relevance
    {
        private readonly Scenario s;
        private readonly HashSet<string> leaders;
        private readonly HashSet<string> coercive;

        public Relevance(Scenario scenario)
        {
            s = scenario;
            leaders = s.Candidates.Where(c => !c.Residual).Select(c => c.ActorId(s.Office)).ToHashSet(StringComparer.Ordinal);
            coercive = s.Instruments.Where(i => i.Coercive).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        }

        private static bool Positive(IReadOnlyDictionary<string, Uncertain> h, Func<string, bool>? which = null) =>
            h.Any(kv => (which is null || which(kv.Key)) && kv.Value.Max > 0);

        private bool OfficeRole(string id) => s.Office.ActingSuccessors.Any(x => x.Actor == id) || s.Office.Heir?.Actor == id;

        // What an actor holds in its own right (the part a patronage discount can cut).
        private bool Owns(string id) => Positive(s.ActorById(id).Holdings) || s.Organizations.Any(o => o.Head == id && o.Loyalty.Head.Max > 0 && Positive(o.Holdings))
            || s.Shocks.Any(sh => sh.Plotters.Contains(id) && s.Organizations.Any(o => o.Head == id));

        // Whether an actor can hold any power (and so vote in the contest or bargain over policy).
        private bool Powerful(string id) => id == s.Incumbent || Owns(id) || s.Organizations.Any(o => o.Head == id) || OfficeRole(id)
            || s.Office.Selection.Electorate.ContainsKey(id);

        private bool Coercive(string id) =>
            Positive(s.ActorById(id).Holdings, coercive.Contains) || s.Organizations.Any(o => o.Head == id && Positive(o.Holdings, coercive.Contains))
            || (OfficeRole(id) && (Positive(s.Office.Holdings, coercive.Contains) || s.Organizations.Any(o => Positive(o.Holdings, coercive.Contains))));

        // A tie the contest reads: between a candidate's leader and someone who can vote, or to the departed
        // incumbent from a voter when his heir leads a candidate.
        private bool ContestTie(Tie t)
        {
            if (t.From == s.Incumbent || t.To == s.Incumbent)
            {
                var other = t.From == s.Incumbent ? t.To : t.From;
                return s.Office.Heir is { } heir && t.Type != TieType.Rivalry && other != heir.Actor && Powerful(other) && leaders.Contains(heir.Actor);
            }

            return (leaders.Contains(t.From) && Powerful(t.To)) || (leaders.Contains(t.To) && Powerful(t.From));
        }

        private bool PatronageTie(Tie t) => t.Type == TieType.Patronage && t.From == s.Incumbent && t.To != s.Office.Heir?.Actor && Owns(t.To);

        // Shares are relative: the only holding of an instrument cannot move anyone's share of it.
        private bool SoleHolding(string instrument)
        {
            var count = s.Actors.Count(a => a.Holdings.TryGetValue(instrument, out var h) && h.Max > 0)
                + s.Organizations.Count(o => o.Holdings.TryGetValue(instrument, out var h) && h.Max > 0)
                + (s.Office.Holdings.TryGetValue(instrument, out var oh) && oh.Max > 0 ? 1 : 0);
            return count <= 1;
        }

        // Whether anyone can command some of the instrument in the crisis after the incumbent has left.
        private bool CrisisControllable(string instrument)
        {
            bool Has(IReadOnlyDictionary<string, Uncertain> h) => h.TryGetValue(instrument, out var x) && x.Max > 0;
            var heir = s.Office.Heir is not null;
            var acting = s.Office.ActingSuccessors.Count > 0;
            return s.Actors.Any(a => a.Id != s.Incumbent && Has(a.Holdings))
                || (heir && Has(s.ActorById(s.Incumbent).Holdings))
                || (acting && Has(s.Office.Holdings))
                || s.Organizations.Any(o => Has(o.Holdings) && (
                    (o.Head is { } head && head != s.Incumbent && (o.Loyalty.Head.Max > 0 || s.Shocks.Any(sh => sh.Plotters.Contains(head))))
                    || (acting && o.Loyalty.Office.Max > 0)
                    || (heir && o.Loyalty.Incumbent.Max > 0)));
        }

        public bool CanMatter(Shock? shock, string path)
        {
            var parts = path.Split('.');
            var succession = shock is null || shock.IncumbentLeaves;
            switch (parts[0])
            {
                case "instruments" when parts[3] != "settled":
                    // Only the crisis and settled weights are read; the crisis ones only after the incumbent leaves.
                    return parts[3] == "crisis" && succession && CrisisControllable(parts[1]);
                case "actors":
                {
                    var id = parts[1];
                    return parts[2] switch
                    {
                        "health" => succession && id != s.Incumbent && leaders.Contains(id) && s.Contest.HorizonWeight.Max > 0,
                        "ambition" => succession && id != s.Incumbent && leaders.Contains(id) && Powerful(id),
                        "risk" => succession && id != s.Incumbent && Coercive(id),
                        "positions" or "salience" => leaders.Contains(id) || Powerful(id),
                        "holdings" => !SoleHolding(parts[3]),
                        _ => true,
                    };
                }

                case "organizations":
                {
                    var org = s.Organizations.First(o => o.Id == parts[1]);
                    return parts[2] switch
                    {
                        "holdings" => !SoleHolding(parts[3]),
                        "loyalty" when parts[3] == "head" => org.Head is not null,
                        _ => true,
                    };
                }

                case "office" when parts[1] == "holdings":
                    return !SoleHolding(parts[2]);
                case "ties":
                {
                    var tie = s.Ties.First(t => path == $"ties.{t.From}.{t.To}.{t.Type.ToString().ToLowerInvariant()}.weight");
                    return succession && (ContestTie(tie) || (PatronageTie(tie) && s.Shocks.Any(sh => sh.IncumbentLeaves && sh.PatronageDiscount.Max > 0)));
                }

                case "shocks" when parts.Length > 2 && parts[2] == "patronage_discount":
                    return succession && s.Ties.Any(PatronageTie);
                case "contest":
                    return succession && parts[1] switch
                    {
                        "tie_weight" => s.Ties.Any(t => t.Type != TieType.Rivalry && ContestTie(t)),
                        "fear_weight" => s.Ties.Any(t => t.Type == TieType.Rivalry && ContestTie(t)),
                        "ambition_weight" => leaders.Any(l => Powerful(l) && s.ActorById(l).Ambition.Max > 0),
                        "horizon_weight" => leaders.Any(l => s.ActorById(l).Health.Min < 1 || (s.ActorById(l).BirthYear is not null && s.AsOf is not null)),
                        _ => true,
                    };
                case "candidates":
                    return succession;
                case "office" when parts[1] is "acting_successors" or "heir" or "selection":
                    return succession;
                default:
                    return true;
            }
        }
    }
}

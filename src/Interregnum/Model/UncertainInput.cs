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
    /// docs/scenario-format.md ("Numbers that count, and labels"): the departed incumbent's health, ambition and
    /// risk attitude; health of an actor who leads no candidate; ambition of one who leads none or can hold no power
    /// (he casts no vote for himself); risk attitude of an actor who can
    /// control no coercion; positions and saliences of an actor who leads no candidate and can hold no power;
    /// ties that neither touch a candidate's leader from a possible voter nor carry the incumbent's patronage or an
    /// heir's inheritance; and, when the incumbent stays, every number that only the succession contest reads.
    /// </summary>
    public static bool CanMatter(Scenario s, Shock? shock, string path)
    {
        var parts = path.Split('.');
        var leaders = s.Candidates.Where(c => !c.Residual).Select(c => c.ActorId(s.Office)).ToHashSet(StringComparer.Ordinal);
        var contestOnly = shock is not null && !shock.IncumbentLeaves;
        bool Powerful(string id) => id == s.Incumbent || s.ActorById(id).Holdings.Values.Any(h => h.Max > 0)
            || s.Organizations.Any(o => o.Head == id) || s.Office.ActingSuccessors.Any(x => x.Actor == id) || s.Office.Heir?.Actor == id
            || s.Office.Selection.Electorate.ContainsKey(id);
        bool Coercive(string id)
        {
            var coercive = s.Instruments.Where(i => i.Coercive).Select(i => i.Id).ToList();
            bool Holds(IReadOnlyDictionary<string, Uncertain> h) => coercive.Any(i => h.TryGetValue(i, out var x) && x.Max > 0);
            return Holds(s.ActorById(id).Holdings) || s.Organizations.Any(o => o.Head == id && Holds(o.Holdings))
                || ((s.Office.ActingSuccessors.Any(x => x.Actor == id) || s.Office.Heir?.Actor == id) && (Holds(s.Office.Holdings) || s.Organizations.Any(o => Holds(o.Holdings))));
        }

        switch (parts[0])
        {
            case "actors":
            {
                var id = parts[1];
                return parts[2] switch
                {
                    "health" => !contestOnly && id != s.Incumbent && leaders.Contains(id),
                    "ambition" => !contestOnly && id != s.Incumbent && leaders.Contains(id) && Powerful(id),
                    "risk" => !contestOnly && id != s.Incumbent && Coercive(id),
                    "positions" or "salience" => leaders.Contains(id) || Powerful(id),
                    _ => true,
                };
            }

            case "ties":
            {
                if (contestOnly)
                {
                    return false;
                }

                var tie = s.Ties.First(t => path == $"ties.{t.From}.{t.To}.{t.Type.ToString().ToLowerInvariant()}.weight");
                if (tie.From == s.Incumbent || tie.To == s.Incumbent)
                {
                    var other = tie.From == s.Incumbent ? tie.To : tie.From;
                    return (tie.Type == TieType.Patronage && tie.From == s.Incumbent && Powerful(other) && other != s.Office.Heir?.Actor)
                        || (s.Office.Heir is { } heir && tie.Type != TieType.Rivalry && other != heir.Actor && Powerful(other) && leaders.Contains(heir.Actor));
                }

                return (leaders.Contains(tie.From) && Powerful(tie.To)) || (leaders.Contains(tie.To) && Powerful(tie.From));
            }

            case "contest" or "candidates":
                return !contestOnly;
            case "office" when parts[1] is "acting_successors" or "heir" or "selection":
                return !contestOnly;
            default:
                return true;
        }
    }
}

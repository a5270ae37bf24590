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
        }

        var c = s.Contest;
        Add("contest.policy_weight", c.PolicyWeight);
        Add("contest.tie_weight", c.TieWeight);
        Add("contest.ambition_weight", c.AmbitionWeight);
        Add("contest.fear_weight", c.FearWeight);
        Add("contest.contested_threshold", c.ContestedThreshold);
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

    /// <summary>The uncertain numbers that can affect a forecast of the given shock: all but other shocks' own numbers.</summary>
    public static IReadOnlyList<UncertainInput> UncertainFor(Scenario s, string shockId) =>
        Uncertain(s).Where(x => !x.Path.StartsWith("shocks.", StringComparison.Ordinal) || x.Path.StartsWith("shocks." + shockId + ".", StringComparison.Ordinal)).ToList();
}

using Interregnum.Model;

namespace Interregnum.Judgments;

/// <summary>Names an input path in words for a reader, e.g. <c>actors.patrushev.ambition</c> → "Nikolai Patrushev's ambition".</summary>
public static class InputNames
{
    /// <summary>The input in words; an unknown path comes back unchanged (a reader still sees what it is).</summary>
    public static string Describe(Scenario s, string path)
    {
        var p = path.Split('.');
        string Actor(string id) => s.Actors.FirstOrDefault(a => a.Id == id)?.Name ?? id;
        string Org(string id) => s.Organizations.FirstOrDefault(o => o.Id == id)?.Name ?? id;
        string Dim(string id) => s.Dimensions.FirstOrDefault(d => d.Id == id)?.Label ?? id;
        string Inst(string id) => s.Instruments.FirstOrDefault(i => i.Id == id)?.Label ?? id;
        string Who(string id) => s.Actors.Any(a => a.Id == id) ? Actor(id) : Org(id);
        return p switch
        {
            ["contest", "policy_weight"] => "how much policy agreement draws support to a candidate",
            ["contest", "tie_weight"] => "how much personal ties draw support to a candidate",
            ["contest", "ambition_weight"] => "how much ambition makes an actor back itself",
            ["contest", "fear_weight"] => "how much fear of a rival's victory moves support",
            ["contest", "contested_threshold"] => "the share of coercion opponents need for a contested succession",
            ["contest", "acting_successor_bonus"] => "the extra crisis weight of the acting successor's office",
            ["contest", "acting_successor_following"] => $"how much of the office and its loyal organizations follow the acting successor during the crisis",
            ["contest", "horizon_weight"] => "how much a candidate's prospect of serving long draws support",
            ["contest", "fight_scale"] => "how sharply a losing camp's readiness to fight rises past the threshold",
            ["actors", var a, "health"] => $"{Actor(a)}'s health",
            ["actors", var a, "ambition"] => $"{Actor(a)}'s ambition",
            ["actors", var a, "risk"] => $"{Actor(a)}'s attitude to risk",
            ["actors", var a, "positions", var d] => $"{Actor(a)}'s position on {Dim(d)}",
            ["actors", var a, "salience", var d] => $"how much {Actor(a)} cares about {Dim(d)}",
            ["actors", var a, "holdings", var i] => $"{Actor(a)}'s personal hold on {Inst(i)}",
            ["organizations", var o, "holdings", var i] => $"{Org(o)}'s share of {Inst(i)}",
            ["organizations", var o, "loyalty", "head"] => $"how much of {Org(o)} follows its head",
            ["organizations", var o, "loyalty", "office"] => $"how much of {Org(o)} follows the office",
            ["organizations", var o, "loyalty", "incumbent"] => $"how much of {Org(o)} follows the incumbent personally",
            ["ties", var from, var to, var type, "weight"] => $"the strength of the {type} tie from {Who(from)} to {Who(to)}",
            ["instruments", var i, "weights", var phase] => $"the weight of {Inst(i)} in the {phase} phase",
            ["office", "holdings", var i] => $"the office's hold on {Inst(i)}",
            ["shocks", var sh, "patronage_discount"] => $"how much patronage loses its value after {s.ShockById(sh)?.Label ?? sh}",
            ["shocks", var sh, "effects", _, ..] => $"an effect of {s.ShockById(sh)?.Label ?? sh} ({string.Join(' ', p[4..])})",
            ["shocks", var sh, var which, "confidence"] => $"the confidence of the {which} attribution of {s.ShockById(sh)?.Label ?? sh}",
            ["shocks", var sh, var which, "effect", var d] => $"how far blame for {s.ShockById(sh)?.Label ?? sh} moves the successor on {Dim(d)} ({which} attribution)",
            ["candidates", var c, "prior"] => $"the prior chance that {s.Candidates.FirstOrDefault(x => x.Id == c)?.Label.ToLowerInvariant() ?? c} prevails",
            ["office", "heir", "following"] => "how much of the incumbent's following passes to his heir",
            ["office", "selection", "binding"] => "how far the office's selection rule, not force, decides",
            ["office", "selection", "electorate", var a] => $"{Actor(a)}'s votes in the elite body",
            ["office", "selection", "popularity", var c] => $"popular support for {s.Candidates.FirstOrDefault(x => x.Id == c)?.Label ?? c}",
            ["office", "acting_successors", var a, "weight"] => $"the weight of {Actor(a)}'s claim to act as successor",
            _ => path,
        };
    }
}

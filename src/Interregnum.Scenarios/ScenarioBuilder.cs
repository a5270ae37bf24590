using System.Globalization;
using Interregnum.Model;

namespace Interregnum.Scenarios;

/// <summary>
/// Binds a parsed document to the <see cref="Scenario"/> model, checking every rule of format versions 1 and 2
/// (docs/scenario-format.md); the keys that version 2 adds are refused in a version-1 file. Records problems in the binder and keeps going, so one pass finds them all.
/// </summary>
internal sealed class ScenarioBuilder(NodeBinder b)
{
    private static readonly string[] TopKeys =
    [
        "interregnum", "id", "title", "question", "description", "as_of", "incumbent", "sources", "instruments",
        "dimensions", "actors", "organizations", "ties", "office", "candidates", "shocks", "reference_class", "contest",
        "exit_risk",

        // Brief sections (issue 13), read by BriefSectionsReader.
        "indicators", "external_forecasts",
    ];

    private static readonly string[] Manners = ["natural-death", "incapacity", "coup", "assassination", "forced-resignation", "failed-attempt"];
    private static readonly string[] Locations = ["domestic", "abroad"];
    private static readonly string[] TieTypes = ["patronage", "family", "shared-background", "rivalry", "command"];
    private static readonly string[] Parties = ["none", "domestic-elite", "foreign-state", "non-state", "unknown"];
    private static readonly string[] Targets = ["position", "salience", "ambition", "loyalty"];
    private static readonly string[] LoyaltyTargets = ["head", "office", "incumbent"];
    private static readonly string[] SelectionRules = ["force", "elite-body", "election", "hereditary"];

    /// <summary>GWF regime types (Geddes, Wright and Frantz 2014), including their hybrids.</summary>
    private static readonly string[] RegimeTypes =
    [
        "personal", "military", "party", "monarchy", "oligarchy", "indirect-military", "party-personal",
        "military-personal", "party-military", "party-military-personal",
    ];

    private static readonly ValueRange PositionRange = new(0, 100, "a position");
    private static readonly ValueRange SalienceRange = new(0, 100, "a salience");
    private static readonly ValueRange UnitRange = new(0, 1, "a share");
    private static readonly ValueRange Nonnegative = new(0, double.PositiveInfinity, "a weight");
    private static readonly ValueRange HoldingRange = new(0, double.PositiveInfinity, "a holding");

    private readonly Dictionary<string, Dictionary<string, YNode>> declared = new()
    {
        ["source"] = [], ["instrument"] = [], ["dimension"] = [], ["actor"] = [], ["organization"] = [],
        ["candidate"] = [], ["shock"] = [],
    };

    private readonly List<(YNode Node, string Id, string Kind)> references = [];

    // Set while reading, even for an instrument with other faults, so one fault does not cascade into another.
    private bool anyCoercive;

    // The format version read (the newest when the file's is missing or unreadable, so every key is checked once).
    private int version = Scenario.FormatVersion;

    public Scenario? Build(YNode root)
    {
        if (b.Mapping(root, "a scenario") is not { } map)
        {
            return null;
        }

        var v = b.Open(map, "the scenario", TopKeys);
        CheckVersion(v);
        var id = v.Id("id", "scenario id");
        var title = v.Text("title", required: true);
        var question = v.Text("question");
        var description = v.Text("description");
        var asOf = b.Date(v, "as_of", required: false);
        var incumbent = Ref(v, "incumbent", "actor", required: true);

        var sources = Items(v, "sources", "a source", required: false, ReadSource);
        var instruments = Items(v, "instruments", "an instrument", required: true, ReadInstrument);
        var dimensions = Items(v, "dimensions", "a dimension", required: true, ReadDimension);
        var actors = Items(v, "actors", "an actor", required: true, m => ReadActor(m, asOf));
        var organizations = Items(v, "organizations", "an organization", required: false, ReadOrganization);
        var ties = Items(v, "ties", "a tie", required: false, ReadTie);
        var office = v.Get("office", required: true) is { } officeNode && b.Mapping(officeNode, "the office") is { } om ? ReadOffice(om) : null;
        var candidates = Items(v, "candidates", "a candidate", required: true, ReadCandidate);
        var shocks = Items(v, "shocks", "a shock", required: false, ReadShock);
        var referenceClass = v.Get("reference_class", required: false) is { } rcNode && b.Mapping(rcNode, "the reference class") is { } rcm ? ReadReferenceClass(rcm) : null;
        var contest = v.Get("contest", required: false) is { } cNode && b.Mapping(cNode, "the contest settings") is { } cm ? ReadContest(cm) : ContestSettings.Default;
        var exitRisk = v.Get("exit_risk", required: false) is { } erNode && b.Mapping(erNode, "the exit-risk section") is { } erm
            ? new ExitRiskSectionReader(b, Ref).Read(erm, asOf, actors.Select(a => a.Value).FirstOrDefault(a => a.Id == incumbent)?.BirthYear)
            : null;

        // Brief sections (issue 13): indicators and external forecasts, checked once the scenario is built.
        var briefSections = new BriefSectionsReader(b, Ref);
        if (v.Get("indicators", required: false) is { } indicatorsNode)
        {
            briefSections.ReadIndicators(indicatorsNode);
        }

        if (v.Get("external_forecasts", required: false) is { } externalNode)
        {
            briefSections.ReadExternalForecasts(externalNode);
        }

        ResolveReferences();
        briefSections.CheckQuestions(candidates.Select(c => c.Value.Id).ToList(), exitRisk is not null || v.Has("exit_risk"));
        CheckInstruments(instruments, v);
        CheckActors(actors.Select(a => a.Value).ToList(), dimensions.Select(d => d.Value.Id).ToList(), actors);
        CheckTies(ties);
        if (office is not null)
        {
            CheckOffice(office.Value, incumbent, candidates);
        }

        CheckShocks(shocks, office?.Value, candidates, incumbent);

        if (b.ErrorCount > 0 || id is null || title is null || incumbent is null || office is null)
        {
            return null;
        }

        var scenario = new Scenario(
            id,
            title,
            question,
            description,
            asOf,
            incumbent,
            sources.Select(x => x.Value).ToList(),
            instruments.Select(x => x.Value).ToList(),
            dimensions.Select(x => x.Value).ToList(),
            actors.Select(x => x.Value).ToList(),
            organizations.Select(x => x.Value).ToList(),
            ties.Select(x => x.Value).ToList(),
            office.Value.Value,
            candidates.Select(x => x.Value).ToList(),
            shocks.Select(x => x.Value).ToList(),
            referenceClass,
            contest) { ExitRisk = exitRisk };
        return briefSections.Check(scenario);
    }

    private void CheckVersion(MapView v)
    {
        if (v.Get("interregnum", required: false) is not { } node)
        {
            b.Error(v.Node, "missing required key 'interregnum' (the format version: write 'interregnum: 1' first)");
            return;
        }

        var read = b.Number(node, "the format version");
        if (read is not null && (read < Scenario.OldestFormatVersion || read > Scenario.FormatVersion || read != Math.Floor(read.Value)))
        {
            b.Error(node, $"unsupported format version {Fmt.N(read.Value)}; this program reads versions {Scenario.OldestFormatVersion} and {Scenario.FormatVersion}");
        }
        else if (read is not null)
        {
            version = (int)read.Value;
        }
    }

    /// <summary>Refuses a key that format version 2 added, in a version-1 file.</summary>
    private bool Version2(MapView v, string key)
    {
        if (!v.Has(key))
        {
            return false;
        }

        if (version < 2)
        {
            b.Error(v.KeyNode(key)!, $"'{key}' needs format version 2; write 'interregnum: 2' at the top of the file");
            return false;
        }

        return true;
    }

    // ---- elements -------------------------------------------------------------------------------------------

    private Source? ReadSource(YMapping m)
    {
        var v = b.Open(m, "a source", "id", "citation", "url");
        var id = Declare(v, "source");
        var citation = v.Text("citation", required: true);
        var url = v.Text("url");
        return id is null || citation is null ? null : new Source(id, citation, url);
    }

    private Instrument? ReadInstrument(YMapping m)
    {
        var v = b.Open(m, "an instrument", "id", "label", "coercive", "weights", "sources");
        var id = Declare(v, "instrument");
        var label = v.Text("label", required: true);
        var coercive = v.Bool("coercive") ?? false;
        anyCoercive |= coercive;
        var weights = new Dictionary<string, Uncertain>(StringComparer.Ordinal);
        if (v.Get("weights", required: true) is { } wn && b.Mapping(wn, "weights per phase") is { } wm)
        {
            foreach (var (key, value) in wm.Entries)
            {
                if (b.Id(key, "phase name") is not { } phase)
                {
                    continue;
                }

                if (weights.ContainsKey(phase))
                {
                    b.Error(key, $"duplicate phase '{phase}' in weights");
                    continue;
                }

                if (b.Uncertain(value, Nonnegative with { What = "a weight" }) is { } w)
                {
                    weights[phase] = w;
                }
            }

            foreach (var phase in Scenario.RequiredPhases)
            {
                if (!wm.Entries.Any(e => e.Key.Value == phase))
                {
                    var hint = wm.Entries.Select(e => e.Key.Value).FirstOrDefault(k => Suggest.Closest(k, [phase]) is not null && !Scenario.RequiredPhases.Contains(k));
                    b.Error(wm, $"instrument '{id}' has no weight for phase '{phase}' (every instrument weighs 'crisis' and 'settled')" + (hint is null ? string.Empty : $"; is '{hint}' a misspelling?"));
                }
            }
        }

        var sources = Sources(v);
        return id is null || label is null ? null : new Instrument(id, label, weights, coercive, sources);
    }

    private Dimension? ReadDimension(YMapping m)
    {
        var v = b.Open(m, "a dimension", "id", "label", "low", "high", "sources");
        var id = Declare(v, "dimension");
        var label = v.Text("label", required: true);
        var low = v.Text("low", required: true);
        var high = v.Text("high", required: true);
        var sources = Sources(v);
        return id is null || label is null || low is null || high is null ? null : new Dimension(id, label, low, high, sources);
    }

    private Actor? ReadActor(YMapping m, DateOnly? asOf)
    {
        var v = b.Open(m, "an actor", "id", "name", "role", "birth_year", "health", "ambition", "risk_attitude", "positions", "salience", "holdings", "sources");
        var id = Declare(v, "actor");
        var name = v.Text("name", required: true);
        var role = v.Text("role");
        int? birthYear = null;
        if (v.Get("birth_year", required: false) is { } by)
        {
            birthYear = b.Integer(by, "birth_year", 1800, asOf?.Year ?? 2100);
        }

        var health = v.Uncertain("health", new ValueRange(0, 1, "health")) ?? Uncertain.Fixed(1);
        var ambition = v.Uncertain("ambition", new ValueRange(0, 1, "ambition")) ?? Uncertain.Fixed(0);
        var risk = v.Uncertain("risk_attitude", new ValueRange(-1, 1, "risk_attitude")) ?? Uncertain.Fixed(0);
        var positions = Keyed(v, "positions", "dimension", PositionRange, required: true);
        var salience = Keyed(v, "salience", "dimension", SalienceRange, required: true);
        var holdings = Keyed(v, "holdings", "instrument", HoldingRange, required: false);
        var sources = Sources(v);
        return id is null || name is null ? null : new Actor(id, name, role, birthYear, health, ambition, risk, positions, salience, holdings, sources);
    }

    private Organization? ReadOrganization(YMapping m)
    {
        var v = b.Open(m, "an organization", "id", "name", "head", "holdings", "loyalty", "sources");
        var id = Declare(v, "organization");
        var name = v.Text("name", required: true);
        var head = Ref(v, "head", "actor", required: false);
        var holdings = Keyed(v, "holdings", "instrument", HoldingRange, required: true);
        if (v.ValueNode("holdings") is YMapping { Entries.Count: 0 } emptyHoldings)
        {
            b.Error(emptyHoldings, $"organization '{id}' holds nothing; give it a holding of at least one instrument");
        }

        var loyalty = new Loyalty(Uncertain.Fixed(0), Uncertain.Fixed(0), Uncertain.Fixed(0));
        if (v.Get("loyalty", required: true) is { } ln && b.Mapping(ln, "loyalty shares { head, office, incumbent }") is { } lm)
        {
            var lv = b.Open(lm, "loyalty", "head", "office", "incumbent");
            loyalty = new Loyalty(
                lv.Uncertain("head", UnitRange with { What = "a loyalty share" }) ?? Uncertain.Fixed(0),
                lv.Uncertain("office", UnitRange with { What = "a loyalty share" }) ?? Uncertain.Fixed(0),
                lv.Uncertain("incumbent", UnitRange with { What = "a loyalty share" }) ?? Uncertain.Fixed(0));
            var total = loyalty.Head.Point + loyalty.Office.Point + loyalty.Incumbent.Point;
            if (total > 1 + 1e-9)
            {
                b.Error(lm, $"loyalty shares of '{id}' add up to {Fmt.N(Math.Round(total, 6))} (by their medians); they must total at most 1");
            }

            if (head is null && !v.Has("head") && loyalty.Head.Max > 0)
            {
                b.Error(lv.KeyNode("head")!, $"organization '{id}' has loyalty to its head but no head; add 'head' or set this share to 0");
            }
        }

        var sources = Sources(v);
        return id is null || name is null ? null : new Organization(id, name, head, holdings, loyalty, sources);
    }

    private Tie? ReadTie(YMapping m)
    {
        var v = b.Open(m, "a tie", "from", "to", "type", "weight", "sources");
        var from = Ref(v, "from", "actor", required: true);
        var to = Ref(v, "to", "actor", required: true);
        var type = v.Get("type", required: true) is { } tn ? b.Choice(tn, "tie type", TieTypes) : null;
        var weight = v.Uncertain("weight", new ValueRange(0, 1, "a tie weight"), required: true);
        var sources = Sources(v);
        if (from is not null && from == to)
        {
            b.Error(v.ValueNode("to")!, $"a tie joins two different actors; '{from}' is tied to itself");
        }

        return from is null || to is null || type is null || weight is null ? null : new Tie(from, to, ParseEnum<TieType>(type), weight, sources);
    }

    private (Office Value, YMapping Node, MapView View)? ReadOffice(YMapping m)
    {
        var v = b.Open(m, "the office", "id", "label", "holdings", "acting_successor", "acting_successors", "acting_term_days", "heir", "selection");
        var id = v.Id("id", "office id");
        var label = v.Text("label", required: true);
        var holdings = Keyed(v, "holdings", "instrument", HoldingRange, required: false);
        var acting = Ref(v, "acting_successor", "actor", required: false);
        var actingList = new List<ActingSuccession>();
        if (Version2(v, "acting_successors"))
        {
            if (acting is not null)
            {
                b.Error(v.KeyNode("acting_successors")!, "give either 'acting_successor' (one) or 'acting_successors' (a list), not both");
            }

            actingList = Items(v, "acting_successors", "an acting successor { actor, reading, weight }", required: false, ReadActing).Select(x => x.Value).ToList();
            acting ??= actingList.FirstOrDefault()?.Actor;
        }

        int? term = v.Get("acting_term_days", required: false) is { } tn ? b.Integer(tn, "acting_term_days", 1, 3650) : null;
        if (term is not null && acting is null)
        {
            b.Error(v.KeyNode("acting_term_days")!, "acting_term_days needs an acting_successor");
        }

        DesignatedHeir? heir = null;
        if (Version2(v, "heir") && b.Mapping(v.ValueNode("heir")!, "the heir { actor, following }") is { } hm)
        {
            var hv = b.Open(hm, "the heir", "actor", "following");
            var heirActor = Ref(hv, "actor", "actor", required: true);
            var following = hv.Uncertain("following", UnitRange with { What = "the heir's following" }) ?? DesignatedHeir.DefaultFollowing;
            heir = heirActor is null ? null : new DesignatedHeir(heirActor, following);
        }

        var selection = OfficeSelection.Force;
        if (Version2(v, "selection") && b.Mapping(v.ValueNode("selection")!, "the selection { rule, binding, electorate, popularity }") is { } sm)
        {
            selection = ReadSelection(sm) ?? selection;
        }

        if (id is null || label is null)
        {
            return null;
        }

        var office = new Office(id, label, holdings, acting, term) { Selection = selection, Heir = heir };
        if (actingList.Count > 0)
        {
            office = office with { ActingSuccessors = actingList };
        }

        return (office, m, v);
    }

    private ActingSuccession? ReadActing(YMapping m)
    {
        var v = b.Open(m, "an acting successor", "actor", "reading", "weight");
        var actor = Ref(v, "actor", "actor", required: true);
        var reading = v.Text("reading");
        var weight = v.Uncertain("weight", Nonnegative with { What = "an acting successor's weight" }) ?? Uncertain.Fixed(1);
        return actor is null ? null : new ActingSuccession(actor, reading, weight);
    }

    private OfficeSelection? ReadSelection(YMapping m)
    {
        var v = b.Open(m, "the selection", "rule", "binding", "electorate", "popularity");
        var rule = v.Get("rule", required: true) is { } rn ? b.Choice(rn, "selection rule", SelectionRules) : null;
        var binding = v.Uncertain("binding", UnitRange with { What = "binding" }) ?? OfficeSelection.DefaultBinding;
        var electorate = Keyed(v, "electorate", "actor", Nonnegative with { What = "a number of votes" }, required: rule == "elite-body");
        var popularity = Keyed(v, "popularity", "candidate", Nonnegative with { What = "popular support" }, required: rule == "election");
        foreach (var (key, what, applies) in new[] { ("electorate", "an elite body", "elite-body"), ("popularity", "an election", "election") })
        {
            if (rule is not null && rule != applies && v.KeyNode(key) is { } k)
            {
                b.Error(k, $"'{key}' applies to {what} (rule '{applies}'), not to rule '{rule}'");
            }
        }

        if (rule == "force" && v.KeyNode("binding") is { } bk)
        {
            b.Error(bk, "'binding' weighs a rule against force; with rule 'force' it would change nothing");
        }

        return rule is null ? null : new OfficeSelection(ParseEnum<SelectionRule>(rule), binding, electorate, popularity);
    }

    private Candidate? ReadCandidate(YMapping m)
    {
        var v = b.Open(m, "a candidate", "id", "label", "actor", "acting_successor", "residual", "prior");
        var id = Declare(v, "candidate");
        var label = v.Text("label", required: true);
        var actor = Ref(v, "actor", "actor", required: false);
        var acting = v.Bool("acting_successor") ?? false;
        var residual = Version2(v, "residual") && (v.Bool("residual") ?? false);
        Uncertain? prior = null;
        if (Version2(v, "prior"))
        {
            prior = v.Uncertain("prior", UnitRange with { What = "a prior" });
            if (!residual)
            {
                b.Error(v.KeyNode("prior")!, $"only the residual candidate ('residual: true') takes a prior; '{id}' is a listed candidate");
            }
        }

        if (residual)
        {
            if (v.Has("actor") || acting)
            {
                b.Error(m, $"the residual candidate '{id}' is someone not listed: it names no actor and is not the acting successor");
            }
            else if (prior is null)
            {
                b.Error(m, $"the residual candidate '{id}' needs a 'prior' (its probability, e.g. {{ uniform: [0.05, 0.15] }})");
            }

            return id is null || label is null || prior is null ? null : new Candidate(id, label, null, false) { Residual = true, Prior = prior };
        }

        if (v.Has("actor") == acting)
        {
            b.Error(m, acting
                ? $"candidate '{id}' names an actor and is the acting successor; give one of 'actor' or 'acting_successor: true'"
                : $"candidate '{id}' needs 'actor' (a person) or 'acting_successor: true' (whoever holds the office's acting role)");
        }

        return id is null || label is null ? null : new Candidate(id, label, actor, acting);
    }

    private Shock? ReadShock(YMapping m)
    {
        var v = b.Open(m, "a shock", "id", "label", "manner", "location", "perceived", "actual", "patronage_discount", "effects", "plotters", "installs", "description", "sources");
        var id = Declare(v, "shock");
        var label = v.Text("label", required: true);
        var manner = v.Get("manner", required: true) is { } mn ? b.Choice(mn, "manner", Manners) : null;
        var location = v.Get("location", required: false) is { } ln ? b.Choice(ln, "location", Locations) : "domestic";
        var perceived = v.Get("perceived", required: false) is { } pn && b.Mapping(pn, "an attribution { party, confidence, note }") is { } pm ? ReadAttribution(pm, "perceived") : null;
        var actual = v.Get("actual", required: false) is { } an && b.Mapping(an, "an attribution { party, confidence, note }") is { } am ? ReadAttribution(am, "actual") : null;
        if (manner == "natural-death" && actual is not null && actual.Party != "none")
        {
            b.Error(v.ValueNode("actual")!, $"a natural death has no responsible party; actual party is '{actual.Party}' (use manner 'assassination' or party 'none')");
        }

        var discount = v.Uncertain("patronage_discount", UnitRange with { What = "patronage_discount" }) ?? Uncertain.Fixed(0);
        var effects = Items(v, "effects", "an effect", required: false, ReadEffect).Select(e => e.Value).ToList();
        var plotters = new List<string>();
        if (Version2(v, "plotters") && b.Sequence(v.ValueNode("plotters")!, "'plotters' (actor ids)") is { } ps)
        {
            foreach (var item in ps.Items)
            {
                if (Ref(item, "actor") is { } p)
                {
                    plotters.Add(p);
                }
            }
        }

        string? installs = null;
        if (Version2(v, "installs"))
        {
            installs = Ref(v, "installs", "candidate", required: false);
            if (!v.Has("plotters"))
            {
                b.Error(v.KeyNode("installs")!, "'installs' names the candidate a coup's plotters install; declare the 'plotters' too");
            }
        }

        if (manner is not null and not "coup" && v.KeyNode("plotters") is { } pk && version >= 2)
        {
            b.Error(pk, $"'plotters' belong to a coup; this shock's manner is '{manner}'");
        }

        var description = v.Text("description");
        var sources = Sources(v);
        return id is null || label is null || manner is null || location is null
            ? null
            : new Shock(id, label, ParseEnum<ExitManner>(manner), ParseEnum<ExitLocation>(location), perceived, actual, discount, effects, description, sources) { Plotters = plotters, Installs = installs };
    }

    private Attribution? ReadAttribution(YMapping m, string what)
    {
        var v = b.Open(m, $"the {what} attribution", "party", "confidence", "note", "effect", "revealed");
        var party = v.Get("party", required: true) is { } pn ? b.Choice(pn, "party", Parties) : null;
        var confidence = v.Uncertain("confidence", UnitRange with { What = "confidence" }, required: true);
        var note = v.Text("note");
        AttributionEffect? effect = null;
        if (Version2(v, "effect") && b.Mapping(v.ValueNode("effect")!, "an attribution effect { dimension, shift }") is { } em)
        {
            var ev = b.Open(em, "an attribution effect", "dimension", "shift");
            var dimension = Ref(ev, "dimension", "dimension", required: true);
            var shift = ev.Uncertain("shift", new ValueRange(-100, 100, "a position shift"), required: true);
            effect = dimension is null || shift is null ? null : new AttributionEffect(dimension, shift);
        }

        var revealed = false;
        if (Version2(v, "revealed"))
        {
            revealed = v.Bool("revealed") ?? false;
            if (what != "actual")
            {
                b.Error(v.KeyNode("revealed")!, "'revealed' applies to the actual attribution (the truth comes out); the perceived one is what is believed");
            }
        }

        return party is null || confidence is null ? null : new Attribution(party, confidence, note) { Effect = effect, Revealed = revealed };
    }

    private ShockEffect? ReadEffect(YMapping m)
    {
        var v = b.Open(m, "an effect", "target", "subject", "dimension", "loyalty_to", "shift");
        var target = v.Get("target", required: true) is { } tn ? b.Choice(tn, "effect target", Targets) : null;
        string? subject = null;
        if (v.Get("subject", required: true) is { } sn)
        {
            if (target == "loyalty")
            {
                subject = Ref(sn, "organization");
            }
            else if (sn is YScalar { Value: "*", Quoted: var _ })
            {
                subject = "*";
            }
            else if (target is not null)
            {
                subject = Ref(sn, "actor");
            }
        }

        string? dimension = null;
        if (target is "position" or "salience")
        {
            dimension = Ref(v, "dimension", "dimension", required: true);
        }
        else if (target is not null && v.KeyNode("dimension") is { } dk)
        {
            b.Error(dk, $"'dimension' applies to position and salience effects, not {target}");
        }

        string? loyaltyTo = null;
        if (target == "loyalty")
        {
            loyaltyTo = v.Get("loyalty_to", required: true) is { } lt ? b.Choice(lt, "loyalty_to", LoyaltyTargets) : null;
        }
        else if (target is not null && v.KeyNode("loyalty_to") is { } lk)
        {
            b.Error(lk, $"'loyalty_to' applies to loyalty effects, not {target}");
        }

        var shiftRange = target is "position" or "salience" ? new ValueRange(-100, 100, $"a {target} shift") : new ValueRange(-1, 1, $"a{(target == "ambition" ? "n" : string.Empty)} {target ?? "effect"} shift");
        var shift = v.Uncertain("shift", shiftRange, required: true);
        return target is null || subject is null || shift is null || (target is "position" or "salience" && dimension is null) || (target == "loyalty" && loyaltyTo is null)
            ? null
            : new ShockEffect(ParseEnum<EffectTarget>(target), subject, dimension, loyaltyTo, shift);
    }

    private ReferenceClass ReadReferenceClass(YMapping m)
    {
        var v = b.Open(m, "the reference class", "regime_type", "region", "era", "manner");
        var regime = v.Get("regime_type", required: false) is { } rn ? b.Choice(rn, "regime type", RegimeTypes) : null;
        var region = v.Text("region");
        int? from = null, to = null;
        if (v.Get("era", required: false) is { } en)
        {
            if (en is YSequence { Items.Count: 2 } seq)
            {
                from = b.Integer(seq.Items[0], "era's first year", 1800, 2100);
                to = b.Integer(seq.Items[1], "era's last year", 1800, 2100);
                if (from > to)
                {
                    b.Error(en, $"era runs from {from} to {to}: the first year must not come after the last");
                }
            }
            else
            {
                b.Error(en, $"era takes a list [first year, last year], found {Fmt.Found(en)}");
            }
        }

        var manner = v.Get("manner", required: false) is { } mn ? b.Choice(mn, "manner", Manners) : null;
        return new ReferenceClass(regime, region, from, to, manner is null ? null : ParseEnum<ExitManner>(manner));
    }

    private ContestSettings ReadContest(YMapping m)
    {
        var v = b.Open(m, "the contest settings", "policy_weight", "tie_weight", "ambition_weight", "fear_weight", "contested_threshold", "acting_successor_bonus", "acting_successor_following", "horizon_weight", "fight_scale");
        var d = ContestSettings.Default;
        var horizon = Version2(v, "horizon_weight") ? v.Uncertain("horizon_weight", Nonnegative with { What = "horizon_weight" }) : null;
        var fightScale = Version2(v, "fight_scale") ? v.Uncertain("fight_scale", new ValueRange(0.001, 1, "fight_scale")) : null;
        return new ContestSettings(
            v.Uncertain("policy_weight", Nonnegative with { What = "policy_weight" }) ?? d.PolicyWeight,
            v.Uncertain("tie_weight", Nonnegative with { What = "tie_weight" }) ?? d.TieWeight,
            v.Uncertain("ambition_weight", Nonnegative with { What = "ambition_weight" }) ?? d.AmbitionWeight,
            v.Uncertain("fear_weight", Nonnegative with { What = "fear_weight" }) ?? d.FearWeight,
            v.Uncertain("contested_threshold", UnitRange with { What = "contested_threshold" }) ?? d.ContestedThreshold,
            v.Uncertain("acting_successor_bonus", UnitRange with { What = "acting_successor_bonus" }) ?? d.ActingSuccessorBonus,
            v.Uncertain("acting_successor_following", UnitRange with { What = "acting_successor_following" }) ?? d.ActingSuccessorFollowing)
        {
            HorizonWeight = horizon ?? ContestSettings.DefaultHorizonWeight,
            FightScale = fightScale ?? ContestSettings.DefaultFightScale,
        };
    }

    // ---- cross-element checks --------------------------------------------------------------------------------

    private void CheckInstruments(List<(Instrument Value, YMapping Node)> instruments, MapView top)
    {
        if (instruments.Count == 0)
        {
            return;
        }

        if (!anyCoercive)
        {
            b.Error(top.KeyNode("instruments")!, "no instrument is coercive; mark the instruments of force with 'coercive: true' (a contested succession is judged by them)");
        }

        foreach (var phase in Scenario.RequiredPhases)
        {
            if (instruments.All(i => i.Value.Weights.TryGetValue(phase, out var w) && w.Max == 0))
            {
                b.Error(top.KeyNode("instruments")!, $"every instrument weighs 0 in phase '{phase}'; no one would have any capability");
            }
        }
    }

    private void CheckActors(List<Actor> actors, List<string> dimensionIds, List<(Actor Value, YMapping Node)> nodes)
    {
        for (var i = 0; i < actors.Count; i++)
        {
            var actor = actors[i];
            var node = nodes[i].Node;
            var view = new Dictionary<string, YNode>(StringComparer.Ordinal);
            foreach (var (key, value) in node.Entries)
            {
                view.TryAdd(key.Value, value); // the first of duplicate keys counts, as in MapView
            }

            foreach (var (key, word) in new[] { ("positions", "position"), ("salience", "salience") })
            {
                if (!view.TryGetValue(key, out var at) || at is not YMapping)
                {
                    continue; // reported as missing or mistyped already
                }

                var have = key == "positions" ? actor.Positions : actor.Salience;
                foreach (var dim in dimensionIds)
                {
                    if (!have.ContainsKey(dim) && !((YMapping)at).Entries.Any(e => e.Key.Value == dim))
                    {
                        b.Error(at, $"actor '{actor.Id}' has no {word} on dimension '{dim}' (every actor needs a {word} on every dimension)");
                    }
                }
            }

            var total = actor.Salience.Values.Sum(s => s.Point);
            if (total > 100 + 1e-9 && view.TryGetValue("salience", out var sal))
            {
                b.Error(sal, $"saliences of '{actor.Id}' add up to {Fmt.N(Math.Round(total, 6))} (by their medians); an actor's saliences total at most 100");
            }
        }
    }

    private void CheckTies(List<(Tie Value, YMapping Node)> ties)
    {
        var seen = new Dictionary<(string, string, TieType), YMapping>();
        foreach (var (tie, node) in ties)
        {
            var key = (tie.From, tie.To, tie.Type);
            if (!seen.TryAdd(key, node))
            {
                b.Error(node, string.Create(CultureInfo.InvariantCulture, $"duplicate {Kebab(tie.Type.ToString())} tie from '{tie.From}' to '{tie.To}' (first at line {seen[key].Line})"));
            }
        }
    }

    private void CheckOffice((Office Value, YMapping Node, MapView View) office, string? incumbent, List<(Candidate Value, YMapping Node)> candidates)
    {
        var acting = office.Value.ActingSuccessor;
        if (acting is not null && acting == incumbent)
        {
            b.Error(office.View.ValueNode("acting_successor")!, $"the acting successor '{acting}' is the incumbent; the acting successor takes over when the incumbent leaves");
        }

        var personal = new Dictionary<string, YMapping>(StringComparer.Ordinal);
        foreach (var (candidate, node) in candidates)
        {
            if (candidate.ActingSuccessor && acting is null)
            {
                b.Error(node, $"candidate '{candidate.Id}' is the acting successor, but the office has no 'acting_successor'");
            }

            if (candidate.Actor is { } a && !personal.TryAdd(a, node))
            {
                b.Error(node, string.Create(CultureInfo.InvariantCulture, $"actor '{a}' is already a candidate (line {personal[a].Line})"));
            }
        }

        var residuals = candidates.Where(c => c.Value.Residual).ToList();
        if (residuals.Count > 1)
        {
            b.Error(residuals[1].Node, string.Create(CultureInfo.InvariantCulture, $"only one residual candidate ('someone not listed'); the first is at line {residuals[0].Node.Line}"));
        }

        if (candidates.Count > 0 && candidates.All(c => c.Value.Residual))
        {
            b.Error(candidates[0].Node, "the residual candidate needs at least one listed candidate beside it");
        }

        var o = office.Value;
        foreach (var x in o.ActingSuccessors.Where(x => x.Actor == incumbent && office.View.Has("acting_successors")))
        {
            b.Error(office.View.KeyNode("acting_successors")!, $"the acting successor '{x.Actor}' is the incumbent; the acting successor takes over when the incumbent leaves");
        }

        if (o.Heir is { } heir)
        {
            var heirNode = office.View.ValueNode("heir")!;
            if (heir.Actor == incumbent)
            {
                b.Error(heirNode, $"the heir '{heir.Actor}' is the incumbent; an heir takes over when the incumbent leaves");
            }
        }

        var sel = o.Selection;
        var selNode = office.View.ValueNode("selection");
        if (sel.Rule == SelectionRule.Hereditary && selNode is not null && (o.Heir is null || !candidates.Any(c => !c.Value.Residual && c.Value.LeaderOrNull(o) == o.Heir.Actor)))
        {
            b.Error(selNode, "a hereditary office needs a designated 'heir' who leads one of the candidates");
        }

        if (sel.Rule == SelectionRule.Election && selNode is YMapping sm)
        {
            var popularity = sm.Entries.FirstOrDefault(e => e.Key.Value == "popularity").Value as YMapping;
            foreach (var (key, _) in popularity?.Entries ?? [])
            {
                var c = candidates.FirstOrDefault(x => x.Value.Id == key.Value);
                if (c.Value is null)
                {
                    b.Error(key, $"unknown candidate '{key.Value}' in popularity");
                }
                else if (c.Value.Residual)
                {
                    b.Error(key, $"the residual candidate '{key.Value}' takes its chance from its prior, not from popularity");
                }
            }
        }
    }

    private void CheckShocks(List<(Shock Value, YMapping Node)> shocks, Office? office, List<(Candidate Value, YMapping Node)> candidates, string? incumbent)
    {
        foreach (var (shock, node) in shocks)
        {
            var effectsNode = node.Entries.FirstOrDefault(e => e.Key.Value == "effects").Value as YSequence;
            for (var e = 0; e < shock.Effects.Count; e++)
            {
                // A shift of the departed incumbent's own following changes nothing unless an heir inherits it.
                var effect = shock.Effects[e];
                if (shock.IncumbentLeaves && effect.Target == EffectTarget.Loyalty && effect.LoyaltyTo == "incumbent" && office?.Heir is null && effectsNode is not null && e < effectsNode.Items.Count)
                {
                    b.Error(effectsNode.Items[e], $"this effect shifts loyalty to the incumbent, who has left in shock '{shock.Id}'; it would change nothing (shift loyalty to the office or the head, or declare an heir who inherits the following)");
                }

                if (effect.Target is EffectTarget.Position or EffectTarget.Salience or EffectTarget.Ambition && effect.Subject == incumbent && shock.IncumbentLeaves && effectsNode is not null && e < effectsNode.Items.Count)
                {
                    b.Error(effectsNode.Items[e], $"this effect moves the incumbent, who has left in shock '{shock.Id}'; it would change nothing");
                }
            }

            if (shock.Installs is { } installs && candidates.FirstOrDefault(c => c.Value.Id == installs).Value is { Residual: true })
            {
                b.Error(node, $"the plotters of '{shock.Id}' install the residual candidate '{installs}'; name a listed candidate");
            }

            if (shock.Plotters.Contains(incumbent ?? string.Empty))
            {
                b.Error(node, $"the incumbent '{incumbent}' is among the plotters of '{shock.Id}'");
            }
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    private List<(T Value, YMapping Node)> Items<T>(MapView v, string key, string what, bool required, Func<YMapping, T?> read)
        where T : class
    {
        var result = new List<(T, YMapping)>();
        if (v.Get(key, required) is not { } node || b.Sequence(node, $"'{key}'") is not { } seq)
        {
            return result;
        }

        if (seq.Items.Count == 0 && required)
        {
            b.Error(seq, $"'{key}' needs at least one entry");
        }

        foreach (var item in seq.Items)
        {
            if (b.Mapping(item, what) is { } m && read(m) is { } value)
            {
                result.Add((value, m));
            }
        }

        return result;
    }

    private string? Declare(MapView v, string kind)
    {
        var node = v.Get("id", required: true);
        if (node is null || b.Id(node, $"{kind} id") is not { } id)
        {
            return null;
        }

        var ids = declared[kind];
        if (ids.TryGetValue(id, out var first))
        {
            b.Error(node, string.Create(CultureInfo.InvariantCulture, $"duplicate {kind} id '{id}' (first declared at line {first.Line})"));
            return null;
        }

        ids[id] = node;
        return id;
    }

    private string? Ref(MapView v, string key, string kind, bool required) =>
        v.Get(key, required) is { } node ? Ref(node, kind) : null;

    private string? Ref(YNode node, string kind)
    {
        if (b.Id(node, $"{kind} id") is not { } id)
        {
            return null;
        }

        references.Add((node, id, kind));
        return id;
    }

    private List<string> Sources(MapView v)
    {
        var result = new List<string>();
        if (v.Get("sources", required: false) is not { } node || b.Sequence(node, "'sources' (source ids)") is not { } seq)
        {
            return result;
        }

        foreach (var item in seq.Items)
        {
            if (Ref(item, "source") is { } id)
            {
                result.Add(id);
            }
        }

        return result;
    }

    private Dictionary<string, Uncertain> Keyed(MapView v, string key, string kind, ValueRange range, bool required)
    {
        var result = new Dictionary<string, Uncertain>(StringComparer.Ordinal);
        if (v.Get(key, required) is not { } node || b.Mapping(node, $"'{key}' ({kind} id: value)") is not { } m)
        {
            return result;
        }

        foreach (var (k, value) in m.Entries)
        {
            if (Ref(k, kind) is not { } id)
            {
                continue;
            }

            if (result.ContainsKey(id))
            {
                b.Error(k, $"duplicate {kind} '{id}' in '{key}'");
                continue;
            }

            if (b.Uncertain(value, range) is { } u)
            {
                result[id] = u;
            }
        }

        return result;
    }

    private void ResolveReferences()
    {
        foreach (var (node, id, kind) in references)
        {
            var ids = declared[kind];
            if (ids.ContainsKey(id))
            {
                continue;
            }

            // Suggestions cost a distance per declared id: skip them for huge files or once errors are capped.
            var hint = b.Saturated || ids.Count > 10_000 ? null : Suggest.Closest(id, ids.Keys);
            b.Error(node, $"unknown {kind} '{id}'" + (hint is null ? (ids.Count == 0 ? $"; no {kind} is declared" : $"; no {kind} has that id") : $" (did you mean '{hint}'?)"));
        }
    }

    private static T ParseEnum<T>(string kebab)
        where T : struct, Enum => Enum.Parse<T>(kebab.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

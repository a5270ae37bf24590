namespace Interregnum.Model;

/// <summary>
/// A regime's power structure and the leadership exits to analyse: the whole content of a scenario file
/// (format version 2, see docs/scenario-format.md; version-1 files read as well). Immutable; built by the scenario reader after validation,
/// so references between elements are known to resolve.
/// </summary>
/// <param name="Id">Short identifier, e.g. <c>russia-2024</c>.</param>
/// <param name="Title">A title for people.</param>
/// <param name="Question">The question the scenario is built to answer.</param>
/// <param name="Description">Plain-words description.</param>
/// <param name="AsOf">The date the scenario describes (facts known then).</param>
/// <param name="Incumbent">The actor id of the leader whose exit is analysed.</param>
/// <param name="Sources">Sources any element can cite.</param>
/// <param name="Instruments">Instruments of power with their weight per phase.</param>
/// <param name="Dimensions">Issue dimensions on a 0–100 scale.</param>
/// <param name="Actors">The people.</param>
/// <param name="Organizations">Bodies that hold instruments.</param>
/// <param name="Ties">Typed weighted links between actors.</param>
/// <param name="Office">The leadership office at stake.</param>
/// <param name="Candidates">Who could lead.</param>
/// <param name="Shocks">The leadership exits to analyse.</param>
/// <param name="ReferenceClass">The outside-view reference class, if declared.</param>
/// <param name="Contest">Succession-contest parameters declared by the scenario (defaults otherwise).</param>
public sealed record Scenario(
    string Id,
    string Title,
    string? Question,
    string? Description,
    DateOnly? AsOf,
    string Incumbent,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Instrument> Instruments,
    IReadOnlyList<Dimension> Dimensions,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Tie> Ties,
    Office Office,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<Shock> Shocks,
    ReferenceClass? ReferenceClass,
    ContestSettings Contest)
{
    /// <summary>The scenario format version this model describes (the newest the reader reads).</summary>
    public const int FormatVersion = 2;

    /// <summary>The oldest scenario format version the reader still reads.</summary>
    public const int OldestFormatVersion = 1;

    /// <summary>The phase names every instrument must weigh.</summary>
    public static readonly IReadOnlyList<string> RequiredPhases = ["crisis", "settled"];

    /// <summary>The actor with the given id, or throws (ids are validated when the scenario is built).</summary>
    public Actor ActorById(string id) => Actors.First(a => a.Id == id);

    /// <summary>The index of the actor with the given id in <see cref="Actors"/>, or -1.</summary>
    public int ActorIndex(string id)
    {
        for (var i = 0; i < Actors.Count; i++)
        {
            if (Actors[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The shock with the given id, or null.</summary>
    public Shock? ShockById(string id) => Shocks.FirstOrDefault(s => s.Id == id);

    /// <summary>The incumbent's exit-risk facts and any judgment (scenario key <c>exit_risk</c>), or null when not declared.</summary>
    public ExitRiskDeclaration? ExitRisk { get; init; }

    // Brief sections (issue 13): kept in their own block, apart from the exit-risk keys.

    /// <summary>Observable signs to watch, each tied to an uncertain input (scenario key <c>indicators</c>; empty when none).</summary>
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    /// <summary>Other forecasts of the questions the scenario bears on (scenario key <c>external_forecasts</c>; empty when none).</summary>
    public IReadOnlyList<ExternalForecast> ExternalForecasts { get; init; } = [];
}

/// <summary>A citable source.</summary>
/// <param name="Id">Identifier other elements cite.</param>
/// <param name="Citation">Full citation in words.</param>
/// <param name="Url">Where to find it, if online.</param>
public sealed record Source(string Id, string Citation, string? Url);

/// <summary>An instrument of power (coercion, money, infrastructure, natural resources, connections, knowledge).</summary>
/// <param name="Id">Identifier, e.g. <c>coercion</c>.</param>
/// <param name="Label">Name for people.</param>
/// <param name="Weights">Weight per phase (at least <c>crisis</c> and <c>settled</c>), each ≥ 0.</param>
/// <param name="Coercive">True for the instruments that count as force when judging whether a succession is contested.</param>
/// <param name="Sources">Cited source ids.</param>
public sealed record Instrument(string Id, string Label, IReadOnlyDictionary<string, Uncertain> Weights, bool Coercive, IReadOnlyList<string> Sources);

/// <summary>An issue dimension on a 0–100 scale with labelled ends; higher means more of <see cref="HighLabel"/>.</summary>
public sealed record Dimension(string Id, string Label, string LowLabel, string HighLabel, IReadOnlyList<string> Sources);

/// <summary>A person in the elite.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Name for people.</param>
/// <param name="Role">Position held, in words.</param>
/// <param name="BirthYear">Year of birth, if known.</param>
/// <param name="Health">Health in [0, 1] (1 = good).</param>
/// <param name="Ambition">Ambition to lead in [0, 1].</param>
/// <param name="RiskAttitude">Risk attitude in [-1, 1]: negative risk-seeking, positive risk-averse (KTAB's convention).</param>
/// <param name="Positions">Position per dimension id on 0–100.</param>
/// <param name="Salience">Salience per dimension id on 0–100; an actor's saliences sum to at most 100.</param>
/// <param name="Holdings">Personal holdings per instrument id (≥ 0, in the instrument's own units).</param>
/// <param name="Sources">Cited source ids.</param>
public sealed record Actor(
    string Id,
    string Name,
    string? Role,
    int? BirthYear,
    Uncertain Health,
    Uncertain Ambition,
    Uncertain RiskAttitude,
    IReadOnlyDictionary<string, Uncertain> Positions,
    IReadOnlyDictionary<string, Uncertain> Salience,
    IReadOnlyDictionary<string, Uncertain> Holdings,
    IReadOnlyList<string> Sources);

/// <summary>
/// How an organization's holdings follow: shares in [0, 1] summing to at most 1. The rest follows nobody
/// (it counts toward the instrument's total, but no actor controls it: a leashed army).
/// </summary>
/// <param name="Head">Share that follows the organization's head.</param>
/// <param name="Office">Share that follows whoever holds the leadership office.</param>
/// <param name="Incumbent">Share that follows the incumbent personally (lost when he leaves).</param>
public sealed record Loyalty(Uncertain Head, Uncertain Office, Uncertain Incumbent);

/// <summary>A body that holds instruments of power.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Name for people.</param>
/// <param name="Head">Actor id of its head, or null.</param>
/// <param name="Holdings">Holdings per instrument id (≥ 0, in the instrument's own units).</param>
/// <param name="Loyalty">Whom its holdings follow.</param>
/// <param name="Sources">Cited source ids.</param>
public sealed record Organization(string Id, string Name, string? Head, IReadOnlyDictionary<string, Uncertain> Holdings, Loyalty Loyalty, IReadOnlyList<string> Sources);

/// <summary>The kind of a tie between two actors.</summary>
public enum TieType
{
    /// <summary>Patron (from) and client (to).</summary>
    Patronage,

    /// <summary>Family.</summary>
    Family,

    /// <summary>Shared background (service, city, school).</summary>
    SharedBackground,

    /// <summary>Rivalry.</summary>
    Rivalry,

    /// <summary>Command: from commands to.</summary>
    Command,
}

/// <summary>A typed weighted tie; weight in [0, 1].</summary>
public sealed record Tie(string From, string To, TieType Type, Uncertain Weight, IReadOnlyList<string> Sources);

/// <summary>The leadership office at stake.</summary>
/// <param name="Id">Identifier, e.g. <c>presidency</c>.</param>
/// <param name="Label">Name for people.</param>
/// <param name="Holdings">Instruments that come with the office, per instrument id.</param>
/// <param name="ActingSuccessor">Actor id of the constitutional acting successor, if the office has one.</param>
/// <param name="ActingTermDays">How long the acting successor serves before a new leader must be chosen.</param>
/// <remarks>
/// <paramref name="ActingTermDays"/> is a label: it is printed, never used by the model (docs/scenario-format.md,
/// "Labels"). <paramref name="ActingSuccessor"/> is the first of <see cref="ActingSuccessors"/>.
/// </remarks>
public sealed record Office(string Id, string Label, IReadOnlyDictionary<string, Uncertain> Holdings, string? ActingSuccessor, int? ActingTermDays)
{
    /// <summary>
    /// Every constitutional acting successor with its legal reading and its weight (format 2). Empty when none; a
    /// version-1 <c>acting_successor</c> is one entry of weight 1. In the crisis the acting successors share the
    /// office's following in proportion to their weights (docs/models.md §1).
    /// </summary>
    public IReadOnlyList<ActingSuccession> ActingSuccessors { get; init; } =
        ActingSuccessor is null ? [] : [new ActingSuccession(ActingSuccessor, null, Uncertain.Fixed(1))];

    /// <summary>How the office is filled (format 2; default: by force, the crisis capability of the elite).</summary>
    public OfficeSelection Selection { get; init; } = OfficeSelection.Force;

    /// <summary>The incumbent's designated heir, if he has one (format 2).</summary>
    public DesignatedHeir? Heir { get; init; }
}

/// <summary>One constitutional acting successor and the legal reading that makes him one.</summary>
/// <param name="Actor">Actor id.</param>
/// <param name="Reading">The legal reading in words (a label).</param>
/// <param name="Weight">Relative weight (≥ 0) of this reading: the share of the office's crisis following he commands, relative to the other acting successors.</param>
public sealed record ActingSuccession(string Actor, string? Reading, Uncertain Weight);

/// <summary>The incumbent's designated heir and the share of the incumbent's following that passes to him.</summary>
/// <param name="Actor">Actor id of the heir.</param>
/// <param name="Following">Share in [0, 1] of the incumbent's personal holdings and of the organizations' loyalty to the incumbent that passes to the heir when the incumbent leaves (default uniform(0, 1)).</param>
public sealed record DesignatedHeir(string Actor, Uncertain Following)
{
    /// <summary>The default share: not known in general (docs/models.md §1).</summary>
    public static Uncertain DefaultFollowing { get; } = Uncertain.Uniform(0, 1);
}

/// <summary>How the office is filled by the rules.</summary>
public enum SelectionRule
{
    /// <summary>By force: the elite's crisis capability decides (the contest alone).</summary>
    Force,

    /// <summary>By an elite body (a party body, a council): its members vote with declared weights.</summary>
    EliteBody,

    /// <summary>By a popular election: declared popular support per candidate.</summary>
    Election,

    /// <summary>By heredity: the designated heir.</summary>
    Hereditary,
}

/// <summary>How the office is filled, and how far the rules rather than force decide.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Binding">Weight in [0, 1] of the rule's outcome against the outcome of force: P = (1 − b)·P_force + b·P_rule.</param>
/// <param name="Electorate">For an elite body: votes (≥ 0) per member actor id.</param>
/// <param name="Popularity">For an election: popular support (≥ 0) per candidate id.</param>
public sealed record OfficeSelection(SelectionRule Rule, Uncertain Binding, IReadOnlyDictionary<string, Uncertain> Electorate, IReadOnlyDictionary<string, Uncertain> Popularity)
{
    /// <summary>Filled by force (the version-1 behaviour).</summary>
    public static OfficeSelection Force { get; } = new(SelectionRule.Force, Uncertain.Fixed(0), new Dictionary<string, Uncertain>(), new Dictionary<string, Uncertain>());

    /// <summary>The default binding weight of a rule: not known in general (docs/models.md §3).</summary>
    public static Uncertain DefaultBinding { get; } = Uncertain.Uniform(0, 1);
}

/// <summary>A candidate for leadership: an actor, or the office's acting successor (whoever holds that role).</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Label">Name for people.</param>
/// <param name="Actor">The actor id, for a personal candidacy.</param>
/// <param name="ActingSuccessor">True when the candidate is the office's constitutional acting successor.</param>
public sealed record Candidate(string Id, string Label, string? Actor, bool ActingSuccessor)
{
    /// <summary>
    /// True for the residual candidate, "someone not listed" (format 2): it has no actor and prevails with its
    /// declared <see cref="Prior"/>; the listed candidates share the rest.
    /// </summary>
    public bool Residual { get; init; }

    /// <summary>The residual candidate's prior probability in [0, 1] (null for a listed candidate).</summary>
    public Uncertain? Prior { get; init; }

    /// <summary>The actor who would lead if this candidate prevails; throws for the residual candidate.</summary>
    public string ActorId(Office office) =>
        Residual ? throw new InvalidOperationException($"candidate '{Id}' is the residual candidate and has no leader") : ActingSuccessor ? office.ActingSuccessor! : Actor!;

    /// <summary>The actor who would lead, or null for the residual candidate.</summary>
    public string? LeaderOrNull(Office office) => Residual ? null : ActorId(office);
}

/// <summary>The manner of a leader's exit.</summary>
public enum ExitManner
{
    /// <summary>Death from natural causes in office.</summary>
    NaturalDeath,

    /// <summary>Incapacity (illness, injury) that ends the exercise of office.</summary>
    Incapacity,

    /// <summary>Removal by a coup.</summary>
    Coup,

    /// <summary>Killing.</summary>
    Assassination,

    /// <summary>Resignation under pressure.</summary>
    ForcedResignation,

    /// <summary>An attempt on the leader's power or life that fails: the incumbent stays.</summary>
    FailedAttempt,
}

/// <summary>Where the exit happens.</summary>
public enum ExitLocation
{
    /// <summary>At home.</summary>
    Domestic,

    /// <summary>Abroad.</summary>
    Abroad,
}

/// <summary>Who is (believed to be) responsible, with a confidence in [0, 1].</summary>
/// <param name="Party">e.g. <c>none</c>, <c>domestic-elite</c>, <c>foreign-state</c>, <c>unknown</c>.</param>
/// <param name="Confidence">Confidence in [0, 1].</param>
/// <param name="Note">Free text (which state, which faction).</param>
/// <remarks>
/// Format 2 adds <see cref="Effect"/> and <see cref="Revealed"/>. Without an effect the attribution is a label. The
/// perceived attribution's effect applies unless the actual one is <see cref="Revealed"/>; then the actual one's.
/// </remarks>
public sealed record Attribution(string Party, Uncertain Confidence, string? Note)
{
    /// <summary>How blame moves the successor's position (null: the attribution is a label).</summary>
    public AttributionEffect? Effect { get; init; }

    /// <summary>For the actual attribution: true when the truth becomes known and replaces what is perceived.</summary>
    public bool Revealed { get; init; }
}

/// <summary>The successor's position on <paramref name="Dimension"/> moves by confidence × <paramref name="Shift"/> points (on 0–100).</summary>
/// <param name="Dimension">Dimension id.</param>
/// <param name="Shift">Points on 0–100 at full confidence (positive: toward the dimension's high end).</param>
public sealed record AttributionEffect(string Dimension, Uncertain Shift);

/// <summary>What a shock's declared effect changes.</summary>
public enum EffectTarget
{
    /// <summary>An actor's position on a dimension (points on 0–100).</summary>
    Position,

    /// <summary>An actor's salience on a dimension (points on 0–100).</summary>
    Salience,

    /// <summary>An actor's ambition (on [0, 1]).</summary>
    Ambition,

    /// <summary>An organization's loyalty share to its head, the office or the incumbent (on [0, 1]).</summary>
    Loyalty,
}

/// <summary>A declared effect of a shock: an additive shift, clamped to the quantity's range.</summary>
/// <param name="Target">What changes.</param>
/// <param name="Subject">Actor id (or <c>*</c> for every actor) or organization id.</param>
/// <param name="Dimension">Dimension id, for position and salience effects.</param>
/// <param name="LoyaltyTo">For loyalty effects: <c>head</c>, <c>office</c> or <c>incumbent</c>.</param>
/// <param name="Shift">The additive shift.</param>
public sealed record ShockEffect(EffectTarget Target, string Subject, string? Dimension, string? LoyaltyTo, Uncertain Shift);

/// <summary>A leadership exit to analyse.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Label">Name for people.</param>
/// <param name="Manner">Manner of exit.</param>
/// <param name="Location">Where it happens.</param>
/// <param name="Perceived">Who is blamed.</param>
/// <param name="Actual">Who is actually responsible (as far as the scenario assumes).</param>
/// <param name="PatronageDiscount">Share in [0, 1] of a client's power lost per unit of patronage-tie weight to the departed incumbent.</param>
/// <param name="Effects">Declared effects.</param>
/// <param name="Description">Plain words.</param>
/// <param name="Sources">Cited source ids.</param>
public sealed record Shock(
    string Id,
    string Label,
    ExitManner Manner,
    ExitLocation Location,
    Attribution? Perceived,
    Attribution? Actual,
    Uncertain PatronageDiscount,
    IReadOnlyList<ShockEffect> Effects,
    string? Description,
    IReadOnlyList<string> Sources)
{
    /// <summary>True when the incumbent leaves office (every manner but a failed attempt).</summary>
    public bool IncumbentLeaves => Manner != ExitManner.FailedAttempt;

    /// <summary>The actors who staged the coup (format 2; coups only): their organizations follow them in the crisis and they back one candidate.</summary>
    public IReadOnlyList<string> Plotters { get; init; } = [];

    /// <summary>The candidate id the plotters install; null: they choose (kingmaker), the candidate they like best, weighted by their crisis capability.</summary>
    public string? Installs { get; init; }

    /// <summary>The attribution whose effect applies: the actual one if revealed, else the perceived one.</summary>
    public Attribution? Blame => Actual is { Revealed: true } ? Actual : Perceived;
}

/// <summary>The reference class for the outside view (any field may be absent).</summary>
/// <param name="RegimeType">GWF regime type, e.g. <c>personal</c>, <c>military</c>, <c>party</c>, <c>monarchy</c>.</param>
/// <param name="Region">Region, e.g. <c>europe</c>.</param>
/// <param name="EraFrom">First year of the era.</param>
/// <param name="EraTo">Last year of the era.</param>
/// <param name="Manner">Manner of exit (defaults to the shock's).</param>
public sealed record ReferenceClass(string? RegimeType, string? Region, int? EraFrom, int? EraTo, ExitManner? Manner);

/// <summary>
/// Parameters of the succession contest. Defaults are documented in docs/models.md: they are neutral
/// judgments (equal weights), not fitted to any case, and `sensitivity` reports how much they matter.
/// </summary>
/// <param name="PolicyWeight">Weight of policy closeness (1 − salience-weighted distance) in an actor's utility for a candidate.</param>
/// <param name="TieWeight">Weight of positive ties (patronage, family, shared background, command) to the candidate.</param>
/// <param name="AmbitionWeight">Weight of an actor's own ambition, for itself as a candidate.</param>
/// <param name="FearWeight">Weight of the fear of a rival's victory (rivalry ties to the candidate).</param>
/// <param name="ContestedThreshold">A succession is contested when actors who prefer another candidate hold more than this share of coercion.</param>
/// <param name="ActingSuccessorBonus">Extra crisis capability share the constitutional acting successor's office gives (beyond the office's holdings).</param>
/// <param name="ActingSuccessorFollowing">Share in [0, 1] of the office's instruments and of the organizations' loyalty to the office that the constitutional acting successor commands during the crisis (the rest waits for whoever prevails).</param>
public sealed record ContestSettings(
    Uncertain PolicyWeight,
    Uncertain TieWeight,
    Uncertain AmbitionWeight,
    Uncertain FearWeight,
    Uncertain ContestedThreshold,
    Uncertain ActingSuccessorBonus,
    Uncertain ActingSuccessorFollowing)
{
    /// <summary>
    /// Weight of a candidate's prospect of serving (health × five-year survival at his age) in every actor's utility
    /// for him (format 2; docs/models.md §3). Default 0: chosen by leave-one-case-out on the public backtest cases
    /// (<c>interregnum backtest backtests --fit-horizon-weight</c>; every fold chose 0 from the grid 0, 0.25, 0.5, 0.75,
    /// 1), so health and age enter the contest only where a scenario sets it.
    /// </summary>
    public Uncertain HorizonWeight { get; init; } = DefaultHorizonWeight;

    /// <summary>The default of <see cref="HorizonWeight"/>.</summary>
    public static Uncertain DefaultHorizonWeight { get; } = Uncertain.Fixed(0);

    /// <summary>
    /// Scale τ (&gt; 0, in coercion share) of a losing camp's logit decision to fight: it fights with probability
    /// σ((s − threshold) / τ) (format 2; docs/models.md §3). Default 0.05.
    /// </summary>
    public Uncertain FightScale { get; init; } = DefaultFightScale;

    /// <summary>The default of <see cref="FightScale"/>.</summary>
    public static Uncertain DefaultFightScale { get; } = Uncertain.Fixed(0.05);

    /// <summary>The documented defaults.</summary>
    public static ContestSettings Default { get; } = new(
        Uncertain.Fixed(1.0),
        Uncertain.Fixed(0.5),
        Uncertain.Fixed(0.5),
        Uncertain.Fixed(0.5),
        Uncertain.Fixed(0.5),
        Uncertain.Fixed(0.0),
        Uncertain.Uniform(0.0, 1.0));
}

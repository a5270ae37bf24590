namespace Interregnum.Reports;

/// <summary>
/// Everything an HTML brief shows, as plain immutable data. It depends on nothing else in Interregnum, so a
/// forecast, a stored run or a hand-written example can be mapped onto it. Probabilities are on 0–1, policy
/// positions on the dimension's 0–100 scale. Every optional section is a <see cref="BriefSection{T}"/>: present,
/// or absent with the reason the brief prints in its place.
/// </summary>
/// <remarks>Immutable (when given immutable lists) and thread-safe to read.</remarks>
public sealed record BriefContent
{
    /// <summary>The brief's title, e.g. "Russia: the morning after".</summary>
    public required string Title { get; init; }

    /// <summary>The question the brief answers, in one or two sentences.</summary>
    public required string Question { get; init; }

    /// <summary>The date the facts and the forecast refer to.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The scenario and the shock described in plain words (paragraphs separated by blank lines).</summary>
    public required string ScenarioDescription { get; init; }

    /// <summary>Where the scenario's facts come from.</summary>
    public required BriefSection<IReadOnlyList<SourceEntry>> Sources { get; init; }

    /// <summary>Who controls how much of each instrument, and the resulting capability per phase.</summary>
    public required BriefSection<PowerTable> Power { get; init; }

    /// <summary>The elite network: actors, organizations, ties and who heads what.</summary>
    public required BriefSection<EliteNetwork> Network { get; init; }

    /// <summary>The probability that each candidate prevails.</summary>
    public required BriefSection<IReadOnlyList<CandidateForecast>> Candidates { get; init; }

    /// <summary>The probability that the succession is contested.</summary>
    public required BriefSection<ContestedForecast> Contested { get; init; }

    /// <summary>The policy forecast against the status quo, one entry per issue dimension.</summary>
    public required BriefSection<IReadOnlyList<PolicyForecast>> Policy { get; init; }

    /// <summary>Who keeps power around the new leader and who is left out (the ruling-coalition model).</summary>
    public required BriefSection<CoalitionForecast> Coalition { get; init; }

    /// <summary>The scenario's shocks side by side.</summary>
    public required BriefSection<IReadOnlyList<ShockOutcome>> Shocks { get; init; }

    /// <summary>One-at-a-time sensitivity: one tornado per output.</summary>
    public required BriefSection<IReadOnlyList<Tornado>> Tornadoes { get; init; }

    /// <summary>Variance-based importance of the uncertain inputs.</summary>
    public required BriefSection<IReadOnlyList<VarianceImportance>> Importance { get; init; }

    /// <summary>Historical base rates for the scenario's reference class.</summary>
    public required BriefSection<OutsideView> OutsideView { get; init; }

    /// <summary>How earlier forecasts scored, where there is a record.</summary>
    public required BriefSection<ScoreTable> TrackRecord { get; init; }

    /// <summary>Models, parameters, seed, draws, scenario hash and program version.</summary>
    public required MethodsNote Methods { get; init; }

    /// <summary>The key judgments the brief opens with (absent unless given).</summary>
    public BriefSection<IReadOnlyList<KeyJudgmentEntry>> KeyJudgments { get; init; } = BriefSection.NotAvailable<IReadOnlyList<KeyJudgmentEntry>>("no key judgments were made");

    /// <summary>What learning each uncertain input would be worth (absent unless given).</summary>
    public BriefSection<ValueOfInformationTable> ValueOfInformation { get; init; } = BriefSection.NotAvailable<ValueOfInformationTable>("no value of information was computed");

    /// <summary>How likely the incumbent leaves within 12 months, shown beside the candidates (null: the scenario declares no exit_risk section, or no data).</summary>
    public ExitRiskSummary? ExitRisk { get; init; }

    /// <summary>Observable signs to watch and what each would shift, highest value of information first (absent unless given).</summary>
    public BriefSection<IReadOnlyList<IndicatorEntry>> Indicators { get; init; } = BriefSection.NotAvailable<IReadOnlyList<IndicatorEntry>>("the scenario declares no indicators");

    /// <summary>Other forecasts of the same questions, beside the model's numbers (absent unless given).</summary>
    /// <summary>Why the actors moved in the bargaining: who moved most and why, a few sentences (absent unless given).</summary>
    public BriefSection<BargainingSummary> Bargaining { get; init; } = BriefSection.NotAvailable<BargainingSummary>("no bargaining audit was recorded");

    /// <summary>Other forecasts of the same questions, beside the model's numbers (absent unless given).</summary>
    public BriefSection<IReadOnlyList<ExternalForecastEntry>> ExternalForecasts { get; init; } = BriefSection.NotAvailable<IReadOnlyList<ExternalForecastEntry>>("the scenario cites no external forecasts");
}

/// <summary>Who moved most in the bargaining and why (from the SMP's audit trail).</summary>
/// <param name="Game">Which game was audited, in words.</param>
/// <param name="Lines">One sentence per actor, most moved first.</param>
public sealed record BargainingSummary(string Game, IReadOnlyList<string> Lines);

/// <summary>An external forecast beside the model's matching number.</summary>
/// <param name="Source">Who made it.</param>
/// <param name="Date">When it stood at <paramref name="Probability"/>.</param>
/// <param name="Question">Its question.</param>
/// <param name="Probability">Its probability (0–1).</param>
/// <param name="Url">A link for the reader (http or https), or null; shown as a link, never loaded.</param>
/// <param name="Model">The model's matching number (0–1), or null when the model does not answer the question.</param>
/// <param name="Comparison">The comparison in words, e.g. "model 12% vs Metaculus 20%: 8 points lower", or why there is none.</param>
public sealed record ExternalForecastEntry(string Source, DateOnly Date, string Question, double Probability, string? Url, double? Model, string Comparison);

/// <summary>One indicator to watch and what seeing it would shift.</summary>
/// <param name="Description">The sign in words.</param>
/// <param name="Input">The input it bears on, in words.</param>
/// <param name="Direction">"raises" or "lowers": which part of the input's range seeing it points to.</param>
/// <param name="Shift">What seeing it would shift, in words (e.g. "Mikhail Mishustin (the leader now) 41% → 48%; contested 20% → 22%").</param>
/// <param name="ValueOfInformation">The value of learning its input exactly, in nats of expected log score (0 when it does not bear on the forecast).</param>
/// <param name="Source">The id of the source (in the Sources section) explaining the link, or null; shown as a link to it.</param>
public sealed record IndicatorEntry(string Description, string Input, string Direction, string Shift, double ValueOfInformation, string? Source);

/// <summary>One key judgment: a probability in estimative words with the number, its range, confidence and main assumption.</summary>
/// <param name="Sentence">The judgment as a reader reads it (words, number, range, confidence, main assumption).</param>
/// <param name="Words">The estimative term, e.g. "unlikely".</param>
/// <param name="Probability">The probability (0–1).</param>
/// <param name="InputLow">Low end of the range from the uncertain inputs (0–1).</param>
/// <param name="InputHigh">High end of the range from the uncertain inputs (0–1).</param>
/// <param name="MonteCarloError">Monte Carlo standard error (0–1): precision, not uncertainty about the world.</param>
/// <param name="Confidence">"low", "moderate" or "high".</param>
public sealed record KeyJudgmentEntry(string Sentence, string Words, double Probability, double InputLow, double InputHigh, double MonteCarloError, string Confidence);

/// <summary>The value of information on one headline question, per uncertain input.</summary>
/// <param name="Question">The question, e.g. "Who prevails (log score of the winner forecast)".</param>
/// <param name="Evpi">Value of learning every uncertain input, in nats of expected log score.</param>
/// <param name="EvpiNamedLeader">Value of learning every input for naming the winner (gain in the chance of naming the right one, 0–1).</param>
/// <param name="Entries">Per input, most valuable first.</param>
/// <param name="Method">How the numbers were computed, in words.</param>
public sealed record ValueOfInformationTable(string Question, double Evpi, double EvpiNamedLeader, IReadOnlyList<ValueOfInformationEntry> Entries, string Method);

/// <summary>The value of learning one input exactly.</summary>
/// <param name="Input">The input in words.</param>
/// <param name="LogScore">EVPPI in nats of expected log score.</param>
/// <param name="NamedLeader">EVPPI on naming the winner (0–1).</param>
/// <param name="Switch">Where the leading candidate changes as the input moves, in words, or null when it does not.</param>
public sealed record ValueOfInformationEntry(string Input, double LogScore, double NamedLeader, string? Switch);

/// <summary>The unconditional exit risk shown beside the conditional succession forecast. Immutable.</summary>
/// <param name="JudgmentShown">True when the scenario's declared judgment replaces the model's estimate.</param>
/// <param name="AnyWithin12Months">The shown probability of leaving office within 12 months.</param>
/// <param name="IrregularWithin12Months">The shown probability of an irregular exit within 12 months.</param>
/// <param name="Manners">The model's 12-month estimates by manner: (manner, probability, low, high).</param>
/// <param name="Note">Where the numbers come from, and whether a judgment replaces the model's.</param>
public sealed record ExitRiskSummary(bool JudgmentShown, double AnyWithin12Months, double IrregularWithin12Months, IReadOnlyList<(string Manner, double Probability, double Low, double High)> Manners, string Note);

/// <summary>An optional part of a brief: either its content, or the reason it is not available.</summary>
/// <typeparam name="T">The section's content.</typeparam>
/// <remarks>Made with <see cref="BriefSection.Available{T}"/> or <see cref="BriefSection.NotAvailable{T}"/>.</remarks>
public sealed record BriefSection<T>
    where T : class
{
    internal BriefSection(T? content, string? missingReason)
    {
        Content = content;
        MissingReason = missingReason;
    }

    /// <summary>The content, or null when the section is not available.</summary>
    public T? Content { get; }

    /// <summary>Why the section is not available (null when it is).</summary>
    public string? MissingReason { get; }

    /// <summary>Whether the section has content.</summary>
    public bool IsAvailable => Content is not null;
}

/// <summary>Makes <see cref="BriefSection{T}"/> values.</summary>
public static class BriefSection
{
    /// <summary>A section with content.</summary>
    /// <typeparam name="T">The section's content.</typeparam>
    /// <param name="content">The content.</param>
    public static BriefSection<T> Available<T>(T content)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(content);
        return new BriefSection<T>(content, null);
    }

    /// <summary>A section that is absent; the brief prints "not available" and the reason.</summary>
    /// <typeparam name="T">The section's content.</typeparam>
    /// <param name="reason">Why, in words a reader understands, e.g. "no historical data folder was given".</param>
    public static BriefSection<T> NotAvailable<T>(string reason)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new BriefSection<T>(null, reason);
    }
}

/// <summary>A source the scenario cites.</summary>
/// <param name="Id">The key the scenario uses, e.g. "S1".</param>
/// <param name="Citation">The full citation in words.</param>
/// <param name="Url">A link (http or https) for the reader, or null. Only shown as a link, never loaded.</param>
public sealed record SourceEntry(string Id, string Citation, string? Url);

/// <summary>The power table: actor rows by instruments of power, and capability per phase.</summary>
/// <param name="Instruments">Column names, e.g. "coercion", "money".</param>
/// <param name="Phases">Phase names, e.g. "first days", "first months".</param>
/// <param name="Rows">One row per actor.</param>
/// <param name="Unit">What the instrument numbers mean, e.g. "share of the instrument (0–1)".</param>
public sealed record PowerTable(
    IReadOnlyList<string> Instruments,
    IReadOnlyList<string> Phases,
    IReadOnlyList<PowerRow> Rows,
    string Unit);

/// <summary>One actor's holdings and capability.</summary>
/// <param name="Actor">The actor's name.</param>
/// <param name="Holdings">Controlled amount per instrument, in the order of <see cref="PowerTable.Instruments"/>.</param>
/// <param name="CapabilityByPhase">Capability per phase, in the order of <see cref="PowerTable.Phases"/>.</param>
public sealed record PowerRow(string Actor, IReadOnlyList<double> Holdings, IReadOnlyList<double> CapabilityByPhase);

/// <summary>The kind of node in the elite network.</summary>
public enum NetworkNodeKind
{
    /// <summary>A person.</summary>
    Actor,

    /// <summary>A body that holds instruments (a service, a guard, a company, a council).</summary>
    Organization,
}

/// <summary>The elite network.</summary>
/// <param name="Nodes">Actors and organizations, drawn in this order (the layout depends on it alone).</param>
/// <param name="Ties">Typed, weighted ties between nodes.</param>
/// <param name="HeadOf">Which actor heads which organization.</param>
public sealed record EliteNetwork(
    IReadOnlyList<NetworkNode> Nodes,
    IReadOnlyList<NetworkTie> Ties,
    IReadOnlyList<HeadOfEdge> HeadOf);

/// <summary>A node of the elite network.</summary>
/// <param name="Id">A key unique within the network.</param>
/// <param name="Label">The name shown.</param>
/// <param name="Kind">Actor or organization.</param>
/// <param name="Capability">Capability (non-negative; sets the node's size).</param>
public sealed record NetworkNode(string Id, string Label, NetworkNodeKind Kind, double Capability);

/// <summary>A tie between two nodes.</summary>
/// <param name="From">The node id the tie starts from.</param>
/// <param name="To">The node id the tie points to.</param>
/// <param name="TieType">The kind of tie, e.g. "patronage", "family", "rivalry" (sets the colour).</param>
/// <param name="Weight">Strength on 0–1 (sets the line width).</param>
public sealed record NetworkTie(string From, string To, string TieType, double Weight);

/// <summary>An actor heading an organization.</summary>
/// <param name="Actor">The actor's node id.</param>
/// <param name="Organization">The organization's node id.</param>
public sealed record HeadOfEdge(string Actor, string Organization);

/// <summary>One candidate's chance of prevailing.</summary>
/// <param name="Name">The candidate.</param>
/// <param name="Probability">Probability of prevailing (0–1).</param>
/// <param name="Low90">Lower end of the 90% interval.</param>
/// <param name="High90">Upper end of the 90% interval.</param>
/// <param name="StandardError">Monte Carlo standard error of <paramref name="Probability"/>.</param>
public sealed record CandidateForecast(string Name, double Probability, double Low90, double High90, double StandardError);

/// <summary>The probability of a contested succession.</summary>
/// <param name="Probability">Probability (0–1).</param>
/// <param name="Low90">Lower end of the 90% interval.</param>
/// <param name="High90">Upper end of the 90% interval.</param>
/// <param name="Threshold">The declared threshold that makes a succession contested.</param>
/// <param name="ThresholdMeaning">What the threshold measures, e.g. "share of coercion kept by the losing side".</param>
public sealed record ContestedForecast(double Probability, double Low90, double High90, double Threshold, string ThresholdMeaning);

/// <summary>The ruling coalition after the succession (Acemoglu, Egorov &amp; Sonin 2008): who is in, who is left out.</summary>
/// <param name="Actors">One row per actor, likeliest members first.</param>
/// <param name="Collective">Probability of a collective leadership (two or more in the ruling coalition).</param>
/// <param name="WinnerDisplaced">Probability that the first winner is displaced within two years.</param>
/// <param name="WinnerDisplacedLow90">Lower end of its 90% interval.</param>
/// <param name="WinnerDisplacedHigh90">Upper end of its 90% interval.</param>
/// <param name="Method">How it was computed, in words (model, α, power used).</param>
public sealed record CoalitionForecast(IReadOnlyList<CoalitionMember> Actors, double Collective, double WinnerDisplaced, double WinnerDisplacedLow90, double WinnerDisplacedHigh90, string Method);

/// <summary>One actor's place after the succession.</summary>
/// <param name="Name">The actor.</param>
/// <param name="InCoalition">Probability of being in the ruling coalition (0–1).</param>
/// <param name="Low90">Lower end of its 90% interval.</param>
/// <param name="High90">Upper end of its 90% interval.</param>
/// <param name="Excluded">Probability of being left out of power within two years, or null for the leader who left.</param>
/// <param name="Displaces">Probability that this actor displaces the first winner (0–1).</param>
public sealed record CoalitionMember(string Name, double InCoalition, double Low90, double High90, double? Excluded, double Displaces)
{
    /// <summary>The probability of being left out blended with the historical base rate (the exclusion pool), or null when not computed or for the leader who left.</summary>
    public double? ExcludedBlended { get; init; }
}

/// <summary>Where policy settles on one issue dimension (0–100 scale).</summary>
/// <param name="Dimension">The dimension's label.</param>
/// <param name="LowEndLabel">What 0 means.</param>
/// <param name="HighEndLabel">What 100 means.</param>
/// <param name="StatusQuo">The position before the shock.</param>
/// <param name="Mean">Mean forecast position.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Histogram">The draws binned, or null.</param>
public sealed record PolicyForecast(
    string Dimension,
    string LowEndLabel,
    string HighEndLabel,
    double StatusQuo,
    double Mean,
    double P5,
    double P50,
    double P95,
    IReadOnlyList<HistogramBin>? Histogram = null);

/// <summary>A histogram bin [Low, High) and the number of draws in it.</summary>
/// <param name="Low">Lower edge.</param>
/// <param name="High">Upper edge.</param>
/// <param name="Count">Draws in the bin.</param>
public sealed record HistogramBin(double Low, double High, int Count);

/// <summary>The forecast under one shock, for the side-by-side comparison.</summary>
/// <param name="Label">The shock, in words.</param>
/// <param name="Candidates">Each candidate's probability under this shock.</param>
/// <param name="ContestedProbability">Probability of a contested succession (0–1).</param>
/// <param name="Shifts">Per dimension: mean shift from the status quo and the chance it moves up.</param>
public sealed record ShockOutcome(
    string Label,
    IReadOnlyList<CandidateShare> Candidates,
    double ContestedProbability,
    IReadOnlyList<DimensionShift> Shifts);

/// <summary>A candidate's probability under one shock.</summary>
/// <param name="Name">The candidate.</param>
/// <param name="Probability">Probability (0–1).</param>
public sealed record CandidateShare(string Name, double Probability);

/// <summary>How one dimension moves under one shock.</summary>
/// <param name="Dimension">The dimension's label.</param>
/// <param name="MeanShift">Mean new position minus the status quo (points on 0–100).</param>
/// <param name="ProbabilityTowardHighEnd">Probability that the new position lies above the status quo, i.e.
/// toward the high-end label (for a hostility dimension: more hostile).</param>
public sealed record DimensionShift(string Dimension, double MeanShift, double ProbabilityTowardHighEnd);

/// <summary>A one-at-a-time sensitivity of one output.</summary>
/// <param name="OutputName">The output, e.g. "P(Patrushev prevails)".</param>
/// <param name="BaseValue">The output with every input at its base value.</param>
/// <param name="Inputs">One bar per input (drawn sorted by swing, largest on top).</param>
public sealed record Tornado(string OutputName, double BaseValue, IReadOnlyList<TornadoInput> Inputs);

/// <summary>One input of a tornado.</summary>
/// <param name="Label">The input, in words.</param>
/// <param name="LowSwingValue">The output with this input at its low setting.</param>
/// <param name="HighSwingValue">The output with this input at its high setting.</param>
/// <param name="InputBaseValue">The input's own base value, shown in the table, or null.</param>
public sealed record TornadoInput(string Label, double LowSwingValue, double HighSwingValue, double? InputBaseValue = null);

/// <summary>Variance-based importance of the inputs on one output.</summary>
/// <param name="OutputName">The output.</param>
/// <param name="IndexName">The index, e.g. "first-order Sobol index".</param>
/// <param name="Entries">One entry per input.</param>
public sealed record VarianceImportance(string OutputName, string IndexName, IReadOnlyList<ImportanceEntry> Entries);

/// <summary>One input's importance index with its interval.</summary>
/// <param name="Input">The input.</param>
/// <param name="Index">The index (0–1).</param>
/// <param name="Low">Lower end of its interval.</param>
/// <param name="High">Upper end of its interval.</param>
public sealed record ImportanceEntry(string Input, double Index, double Low, double High);

/// <summary>The outside view: historical base rates for the reference class.</summary>
/// <param name="ReferenceClass">The reference class in words.</param>
/// <param name="IntervalMethod">How the intervals were computed, e.g. "Wilson 95%".</param>
/// <param name="Rates">The base rates.</param>
public sealed record OutsideView(string ReferenceClass, string IntervalMethod, IReadOnlyList<BaseRate> Rates);

/// <summary>One base rate: k events in n cases.</summary>
/// <param name="Label">What is counted.</param>
/// <param name="K">Cases with the event.</param>
/// <param name="N">Cases in the reference class.</param>
/// <param name="Rate">The rate (0–1).</param>
/// <param name="Low">Lower end of the interval.</param>
/// <param name="High">Upper end of the interval.</param>
/// <param name="Note">A note (dataset, caveat), or null.</param>
public sealed record BaseRate(string Label, int K, int N, double Rate, double Low, double High, string? Note);

/// <summary>A plain table of scores (the track record of earlier forecasts).</summary>
/// <param name="Description">What was scored and how (e.g. "Brier score per question").</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Rows of cells, each as long as <paramref name="Columns"/>.</param>
public sealed record ScoreTable(string Description, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>What it takes to reproduce the forecast.</summary>
/// <param name="Models">The models used, in words, one per entry.</param>
/// <param name="Parameters">Model parameters by name (printed sorted by name).</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Draws">The number of Monte Carlo draws.</param>
/// <param name="ScenarioHash">The scenario's content hash.</param>
/// <param name="ProgramVersion">The program's version.</param>
public sealed record MethodsNote(
    IReadOnlyList<string> Models,
    IReadOnlyDictionary<string, string> Parameters,
    ulong Seed,
    int Draws,
    string ScenarioHash,
    string ProgramVersion);

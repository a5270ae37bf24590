using System.Collections.ObjectModel;
using System.Globalization;
using Interregnum.Backtesting;
using Interregnum.Model;
using Interregnum.Power;
using Interregnum.Reports;
using Interregnum.Simulation;
using ReportBaseRate = Interregnum.Reports.BaseRate;
using ReportCandidate = Interregnum.Reports.CandidateForecast;
using ReportOutsideView = Interregnum.Reports.OutsideView;
using ReportPowerRow = Interregnum.Reports.PowerRow;
using ReportPowerTable = Interregnum.Reports.PowerTable;

namespace Interregnum.Runs;

/// <summary>Everything <see cref="BriefBuilder"/> maps onto a brief: the scenario, the results and how they were made.</summary>
/// <param name="Loaded">The scenario (from a file or a stored run).</param>
/// <param name="Shocks">One result per compared shock, in the order compared, all with the same settings.</param>
/// <param name="HeadlineShockId">The shock whose forecast the candidate, policy and sensitivity sections show.</param>
/// <param name="Settings">Seed, draws and policy model of the comparison.</param>
/// <param name="Sensitivity">The sensitivity of the headline shock, or null (see <paramref name="SensitivityMissing"/>).</param>
/// <param name="SensitivityMissing">Why there is no sensitivity analysis, when <paramref name="Sensitivity"/> is null.</param>
/// <param name="OutsideView">Historical base rates, or null (see <paramref name="OutsideViewMissing"/>).</param>
/// <param name="OutsideViewMissing">Why there is no outside view, when <paramref name="OutsideView"/> is null.</param>
/// <param name="Provenance">Where the brief comes from, in words (a scenario file, or a stored run).</param>
/// <param name="Reproduction">For a stored run: whether the re-run reproduced the stored results, in words.</param>
/// <param name="MadeOn">The date to use when the scenario states no as-of date.</param>
public sealed record BriefInputs(
    LoadedScenario Loaded,
    IReadOnlyList<SimulationResult> Shocks,
    string HeadlineShockId,
    SimulationSettings Settings,
    SensitivityResult? Sensitivity,
    string? SensitivityMissing,
    OutsideViewJson? OutsideView,
    string? OutsideViewMissing,
    string Provenance,
    string? Reproduction,
    DateOnly MadeOn)
{
    /// <summary>The newest stored backtest run's JSON and id, for the track-record section (null when there is none).</summary>
    public (string Json, long RunId)? Backtest { get; init; }

    /// <summary>Why there is no track record, when <see cref="Backtest"/> is null.</summary>
    public string? BacktestMissing { get; init; }

    /// <summary>The headline shock's blended forecast (docs/backtesting.md), or null (the incumbent stays).</summary>
    public BlendJson? Blend { get; init; }

    /// <summary>The ruling-coalition forecast of the headline shock (docs/models.md §8), or null when it was not run.</summary>
    public Interregnum.Coalition.CoalitionForecast? Coalition { get; init; }

    /// <summary>The unconditional exit risk of the incumbent (null: no exit_risk section, or no data).</summary>
    public ExitRiskViewJson? ExitRisk { get; init; }
}

/// <summary>Maps a scenario and its forecast results onto the brief's content (<see cref="BriefContent"/>).</summary>
public static class BriefBuilder
{
    /// <summary>Inputs shown per tornado and per importance table: the rest move the output less.</summary>
    public const int TopInputs = 8;

    /// <summary>How many candidates (the likeliest) get a tornado; the importance tables cover every candidate.</summary>
    public const int TornadoCandidates = 2;

    private const string CrisisPhase = "crisis";

    public static BriefContent Build(BriefInputs inputs)
    {
        var s = inputs.Loaded.Scenario;
        var headline = inputs.Shocks.Single(r => r.ShockId == inputs.HeadlineShockId);
        var headlineShock = s.ShockById(headline.ShockId)!;
        var power = PowerAccount.ForScenario(s);
        return new BriefContent
        {
            Title = s.Title,
            Question = string.IsNullOrWhiteSpace(s.Question)
                ? $"What follows if {s.ActorById(s.Incumbent).Name} leaves office unexpectedly: who leads, is the succession contested, and where does policy move?"
                : s.Question.Trim(),
            AsOf = s.AsOf ?? inputs.MadeOn,
            ScenarioDescription = Description(s, headlineShock, inputs.Shocks),
            Sources = s.Sources.Count == 0
                ? BriefSection.NotAvailable<IReadOnlyList<SourceEntry>>("the scenario cites no sources")
                : BriefSection.Available<IReadOnlyList<SourceEntry>>(s.Sources.Select(x => new SourceEntry(x.Id, x.Citation.Trim(), x.Url)).ToList()),
            Power = BriefSection.Available(PowerTable(s, power)),
            Network = BriefSection.Available(Network(s, power)),
            Candidates = headline.IncumbentStays
                ? BriefSection.NotAvailable<IReadOnlyList<ReportCandidate>>(IncumbentStays(headlineShock))
                : BriefSection.Available(Candidates(headline)),
            Contested = headline.IncumbentStays
                ? BriefSection.NotAvailable<ContestedForecast>(IncumbentStays(headlineShock))
                : BriefSection.Available(new ContestedForecast(
                    headline.Contested.Probability,
                    headline.Contested.Low,
                    headline.Contested.High,
                    headline.ContestedThreshold,
                    "the strongest rival camp's share of the coercion that actors control (a rival camp: the actors who back one and the same other candidate)")),
            Policy = BriefSection.Available<IReadOnlyList<PolicyForecast>>(Policy(s, headline)),
            Coalition = inputs.Coalition is { } coalition
                ? BriefSection.Available(CoalitionSection(coalition))
                : BriefSection.NotAvailable<Reports.CoalitionForecast>("the ruling-coalition model was not run"),
            Shocks = BriefSection.Available<IReadOnlyList<ShockOutcome>>(inputs.Shocks.Select(r => ShockOutcome(s, r)).ToList()),
            Tornadoes = Section(inputs, sens => Tornadoes(s, sens)),
            Importance = Section(inputs, sens => Importance(s, sens)),
            OutsideView = inputs.OutsideView is { } ov && ov.BaseRates.Any(r => r.Cases > 0)
                ? BriefSection.Available(OutsideView(ov, inputs.Blend))
                : BriefSection.NotAvailable<ReportOutsideView>(inputs.OutsideView is null
                    ? inputs.OutsideViewMissing ?? "no historical base rates were computed"
                    : "the reference class (" + inputs.OutsideView.ReferenceClass + ") holds no historical case"),
            TrackRecord = inputs.Backtest is { } bt
                ? BriefSection.Available(TrackRecord(bt.Json, bt.RunId))
                : ShippedRecordSection(inputs.BacktestMissing),
            Methods = Methods(inputs, headlineShock),
            KeyJudgments = headline.IncumbentStays
                ? BriefSection.NotAvailable<IReadOnlyList<KeyJudgmentEntry>>(IncumbentStays(headlineShock))
                : BriefSection.Available<IReadOnlyList<KeyJudgmentEntry>>(KeyJudgmentEntries(s, headline, inputs.Sensitivity)),
            ValueOfInformation = headline.IncumbentStays
                ? BriefSection.NotAvailable<ValueOfInformationTable>(IncumbentStays(headlineShock))
                : ValueOfInformationSection(s, headline),
            ExitRisk = inputs.ExitRisk is { } er
                ? new Reports.ExitRiskSummary(er.Shown == "judgment", er.AnyWithin12Months, er.IrregularWithin12Months, er.Model.Select(e => (e.Manner, e.Probability, e.Interval[0], e.Interval[1])).ToList(), er.Note)
                : null,
            Indicators = IndicatorSection(s, headline),
            Bargaining = BargainingSection(s),
            ExternalForecasts = s.ExternalForecasts.Count == 0
                ? BriefSection.NotAvailable<IReadOnlyList<ExternalForecastEntry>>("the scenario cites no external forecasts of these questions")
                : BriefSection.Available<IReadOnlyList<ExternalForecastEntry>>(ExternalForecastComparisons.For(s, headline, inputs.ExitRisk)
                    .Select(f => new ExternalForecastEntry(f.Source, f.Date, f.Question, f.Probability, f.Url, f.Model, f.Comparison)).ToList()),
        };
    }

    /// <summary>The track record in words from the backtest record shipped with the program (docs/backtesting.md's pinned tables), when no backtest is stored.</summary>
    private static BriefSection<ScoreTable> ShippedRecordSection(string? backtestMissing)
    {
        var text = ShippedTrackRecord.EmbeddedText();
        if (ShippedTrackRecord.Sentence(text) is not { } sentence || ShippedTrackRecord.Table(text, "aggregates") is not { } table)
        {
            return BriefSection.NotAvailable<ScoreTable>(backtestMissing ?? "no backtest result is available");
        }

        return BriefSection.Available(new ScoreTable(
            sentence + " From the backtest record shipped with this program (docs/backtesting.md, \"Results (recorded)\"; lower scores are better, intervals are 90% case bootstraps)"
                + (backtestMissing is null ? "." : "; no backtest of this store was found (" + backtestMissing + ")."),
            table.Header,
            table.Rows.Select(r => (IReadOnlyList<string>)[r.Forecaster, .. r.Cells]).ToList()));
    }

    /// <summary>Who moved most in the SMP at the scenario's central values (the game <c>bargain FILE --explain</c> audits).</summary>
    private static BriefSection<BargainingSummary> BargainingSection(Scenario s)
    {
        Bargaining.SmpInput input;
        try
        {
            input = Scenarios.Ktab.KtabScenarioMapping.FromScenario(s).ToSmpInput();
        }
        catch (ArgumentException ex)
        {
            return BriefSection.NotAvailable<BargainingSummary>("the scenario's central values do not make a bargaining game: " + ex.Message);
        }

        var recorder = new Bargaining.SmpRecorder();
        var result = Bargaining.SpatialModelOfPolitics.Run(input, null, 0, recorder);
        return BriefSection.Available(new BargainingSummary(
            string.Create(CultureInfo.InvariantCulture, $"KTAB's spatial model of politics on the scenario's central values, incumbent in office (the status quo the shocks start from; {result.Turns} turns). Who moved most and why; the whole audit trail is printed by `interregnum bargain FILE --explain`."),
            BargainExplanation.Summary(input, result, recorder.Turns)));
    }

    private static BriefSection<IReadOnlyList<IndicatorEntry>> IndicatorSection(Scenario s, SimulationResult headline)
    {
        if (s.Indicators.Count == 0)
        {
            return BriefSection.NotAvailable<IReadOnlyList<IndicatorEntry>>("the scenario declares no indicators");
        }

        if (headline.IncumbentStays)
        {
            return BriefSection.NotAvailable<IReadOnlyList<IndicatorEntry>>("the incumbent stays under the headline shock, so there is no succession forecast for the indicators to shift");
        }

        return BriefSection.Available<IReadOnlyList<IndicatorEntry>>(Judgments.IndicatorShifts.For(s, headline)
            .Select(x => new IndicatorEntry(
                x.Indicator.Description,
                x.InputWords,
                x.Indicator.Direction == IndicatorDirection.Raises ? "raises" : "lowers",
                x.Shift,
                x.ValueOfInformation,
                x.Indicator.Source))
            .ToList());
    }

    /// <summary>How the value-of-information section is computed, for its note and docs/brief.md.</summary>
    public const string ValueOfInformationMethod =
        "Expected value of partial perfect information per input, from the forecast's own Monte Carlo draws (no extra runs): " +
        "the draws are sorted on the input and cut into equal-count bins, and the value is the expected log score of the best forecast " +
        "knowing the input's bin less that of the best forecast without it (Strong & Oakley 2013, single-parameter method). " +
        "Finite bins bias it slightly upward; an input that cannot matter shows that noise level. " +
        "'The leader changes' is where, moving the input away from its median, another candidate's mean probability overtakes the leader's in every decile of the input to the end of its range.";

    private static List<KeyJudgmentEntry> KeyJudgmentEntries(Scenario s, SimulationResult headline, SensitivityResult? sensitivity) =>
        Judgments.KeyJudgments.Build(s, headline, sensitivity, ShippedSkill.Winner, ShippedSkill.Contested)
            .Select(j => new KeyJudgmentEntry(j.Sentence, j.Words, j.Probability, j.InputLow, j.InputHigh, j.MonteCarloError, j.Confidence.ToString().ToLowerInvariant()))
            .ToList();

    private static BriefSection<ValueOfInformationTable> ValueOfInformationSection(Scenario s, SimulationResult headline)
    {
        var inputs = ScenarioInputs.UncertainFor(s, headline.ShockId);
        if (inputs.Count == 0 || headline.Outcomes.Count < 10)
        {
            return BriefSection.NotAvailable<ValueOfInformationTable>("no number in the scenario is uncertain");
        }

        var voi = Judgments.ValueOfInformation.ForWinner(s, headline, inputs);
        var label = s.Candidates.ToDictionary(c => c.Id, c => c.Label);
        var entries = voi.Inputs.Take(TopInputs).Select(v =>
        {
            var words = Judgments.InputNames.Describe(s, v.Input);
            var sw = v.Switches.Count == 0
                ? null
                : string.Join("; ", v.Switches.Select(x => string.Create(CultureInfo.InvariantCulture, $"{label[x.NewLeader]} leads {(x.Above ? "above" : "below")} {x.Value:0.###} (quantile {x.Quantile:0.00} of its range)")));
            return new ValueOfInformationEntry(words, v.LogScore, v.NamedLeader, sw);
        }).ToList();
        return BriefSection.Available(new ValueOfInformationTable(
            $"Who prevails (the leader now: {label[voi.Leader]})",
            voi.EvpiLogScore,
            voi.EvpiNamedLeader,
            entries,
            ValueOfInformationMethod + string.Create(CultureInfo.InvariantCulture, $" Noise floor of this estimate: {voi.NoiseFloorLogScore:0.###} nats (the value it finds for a pseudo-input that carries no information); values near it are noise.")));
    }

    private static Reports.CoalitionForecast CoalitionSection(Interregnum.Coalition.CoalitionForecast c) => new(
        c.Actors.OrderByDescending(a => a.InCoalition.Probability)
            .Select(a => new CoalitionMember(a.Name, a.InCoalition.Probability, a.InCoalition.Low, a.InCoalition.High, a.Scored ? a.Excluded.Probability : null, a.Displacer.Probability) { ExcludedBlended = a.Scored ? ExclusionPool.Excluded(ExclusionPool.Shipped, a.Excluded.Probability) : null })
            .ToList(),
        c.Collective.Probability,
        c.WinnerDisplaced.Probability,
        c.WinnerDisplaced.Low,
        c.WinnerDisplaced.High,
        string.Create(
            CultureInfo.InvariantCulture,
            $"The ruling coalition of Acemoglu, Egorov & Sonin (2008): the least powerful group that can beat everyone else (more than {c.Alpha:0.##} of the power) and that none of its own winning subgroups would break up; power is each actor's crisis-phase capability after the shock, over {c.Draws} draws (seed {c.Seed}). Those outside it are forecast to lose power within two years; the model does not say whether by demotion, arrest, exile or death. On the public backtest it over-predicts exclusion (docs/backtesting.md); the blended column pools it with the historical share of actors excluded ({CoalitionDocuments.PoolNote(ExclusionPool.Shipped)})."));

    /// <summary>The aggregate scores of a stored backtest run (docs/backtesting.md, "JSON for programs").</summary>
    private static ScoreTable TrackRecord(string json, long runId)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        static string Cell(System.Text.Json.JsonElement e, string name, string format) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number
                ? v.GetDouble().ToString(format, CultureInfo.InvariantCulture)
                : "—";
        var intervals = root.TryGetProperty("intervals", out var iv) ? iv.GetProperty("aggregates").EnumerateArray().ToList() : [];

        // A score with its bootstrap interval over cases, where the run has one (runs before the intervals have none).
        string Scored(System.Text.Json.JsonElement a, string name, string format)
        {
            var value = Cell(a, name, format);
            var i = intervals.FirstOrDefault(x => x.GetProperty("forecaster").GetString() == a.GetProperty("forecaster").GetString());
            return value == "—" || i.ValueKind != System.Text.Json.JsonValueKind.Object || i.GetProperty(name) is not { ValueKind: System.Text.Json.JsonValueKind.Array } pair
                ? value
                : $"{value} [{Number(pair[0], format)}, {Number(pair[1], format)}]";
        }

        static string Number(System.Text.Json.JsonElement e, string format) =>
            e.ValueKind == System.Text.Json.JsonValueKind.Number ? e.GetDouble().ToString(format, CultureInfo.InvariantCulture) : "—";
        var rows = new List<IReadOnlyList<string>>();
        foreach (var a in root.GetProperty("aggregates").EnumerateArray())
        {
            rows.Add([
                a.GetProperty("forecaster").GetString() ?? "",
                Cell(a, "cases", "0"),
                Scored(a, "winner_brier", "0.000"),
                Scored(a, "winner_log", "0.000"),
                Scored(a, "contested_brier", "0.000"),
                Scored(a, "direction_share_right", "0%"),
                Scored(a, "crps", "0.0"),
            ]);
        }

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"Backtest run {runId}: the succession forecasts scored on the historical cases in {root.GetProperty("folder").GetString()} (seed {Cell(root, "seed", "0")}, {Cell(root, "draws", "0")} draws per case, policy model {root.GetProperty("model").GetString()}), against simple rivals. 'model' is the forecast blended with the outside view (scored leave-one-case-out), 'inside-only' the model alone; brackets hold 90% bootstrap intervals over cases. Lower scores are better (direction: higher); see docs/backtesting.md.");
        return new ScoreTable(description, ["forecaster", "cases", "Brier (winner)", "log (winner)", "Brier (contested)", "direction right", "CRPS (points)"], rows);
    }

    private static BriefSection<IReadOnlyList<T>> Section<T>(BriefInputs inputs, Func<SensitivityResult, List<T>> map)
    {
        if (inputs.Sensitivity is not { } sens)
        {
            return BriefSection.NotAvailable<IReadOnlyList<T>>(inputs.SensitivityMissing ?? "no sensitivity analysis was run");
        }

        var list = map(sens);
        return list.Count > 0
            ? BriefSection.Available<IReadOnlyList<T>>(list)
            : BriefSection.NotAvailable<IReadOnlyList<T>>("no uncertain input moves the headline outputs under this shock");
    }

    private static string IncumbentStays(Shock shock) =>
        $"under the headline shock ({shock.Label}) the incumbent stays in office, so there is no succession contest; the shocks are compared below";

    private static string Description(Scenario s, Shock headline, IReadOnlyList<SimulationResult> compared)
    {
        var paragraphs = new List<string>();
        if (!string.IsNullOrWhiteSpace(s.Description))
        {
            paragraphs.Add(s.Description.Trim());
        }

        var incumbent = s.ActorById(s.Incumbent);
        var office = $"The office at stake is {s.Office.Label}, held by {incumbent.Name}.";
        if (s.Office.ActingSuccessor is { } acting)
        {
            office += $" Its constitutional acting successor is {s.ActorById(acting).Name}"
                + (s.Office.ActingTermDays is { } days ? string.Create(CultureInfo.InvariantCulture, $", for up to {days} days.") : ".");
        }

        office += " The candidates: " + string.Join("; ", s.Candidates.Select(c => c.Label)) + ".";
        office += string.Create(CultureInfo.InvariantCulture,
            $" The scenario describes {s.Actors.Count} actors, {s.Organizations.Count} organizations, {s.Ties.Count} ties and {s.Instruments.Count} instruments of power; the issues are ")
            + string.Join("; ", s.Dimensions.Select(d => $"{d.Label} (0 {d.LowLabel}, 100 {d.HighLabel})")) + ".";
        paragraphs.Add(office);

        var shock = $"The headline shock: {headline.Label} ({Words(headline.Manner.ToString())}, {headline.Location.ToString().ToLowerInvariant()}).";
        if (headline.Perceived is { } perceived)
        {
            shock += " Blamed on: " + (perceived.Party == "none" ? "no one" : Words(perceived.Party)) + (perceived.Note is { } note ? $" ({note})" : "") + ".";
        }

        if (!string.IsNullOrWhiteSpace(headline.Description))
        {
            shock += " " + headline.Description.Trim();
        }

        paragraphs.Add(shock);
        if (compared.Count > 1)
        {
            paragraphs.Add("Compared side by side with the same random numbers: " + string.Join("; ", compared.Select(r => r.ShockLabel)) + ".");
        }

        return string.Join("\n\n", paragraphs);
    }

    /// <summary>A forecast's candidates as the brief's chart shows them.</summary>
    public static IReadOnlyList<ReportCandidate> Candidates(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Candidates
            .Select(c => new ReportCandidate(c.Label, c.Estimate.Probability, c.Estimate.Low, c.Estimate.High, c.Estimate.StandardError))
            .ToList();
    }

    /// <summary>The brief's power table of a scenario (shares before the shock, at central values).</summary>
    public static ReportPowerTable PowerTable(Scenario s) => PowerTable(s, PowerAccount.ForScenario(s));

    /// <summary>The brief's elite network of a scenario.</summary>
    public static EliteNetwork Network(Scenario s) => Network(s, PowerAccount.ForScenario(s));

    private static ReportPowerTable PowerTable(Scenario s, Power.PowerTable power)
    {
        var rows = power.Rows
            .OrderByDescending(r => r.CrisisCapability)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new ReportPowerRow(
                r.Name,
                power.Instruments.Select(i => r.Share[i]).ToList(),
                [r.CrisisCapability, r.SettledCapability]))
            .ToList();
        return new ReportPowerTable(
            s.Instruments.Select(i => i.Label).ToList(),
            ["crisis (first days)", "settled (months after)"],
            rows,
            "each actor's share of all there is of the instrument (0–1), directly and through the organizations it heads, before the shock with the incumbent in office, at the scenario's central values");
    }

    private static EliteNetwork Network(Scenario s, Power.PowerTable power)
    {
        var capability = power.Rows.ToDictionary(r => r.ActorId, r => r.CrisisCapability, StringComparer.Ordinal);
        var nodes = s.Actors.Select(a => new NetworkNode(ActorNode(a.Id), a.Name, NetworkNodeKind.Actor, Math.Max(0, capability[a.Id]))).ToList();
        nodes.AddRange(s.Organizations.Select(o => new NetworkNode(OrganizationNode(o.Id), ShortName(o.Name), NetworkNodeKind.Organization, OrganizationWeights.Weight(s, o, CrisisPhase))));
        var ties = s.Ties.Select(t => new NetworkTie(ActorNode(t.From), ActorNode(t.To), Words(t.Type.ToString()), t.Weight.Point)).ToList();
        var heads = s.Organizations.Where(o => o.Head is not null).Select(o => new HeadOfEdge(ActorNode(o.Head!), OrganizationNode(o.Id))).ToList();
        return new EliteNetwork(nodes, ties, heads);
    }

    private static string ActorNode(string id) => "actor:" + id;

    private static string OrganizationNode(string id) => "org:" + id;

    private static List<PolicyForecast> Policy(Scenario s, SimulationResult r)
    {
        var list = new List<PolicyForecast>();
        for (var d = 0; d < r.Dimensions.Count; d++)
        {
            var f = r.Dimensions[d];
            var dimension = s.Dimensions.First(x => x.Id == f.Id);
            var values = r.Outcomes.Select(o => o.Forecast[d]).ToArray();
            list.Add(new PolicyForecast(f.Label, dimension.LowLabel, dimension.HighLabel, f.StatusQuo, f.Mean, f.P5, f.P50, f.P95, Histogram(values)));
        }

        return list;
    }

    /// <summary>The values' histogram (<see cref="Statistics.Histogram.RoundBins"/>) as the brief draws it.</summary>
    public static IReadOnlyList<HistogramBin>? Histogram(IReadOnlyList<double> values) =>
        Statistics.Histogram.RoundBins(values)?.Select(b => new HistogramBin(b.Low, b.High, b.Count)).ToList();

    private static ShockOutcome ShockOutcome(Scenario s, SimulationResult r) => new(
        r.IncumbentStays ? r.ShockLabel + " (no succession)" : r.ShockLabel,
        r.IncumbentStays ? [] : r.Candidates.Select(c => new CandidateShare(c.Label, c.Estimate.Probability)).ToList(),
        r.Contested.Probability,
        r.Dimensions.Select(d => new DimensionShift(d.Label, d.MeanShift, d.ProbabilityHigher)).ToList());

    /// <summary>
    /// The outputs given a tornado: the <see cref="TornadoCandidates"/> likeliest candidates, a contested succession and
    /// every policy dimension; an output that no input moves is left out.
    /// </summary>
    public static IEnumerable<OutputSensitivity> TornadoOutputs(SensitivityResult sens)
    {
        var candidates = sens.Outputs.Where(o => o.Output.Id.StartsWith("p_candidate.", StringComparison.Ordinal))
            .OrderByDescending(o => o.Base).Take(TornadoCandidates).ToHashSet();
        return sens.Outputs.Where(o => (candidates.Contains(o) || !o.Output.Id.StartsWith("p_candidate.", StringComparison.Ordinal)) && Moves(o));
    }

    /// <summary>
    /// False for an input that belongs to another shock than the one analysed (its declared effects or patronage
    /// discount): it cannot change this shock's outputs, so any importance it shows is estimation noise.
    /// </summary>
    private static bool Bears(SensitivityResult sens, string input) =>
        !input.StartsWith("shocks.", StringComparison.Ordinal) || input.StartsWith("shocks." + sens.ShockId + ".", StringComparison.Ordinal);

    private static bool Moves(OutputSensitivity o) => o.Tornado.Any(b => b.Swing > 0);

    private static List<Tornado> Tornadoes(Scenario s, SensitivityResult sens)
    {
        var baseValues = ScenarioInputs.Uncertain(s).ToDictionary(i => i.Path, i => i.Value.Point, StringComparer.Ordinal);
        return TornadoOutputs(sens).Select(o => new Tornado(
            o.Output.Label,
            o.Base,
            o.Tornado.Where(b => Bears(sens, b.Input)).Take(TopInputs).Select(b => new TornadoInput(InputLabel(s, b.Input), b.Low, b.High, baseValues.GetValueOrDefault(b.Input))).ToList()))
            .ToList();
    }

    private static List<VarianceImportance> Importance(Scenario s, SensitivityResult sens) =>
        sens.Outputs.Where(Moves).Select(o => new VarianceImportance(
            o.Output.Label,
            "First-order index (share of variance)",
            o.Importance.Where(i => Bears(sens, i.Input)).Take(TopInputs).Select(i => new ImportanceEntry(InputLabel(s, i.Input), i.Index, i.Low, i.High)).ToList()))
            .ToList();

    private static ReportOutsideView OutsideView(OutsideViewJson ov, BlendJson? blend)
    {
        var rates = ov.BaseRates.Where(r => r.Cases > 0)
            .Select(r => new ReportBaseRate(r.Label, r.Events, r.Cases, r.Rate, r.Interval90[0], r.Interval90[1], null))
            .ToList();
        if (blend?.Contested is { ClassCases: > 0 and { } n, ClassRate: { } rate } c)
        {
            // The contested class the forecast blends in, as simulate prints it (widened where it held fewer than 10 exits).
            var k = (int)Math.Round(rate * n);
            var wilson = Statistics.BinomialInterval.Wilson(k, n, 0.90);
            rates.Add(new ReportBaseRate("Contested succession within a year (the class the forecast blends in)", k, n, rate, wilson.Lower, wilson.Upper, c.ReferenceClass));
        }

        return new(ov.ReferenceClass.Length == 0 ? "every case in the datasets" : ov.ReferenceClass, "Wilson score, 90%", rates);
    }

    private static MethodsNote Methods(BriefInputs inputs, Shock headline)
    {
        var s = inputs.Loaded.Scenario;
        var settings = inputs.Settings;
        var model = ForecastDocuments.ModelName(settings.Model);
        var models = new List<string>
        {
            "Power accounting: each actor's share of each instrument of power, held directly, through the organizations it heads (times their loyalty to the head) and through the office; capability is the phase-weighted sum over instruments.",
            "Succession contest: each actor's utility for each candidate (policy closeness, ties, ambition, fear of rivals); candidates compared pairwise by crisis-capability-weighted votes (KTAB's Probabilistic Condorcet Election); a losing camp fights with a probability that rises as its share of coercion passes a threshold set by its risk attitude (logit rule).",
            PolicyModelText(settings.Model),
            string.Create(CultureInfo.InvariantCulture,
                $"Monte Carlo: {inputs.Shocks.Single(r => r.ShockId == inputs.HeadlineShockId).Draws:N0} draws of every uncertain input per shock, counter-based random numbers that depend on the seed alone; every shock uses the same random numbers (common random numbers), so differences between shocks are the shocks'."),
        };
        if (inputs.Sensitivity is { } sens)
        {
            models.Add(string.Create(CultureInfo.InvariantCulture,
                $"Sensitivity ({headline.Label}): {sens.Inputs} uncertain inputs, {sens.Draws} draws per run, policy model {ForecastDocuments.ModelName(sens.Model)}. ")
                + SensitivityRun.Method
                + string.Create(CultureInfo.InvariantCulture, $" Tornadoes are drawn for the {TornadoCandidates} likeliest candidates, a contested succession and each policy dimension, importance tables for every output that moves; each shows the {TopInputs} inputs that matter most, leaving out the inputs of other shocks (which cannot move this one's outputs)."));
        }

        if (inputs.OutsideView is { Note: { } note })
        {
            models.Add("Outside view: " + note);
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["source"] = inputs.Provenance,
            ["policy model"] = model,
            ["shocks compared"] = string.Join(", ", inputs.Shocks.Select(r => r.ShockId)),
            ["headline shock"] = headline.Id,
            ["sensitivity draws per run"] = inputs.Sensitivity is { } x ? x.Draws.ToString(CultureInfo.InvariantCulture) : "not run",
        };
        // Every contest parameter the scenario's forecast uses (the model's own list, so none is left out).
        foreach (var p in ScenarioInputs.All(s).Where(x => x.Path.StartsWith("contest.", StringComparison.Ordinal)))
        {
            parameters[p.Path] = p.Value.ToString();
        }

        foreach (var instrument in s.Instruments)
        {
            parameters["weight." + instrument.Id] = string.Join(", ", instrument.Weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Key + " " + w.Value));
        }

        if (inputs.Reproduction is { } reproduction)
        {
            parameters["reproduction"] = reproduction;
        }

        if (settings.UntilSe is { } se)
        {
            parameters["stopping rule"] = string.Create(CultureInfo.InvariantCulture,
                $"stop once every headline probability's Monte Carlo standard error is below {se} (at most {settings.Draws} draws per shock, in batches of {SimulationSettings.BatchSize})");
        }

        // The draws the headline shock actually ran (fewer than the maximum when a stopping rule was given).
        var draws = inputs.Shocks.Single(r => r.ShockId == inputs.HeadlineShockId).Draws;
        if (inputs.Blend is { } blend)
        {
            var top = blend.Candidates.MaxBy(c => c.Blended)!;
            var outside = blend.Contested.OutsideOnly is { } o ? o.ToString("0.0%", CultureInfo.InvariantCulture) : "—";
            models.Add(string.Create(CultureInfo.InvariantCulture,
                $"The forecast blended with the outside view (docs/backtesting.md): {top.Id} {top.Blended:0.0%} (model alone {top.InsideOnly:0.0%}, outside view alone {top.OutsideOnly:0.0%}); contested {blend.Contested.Blended:0.0%} (model alone {blend.Contested.InsideOnly:0.0%}, outside view alone {outside}). ")
                + blend.Parameters + ". Contested prior: " + blend.Contested.ReferenceClass + ".");
        }

        return new MethodsNote(models, new ReadOnlyDictionary<string, string>(parameters), settings.Seed, draws, "sha256:" + inputs.Loaded.Sha256, RunJson.ProgramVersion);
    }

    private static string PolicyModelText(PolicyModel model) => model switch
    {
        PolicyModel.Compromise => "Policy bargaining: the compromise model, the capability × salience weighted mean of the positions of the elite left after the succession (the winner holding the office).",
        PolicyModel.Eu => "Policy bargaining: Bueno de Mesquita's expected-utility model per dimension (Scholz et al. reading), among the elite left after the succession.",
        _ => "Policy bargaining: KTAB's spatial model of politics (SMP) among the elite left after the succession.",
    };

    /// <summary>An uncertain input's path (e.g. <c>actors.bortnikov.ambition</c>) in words, with the scenario's names.</summary>
    public static string InputLabel(Scenario s, string path)
    {
        var p = InputPath.Parse(path).Segments;
        string Actor(string id) => s.ActorIndex(id) >= 0 ? s.ActorById(id).Name : id;
        string Org(string id) => ShortName(s.Organizations.FirstOrDefault(o => o.Id == id)?.Name ?? id);
        string Instrument(string id) => LowerFirst(ShortName(s.Instruments.FirstOrDefault(i => i.Id == id)?.Label ?? id));
        string Dim(string id) => LowerFirst(s.Dimensions.FirstOrDefault(d => d.Id == id)?.Label ?? id);
        string Subject(string id) => id == "*" ? "every actor" : Actor(id);
        string? label = p switch
        {
            ["instruments", var i, "weights", var phase] => $"Weight of {Instrument(i)} in the {phase} phase",
            ["actors", var a, "health"] => $"{Actor(a)}: health",
            ["actors", var a, "ambition"] => $"{Actor(a)}: ambition",
            ["actors", var a, "risk"] => $"{Actor(a)}: risk attitude",
            ["actors", var a, "positions", var d] => $"{Actor(a)}: position on {Dim(d)}",
            ["actors", var a, "salience", var d] => $"{Actor(a)}: salience of {Dim(d)}",
            ["actors", var a, "holdings", var i] => $"{Actor(a)}: own holding of {Instrument(i)}",
            ["organizations", var o, "holdings", var i] => $"{Org(o)}: holding of {Instrument(i)}",
            ["organizations", var o, "loyalty", "head"] => $"{Org(o)}: loyalty to its head",
            ["organizations", var o, "loyalty", "office"] => $"{Org(o)}: loyalty to the office",
            ["organizations", var o, "loyalty", "incumbent"] => $"{Org(o)}: loyalty to the incumbent",
            ["ties", var from, var to, var type, "weight"] => $"{UpperFirst(TieWords(type))} tie {Actor(from)} → {Actor(to)}",
            ["office", "holdings", var i] => $"Office's holding of {Instrument(i)}",
            ["shocks", var id, "patronage_discount"] => $"{ShockLabel(s, id)}: discount on the incumbent's patronage",
            ["shocks", var id, "effects", _, "position", var who, var d] => $"{ShockLabel(s, id)}: shift of {Subject(who)}'s position on {Dim(d)}",
            ["shocks", var id, "effects", _, "salience", var who, var d] => $"{ShockLabel(s, id)}: shift of {Subject(who)}'s salience of {Dim(d)}",
            ["shocks", var id, "effects", _, "loyalty", var o, var to] => $"{ShockLabel(s, id)}: shift of {Org(o)}'s loyalty to the {to}",
            ["shocks", var id, "effects", _, "ambition", var who] => $"{ShockLabel(s, id)}: shift of {Subject(who)}'s ambition",
            ["contest", var parameter] => "Contest: " + parameter.Replace('_', ' '),
            ["shocks", var id, var which, "confidence"] => $"{ShockLabel(s, id)}: confidence of the {which} attribution",
            ["shocks", var id, var which, "effect", var d] => $"{ShockLabel(s, id)}: shift of the successor's position on {Dim(d)} if blame is certain ({which})",
            ["candidates", var c, "prior"] => $"Prior of {s.Candidates.FirstOrDefault(x => x.Id == c)?.Label ?? c}",
            ["office", "heir", "following"] => "Share of the incumbent's following that passes to his heir",
            ["office", "selection", "binding"] => "How far the office's selection rule, not force, decides",
            ["office", "selection", "electorate", var a] => $"{Actor(a)}: votes in the elite body",
            ["office", "selection", "popularity", var c] => $"Popular support for {s.Candidates.FirstOrDefault(x => x.Id == c)?.Label ?? c}",
            ["office", "acting_successors", var a, "weight"] => $"{Actor(a)}: weight of his reading as acting successor",
            _ => null,
        };
        return label ?? path;
    }

    /// <summary>A name without its explanation: "FSO (Federal Protective Service), about 50,000" → "FSO".</summary>
    public static string ShortName(string name)
    {
        var cut = name.IndexOfAny(['(', ',']);
        var shortName = cut > 0 ? name[..cut].Trim() : name;
        return shortName.Length > 0 ? shortName : name;
    }

    /// <summary>Lower-cases the first letter for use mid-sentence, unless the word is an acronym ("FSB").</summary>
    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string UpperFirst(string text) => text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string TieWords(string type) =>
        Enum.TryParse<TieType>(type, ignoreCase: true, out var t) ? Words(t.ToString()) : type;

    private static string ShockLabel(Scenario s, string id) => s.ShockById(id)?.Label ?? id;

    /// <summary>PascalCase or kebab-case in lower-case words: <c>SharedBackground</c> → "shared background".</summary>
    public static string Words(string name) => ForecastDocuments.Kebab(name).Replace('-', ' ');
}

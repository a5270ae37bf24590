using System.Globalization;
using CsvHelper;
using Interregnum.Simulation;

namespace Interregnum.Runs;

/// <summary>The scenario a report is about.</summary>
public sealed record ScenarioRef(string Id, string Title, string File, string Sha256);

/// <summary>The shock a report is about.</summary>
public sealed record ShockRef(string Id, string Label, string Manner, string Location);

/// <summary>A probability with its 90% Monte Carlo interval, standard error and input-uncertainty spread.</summary>
public sealed record EstimateJson(double Probability, double[] Interval90, double McSe, double[] Spread90);

public sealed record CandidateJson(string Id, string Label, string Leader, double Probability, double[] Interval90, double McSe, double[] Spread90, double WinFrequency);

public sealed record DimensionJson(string Id, string Label, double StatusQuo, double Mean, double P5, double P50, double P95, double MeanShift, double PHigher);

/// <summary>One shock's forecast, as JSON.</summary>
public sealed record ShockForecastJson(
    ShockRef Shock,
    bool IncumbentStays,
    IReadOnlyList<CandidateJson> Candidates,
    EstimateJson Contested,
    double ContestedThreshold,
    IReadOnlyList<DimensionJson> Dimensions,
    CoalitionJson? Coalition = null,
    IReadOnlyList<KeyJudgmentJson>? KeyJudgments = null)
{
    /// <summary>The blended forecast beside its inside and outside halves (null where the incumbent stays, or where no blend was asked for).</summary>
    public BlendJson? Blend { get; init; }

    /// <summary>The scenario's indicators with what each would shift in this forecast, highest value of information first (null when the scenario declares none).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IndicatorJson>? Indicators { get; init; }
}

/// <summary>
/// One indicator and what seeing it would shift (docs/brief.md, "Indicators to watch"): the forecast over the draws whose
/// input lies on the indicator's side of its median, beside the forecast over all draws.
/// </summary>
public sealed record IndicatorJson(
    string Id,
    string Description,
    string Input,
    string InputWords,
    string Direction,
    string? Source,
    bool BearsOnShock,
    double InputMedian,
    string Leader,
    double LeaderBefore,
    double LeaderAfter,
    double LeaderAfterMcSe,
    string LikeliestAfter,
    IReadOnlyDictionary<string, double> CandidatesAfter,
    double ContestedBefore,
    double ContestedAfter,
    int DrawsKept,
    double ValueOfInformation,
    string Shift);

/// <summary>A key judgment as JSON (see docs/brief.md): estimative words, the number, the 5–95% range across inputs, confidence.</summary>
public sealed record KeyJudgmentJson(string Output, string Statement, double Probability, string Words, double[] InputRange90, double McSe, string Confidence, string ConfidenceReason, string? MainAssumption, string Sentence);

/// <summary>Historical base rates for the scenario's reference class, beside the model's forecast.</summary>
public sealed record OutsideViewJson(string ReferenceClass, IReadOnlyList<BaseRateJson> BaseRates, string? Note);

public sealed record BaseRateJson(string Outcome, string Label, int Cases, int Events, double Rate, double[] Interval90);

/// <summary>Turns forecast results into the JSON documents and tidy CSV that simulate and compare share.</summary>
public static class ForecastDocuments
{
    /// <summary>The program version written into every result document (major.minor.patch).</summary>
    public static string Version => typeof(ForecastDocuments).Assembly.GetName().Version!.ToString(3);

    public static string ModelName(PolicyModel m) => m.ToString().ToLowerInvariant();

    public static ShockForecastJson ToJson(LoadedScenario loaded, SimulationResult r)
    {
        return new ShockForecastJson(
            ShockRefOf(loaded.Scenario.ShockById(r.ShockId)!),
            r.IncumbentStays,
            r.Candidates.Select(c => new CandidateJson(c.Id, c.Label, c.Leader, c.Estimate.Probability, [c.Estimate.Low, c.Estimate.High], c.Estimate.StandardError, [c.Estimate.SpreadLow, c.Estimate.SpreadHigh], c.WinFrequency)).ToList(),
            Estimate(r.Contested),
            r.ContestedThreshold,
            r.Dimensions.Select(d => new DimensionJson(d.Id, d.Label, d.StatusQuo, d.Mean, d.P5, d.P50, d.P95, d.MeanShift, d.ProbabilityHigher)).ToList(),
            KeyJudgments: Judgments.KeyJudgments.Build(loaded.Scenario, r, sensitivity: null, ShippedSkill.Winner, ShippedSkill.Contested)
                .Select(j => new KeyJudgmentJson(j.Output, j.Statement, j.Probability, j.Words, [j.InputLow, j.InputHigh], j.MonteCarloError, j.Confidence.ToString().ToLowerInvariant(), j.ConfidenceReason, j.Assumption?.Words, j.Sentence))
                .ToList()) { Indicators = Indicators(loaded.Scenario, r) };
    }

    /// <summary>The indicators' shifts on one forecast as JSON, or null when the scenario declares none.</summary>
    public static IReadOnlyList<IndicatorJson>? Indicators(Model.Scenario s, SimulationResult r)
    {
        if (s.Indicators.Count == 0)
        {
            return null;
        }

        return Judgments.IndicatorShifts.For(s, r).Select(x => new IndicatorJson(
            x.Indicator.Id,
            x.Indicator.Description,
            x.Indicator.Input,
            x.InputWords,
            Kebab(x.Indicator.Direction.ToString()),
            x.Indicator.Source,
            x.BearsOnShock,
            x.Median,
            x.Leader,
            x.LeaderBefore,
            x.LeaderAfter,
            x.LeaderAfterError,
            x.LikeliestAfter,
            s.Candidates.Select((c, i) => (c.Id, i)).ToDictionary(c => c.Id, c => x.CandidatesAfter[c.i], StringComparer.Ordinal),
            x.ContestedBefore,
            x.ContestedAfter,
            x.DrawsKept,
            x.ValueOfInformation,
            x.Shift)).ToList();
    }

    public static ShockRef ShockRefOf(Model.Shock shock) => new(shock.Id, shock.Label, Kebab(shock.Manner.ToString()), shock.Location.ToString().ToLowerInvariant());

    public static ScenarioRef Ref(LoadedScenario loaded) => new(loaded.Scenario.Id, loaded.Scenario.Title, Path.GetFileName(loaded.Path), loaded.Sha256);

    public static EstimateJson Estimate(ProbabilityEstimate e) => new(e.Probability, [e.Low, e.High], e.StandardError, [e.SpreadLow, e.SpreadHigh]);

    public static string Kebab(string pascal) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);

    /// <summary>Tidy summary rows: shock, section, id, statistic, value.</summary>
    public static void WriteSummaryCsv(TextWriter writer, IEnumerable<ShockForecastJson> forecasts)
    {
        using var csv = TidyCsv.Create(writer);
        csv.WriteHeader(["shock", "section", "id", "statistic", "value"]);

        void Row(string shock, string section, string id, string stat, double value) => csv.WriteRecord([shock, section, id, stat, value.ToString("R", CultureInfo.InvariantCulture)]);

        foreach (var f in forecasts)
        {
            var s = f.Shock.Id;
            foreach (var c in f.Candidates)
            {
                Row(s, "candidate", c.Id, "probability", c.Probability);
                Row(s, "candidate", c.Id, "ci90_low", c.Interval90[0]);
                Row(s, "candidate", c.Id, "ci90_high", c.Interval90[1]);
                Row(s, "candidate", c.Id, "mc_se", c.McSe);
                Row(s, "candidate", c.Id, "spread_p5", c.Spread90[0]);
                Row(s, "candidate", c.Id, "spread_p95", c.Spread90[1]);
                Row(s, "candidate", c.Id, "win_frequency", c.WinFrequency);
            }

            Row(s, "contested", "contested", "probability", f.Contested.Probability);
            Row(s, "contested", "contested", "ci90_low", f.Contested.Interval90[0]);
            Row(s, "contested", "contested", "ci90_high", f.Contested.Interval90[1]);
            Row(s, "contested", "contested", "mc_se", f.Contested.McSe);
            Row(s, "contested", "contested", "threshold", f.ContestedThreshold);
            foreach (var d in f.Dimensions)
            {
                Row(s, "dimension", d.Id, "status_quo", d.StatusQuo);
                Row(s, "dimension", d.Id, "mean", d.Mean);
                Row(s, "dimension", d.Id, "p5", d.P5);
                Row(s, "dimension", d.Id, "p50", d.P50);
                Row(s, "dimension", d.Id, "p95", d.P95);
                Row(s, "dimension", d.Id, "mean_shift", d.MeanShift);
                Row(s, "dimension", d.Id, "p_higher", d.PHigher);
            }

            if (f.Coalition is { } coalition)
            {
                CoalitionDocuments.SummaryRows(coalition, (section, id, stat, value) => Row(s, section, id, stat, value));
            }
        }
    }

    /// <summary>One row per draw: draw, winner, contested, per-draw probabilities, status quo and forecast per dimension.</summary>
    public static void WriteDrawsCsv(TextWriter writer, LoadedScenario loaded, SimulationResult r)
    {
        var s = loaded.Scenario;
        using var csv = TidyCsv.Create(writer);
        csv.WriteField("draw");
        csv.WriteField("winner");
        csv.WriteField("contested");
        csv.WriteField("p_contested");
        foreach (var c in s.Candidates)
        {
            csv.WriteField("p_" + c.Id);
        }

        foreach (var d in s.Dimensions)
        {
            csv.WriteField("status_quo_" + d.Id);
        }

        foreach (var d in s.Dimensions)
        {
            csv.WriteField("forecast_" + d.Id);
        }

        csv.EndRecord();
        foreach (var o in r.Outcomes)
        {
            csv.WriteField(o.Draw.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(o.Winner >= 0 ? s.Candidates[o.Winner].Id : "incumbent");
            csv.WriteField(o.Contested ? "1" : "0");
            csv.WriteField(o.ContestedProbability.ToString("R", CultureInfo.InvariantCulture));
            foreach (var p in o.CandidateProbabilities)
            {
                csv.WriteField(p.ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var x in o.StatusQuo)
            {
                csv.WriteField(x.ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var x in o.Forecast)
            {
                csv.WriteField(x.ToString("R", CultureInfo.InvariantCulture));
            }

            csv.EndRecord();
        }
    }
}

using System.Globalization;
using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Runs;

/// <summary>
/// One external forecast beside the model's matching number (docs/brief.md, "External forecasts").
/// </summary>
/// <param name="Source">Who made it.</param>
/// <param name="Date">When it stood at <paramref name="Probability"/>.</param>
/// <param name="Question">Its question, as its source asks it.</param>
/// <param name="Probability">Its probability (0–1).</param>
/// <param name="Url">Where to see it, or null.</param>
/// <param name="ComparesTo">The model question it was matched with (scenario key <c>compares_to</c>), or null.</param>
/// <param name="Model">The model's matching number (0–1), or null when the model does not answer the question (or it was not computed).</param>
/// <param name="ModelQuestion">The model's question in words, or null.</param>
/// <param name="Comparison">The comparison in words, e.g. "model 12% vs Metaculus 20%: 8 points lower".</param>
public sealed record ExternalForecastJson(string Source, DateOnly Date, string Question, double Probability, string? Url, string? ComparesTo, double? Model, string? ModelQuestion, string Comparison);

/// <summary>Sets a scenario's external forecasts beside the model's matching numbers.</summary>
public static class ExternalForecastComparisons
{
    /// <summary>
    /// Each external forecast with the model's number for the same question: the headline shock's P(candidate
    /// prevails) or P(contested), or the incumbent's 12-month exit risk as shown (the judgment when one is declared).
    /// The difference is the model's number less the external one, in percentage points.
    /// </summary>
    /// <param name="s">The scenario.</param>
    /// <param name="headline">The headline shock's forecast.</param>
    /// <param name="exitRisk">The exit risk shown beside it, or null when it was not computed.</param>
    public static IReadOnlyList<ExternalForecastJson> For(Scenario s, SimulationResult headline, ExitRiskViewJson? exitRisk)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(headline);
        var list = new List<ExternalForecastJson>();
        foreach (var f in s.ExternalForecasts)
        {
            var (model, question, missing) = Match(s, headline, exitRisk, f.ComparesTo);
            var comparison = model is { } m
                ? Compare(m, f.Source, f.Probability)
                : missing;
            list.Add(new ExternalForecastJson(f.Source, f.Date, f.Question, f.Probability, f.Url, f.ComparesTo, model, question, comparison));
        }

        return list;
    }

    /// <summary>"model 12% vs Metaculus 20%: 8 points lower" (whole percentages; "the same" within half a point).</summary>
    public static string Compare(double model, string source, double external)
    {
        var points = Math.Round(100 * (model - external), MidpointRounding.AwayFromZero);
        var verdict = points == 0 ? "about the same" : string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(points):0} {(Math.Abs(points) == 1 ? "point" : "points")} {(points > 0 ? "higher" : "lower")}");
        return string.Create(CultureInfo.InvariantCulture, $"model {Pct(model)} vs {source} {Pct(external)}: {verdict}");
    }

    private static (double? Model, string? Question, string Missing) Match(Scenario s, SimulationResult headline, ExitRiskViewJson? exitRisk, string? comparesTo)
    {
        const string NotAnswered = "the model does not answer this question";
        switch (comparesTo)
        {
            case null:
                return (null, null, NotAnswered);
            case "contested":
                return headline.IncumbentStays
                    ? (null, "the succession is contested", $"the model does not answer this question under the headline shock ({headline.ShockLabel}: the incumbent stays)")
                    : (headline.Contested.Probability, $"the succession is contested ({headline.ShockLabel})", "");
            case "exit_risk.any_within_12_months" or "exit_risk.irregular_within_12_months":
                var irregular = comparesTo.EndsWith("irregular_within_12_months", StringComparison.Ordinal);
                var q = irregular ? "the incumbent leaves office irregularly within 12 months" : "the incumbent leaves office within 12 months";
                return exitRisk is null
                    ? (null, q, "the model's exit risk was not computed (no historical data folder)")
                    : (irregular ? exitRisk.IrregularWithin12Months : exitRisk.AnyWithin12Months, q + (exitRisk.Shown == "judgment" ? " (the scenario's judgment, shown in place of the model's)" : ""), "");
            default:
                var id = comparesTo["winner.".Length..];
                var candidate = headline.Candidates.FirstOrDefault(c => c.Id == id);
                return headline.IncumbentStays || candidate is null
                    ? (null, null, $"the model does not answer this question under the headline shock ({headline.ShockLabel})")
                    : (candidate.Estimate.Probability, $"{candidate.Label} prevails if the incumbent leaves ({headline.ShockLabel})", "");
        }
    }

    private static string Pct(double p) => Judgments.IndicatorShifts.Percent(p);
}

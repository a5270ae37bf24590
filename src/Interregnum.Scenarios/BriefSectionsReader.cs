using System.Globalization;
using Interregnum.Model;

namespace Interregnum.Scenarios;

/// <summary>
/// Reads the optional brief sections of a scenario (docs/scenario-format.md, "Indicators and external forecasts"):
/// <c>indicators</c> and <c>external_forecasts</c>. The input paths and model questions they name can only be
/// checked against the whole scenario, so <see cref="Check"/> runs once it is built. Kept apart from
/// <see cref="ScenarioBuilder"/> so the sections stay self-contained.
/// </summary>
/// <param name="b">The binder errors go to.</param>
/// <param name="reference">Records a reference to a declared element (node, kind) and returns its id, resolved with the scenario's other references.</param>
internal sealed class BriefSectionsReader(NodeBinder b, Func<YNode, string, string?> reference)
{
    private static readonly string[] Directions = ["raises", "lowers"];

    /// <summary>The model numbers an external forecast can be compared with, besides <c>winner.CANDIDATE</c>.</summary>
    internal static readonly string[] ModelQuestions = ["contested", "exit_risk.any_within_12_months", "exit_risk.irregular_within_12_months"];

    private readonly List<(Indicator Value, YNode InputNode)> indicators = [];
    private readonly List<(ExternalForecast Value, YNode? ComparesNode)> forecasts = [];

    public void ReadIndicators(YNode node)
    {
        if (b.Sequence(node, "'indicators'") is not { } seq)
        {
            return;
        }

        var ids = new Dictionary<string, YNode>(StringComparer.Ordinal);
        foreach (var item in seq.Items)
        {
            if (b.Mapping(item, "an indicator") is not { } m)
            {
                continue;
            }

            var v = b.Open(m, "an indicator", "id", "description", "input", "direction", "source");
            var idNode = v.Get("id", required: true);
            var id = idNode is null ? null : b.Id(idNode, "indicator id");
            if (id is not null && !ids.TryAdd(id, idNode!))
            {
                b.Error(idNode!, string.Create(CultureInfo.InvariantCulture, $"duplicate indicator id '{id}' (first declared at line {ids[id].Line})"));
                id = null;
            }

            var description = v.Text("description", required: true);
            var inputNode = v.Get("input", required: true);
            var input = inputNode is null ? null : b.Text(inputNode, "'input' (an input path such as actors.ID.ambition)");
            var direction = v.Get("direction", required: true) is { } dn ? b.Choice(dn, "'direction'", Directions) : null;
            var source = v.Get("source", required: false) is { } sn ? reference(sn, "source") : null;
            if (id is null || description is null || input is null || direction is null || (v.Has("source") && source is null))
            {
                continue;
            }

            indicators.Add((new Indicator(id, description.Trim(), input, direction == "raises" ? IndicatorDirection.Raises : IndicatorDirection.Lowers, source), inputNode!));
        }
    }

    public void ReadExternalForecasts(YNode node)
    {
        if (b.Sequence(node, "'external_forecasts'") is not { } seq)
        {
            return;
        }

        foreach (var item in seq.Items)
        {
            if (b.Mapping(item, "an external forecast") is not { } m)
            {
                continue;
            }

            var v = b.Open(m, "an external forecast", "source", "date", "question", "probability", "url", "compares_to");
            var source = v.Text("source", required: true);
            var date = b.Date(v, "date");
            var question = v.Text("question", required: true);
            var probability = v.Number("probability", "'probability'", required: true);
            if (probability is < 0 or > 1)
            {
                b.Error(v.ValueNode("probability")!, $"'probability' is a probability and must lie in [0, 1], found {probability.Value.ToString(CultureInfo.InvariantCulture)}");
                probability = null;
            }

            var url = v.Text("url");
            if (url is not null && !(url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)))
            {
                b.Error(v.ValueNode("url")!, $"'url' must start with http:// or https://, found '{Fmt.Short(url)}'");
                url = null;
            }

            var comparesNode = v.Get("compares_to", required: false);
            var compares = comparesNode is null ? null : b.Text(comparesNode, "'compares_to' (winner.CANDIDATE, contested, exit_risk.any_within_12_months or exit_risk.irregular_within_12_months)");
            if (source is null || date is null || question is null || probability is null || (v.Has("url") && url is null) || (comparesNode is not null && compares is null))
            {
                continue;
            }

            forecasts.Add((new ExternalForecast(source.Trim(), date.Value, question.Trim(), probability.Value, url, compares), comparesNode));
        }
    }

    /// <summary>Checks the external forecasts' model questions against the declared candidates; runs even when the scenario has other errors.</summary>
    public void CheckQuestions(IReadOnlyCollection<string> candidateIds, bool hasExitRisk)
    {
        foreach (var (forecast, node) in forecasts)
        {
            if (forecast.ComparesTo is not { } q || node is null)
            {
                continue;
            }

            if (q.StartsWith("winner.", StringComparison.Ordinal))
            {
                var candidate = q["winner.".Length..];
                if (!candidateIds.Contains(candidate))
                {
                    var hint = Suggest.Closest(candidate, candidateIds);
                    b.Error(node, $"unknown candidate '{Fmt.Short(candidate)}' in 'compares_to'" + (hint is null ? "" : $" (did you mean 'winner.{hint}'?)"));
                }
            }
            else if (!ModelQuestions.Contains(q))
            {
                b.Error(node, $"unknown model question '{Fmt.Short(q)}' in 'compares_to'; expected winner.CANDIDATE or one of: {string.Join(", ", ModelQuestions)} (leave it out when the model does not answer the question)");
            }
            else if (q.StartsWith("exit_risk.", StringComparison.Ordinal) && !hasExitRisk)
            {
                b.Error(node, $"'compares_to: {q}' needs the scenario's exit_risk section");
            }
        }
    }

    /// <summary>Checks the indicators' input paths against the built scenario; returns it with both sections, or null on errors.</summary>
    public Scenario? Check(Scenario s)
    {
        var before = b.ErrorCount;
        var inputs = ScenarioInputs.All(s).ToDictionary(x => x.Path, x => x.Value, StringComparer.Ordinal);
        foreach (var (indicator, node) in indicators)
        {
            if (!inputs.TryGetValue(indicator.Input, out var value))
            {
                var hint = b.Saturated ? null : Suggest.Closest(indicator.Input, inputs.Keys);
                b.Error(node, $"unknown input path '{Fmt.Short(indicator.Input)}' in indicator '{indicator.Id}'" + (hint is null ? "; see 'interregnum sensitivity' or docs/scenario-format.md for the paths" : $" (did you mean '{hint}'?)"));
            }
            else if (value.IsFixed)
            {
                b.Error(node, $"input '{indicator.Input}' of indicator '{indicator.Id}' is a fixed number; an indicator must bear on an uncertain input (a range or distribution)");
            }
        }

        return b.ErrorCount > before ? null : s with
        {
            Indicators = indicators.Select(x => x.Value).ToList(),
            ExternalForecasts = forecasts.Select(x => x.Value).ToList(),
        };
    }
}

namespace Interregnum.Reports;

/// <summary>
/// The brief's charts one at a time, as inline SVG, for front ends that show them outside a brief (the web
/// workbench). The same drawing code as the brief, so a chart looks the same in both.
/// </summary>
public static class ChartSvg
{
    /// <summary>Candidates' probabilities with their 90% intervals, most likely on top.</summary>
    /// <param name="candidates">The candidates (probabilities on 0–1).</param>
    /// <param name="chartId">An id unique within the page.</param>
    public static string Candidates(IReadOnlyList<CandidateForecast> candidates, string chartId) => BriefCharts.Candidates(candidates, chartId);

    /// <summary>The elite network (actors, organizations, ties) in the brief's deterministic circular layout.</summary>
    /// <param name="network">The network.</param>
    /// <param name="chartId">An id unique within the page.</param>
    public static string Network(EliteNetwork network, string chartId) => BriefCharts.Network(network, chartId);

    /// <summary>A tornado: each input's low and high setting as bars around the output's base value, largest swing on top.</summary>
    /// <param name="tornado">The output and its inputs (on the output's own scale).</param>
    /// <param name="chartId">An id unique within the page.</param>
    public static string Tornado(Tornado tornado, string chartId) => BriefCharts.Tornado(tornado, chartId);
}

using Interregnum.Statistics;
using ScottPlot;

namespace Interregnum.Reports;

/// <summary>One group's tenure curve for <see cref="SurvivalChart"/>.</summary>
/// <param name="Label">The group's name in the legend.</param>
/// <param name="Spells">How many spells in office the curve is fitted on (shown as n).</param>
/// <param name="Tenure">The Kaplan–Meier curve of time in office, in years.</param>
public sealed record SurvivalCurve(string Label, int Spells, KaplanMeierCurve Tenure);

/// <summary>Draws Kaplan–Meier tenure curves with their confidence bands (ScottPlot, headless PNG).</summary>
public static class SurvivalChart
{
    /// <summary>The font family of every chart, fixed so that charts render the same on every machine that has it.</summary>
    public const string FontFamily = "DejaVu Sans";

    /// <summary>Saves a PNG of the tenure curves of the groups.</summary>
    /// <param name="groups">The curves, one per group (History's leader survival groups, mapped).</param>
    /// <param name="path">Output file (.png).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="maxYears">Right end of the time axis, in years.</param>
    public static void SavePng(IReadOnlyList<SurvivalCurve> groups, string path, string title, double maxYears = 30)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var plot = new Plot();
        plot.Font.Set(FontFamily);
        var palette = new ScottPlot.Palettes.Category10();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var color = palette.GetColor(g);
            var (xs, ys, lower, upper) = Steps(group, maxYears);
            var band = plot.Add.FillY(xs, lower, upper);
            band.FillColor = color.WithAlpha(0.15);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(xs, ys);
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = $"{group.Label} (n = {group.Spells})";
        }

        plot.Title(title);
        plot.XLabel("Years in office");
        plot.YLabel("Share still in office");
        plot.Axes.SetLimits(0, maxYears, 0, 1);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 600);
    }

    private static (double[] X, double[] Y, double[] Lower, double[] Upper) Steps(SurvivalCurve group, double maxYears)
    {
        var xs = new List<double> { 0 };
        var ys = new List<double> { 1 };
        var lo = new List<double> { 1 };
        var hi = new List<double> { 1 };
        foreach (var step in group.Tenure.Steps.Where(s => s.Events > 0 && s.Time <= maxYears))
        {
            // Horizontal to the step time at the previous level, then down.
            xs.Add(step.Time);
            ys.Add(ys[^1]);
            lo.Add(lo[^1]);
            hi.Add(hi[^1]);
            xs.Add(step.Time);
            ys.Add(step.Survival);
            lo.Add(step.Lower);
            hi.Add(step.Upper);
        }

        xs.Add(maxYears);
        ys.Add(ys[^1]);
        lo.Add(lo[^1]);
        hi.Add(hi[^1]);
        return (xs.ToArray(), ys.ToArray(), lo.ToArray(), hi.ToArray());
    }
}

using System.Globalization;
using Interregnum.Backtesting;
using ScottPlot;

namespace Interregnum.Reports;

/// <summary>
/// The reliability diagram of a backtest: in each bin of forecast probability, the observed frequency against the
/// mean forecast, beside the diagonal of perfect calibration; each point labelled with its number of forecasts.
/// Rendered headless with ScottPlot in a fixed font (<see cref="FontName"/>), so the chart depends on its data alone.
/// </summary>
public static class ReliabilityChart
{
    /// <summary>The font of every text element.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Saves the diagram as a PNG.</summary>
    /// <param name="bins">Reliability bins (<see cref="ScoringRules.ReliabilityBins"/>); empty bins are left out.</param>
    /// <param name="path">Output file (.png).</param>
    /// <param name="title">Chart title.</param>
    public static void SavePng(IReadOnlyList<ReliabilityBin> bins, string path, string title)
    {
        ArgumentNullException.ThrowIfNull(bins);
        using var plot = new Plot();
        plot.Font.Set(FontName);
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect calibration";
        var used = bins.Where(b => b.Count > 0).ToList();
        var xs = used.Select(b => b.MeanProbability).ToArray();
        var ys = used.Select(b => b.ObservedFrequency).ToArray();
        if (used.Count > 0)
        {
            var line = plot.Add.Scatter(xs, ys);
            line.Color = Color.FromHex("#0072B2");
            line.LineWidth = 2;
            line.MarkerSize = 9;
            line.LegendText = "observed frequency (n forecasts in bin)";
            foreach (var b in used)
            {
                var label = plot.Add.Text("n=" + b.Count.ToString(CultureInfo.InvariantCulture), b.MeanProbability, b.ObservedFrequency);
                label.LabelFontName = FontName;
                label.LabelFontSize = 12;
                label.OffsetY = -8;
                label.LabelAlignment = Alignment.LowerCenter;
            }
        }

        plot.Title(title);
        plot.XLabel("Forecast probability (bin mean)");
        plot.YLabel("Observed frequency");
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.08);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Font.Set(FontName);
        plot.SavePng(path, 800, 700);
    }
}

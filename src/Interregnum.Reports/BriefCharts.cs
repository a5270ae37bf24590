using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Interregnum.Reports;

/// <summary>
/// Draws the brief's charts with ScottPlot as SVG. Every chart sets the same font (<see cref="FontName"/>) on
/// every text element, so that the text is measured and laid out the same on every machine that has the font,
/// and the output depends on the content alone.
/// </summary>
internal static class BriefCharts
{
    /// <summary>The font every chart uses (DejaVu Sans ships with Debian and most Linux distributions).</summary>
    internal const string FontName = "DejaVu Sans";

    internal const int Width = 860;

    // A fixed, colour-blind-friendly palette (Okabe & Ito 2008), so colours never depend on global state.
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
        Color.FromHex("#999999"),
    ];

    private static readonly Color ContestedColor = Color.FromHex("#B2182B");
    private static readonly Color StatusQuoColor = Color.FromHex("#B2182B");
    private static readonly Color MutedText = Color.FromHex("#555555");

    internal static Color PaletteColor(int index) => Palette[index % Palette.Length];

    /// <summary>Candidates' probabilities (percent) with their 90% intervals as error bars, most likely on top.</summary>
    internal static string Candidates(IReadOnlyList<CandidateForecast> candidates, string chartId)
    {
        using var plot = NewPlot();
        var ordered = BriefOrdering.ByProbability(candidates);
        var n = ordered.Count;
        var bars = new List<Bar>();
        var ys = new double[n];
        var xs = new double[n];
        var minus = new double[n];
        var plus = new double[n];
        for (var i = 0; i < n; i++)
        {
            var c = ordered[i];
            ys[i] = n - 1 - i;
            xs[i] = c.Probability * 100;
            minus[i] = Math.Max(0, (c.Probability - c.Low90) * 100);
            plus[i] = Math.Max(0, (c.High90 - c.Probability) * 100);
            bars.Add(new Bar
            {
                Position = ys[i],
                Value = xs[i],
                Size = 0.62,
                FillColor = PaletteColor(0).WithAlpha(0.85),
                LineWidth = 0,
                Orientation = Orientation.Horizontal,
            });
            AddText(plot, BriefFormat.Percent(c.Probability), (c.High90 * 100) + 1, ys[i], Alignment.MiddleLeft, 12, Colors.Black);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var errors = plot.Add.ErrorBar(xs, ys, minus);
        errors.XErrorNegative = minus;
        errors.XErrorPositive = plus;
        errors.YErrorNegative = new double[n];
        errors.YErrorPositive = new double[n];
        errors.LineWidth = 2;
        errors.CapSize = 10;
        errors.Color = Colors.Black;

        plot.Axes.Left.TickGenerator = new NumericManual(ys, ordered.Select(c => c.Name).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "Probability of prevailing (%), with 90% interval";
        var right = n == 0 ? 100 : Math.Min(100, (ordered.Max(c => c.High90) * 100 * 1.1) + 8);
        plot.Axes.SetLimits(0, right, -0.6, n - 0.4);
        return Finish(plot, chartId, Width, 96 + (26 * n), "Probability that each candidate prevails, with 90% intervals");
    }

    /// <summary>The policy forecast per dimension (0–100): the 90% interval as a box, the median, the mean and the status quo.</summary>
    internal static string Policy(IReadOnlyList<PolicyForecast> dimensions, string chartId)
    {
        using var plot = NewPlot();
        var n = dimensions.Count;
        var positions = new double[n];
        var labels = new string[n];
        for (var i = 0; i < n; i++)
        {
            var d = dimensions[i];
            var y = n - 1 - i;
            positions[i] = y;
            labels[i] = d.Dimension;
            // ScottPlot 5.1 draws boxes vertically only, so the horizontal box is a rectangle and a median line.
            var box = plot.Add.Rectangle(d.P5, d.P95, y - 0.21, y + 0.21);
            box.FillColor = PaletteColor(0).WithAlpha(0.35);
            box.LineColor = PaletteColor(0);
            box.LineWidth = 1.5f;
            var median = plot.Add.Line(d.P50, y - 0.21, d.P50, y + 0.21);
            median.LineColor = PaletteColor(0);
            median.LineWidth = 3;
            median.MarkerSize = 0;
            var mean = plot.Add.Marker(d.Mean, y, MarkerShape.FilledDiamond, 11, Colors.Black);
            mean.LegendText = i == 0 ? "mean" : string.Empty;
            var statusQuo = plot.Add.Marker(d.StatusQuo, y, MarkerShape.VerticalBar, 26, StatusQuoColor);
            statusQuo.MarkerLineWidth = 3;
            statusQuo.LegendText = i == 0 ? "status quo" : string.Empty;
            AddText(plot, "0 = " + d.LowEndLabel, 0, y - 0.36, Alignment.UpperLeft, 10, MutedText);
            AddText(plot, "100 = " + d.HighEndLabel, 100, y - 0.36, Alignment.UpperRight, 10, MutedText);
        }

        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "90% interval (box) and median",
            FillColor = PaletteColor(0).WithAlpha(0.35),
            OutlineColor = PaletteColor(0),
        });
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.Left.TickGenerator = new NumericManual(positions, labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "Position on the dimension (0–100)";
        plot.Axes.SetLimits(-2, 102, -0.75, n - 0.45);
        return Finish(plot, chartId, Width, 110 + (95 * n), "Policy forecast against the status quo, per dimension");
    }

    /// <summary>A small histogram of one dimension's draws with the status quo marked.</summary>
    internal static string PolicyHistogram(PolicyForecast dimension, string chartId)
    {
        using var plot = NewPlot();
        var bins = dimension.Histogram ?? [];
        var bars = bins.Select(b => new Bar
        {
            Position = (b.Low + b.High) / 2,
            Value = b.Count,
            Size = b.High - b.Low,
            FillColor = PaletteColor(4),
            LineColor = Colors.White,
            LineWidth = 0.5f,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Add.VerticalLine(dimension.StatusQuo, 2.5f, StatusQuoColor);
        plot.Axes.Bottom.Label.Text = dimension.Dimension + " (red: status quo)";
        plot.Axes.Left.Label.Text = "Draws";
        var top = bins.Count == 0 ? 1 : bins.Max(b => b.Count) * 1.1;

        // The draws usually fill a narrow part of the 0–100 scale: show that part (with the status quo), in steps of 10.
        var low = Math.Min(bins.Count == 0 ? 0 : bins[0].Low, dimension.StatusQuo);
        var high = Math.Max(bins.Count == 0 ? 100 : bins[^1].High, dimension.StatusQuo);
        var left = Math.Max(0, (Math.Floor(low / 10) * 10) - 5);
        var right = Math.Min(100, (Math.Ceiling(high / 10) * 10) + 5);
        plot.Axes.SetLimits(left, right, 0, top);
        return Finish(plot, chartId, Width / 2, 230, "Distribution of the draws for " + dimension.Dimension);
    }

    /// <summary>The shocks side by side: each candidate's probability and the chance of a contested succession.</summary>
    internal static string Shocks(IReadOnlyList<ShockOutcome> shocks, string chartId)
    {
        using var plot = NewPlot();
        var series = BriefOrdering.CandidateNames(shocks);
        var seriesCount = series.Count + 1;
        var groupWidth = 0.8;
        var barSize = groupWidth / seriesCount;
        var positions = new double[shocks.Count];
        for (var s = 0; s < seriesCount; s++)
        {
            var isContested = s == series.Count;
            var color = isContested ? ContestedColor : PaletteColor(s);
            var bars = new List<Bar>();
            for (var g = 0; g < shocks.Count; g++)
            {
                var shock = shocks[g];
                var center = shocks.Count - 1 - g;
                positions[g] = center;
                var value = isContested
                    ? shock.ContestedProbability
                    : shock.Candidates.FirstOrDefault(c => c.Name == series[s])?.Probability ?? 0;
                bars.Add(new Bar
                {
                    Position = center + (groupWidth / 2) - ((s + 0.5) * barSize),
                    Value = value * 100,
                    Size = barSize * 0.92,
                    FillColor = color,
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                });
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            barPlot.LegendText = isContested ? "contested succession" : series[s];
        }

        plot.Axes.Left.TickGenerator = new NumericManual(positions, shocks.Select(s => s.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "Probability (%)";
        plot.ShowLegend(Edge.Bottom);
        var highest = shocks.SelectMany(s => s.Candidates.Select(c => c.Probability).Append(s.ContestedProbability)).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimits(0, Math.Min(100, (highest * 100 * 1.1) + 5), -0.5, shocks.Count - 0.5);
        return Finish(plot, chartId, Width, 190 + (shocks.Count * (40 + (10 * seriesCount))), "The shocks side by side: who prevails, and the risk of a contested succession");
    }

    /// <summary>A tornado: for each input, the output at its low and high setting, as bars around the base value.</summary>
    internal static string Tornado(Tornado tornado, string chartId)
    {
        using var plot = NewPlot();
        var ordered = BriefOrdering.BySwing(tornado.Inputs);
        var n = ordered.Count;
        var positions = new double[n];
        var low = new List<Bar>();
        var high = new List<Bar>();
        for (var i = 0; i < n; i++)
        {
            var input = ordered[i];
            var y = n - 1 - i;
            positions[i] = y;
            low.Add(new Bar { Position = y, ValueBase = tornado.BaseValue, Value = input.LowSwingValue, Size = 0.7, FillColor = PaletteColor(4), LineWidth = 0, Orientation = Orientation.Horizontal });
            high.Add(new Bar { Position = y, ValueBase = tornado.BaseValue, Value = input.HighSwingValue, Size = 0.7, FillColor = PaletteColor(1), LineWidth = 0, Orientation = Orientation.Horizontal });
        }

        var lowPlot = plot.Add.Bars(low);
        lowPlot.Horizontal = true;
        lowPlot.LegendText = "input at its low setting";
        var highPlot = plot.Add.Bars(high);
        highPlot.Horizontal = true;
        highPlot.LegendText = "input at its high setting";
        var baseLine = plot.Add.VerticalLine(tornado.BaseValue, 2, Colors.Black);
        baseLine.LegendText = "base: " + BriefFormat.Number(tornado.BaseValue);
        plot.Axes.Left.TickGenerator = new NumericManual(positions, ordered.Select(i => i.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = tornado.OutputName;
        plot.ShowLegend(Edge.Bottom);
        var all = ordered.SelectMany(i => new[] { i.LowSwingValue, i.HighSwingValue }).Append(tornado.BaseValue).ToArray();
        var span = Math.Max(1e-9, all.Max() - all.Min());
        plot.Axes.SetLimits(all.Min() - (0.08 * span), all.Max() + (0.08 * span), -0.6, n - 0.4);
        return Finish(plot, chartId, Width, 130 + (38 * n), "Tornado for " + tornado.OutputName);
    }

    /// <summary>The outside view: each base rate (percent) with its interval.</summary>
    internal static string BaseRates(IReadOnlyList<BaseRate> rates, string chartId)
    {
        using var plot = NewPlot();
        var n = rates.Count;
        var ys = new double[n];
        var xs = new double[n];
        var minus = new double[n];
        var plus = new double[n];
        for (var i = 0; i < n; i++)
        {
            var r = rates[i];
            ys[i] = n - 1 - i;
            xs[i] = r.Rate * 100;
            minus[i] = Math.Max(0, (r.Rate - r.Low) * 100);
            plus[i] = Math.Max(0, (r.High - r.Rate) * 100);
            AddText(plot, string.Create(CultureInfo.InvariantCulture, $"{r.K}/{r.N}"), xs[i], ys[i] + 0.18, Alignment.LowerCenter, 10, MutedText);
        }

        var errors = plot.Add.ErrorBar(xs, ys, minus);
        errors.XErrorNegative = minus;
        errors.XErrorPositive = plus;
        errors.YErrorNegative = new double[n];
        errors.YErrorPositive = new double[n];
        errors.LineWidth = 2;
        errors.CapSize = 8;
        errors.Color = PaletteColor(0);
        var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 10, PaletteColor(0));
        markers.LegendText = "rate, with interval";
        plot.Axes.Left.TickGenerator = new NumericManual(ys, rates.Select(r => r.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "Historical rate (%)";
        // A little room either side so that a k/n label over a rate of 0% or 100% is not cut off.
        plot.Axes.SetLimits(-6, 106, -0.6, n - 0.4);
        return Finish(plot, chartId, Width, 100 + (48 * n), "Base rates for the reference class, with intervals");
    }

    /// <summary>The elite network in a deterministic circular layout.</summary>
    internal static string Network(EliteNetwork network, string chartId)
    {
        using var plot = NewPlot();
        var layout = NetworkLayout.Circular(network.Nodes, network.HeadOf);
        var tieTypes = network.Ties.Select(t => t.TieType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        foreach (var head in network.HeadOf)
        {
            if (layout.TryGetValue(head.Actor, out var a) && layout.TryGetValue(head.Organization, out var o))
            {
                var line = plot.Add.Line(a.X, a.Y, o.X, o.Y);
                line.LineColor = Color.FromHex("#777777");
                line.LineWidth = 1.5f;
                line.LinePattern = LinePattern.Dashed;
                line.MarkerSize = 0;
            }
        }

        foreach (var tie in network.Ties)
        {
            if (layout.TryGetValue(tie.From, out var f) && layout.TryGetValue(tie.To, out var t))
            {
                var line = plot.Add.Line(f.X, f.Y, t.X, t.Y);
                line.LineColor = PaletteColor(tieTypes.IndexOf(tie.TieType) + 1).WithAlpha(0.8);
                line.LineWidth = (float)(1 + (4 * Math.Clamp(tie.Weight, 0, 1)));
                line.MarkerSize = 0;
            }
        }

        var maxCapability = network.Nodes.Count == 0 ? 1 : Math.Max(1e-12, network.Nodes.Max(n => n.Capability));
        foreach (var node in network.Nodes)
        {
            var p = layout[node.Id];
            var size = (float)(10 + (30 * Math.Sqrt(Math.Max(0, node.Capability) / maxCapability)));
            var isActor = node.Kind == NetworkNodeKind.Actor;
            var marker = plot.Add.Marker(p.X, p.Y, isActor ? MarkerShape.FilledCircle : MarkerShape.FilledSquare, size, isActor ? PaletteColor(0) : PaletteColor(2));
            marker.MarkerLineColor = Colors.White;
            marker.MarkerLineWidth = 1.5f;
            var outward = p.Y >= 0 ? Alignment.LowerCenter : Alignment.UpperCenter;
            var text = AddText(plot, node.Label, p.X, p.Y, outward, 11, Colors.Black);
            text.OffsetY = (p.Y >= 0 ? -1 : 1) * ((size / 2) + 2);
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.75);
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "actor (size: capability)", MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = PaletteColor(0), MarkerLineColor = PaletteColor(0), MarkerSize = 12 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "organization", MarkerShape = MarkerShape.FilledSquare, MarkerFillColor = PaletteColor(2), MarkerLineColor = PaletteColor(2), MarkerSize = 12 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "heads", LineColor = Color.FromHex("#777777"), LineWidth = 2, LinePattern = LinePattern.Dashed });
        for (var i = 0; i < tieTypes.Count; i++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = tieTypes[i], LineColor = PaletteColor(i + 1), LineWidth = 3 });
        }

        plot.ShowLegend(Edge.Right);
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Axes.SetLimits(-1.45, 1.45, -1.3, 1.3);
        return Finish(plot, chartId, Width, 640, "The elite network: actors, organizations and their ties");
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        return plot;
    }

    private static Text AddText(Plot plot, string text, double x, double y, Alignment alignment, float size, Color color)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = FontName;
        label.LabelFontSize = size;
        label.LabelFontColor = color;
        label.LabelAlignment = alignment;
        return label;
    }

    private static string Finish(Plot plot, string chartId, int width, int height, string title)
    {
        plot.Font.Set(FontName);
        plot.Legend.FontName = FontName;
        var svg = plot.GetSvgXml(width, height);
        return SvgEmbedding.Prepare(svg, chartId, title);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Interregnum.Reports;

/// <summary>
/// Makes a ScottPlot SVG fit to sit inline in the brief: drops the XML declaration, gives the element ids a
/// prefix unique to the chart (ScottPlot numbers its clip paths from a process-wide counter, which would make
/// the output depend on what was drawn before and collide between charts), adds a viewBox so the chart scales
/// with the page, a title for screen readers, and a fallback font list.
/// </summary>
internal static partial class SvgEmbedding
{
    internal static string Prepare(string svg, string chartId, string title)
    {
        var body = XmlDeclaration().Replace(svg, string.Empty).Trim();

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        body = IdReference().Replace(body, m =>
        {
            var old = m.Groups["id"].Value;
            if (!ids.TryGetValue(old, out var renamed))
            {
                renamed = chartId + "-" + ids.Count.ToString(CultureInfo.InvariantCulture);
                ids[old] = renamed;
            }

            return m.Groups["pre"].Value + renamed;
        });

        body = body.Replace(
            "font-family=\"" + BriefCharts.FontName + "\"",
            "font-family=\"" + BriefCharts.FontName + ", Verdana, sans-serif\"",
            StringComparison.Ordinal);

        var open = SvgOpen().Match(body);
        if (!open.Success)
        {
            throw new InvalidOperationException("ScottPlot returned an SVG without a width and height: " + body[..Math.Min(80, body.Length)]);
        }

        var width = open.Groups["w"].Value;
        var height = open.Groups["h"].Value;
        var titleId = chartId + "-title";
        var opening = new StringBuilder()
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
            .Append(" width=\"").Append(width).Append("\" height=\"").Append(height).Append('"')
            .Append(" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append('"')
            .Append(" role=\"img\" aria-labelledby=\"").Append(titleId).Append("\" class=\"chart-svg\" id=\"").Append(chartId).Append("\">")
            .Append("<title id=\"").Append(titleId).Append("\">").Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .ToString();
        return opening + body[(open.Index + open.Length)..];
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("(?<pre>\\bid=\"|url\\(#|href=\"#)(?<id>[A-Za-z_][A-Za-z0-9_.:-]*)")]
    private static partial Regex IdReference();

    [GeneratedRegex("^<svg\\b[^>]*\\bwidth=\"(?<w>[0-9.]+)\"[^>]*\\bheight=\"(?<h>[0-9.]+)\"[^>]*>")]
    private static partial Regex SvgOpen();
}

namespace Interregnum.Reports;

/// <summary>The brief's inline style sheet and its two small inline scripts.</summary>
internal static class BriefAssets
{
    // System fonts only: the brief loads nothing. Chart text carries its own font list (see SvgEmbedding).
    internal const string Css = """

        :root { color-scheme: light; }
        body { margin: 0; background: #f4f4f1; color: #1d1d1b; font: 16px/1.5 "DejaVu Sans", Verdana, "Segoe UI", sans-serif; }
        main { max-width: 920px; margin: 0 auto; padding: 24px 28px 48px; background: #ffffff; }
        header { border-bottom: 3px solid #1d1d1b; margin-bottom: 16px; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: #555555; margin: 0; }
        h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 8px; }
        .question { font-size: 19px; margin: 0 0 16px; }
        h2 { font-size: 22px; margin: 0 0 8px; padding-top: 8px; border-top: 1px solid #d6d6d0; }
        h3 { font-size: 17px; margin: 18px 0 6px; }
        nav ol { columns: 2; font-size: 14px; margin: 0 0 8px; padding-left: 20px; }
        nav a { color: #0b4f8a; }
        section { margin: 22px 0; }
        section.not-available h2 { color: #666666; }
        .missing { background: #f2f2ee; border-left: 4px solid #999999; padding: 6px 10px; color: #444444; }
        .note { font-size: 14px; color: #444444; }
        .headline { font-size: 18px; }
        table { border-collapse: collapse; margin: 8px 0 12px; font-size: 14px; }
        th, td { border-bottom: 1px solid #e2e2dc; padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
        td { font-variant-numeric: tabular-nums; }
        thead th { border-bottom: 2px solid #1d1d1b; }
        .table-wrap { overflow-x: auto; }
        td.phase, th.phase { background: #f3f7fb; }
        td.risk { color: #b2182b; font-weight: bold; }
        .bar-cell { width: 180px; }
        .bar { display: inline-block; height: 10px; background: #0072b2; }
        figure.chart { margin: 12px 0 18px; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: 13px; color: #444444; margin-top: 4px; }
        .small-multiples { display: flex; flex-wrap: wrap; gap: 0 16px; }
        .small-multiples figure.chart { flex: 1 1 400px; }
        .sources { font-size: 14px; }
        .source-id { font-weight: bold; }
        .url { color: #555555; }
        code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; word-break: break-all; }
        details { font-size: 14px; }
        .summary section { margin: 12px 0; }
        .summary li { font-size: 15px; line-height: 1.4; margin-bottom: 4px; }
        .summary .note { font-size: 13px; margin: 2px 0 6px; }
        .summary figure.chart { margin: 6px 0 8px; }
        .appendix-title { margin: 36px 0 8px; padding-top: 10px; border-top: 3px solid #1d1d1b; font-size: 24px; font-weight: bold; }
        @media print { body { background: #ffffff; } main { max-width: none; } figure.chart { break-inside: avoid; } }

        """;

    // Counts script errors and failed loads from the first moment; the chart check below reports the count.
    internal const string ErrorCounter = """
        window.briefErrors = 0;
        window.addEventListener('error', function () { window.briefErrors += 1; }, true);
        """;

    // Checks, once the page has laid out, that every chart is drawn: an inline SVG with a non-empty box and
    // drawing elements, or an image that decoded. Records each chart's position so a screenshot can be
    // cropped to it, and the page-wide result on <body>.
    internal const string ChartCheck = """
        (function () {
          var figures = document.querySelectorAll('figure.chart');
          var ok = figures.length > 0;
          figures.forEach(function (figure) {
            var svg = figure.querySelector('svg');
            var img = figure.querySelector('img');
            var target = svg || img;
            var drawn = false;
            var box = target ? target.getBoundingClientRect() : null;
            if (svg) {
              drawn = box.width > 0 && box.height > 0 && svg.querySelectorAll('path, rect, text, circle, ellipse, line, polyline, polygon').length > 3;
            } else if (img) {
              drawn = img.complete && img.naturalWidth > 0 && box.width > 0 && box.height > 0;
            }
            if (box) {
              figure.setAttribute('data-rect', [box.left + window.scrollX, box.top + window.scrollY, box.width, box.height].map(Math.round).join(','));
            }
            figure.setAttribute('data-drawn', drawn ? 'yes' : 'no');
            if (!drawn) { ok = false; }
          });
          var summary = document.getElementById('summary');
          if (summary) {
            document.body.setAttribute('data-summary-bottom', String(Math.round(summary.getBoundingClientRect().bottom + window.scrollY)));
          }
          document.body.setAttribute('data-charts-checked', String(figures.length));
          document.body.setAttribute('data-charts-ok', ok ? 'yes' : 'no');
          document.body.setAttribute('data-errors', String(window.briefErrors || 0));
          document.body.setAttribute('data-external-requests', String(performance.getEntriesByType('resource').length));
        })();
        """;
}

using System.Globalization;
using System.Reflection;
using Interregnum.Backtesting;
using Interregnum.Judgments;

namespace Interregnum.Runs;

/// <summary>One forecaster's row of the pinned aggregates table: its cases and each score with its interval (null: "—").</summary>
/// <param name="Forecaster">e.g. <c>model</c>, <c>equal-odds</c>.</param>
/// <param name="Cells">The row's cells after the forecaster, as printed.</param>
public sealed record TrackRecordRow(string Forecaster, IReadOnlyList<string> Cells);

/// <summary>
/// The backtest record shipped with the program: the pinned tables of docs/backtesting.md ("Results (recorded)"),
/// embedded at build time, so the brief can state the model's track record in words when no backtest is stored. The
/// tables are re-recorded by <c>BacktestRecordTests</c>; this reads whatever they hold.
/// </summary>
public static class ShippedTrackRecord
{
    /// <summary>The embedded docs/backtesting.md.</summary>
    public static string EmbeddedText()
    {
        using var stream = typeof(ShippedTrackRecord).Assembly.GetManifestResourceStream("Interregnum.Runs.backtesting.md")
            ?? throw new InvalidOperationException("docs/backtesting.md is not embedded in Interregnum.Runs");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The rows of the pinned table <paramref name="name"/> (<c>aggregates</c>, <c>skill</c>, ...), with its header, or null when absent.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<TrackRecordRow> Rows)? Table(string markdown, string name)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        var begin = $"<!-- pinned:{name} -->\n";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("<!-- /pinned -->", start, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            return null;
        }

        var lines = text[(start + begin.Length)..end].Split('\n').Where(l => l.StartsWith('|')).ToList();
        if (lines.Count < 2)
        {
            return null;
        }

        static List<string> Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();
        var header = Cells(lines[0]);
        var rows = lines.Skip(2).Select(Cells).Select(c => new TrackRecordRow(c[0], c.Skip(1).ToList())).ToList();
        return (header, rows);
    }

    /// <summary>
    /// The track record in words from the pinned tables: how many past successions, and by how much the model's
    /// winner forecast beat (or did not beat) equal odds on the Brier and log scores, and its contested forecast,
    /// with the 90% intervals; null when the tables are missing or malformed.
    /// </summary>
    public static string? Sentence(string markdown)
    {
        var aggregates = Table(markdown, "aggregates");
        var skill = Table(markdown, "skill");
        if (aggregates is not { } a || skill is not { } s)
        {
            return null;
        }

        var model = a.Rows.FirstOrDefault(r => r.Forecaster == "model");
        var equal = s.Rows.FirstOrDefault(r => r.Forecaster == "equal-odds");
        int brier = s.Header.ToList().IndexOf("Brier (winner)") - 1, log = s.Header.ToList().IndexOf("log (winner)") - 1, contested = s.Header.ToList().IndexOf("Brier (contested)") - 1;
        if (model is null || equal is null || brier < 0 || log < 0 || contested < 0 || !int.TryParse(model.Cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cases))
        {
            return null;
        }

        try
        {
            return string.Create(CultureInfo.InvariantCulture, $"On {cases} past successions (each forecast made without its own case), the model's winner forecast {Verdict(equal.Cells[brier])} equal odds on the Brier score ({Skill(equal.Cells[brier])}) and {Verdict(equal.Cells[log])} them on the log score ({Skill(equal.Cells[log])}); its forecast of a contested succession {Verdict(equal.Cells[contested])} even odds ({Skill(equal.Cells[contested])}).");
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The blended forecast's measured skill on who prevails, against the best rival on the winner's Brier score (the
    /// lowest mean among equal odds, the formal successor and the most coercion in the pinned aggregates), from the
    /// pinned skill table; null when the tables are missing or malformed.
    /// </summary>
    public static SkillEvidence? WinnerSkill(string markdown) =>
        SkillAgainstBestRival(markdown, "Brier (winner)", ["equal-odds", "formal-successor", "most-coercion"], BlendedSubject);

    /// <summary>
    /// The measured skill on whether the succession is contested, against the best rival on its Brier score (the
    /// lowest mean among the base rate, the formal successor and equal odds); null when the tables are missing or
    /// malformed. When the shipped blend gives the model's contested signal no weight (<paramref name="priorAlone"/>),
    /// the blended forecast is the reference-class prior alone and says nothing about the model's own number, so the
    /// evidence is then the model alone's (the aggregates' <c>inside-only</c> row against the same rival, without an
    /// interval, which the record does not hold for it).
    /// </summary>
    /// <param name="markdown">docs/backtesting.md.</param>
    /// <param name="priorAlone">Whether the shipped contested update gives the model's signal no weight.</param>
    public static SkillEvidence? ContestedSkill(string markdown, bool priorAlone = false)
    {
        const string Column = "Brier (contested)";
        string[] rivals = ["base-rate", "formal-successor", "equal-odds"];
        if (!priorAlone)
        {
            return SkillAgainstBestRival(markdown, Column, rivals, BlendedSubject);
        }

        if (Table(markdown, "aggregates") is not { } a)
        {
            return null;
        }

        var c = a.Header.ToList().IndexOf(Column) - 1;
        var inside = a.Rows.FirstOrDefault(r => r.Forecaster == "inside-only");
        try
        {
            var best = c < 0 ? null : a.Rows.Where(r => rivals.Contains(r.Forecaster) && r.Cells[c] != "—").MinBy(r => Parse(r.Cells[c]).Value);
            if (best is null || inside is null || inside.Cells[c] == "—" || !int.TryParse(inside.Cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cases))
            {
                return null;
            }

            var skill = 1 - (Parse(inside.Cells[c]).Value / Parse(best.Cells[c]).Value);
            return new SkillEvidence(cases, skill, null, null, RivalWords(best.Forecaster), "the model's own contested forecast (the blend uses the class prior alone)");
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private const string BlendedSubject = "the blended forecast";

    private static SkillEvidence? SkillAgainstBestRival(string markdown, string column, string[] rivals, string subject)
    {
        if (Table(markdown, "aggregates") is not { } a || Table(markdown, "skill") is not { } s)
        {
            return null;
        }

        int ac = a.Header.ToList().IndexOf(column) - 1, sc = s.Header.ToList().IndexOf(column) - 1;
        var model = a.Rows.FirstOrDefault(r => r.Forecaster == "model");
        if (ac < 0 || sc < 0 || model is null || !int.TryParse(model.Cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cases))
        {
            return null;
        }

        try
        {
            var best = a.Rows.Where(r => rivals.Contains(r.Forecaster) && r.Cells[ac] != "—")
                .MinBy(r => Parse(r.Cells[ac]).Value);
            var skill = best is null ? null : s.Rows.FirstOrDefault(r => r.Forecaster == best.Forecaster);
            if (skill is null || skill.Cells[sc] == "—")
            {
                return null;
            }

            var (value, low, high) = Parse(skill.Cells[sc]);
            return new SkillEvidence(cases, value, low, high, RivalWords(best!.Forecaster), subject);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string RivalWords(string rival) => rival switch
    {
        "equal-odds" => "equal odds",
        "formal-successor" => "the formal successor",
        "most-coercion" => "the most coercion",
        "base-rate" => "the base rate",
        _ => rival,
    };

    /// <summary>"beat", "did not clearly beat" (positive, interval reaching 0) or "did not beat", from a skill cell "+0.06 [-0.05, +0.16]".</summary>
    internal static string Verdict(string cell)
    {
        var (value, low, _) = Parse(cell);
        return value <= 0 ? "did not beat" : low <= 0 ? "did not clearly beat" : "beat";
    }

    private static string Skill(string cell)
    {
        var (value, low, high) = Parse(cell);
        return string.Create(CultureInfo.InvariantCulture, $"skill {value:+0.00;-0.00;0.00}, 90% interval {low:+0.00;-0.00;0.00} to {high:+0.00;-0.00;0.00}, where 0 is no better");
    }

    private static (double Value, double Low, double High) Parse(string cell)
    {
        if (!cell.Contains('[', StringComparison.Ordinal))
        {
            // A score cell without an interval ("0.250") or with one ("0.142 [0.095, 0.196]"): the value is what matters here.
            var single = double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
            return (single, single, single);
        }

        var parts = cell.Replace("[", " ", StringComparison.Ordinal).Replace("]", " ", StringComparison.Ordinal).Replace(",", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double N(string x) => double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture);
        return parts.Length == 3 ? (N(parts[0]), N(parts[1]), N(parts[2])) : throw new FormatException($"expected 'value [low, high]', found '{cell}'");
    }
}

/// <summary>The blended forecast's measured skill from the shipped backtest record, read once (docs/backtesting.md, embedded).</summary>
public static class ShippedSkill
{
    private static readonly Lazy<(SkillEvidence? Winner, SkillEvidence? Contested)> Record = new(() =>
    {
        var text = ShippedTrackRecord.EmbeddedText();
        return (ShippedTrackRecord.WinnerSkill(text), ShippedTrackRecord.ContestedSkill(text, priorAlone: ForecastPool.Shipped.ContestedSignal == 0));
    });

    /// <summary>Skill on who prevails, against the best rival, or null when the record is unreadable.</summary>
    public static SkillEvidence? Winner => Record.Value.Winner;

    /// <summary>Skill on whether the succession is contested, against the best rival, or null when the record is unreadable.</summary>
    public static SkillEvidence? Contested => Record.Value.Contested;
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Interregnum.Backtesting;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary>
/// Pins the figures recorded in docs/backtesting.md: re-running the command named there on the shipped cases must
/// reproduce every recorded table, as printed (three decimals for scores, two for skills and shares, one for CRPS).
/// This is a regression pin, not an independent check of the numbers: it fails when the model, a default, a case or
/// the scoring changes without the record being re-made. It runs the full recorded command (2,000 draws per case,
/// 2,000 bootstrap resamples; about 20 seconds on 40 cases), because fewer draws would give other figures.
/// </summary>
public sealed class BacktestRecordTests
{
    private const string Command = "backtest backtests --draws 2000 --seed 1 --no-store";

    // One run serves both tests (about 20 seconds).
    private static readonly Lazy<(int Code, string Out, string Err)> Recorded = new(() =>
        Cli.Run(Command.Split(' ').Select(a => a == "backtests" ? Cli.Repo("backtests") : a).Concat(["--format", "json", "--data", TestData.Folder()]).ToArray()));

    [Fact]
    public void RecordedFigures_RerunOfTheRecordedCommand_ReproducesEveryTable()
    {
        // Given the recorded command, with the historical data (the base rate and the contested prior need it)
        TestData.Folder();
        var docs = File.ReadAllText(Cli.Repo("docs", "backtesting.md")).ReplaceLineEndings("\n");
        Assert.Contains("`interregnum " + Command + "`", docs, StringComparison.Ordinal);

        // When it is run again
        var run = Recorded.Value;
        Assert.True(run.Code == 0, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;

        // Then every recorded table is what it prints now (on a mismatch the tables as they are now are written to a
        // temporary file named in the message, to compare with the record)
        var now = new Dictionary<string, string> { ["aggregates"] = Aggregates(root), ["skill"] = Skill(root), ["groups"] = Groups(root), ["pool"] = Pool(root), ["exclusion"] = Exclusion(root) };
        var changed = now.Where(kv => Pinned(docs, kv.Key) != kv.Value).Select(kv => kv.Key).ToList();
        if (changed.Count > 0)
        {
            var path = Path.Combine(Path.GetTempPath(), $"interregnum-backtest-record-{Environment.ProcessId}.md");
            File.WriteAllText(path, string.Concat(now.Select(kv => $"<!-- pinned:{kv.Key} -->\n{kv.Value}<!-- /pinned -->\n\n")));
            Assert.Fail($"the recorded figures differ from a re-run in: {string.Join(", ", changed)}; the re-run's tables are in {path}");
        }
    }

    [Fact]
    public void ShippedPoolParameters_AreTheAllCasesFitOfTheRecordedRun()
    {
        // The parameters simulate and the brief use (ForecastPool.Shipped) are the fit on every shipped case of the
        // recorded run, to the three decimals recorded.
        TestData.Folder();
        var run = Recorded.Value;
        Assert.True(run.Code == 0, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var fit = json.RootElement.GetProperty("pool").GetProperty("all_cases");
        var shipped = ForecastPool.Shipped;

        Assert.Equal(fit.GetProperty("blended").GetProperty("model").GetDouble(), shipped.Blended.Model, 3);
        Assert.Equal(fit.GetProperty("blended").GetProperty("formal_successor").GetDouble(), shipped.Blended.FormalSuccessor, 3);
        Assert.Equal(fit.GetProperty("blended").GetProperty("most_coercion").GetDouble(), shipped.Blended.MostCoercion, 3);
        Assert.Equal(fit.GetProperty("blended").GetProperty("equal_odds").GetDouble(), shipped.Blended.EqualOdds, 3);
        Assert.Equal(fit.GetProperty("outside_only").GetProperty("formal_successor").GetDouble(), shipped.OutsideOnly.FormalSuccessor, 3);
        Assert.Equal(fit.GetProperty("outside_only").GetProperty("most_coercion").GetDouble(), shipped.OutsideOnly.MostCoercion, 3);
        Assert.Equal(fit.GetProperty("contested_signal").GetDouble(), shipped.ContestedSignal, 3);
        Assert.Equal(fit.GetProperty("contested_centre").GetDouble(), shipped.ContestedCentre, 3);
        Assert.Equal(fit.GetProperty("winner_cases").GetInt32(), shipped.WinnerCases);
        Assert.Equal(fit.GetProperty("contested_cases").GetInt32(), shipped.ContestedCases);
        Assert.Equal(fit.GetProperty("winner_form").GetString(), JsonNamingPolicy.KebabCaseLower.ConvertName(shipped.WinnerForm.ToString()));
        Assert.Equal(fit.GetProperty("contested_form").GetString(), JsonNamingPolicy.KebabCaseLower.ConvertName(shipped.ContestedForm.ToString()));
    }

    [Fact]
    public void ShippedExclusionPool_IsTheAllCasesFitOfTheRecordedRun()
    {
        // The exclusion pool simulate, compare and the brief use (ExclusionPool.Shipped) is the fit on every shipped
        // case of the recorded run, to the three decimals recorded (weights are on a grid of 0.01).
        TestData.Folder();
        var run = Recorded.Value;
        Assert.True(run.Code == 0, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var fit = json.RootElement.GetProperty("exclusion").GetProperty("pool");
        var shipped = ExclusionPool.Shipped;

        Assert.Equal(fit.GetProperty("model_weight").GetDouble(), shipped.ModelWeight, 3);
        Assert.Equal(fit.GetProperty("rate").GetDouble(), shipped.Rate, 3);
        Assert.Equal(fit.GetProperty("displaced_weight").GetDouble(), shipped.DisplacedWeight, 3);
        Assert.Equal(fit.GetProperty("displaced_rate").GetDouble(), shipped.DisplacedRate!.Value, 3);
        Assert.Equal(fit.GetProperty("cases").GetInt32(), shipped.Cases);
        Assert.Equal(fit.GetProperty("actors").GetInt32(), shipped.Actors);
        Assert.Equal(fit.GetProperty("displaced_cases").GetInt32(), shipped.DisplacedCases);
    }

    private static string Pinned(string docs, string name)
    {
        var begin = $"<!-- pinned:{name} -->\n";
        var start = docs.IndexOf(begin, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/backtesting.md has no '{begin.Trim()}' block");
        start += begin.Length;
        var end = docs.IndexOf("<!-- /pinned -->", start, StringComparison.Ordinal);
        return docs[start..end];
    }

    private static string Aggregates(JsonElement root)
    {
        var sb = new StringBuilder("| forecaster | cases | Brier (winner) | log (winner) | winner top-ranked | Brier (contested) | direction right | CRPS (points) |\n|---|---|---|---|---|---|---|---|\n");
        var intervals = root.GetProperty("intervals").GetProperty("aggregates").EnumerateArray().ToList();
        foreach (var a in root.GetProperty("aggregates").EnumerateArray())
        {
            var name = a.GetProperty("forecaster").GetString()!;
            var iv = intervals.Single(i => i.GetProperty("forecaster").GetString() == name);
            sb.Append(CultureInfo.InvariantCulture, $"| {name} | {a.GetProperty("cases").GetInt32()} | {Iv(a, iv, "winner_brier", "0.000")} | {Iv(a, iv, "winner_log", "0.000")} | {N(a.GetProperty("winner_top_ranked"), "0.#")} | {Iv(a, iv, "contested_brier", "0.000")} | {Iv(a, iv, "direction_share_right", "0.00")} | {Iv(a, iv, "crps", "0.0")} |\n");
        }

        return sb.ToString();
    }

    private static string Skill(JsonElement root)
    {
        var sb = new StringBuilder("| against | Brier (winner) | log (winner) | Brier (contested) | CRPS |\n|---|---|---|---|---|\n");
        var intervals = root.GetProperty("intervals").GetProperty("skill").EnumerateArray().ToList();
        foreach (var s in root.GetProperty("skill").EnumerateArray())
        {
            var name = s.GetProperty("rival").GetString()!;
            var iv = intervals.Single(i => i.GetProperty("rival").GetString() == name);
            sb.Append(CultureInfo.InvariantCulture, $"| {name} | {Iv(s, iv, "winner_brier", "+0.00;-0.00")} | {Iv(s, iv, "winner_log", "+0.00;-0.00")} | {Iv(s, iv, "contested_brier", "+0.00;-0.00")} | {Iv(s, iv, "crps", "+0.00;-0.00")} |\n");
        }

        return sb.ToString();
    }

    private static string Groups(JsonElement root)
    {
        var sb = new StringBuilder("| group | cases (contested) | Brier (winner): model | best rival | Brier (contested): model | best rival | direction right: model | no change |\n|---|---|---|---|---|---|---|---|\n");
        string[] rivals = [.. Forecasters.Rivals];
        foreach (var g in root.GetProperty("groups").EnumerateArray())
        {
            var aggregates = g.GetProperty("aggregates").EnumerateArray().ToList();
            var model = aggregates.Single(a => a.GetProperty("forecaster").GetString() == Forecasters.Model);
            var rival = aggregates.Where(a => rivals.Contains(a.GetProperty("forecaster").GetString())).ToList();
            string Best(string field)
            {
                var best = rival.Where(a => a.GetProperty(field).ValueKind == JsonValueKind.Number).MinBy(a => a.GetProperty(field).GetDouble());
                return best.ValueKind == JsonValueKind.Undefined ? "—" : $"{N(best.GetProperty(field), "0.000")} {best.GetProperty("forecaster").GetString()}";
            }

            var noChange = rival.Single(a => a.GetProperty("forecaster").GetString() == Forecasters.NoChange);
            sb.Append(CultureInfo.InvariantCulture, $"| {g.GetProperty("by").GetString()} {g.GetProperty("value").GetString()} | {g.GetProperty("cases").GetInt32()} ({g.GetProperty("contested_cases").GetInt32()}) | {N(model.GetProperty("winner_brier"), "0.000")} | {Best("winner_brier")} | {N(model.GetProperty("contested_brier"), "0.000")} | {Best("contested_brier")} | {N(model.GetProperty("direction_share_right"), "0.00")} | {N(noChange.GetProperty("direction_share_right"), "0.00")} |\n");
        }

        return sb.ToString();
    }

    private static string Pool(JsonElement root)
    {
        var p = root.GetProperty("pool").GetProperty("all_cases");
        var b = p.GetProperty("blended");
        var o = p.GetProperty("outside_only");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| fitted on all {p.GetProperty("winner_cases").GetInt32()} cases | model | formal successor | most coercion | equal odds |\n|---|---|---|---|---|\n" +
            $"| winner, blended | {N(b.GetProperty("model"), "0.000")} | {N(b.GetProperty("formal_successor"), "0.000")} | {N(b.GetProperty("most_coercion"), "0.000")} | {N(b.GetProperty("equal_odds"), "0.000")} |\n" +
            $"| winner, outside only | — | {N(o.GetProperty("formal_successor"), "0.000")} | {N(o.GetProperty("most_coercion"), "0.000")} | {N(o.GetProperty("equal_odds"), "0.000")} |\n\n" +
            $"Contested: β = {N(p.GetProperty("contested_signal"), "0.00")}, c = {N(p.GetProperty("contested_centre"), "0.000")} ({p.GetProperty("contested_cases").GetInt32()} cases).\n\n" +
            $"Forms chosen on all cases: winner {p.GetProperty("winner_form").GetString()}, contested {p.GetProperty("contested_form").GetString()}.\n\n")
            + "| form (leave-one-case-out on all cases) | Brier |\n|---|---|\n"
            + string.Concat(root.GetProperty("pool").GetProperty("form_scores").GetProperty("winner").EnumerateArray().Select(f => $"| winner {f.GetProperty("form").GetString()} | {N(f.GetProperty("loo_brier"), "0.0000")} |\n"))
            + string.Concat(root.GetProperty("pool").GetProperty("form_scores").GetProperty("contested").EnumerateArray().Select(f => $"| contested {f.GetProperty("form").GetString()} | {N(f.GetProperty("loo_brier"), "0.0000")} |\n"));
    }

    private static string Exclusion(JsonElement root)
    {
        var x = root.GetProperty("exclusion");
        var aggregates = x.GetProperty("aggregates").EnumerateArray().ToList();
        var comparisons = x.GetProperty("comparisons").EnumerateArray().ToList();
        var sb = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"| forecaster | exclusion Brier (90% case bootstrap) | model − forecaster (90% case bootstrap) | displacement Brier ({aggregates[0].GetProperty("displaced_cases").GetInt32()} cases) |\n|---|---|---|---|\n"));
        foreach (var a in aggregates)
        {
            var name = a.GetProperty("forecaster").GetString()!;
            var c = comparisons.FirstOrDefault(c => c.GetProperty("rival").GetString() == name);
            var diff = c.ValueKind == JsonValueKind.Undefined ? "" : $"{D(c.GetProperty("exclusion_brier_difference"))} [{D(c.GetProperty("low"))}, {D(c.GetProperty("high"))}]";
            sb.Append(CultureInfo.InvariantCulture, $"| {name} | {N(a.GetProperty("exclusion_brier"), "0.000")} [{N(a.GetProperty("exclusion_brier_low"), "0.000")}, {N(a.GetProperty("exclusion_brier_high"), "0.000")}] | {diff} | {N(a.GetProperty("displaced_brier"), "0.000")} |\n");
        }

        var p = x.GetProperty("pool");
        static string D(JsonElement v) => v.GetDouble().ToString("+0.000;-0.000", CultureInfo.InvariantCulture);
        sb.Append(CultureInfo.InvariantCulture, $"\nPool fitted on all {p.GetProperty("cases").GetInt32()} cases ({p.GetProperty("actors").GetInt32()} actors): P(excluded) = {N(p.GetProperty("model_weight"), "0.00")}·model + {(1 - p.GetProperty("model_weight").GetDouble()).ToString("0.00", CultureInfo.InvariantCulture)}·{N(p.GetProperty("rate"), "0.000")}; P(displaced) = {N(p.GetProperty("displaced_weight"), "0.00")}·model + {(1 - p.GetProperty("displaced_weight").GetDouble()).ToString("0.00", CultureInfo.InvariantCulture)}·{N(p.GetProperty("displaced_rate"), "0.000")} ({p.GetProperty("displaced_cases").GetInt32()} cases).\n");
        return sb.ToString();
    }

    private static string Iv(JsonElement value, JsonElement intervals, string field, string format)
    {
        var v = value.GetProperty(field);
        if (v.ValueKind != JsonValueKind.Number)
        {
            return "—";
        }

        var pair = intervals.GetProperty(field);
        return $"{N(v, format)} [{N(pair[0], format)}, {N(pair[1], format)}]";
    }

    private static string N(JsonElement v, string format)
    {
        if (v.ValueKind != JsonValueKind.Number)
        {
            return "—";
        }

        var x = v.GetDouble();
        if (format.StartsWith('+'))
        {
            // As the table prints it: a signed value that rounds to zero is +0.00.
            x = Math.Round(x, 2, MidpointRounding.AwayFromZero);
            x = x == 0 ? 0 : x;
        }

        return x.ToString(format, CultureInfo.InvariantCulture);
    }
}

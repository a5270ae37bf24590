using Interregnum.Simulation;

namespace Interregnum.Backtesting;

/// <summary>A bootstrap interval; a bound is null where it is undefined (no resample gave a value). Immutable.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public readonly record struct ScoreInterval(double? Lower, double? Upper);

/// <summary>Bootstrap intervals of one forecaster's mean scores (see <see cref="AggregateScore"/>). Immutable.</summary>
/// <param name="Forecaster">Who forecast.</param>
/// <param name="WinnerBrier">Multi-class Brier score.</param>
/// <param name="WinnerLog">Log score.</param>
/// <param name="ContestedBrier">Contested Brier score.</param>
/// <param name="DirectionShareRight">Share of dimensions whose direction was right.</param>
/// <param name="Crps">Mean CRPS (points).</param>
public sealed record AggregateIntervals(string Forecaster, ScoreInterval WinnerBrier, ScoreInterval WinnerLog, ScoreInterval ContestedBrier, ScoreInterval DirectionShareRight, ScoreInterval Crps);

/// <summary>Bootstrap intervals of the model's skill against one rival (see <see cref="SkillScore"/>). Immutable.</summary>
/// <param name="Rival">The rival's id.</param>
/// <param name="WinnerBrier">Skill on the multi-class Brier score.</param>
/// <param name="WinnerLog">Skill on the log score.</param>
/// <param name="ContestedBrier">Skill on the contested Brier score.</param>
/// <param name="Crps">Skill on the CRPS.</param>
public sealed record SkillIntervals(string Rival, ScoreInterval WinnerBrier, ScoreInterval WinnerLog, ScoreInterval ContestedBrier, ScoreInterval Crps);

/// <summary>Every bootstrap interval of a backtest. Immutable.</summary>
/// <param name="Resamples">Bootstrap resamples.</param>
/// <param name="Seed">The resampler's seed.</param>
/// <param name="Level">Interval level (0.90: the 5th and 95th percentiles).</param>
/// <param name="Aggregates">Per forecaster, in the order of <see cref="BacktestSummary.Aggregates"/>.</param>
/// <param name="Skill">Per rival, in the order of <see cref="BacktestSummary.Skill"/>.</param>
public sealed record BootstrapIntervals(int Resamples, ulong Seed, double Level, IReadOnlyList<AggregateIntervals> Aggregates, IReadOnlyList<SkillIntervals> Skill);

/// <summary>
/// The case bootstrap (Efron &amp; Tibshirani 1993, ch. 13, percentile intervals): cases are drawn with replacement,
/// the whole summary is recomputed on each resample (a case carries all its forecasters and dimensions with it, so
/// skills are paired and the direction share is clustered by case), and the interval is the pair of empirical
/// quantiles. The resampler is <see cref="CounterRandom"/> keyed by (seed, resample × n + slot), so the intervals
/// depend on the seed alone. Pure functions.
/// </summary>
public static class CaseBootstrap
{
    /// <summary>Default number of resamples (2,000: the Monte Carlo error of a 5% quantile is then about ±0.5 percentile points).</summary>
    public const int DefaultResamples = 2000;

    /// <summary>Default interval level.</summary>
    public const double DefaultLevel = 0.90;

    private const ulong Stream = 0xCA5EB0075UL;

    /// <summary>The case indices of resample <paramref name="resample"/>: n draws with replacement from 0..n−1.</summary>
    public static int[] Resample(int n, int resample, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var idx = new int[n];
        for (var i = 0; i < n; i++)
        {
            idx[i] = Math.Min((int)(CounterRandom.Uniform(seed, ((long)resample * n) + i, Stream) * n), n - 1);
        }

        return idx;
    }

    /// <summary>The percentile interval of a statistic over case resamples.</summary>
    /// <param name="n">Number of cases.</param>
    /// <param name="statistic">The statistic of a resample, given its case indices (null or NaN: undefined there, left out).</param>
    /// <param name="seed">Resampler seed.</param>
    /// <param name="resamples">Number of resamples.</param>
    /// <param name="level">Interval level in (0, 1).</param>
    public static ScoreInterval Percentile(int n, Func<int[], double?> statistic, ulong seed, int resamples = DefaultResamples, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        var values = new List<double>(resamples);
        for (var b = 0; b < resamples; b++)
        {
            if (statistic(Resample(n, b, seed)) is { } v && !double.IsNaN(v))
            {
                values.Add(v);
            }
        }

        return Quantiles(values, level);
    }

    /// <summary>
    /// Intervals for every aggregate score and every skill of <see cref="BacktestScoring.Summarise"/>, from the same
    /// resamples. A skill against a rival that scores 0 on a resample is undefined there (1 − m/0) and is counted as
    /// −∞ (the rival cannot be beaten), so a bound that falls on such resamples comes back null.
    /// </summary>
    public static BootstrapIntervals Intervals(IReadOnlyList<CaseScores> cases, ulong seed, int resamples = DefaultResamples, double level = DefaultLevel)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level must lie in (0, 1)");
        }

        var full = BacktestScoring.Summarise(cases);
        var aggregates = full.Aggregates.Select(_ => new List<double>[5].Select(__ => new List<double>()).ToArray()).ToArray();
        var skills = full.Skill.Select(_ => new List<double>[4].Select(__ => new List<double>()).ToArray()).ToArray();
        for (var b = 0; b < resamples; b++)
        {
            var sample = Resample(cases.Count, b, seed).Select(i => cases[i]).ToList();
            var s = BacktestScoring.Summarise(sample);
            for (var f = 0; f < full.Aggregates.Count; f++)
            {
                var a = s.Aggregates.FirstOrDefault(x => x.Forecaster == full.Aggregates[f].Forecaster);
                Add(aggregates[f][0], a?.WinnerBrier);
                Add(aggregates[f][1], a?.WinnerLog);
                Add(aggregates[f][2], a?.ContestedBrier);
                Add(aggregates[f][3], a?.DirectionShareRight);
                Add(aggregates[f][4], a?.Crps);
            }

            for (var r = 0; r < full.Skill.Count; r++)
            {
                var k = s.Skill.FirstOrDefault(x => x.Rival == full.Skill[r].Rival);
                Add(skills[r][0], k?.WinnerBrier);
                Add(skills[r][1], k?.WinnerLog);
                Add(skills[r][2], k?.ContestedBrier);
                Add(skills[r][3], k?.Crps);
            }
        }

        return new BootstrapIntervals(
            resamples,
            seed,
            level,
            full.Aggregates.Select((a, f) => new AggregateIntervals(a.Forecaster, Quantiles(aggregates[f][0], level), Quantiles(aggregates[f][1], level), Quantiles(aggregates[f][2], level), Quantiles(aggregates[f][3], level), Quantiles(aggregates[f][4], level))).ToList(),
            full.Skill.Select((k, r) => new SkillIntervals(k.Rival, Quantiles(skills[r][0], level), Quantiles(skills[r][1], level), Quantiles(skills[r][2], level), Quantiles(skills[r][3], level))).ToList());
    }

    private static void Add(List<double> values, double? value)
    {
        if (value is { } v)
        {
            // BacktestScoring's skill is NaN against a rival scoring 0; the model then is infinitely worse (or equal at 0).
            values.Add(double.IsNaN(v) ? double.NegativeInfinity : v);
        }
    }

    private static ScoreInterval Quantiles(List<double> values, double level)
    {
        if (values.Count == 0)
        {
            return new ScoreInterval(null, null);
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var alpha = (1 - level) / 2;
        return new ScoreInterval(Finite(SuccessionSimulation.Quantile(sorted, alpha)), Finite(SuccessionSimulation.Quantile(sorted, 1 - alpha)));
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}

using MathNet.Numerics.Distributions;

namespace Interregnum.Statistics;

/// <summary>One step of a Kaplan–Meier curve. Immutable.</summary>
/// <param name="Time">Event time.</param>
/// <param name="AtRisk">Subjects at risk just before <paramref name="Time"/> (time ≥ t).</param>
/// <param name="Events">Events at <paramref name="Time"/>.</param>
/// <param name="Censored">Subjects censored at <paramref name="Time"/>.</param>
/// <param name="Survival">S(t) after the step.</param>
/// <param name="StandardError">Greenwood standard error of S(t): S·sqrt(Σ d/(n(n−d))).</param>
/// <param name="Lower">Lower confidence bound (log-log).</param>
/// <param name="Upper">Upper confidence bound (log-log).</param>
/// <param name="CumulativeHazard">Nelson–Aalen cumulative hazard Σ d/n.</param>
public readonly record struct SurvivalStep(double Time, int AtRisk, int Events, int Censored, double Survival, double StandardError, double Lower, double Upper, double CumulativeHazard);

/// <summary>A Kaplan–Meier curve with Greenwood standard errors and log-log confidence bands. Immutable.</summary>
/// <param name="Steps">One step per distinct time with an event or a censoring, in time order.</param>
/// <param name="Subjects">Number of subjects.</param>
/// <param name="Events">Number of events.</param>
/// <param name="Level">Band level (e.g. 0.95).</param>
public sealed record KaplanMeierCurve(IReadOnlyList<SurvivalStep> Steps, int Subjects, int Events, double Level)
{
    /// <summary>S(t): the survival at time t (1 before the first event).</summary>
    public double SurvivalAt(double time)
    {
        var s = 1.0;
        foreach (var step in Steps)
        {
            if (step.Time > time)
            {
                break;
            }

            s = step.Survival;
        }

        return s;
    }

    /// <summary>The median: the first time S(t) ≤ 0.5, or null when the curve stays above 0.5.</summary>
    public double? Median => Steps.Where(s => s.Survival <= 0.5).Select(s => (double?)s.Time).FirstOrDefault();
}

/// <summary>
/// The Kaplan–Meier product-limit estimator. Ties: events at a time count before censorings at that time (the
/// usual convention). Variance: Greenwood. Confidence band: the log-log transform (as R's survfit with
/// conf.type = "log-log"): S^exp(±z·σ/log S) with σ = sqrt(Σ d/(n(n−d))), which stays inside [0, 1].
/// </summary>
public static class KaplanMeier
{
    /// <summary>Fits the curve.</summary>
    /// <param name="times">Follow-up time of each subject (≥ 0).</param>
    /// <param name="events">True when the subject's time ends in an event, false when censored.</param>
    /// <param name="level">Band level in (0, 1), e.g. 0.95.</param>
    public static KaplanMeierCurve Fit(IReadOnlyList<double> times, IReadOnlyList<bool> events, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(events);
        if (times.Count != events.Count)
        {
            throw new ArgumentException("times and events must have the same length.", nameof(events));
        }

        var z = Normal.InvCDF(0.0, 1.0, (1.0 + level) / 2.0);
        var groups = Enumerable.Range(0, times.Count).GroupBy(i => times[i]).OrderBy(g => g.Key).ToList();
        var atRisk = times.Count;
        var survival = 1.0;
        var greenwood = 0.0;
        var hazard = 0.0;
        var steps = new List<SurvivalStep>();
        foreach (var g in groups)
        {
            var d = g.Count(i => events[i]);
            var c = g.Count() - d;
            if (d > 0)
            {
                survival *= 1.0 - (d / (double)atRisk);
                greenwood += atRisk == d ? double.PositiveInfinity : d / ((double)atRisk * (atRisk - d));
                hazard += d / (double)atRisk;
            }

            var se = survival * Math.Sqrt(greenwood);
            double lower, upper;
            if (survival <= 0.0 || survival >= 1.0 || double.IsInfinity(greenwood))
            {
                lower = survival >= 1.0 ? 1.0 : 0.0;
                upper = survival >= 1.0 ? 1.0 : (survival <= 0.0 ? 0.0 : 1.0);
            }
            else
            {
                var sigma = Math.Sqrt(greenwood) / Math.Abs(Math.Log(survival));
                lower = Math.Pow(survival, Math.Exp(z * sigma));
                upper = Math.Pow(survival, Math.Exp(-z * sigma));
            }

            steps.Add(new SurvivalStep(g.Key, atRisk, d, c, survival, se, lower, upper, hazard));
            atRisk -= d + c;
        }

        return new KaplanMeierCurve(steps, times.Count, events.Count(e => e), level);
    }
}

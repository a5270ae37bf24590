using Interregnum.Model;

namespace Interregnum.History.ExitRisk;

/// <summary>The exit-risk covariates of a scenario's incumbent, from its <c>exit_risk</c> section. Thread-safe (no state).</summary>
public static class ScenarioIncumbent
{
    /// <summary>
    /// The incumbent on the scenario's <c>as_of</c>: age = as_of year − birth year (as the panel counts it), tenure =
    /// (as_of − in_office_since) in days / 365.25, years since the last coup attempt = (as_of − last_coup_attempt) in
    /// days / 365.25 (from 1950-01-01 when none), the declared votes in months 1–12 and 13–24 after as_of, whether the
    /// last coup attempt fell in the 6 or 12 months before as_of (counted as 1), and the declared facts. Null when the scenario has no
    /// <c>exit_risk</c> section (the reader guarantees as_of and the birth year when it has one).
    /// </summary>
    public static ExitRiskCovariates? Covariates(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.ExitRisk is not { } d || scenario.AsOf is not { } asOf || scenario.ActorById(scenario.Incumbent).BirthYear is not { } born)
        {
            return null;
        }

        return new ExitRiskCovariates(
            asOf.Year - born,
            (asOf.DayNumber - d.InOfficeSince.DayNumber) / 365.25,
            ExitRiskCovariates.RegimeOf(d.RegimeType.Replace("indirect-military", "indirect military", StringComparison.Ordinal)),
            d.Region,
            d.Entry == "irregular",
            d.Entry == "foreign",
            d.ServedBefore,
            d.CoupAttemptsPast5Years,
            d.CoupAttemptSince1950,
            asOf.Year,
            d.CoupAttemptsThisTenure,
            d.IrregularExitsPast10Years,
            (asOf.DayNumber - (d.LastCoupAttempt ?? ExitRiskPanel.CoupRecordStart).DayNumber) / 365.25,
            d.ScheduledElections.Any(e => e >= asOf && e < asOf.AddMonths(12)),
            d.ScheduledElections.Any(e => e >= asOf.AddMonths(12) && e < asOf.AddMonths(24)),
            d.RegionCoupAttemptsPast3Years,
            d.MilitaryCareer,
            CoupAttemptsPast6Months: WithinMonthsBefore(d.LastCoupAttempt, asOf, 6),
            CoupAttemptsPast12Months: WithinMonthsBefore(d.LastCoupAttempt, asOf, 12));
    }

    // The monthly candidates read only whether an attempt fell in the months before as_of, which the last attempt's day
    // settles: 1 when it did (the count itself is not declared), else 0.
    private static int WithinMonthsBefore(DateOnly? lastCoupAttempt, DateOnly asOf, int months) =>
        lastCoupAttempt is { } last && last < asOf && last >= asOf.AddMonths(-months) ? 1 : 0;
}

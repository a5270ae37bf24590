using Interregnum.History.Datasets;

namespace Interregnum.History.ExitRisk;

/// <summary>
/// The national votes a forecaster could know of on a given day, from the REIGN election list. Immutable; thread-safe.
/// </summary>
/// <remarks>
/// Look-ahead rules (docs/exit-risk.md, "Election calendar"): REIGN lists, per election, its events (announcement,
/// delay, vote, deadline, cancellation). A vote counts on day d only if it was knowable on d:
/// <list type="bullet">
/// <item>a vote "as scheduled" with no announcement event that REIGN marks regular is set by the constitutional
/// calendar and is known in advance; one not marked regular (a transition vote, say) has no date from which it was
/// known and is never counted;</item>
/// <item>any other vote (early, or announced) is known from its first announcement ("Announced", "Announcement
/// Assumed", "Delay Announced"), which must fall before d; an announcement dated by month only counts from the
/// first day of the next month; an early vote with no announcement is never known ahead;</item>
/// <item>referendums are left out (they do not choose the leader);</item>
/// <item>cancellations ("Regime Failure", "Voided by Regime Change", "Voided", "Anulled") are never read: they are
/// dated by the event that cancelled the vote, usually the leader's fall, and would leak the outcome. An election
/// cancelled this way has no vote in REIGN and so is never counted, not even before its cancellation; that residual
/// bias is measured in docs/exit-risk.md.</item>
/// </list>
/// A vote with no day counts from the first of its month.
/// </remarks>
public sealed class ElectionCalendar
{
    private readonly Dictionary<int, List<(DateOnly Vote, DateOnly KnownFrom)>> votes;

    /// <summary>Builds the calendar from REIGN election events (country codes are COW, as REIGN's).</summary>
    public ElectionCalendar(IEnumerable<ReignElection> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        votes = [];
        foreach (var election in events.Where(e => e.Type != "R").GroupBy(e => (e.CountryCode, e.ElectionId)))
        {
            var announcements = election.Where(e => e.Event.StartsWith("Announce", StringComparison.OrdinalIgnoreCase) || e.Event.StartsWith("Delay Announced", StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var vote in election.Where(e => e.Event.StartsWith("Vote", StringComparison.OrdinalIgnoreCase)))
            {
                var date = new DateOnly(vote.Year, vote.Month, Math.Clamp(vote.Day ?? 1, 1, DateTime.DaysInMonth(vote.Year, vote.Month)));
                var scheduled = vote.Event.Contains("Scheduled", StringComparison.OrdinalIgnoreCase) && vote.Regular;
                var knownFrom = announcements.Count > 0
                    ? announcements.Min(KnownFrom)
                    : scheduled ? DateOnly.MinValue : DateOnly.MaxValue;
                if (!votes.TryGetValue(election.Key.CountryCode, out var list))
                {
                    votes[election.Key.CountryCode] = list = [];
                }

                list.Add((date, knownFrom));
            }
        }
    }

    /// <summary>An empty calendar (no votes anywhere).</summary>
    public static ElectionCalendar Empty { get; } = new([]);

    /// <summary>
    /// Whether a vote known on <paramref name="day"/> falls in [day + <paramref name="fromMonths"/> months,
    /// day + <paramref name="toMonths"/> months) in the country.
    /// </summary>
    public bool KnownVoteBetween(int countryCode, DateOnly day, int fromMonths, int toMonths) =>
        votes.TryGetValue(countryCode, out var list)
        && list.Any(v => v.KnownFrom <= day && v.Vote >= day.AddMonths(fromMonths) && v.Vote < day.AddMonths(toMonths));

    /// <summary>
    /// Whether a vote was held in the country in [<paramref name="from"/>, <paramref name="to"/>): any vote REIGN lists
    /// (scheduled, early or called at short notice), since a vote held before a day is known on it. A vote with no day
    /// counts from the first of its month.
    /// </summary>
    public bool VoteHeldBetween(int countryCode, DateOnly from, DateOnly to) =>
        votes.TryGetValue(countryCode, out var list) && list.Any(v => v.Vote >= from && v.Vote < to);

    // An announcement is known from its day after, or from the first day of the next month when REIGN gives no day.
    private static DateOnly KnownFrom(ReignElection announcement) =>
        announcement.Day is { } day and >= 1 && day <= DateTime.DaysInMonth(announcement.Year, announcement.Month)
            ? new DateOnly(announcement.Year, announcement.Month, day).AddDays(1)
            : new DateOnly(announcement.Year, announcement.Month, 1).AddMonths(1);
}

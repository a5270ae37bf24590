namespace Interregnum.Backtesting;

/// <summary>Which way a policy dimension moved after a succession.</summary>
public enum PolicyDirection
{
    /// <summary>No change beyond the <see cref="CaseOutcome.NoChangeBand"/> (fewer than 5 points on 0–100).</summary>
    None,

    /// <summary>Toward the dimension's high end.</summary>
    Up,

    /// <summary>Toward the dimension's low end.</summary>
    Down,
}

/// <summary>What happened on one policy dimension within three years of the exit. Immutable.</summary>
/// <param name="Direction">Which way it moved.</param>
/// <param name="Size">The rough size of the change in points on the dimension's 0–100 scale (≥ 0; 0 for none).</param>
/// <param name="Note">What the judgment rests on, in words.</param>
public sealed record DimensionOutcome(PolicyDirection Direction, double Size, string? Note)
{
    /// <summary>The signed change: +size up, −size down, 0 for none.</summary>
    public double SignedChange => Direction switch
    {
        PolicyDirection.Up => Size,
        PolicyDirection.Down => -Size,
        _ => 0,
    };
}

/// <summary>An actor left out of power within two years of the exit. Immutable.</summary>
/// <param name="Actor">The scenario's actor id.</param>
/// <param name="Fate">arrested, exiled, executed or demoted.</param>
/// <param name="Note">What happened, in words.</param>
public sealed record ExcludedActor(string Actor, string Fate, string? Note);

/// <summary>
/// What happened after a historical leadership exit: the record a backtest case's scenario is scored against
/// (docs/backtesting.md). Immutable; built by the case reader after validation.
/// </summary>
/// <param name="QuestionDate">The day the forecast is made (the day after the exit); nothing learned later is in the scenario.</param>
/// <param name="OutcomeDate">The day the winner was settled in power.</param>
/// <param name="Winner">The candidate id (in the case's scenario) who prevailed.</param>
/// <param name="Contested">True when the succession was contested (force used or credibly threatened by a losing side), false when orderly.</param>
/// <param name="Excluded">Actors left out of power within two years.</param>
/// <param name="Dimensions">Per dimension id, the direction and rough size of change within three years.</param>
/// <param name="Sources">Citations for the outcome.</param>
/// <param name="Note">Plain-words account of what happened.</param>
/// <param name="EventualLeader">The actor who led two years after the outcome date, where the case records it (a succession in stages: it differs from the winner's leader), or <see cref="OtherLeader"/> for someone not among the scenario's actors; null when not recorded.</param>
public sealed record CaseOutcome(
    DateOnly QuestionDate,
    DateOnly OutcomeDate,
    string Winner,
    bool Contested,
    IReadOnlyList<ExcludedActor> Excluded,
    IReadOnlyDictionary<string, DimensionOutcome> Dimensions,
    IReadOnlyList<string> Sources,
    string? Note,
    string? EventualLeader = null)
{
    /// <summary>Changes smaller than this many points on 0–100 count as no change (direction <see cref="PolicyDirection.None"/>).</summary>
    public const double NoChangeBand = 5;

    /// <summary>The <see cref="EventualLeader"/> of a case whose leader two years on is not among the scenario's actors.</summary>
    public const string OtherLeader = "other";

    /// <summary>The fates an excluded actor may have.</summary>
    public static IReadOnlyList<string> Fates { get; } = ["arrested", "exiled", "executed", "demoted"];
}

namespace Interregnum.Model;

/// <summary>
/// What a scenario declares about its incumbent for the exit-risk model (scenario key <c>exit_risk</c>): the facts
/// the model reads that the datasets cannot give for the scenario's date, and optionally a judgment that overrides
/// the model's estimate in simulate, compare and the brief. Age comes from the incumbent's <c>birth_year</c> and the
/// scenario's <c>as_of</c>. Immutable.
/// </summary>
/// <param name="InOfficeSince">The incumbent's first day in office (tenure = as_of − this date).</param>
/// <param name="Entry">How the incumbent came to power: <c>regular</c>, <c>irregular</c> or <c>foreign</c> (Archigos entry).</param>
/// <param name="ServedBefore">The incumbent held the office in an earlier spell.</param>
/// <param name="RegimeType">GWF regime type on the scenario's date (<c>democracy</c> or a GWF autocratic type).</param>
/// <param name="Region">Region: americas, europe, africa, mena, asia, oceania.</param>
/// <param name="CoupAttemptsPast5Years">Coup attempts (Powell &amp; Thyne definition) in the five years before as_of.</param>
/// <param name="CoupAttemptSince1950">At least one coup attempt in the country since 1950.</param>
/// <param name="CoupAttemptsThisTenure">Coup attempts since the incumbent took office.</param>
/// <param name="IrregularExitsPast10Years">Irregular exits of the country's leaders in the ten years before as_of.</param>
/// <param name="LastCoupAttempt">Day of the country's last coup attempt before as_of, or null when none since 1950.</param>
/// <param name="ScheduledElections">Days of the national executive or legislative votes scheduled or announced after as_of (those in the next 24 months are read).</param>
/// <param name="RegionCoupAttemptsPast3Years">Coup attempts in the other countries of the region in the three years before as_of.</param>
/// <param name="Judgment">A declared judgment that replaces the model's 12-month estimate, or null.</param>
/// <param name="Sources">Source ids behind the facts.</param>
public sealed record ExitRiskDeclaration(
    DateOnly InOfficeSince,
    string Entry,
    bool ServedBefore,
    string RegimeType,
    string Region,
    int CoupAttemptsPast5Years,
    bool CoupAttemptSince1950,
    int CoupAttemptsThisTenure,
    int IrregularExitsPast10Years,
    DateOnly? LastCoupAttempt,
    IReadOnlyList<DateOnly> ScheduledElections,
    int RegionCoupAttemptsPast3Years,
    ExitRiskJudgment? Judgment,
    IReadOnlyList<string> Sources)
{
    /// <summary>The incumbent's military career before office (scenario key <c>military_career</c>; 1 yes, 0.5 mixed, 0 no).</summary>
    public double MilitaryCareer { get; init; }
}

/// <summary>A declared judgment of the 12-month exit risk that overrides the model's estimate. Immutable.</summary>
/// <param name="AnyWithin12Months">Probability (0–1) that the incumbent leaves office within 12 months of as_of, by any manner.</param>
/// <param name="IrregularWithin12Months">Probability (0–1, at most <paramref name="AnyWithin12Months"/>) of an irregular exit within 12 months, or null (then the model's is shown).</param>
/// <param name="Source">Source id of the judgment.</param>
/// <param name="Note">Why, in words (a label).</param>
public sealed record ExitRiskJudgment(double AnyWithin12Months, double? IrregularWithin12Months, string Source, string? Note);

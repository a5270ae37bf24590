using System.Text.Json;
using Interregnum.Model;

namespace Interregnum.History.ReferenceClasses;

/// <summary>
/// From a scenario's declared reference class (<see cref="Model.ReferenceClass"/>) to the historical query
/// (<see cref="ReferenceClass"/>), and the look-ahead cutoff a backtest needs.
/// </summary>
public static class ScenarioReferenceClasses
{
    /// <summary>
    /// The historical query for a scenario's reference class: its regime type, region and era, with the exit
    /// manner <paramref name="manner"/> (kebab-case, as the datasets spell it) or any manner when null.
    /// </summary>
    public static ReferenceClass ToQuery(Model.ReferenceClass declared, ExitManner? manner)
    {
        ArgumentNullException.ThrowIfNull(declared);
        return new ReferenceClass(
            ExitManner: manner is null ? null : MannerName(manner.Value),
            RegimeType: declared.RegimeType,
            FromYear: declared.EraFrom,
            ToYear: declared.EraTo,
            Region: declared.Region);
    }

    /// <summary>
    /// The query restricted to exits a forecaster could have known on <paramref name="questionDate"/>: exits in
    /// years before the question's year only (the question year itself is left out, since exits later that year
    /// had not happened yet and the datasets record years, not days).
    /// </summary>
    public static ReferenceClass KnownOn(this ReferenceClass query, DateOnly questionDate)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lastYear = questionDate.Year - 1;
        return query with { ToYear = query.ToYear is { } to ? Math.Min(to, lastYear) : lastYear };
    }

    /// <summary>An exit manner as the datasets and the reference-class queries spell it: <c>NaturalDeath</c> → <c>natural-death</c>.</summary>
    public static string MannerName(ExitManner manner) => JsonNamingPolicy.KebabCaseLower.ConvertName(manner.ToString());
}

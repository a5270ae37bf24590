namespace Interregnum.Model;

/// <summary>Which way an indicator moves the input it bears on, when it is seen.</summary>
public enum IndicatorDirection
{
    /// <summary>Seeing the sign means the input lies in the upper part of its range.</summary>
    Raises,

    /// <summary>Seeing the sign means the input lies in the lower part of its range.</summary>
    Lowers,
}

/// <summary>
/// An observable public sign to watch (scenario key <c>indicators</c>, docs/scenario-format.md): a description in
/// words, the uncertain input it bears on and the way it moves it. Analytic only: appointments, public roles,
/// official statements. Immutable.
/// </summary>
/// <param name="Id">Identifier, unique among the indicators.</param>
/// <param name="Description">The sign in words, as a reader would recognise it.</param>
/// <param name="Input">The input path it bears on (one of <see cref="ScenarioInputs.All"/>, uncertain).</param>
/// <param name="Direction">Whether seeing it puts the input in the upper or the lower part of its range.</param>
/// <param name="Source">A source id that explains the link, or null.</param>
public sealed record Indicator(string Id, string Description, string Input, IndicatorDirection Direction, string? Source);

/// <summary>
/// Another forecast of a question the scenario bears on (scenario key <c>external_forecasts</c>): a prediction
/// market, a forecasting platform or an expert survey, shown beside the model's number. Immutable.
/// </summary>
/// <param name="Source">Who made it, in words (e.g. "Metaculus community forecast").</param>
/// <param name="Date">When it stood at <paramref name="Probability"/>.</param>
/// <param name="Question">The question as its source asks it.</param>
/// <param name="Probability">Its probability, in [0, 1].</param>
/// <param name="Url">Where to see it, or null.</param>
/// <param name="ComparesTo">
/// The model's matching number, or null when the model does not answer the question: <c>winner.CANDIDATE</c> (the
/// headline shock's probability that the candidate prevails), <c>contested</c> (a contested succession) or
/// <c>exit_risk.any_within_12_months</c> / <c>exit_risk.irregular_within_12_months</c> (the incumbent's exit risk).
/// </param>
public sealed record ExternalForecast(string Source, DateOnly Date, string Question, double Probability, string? Url, string? ComparesTo);

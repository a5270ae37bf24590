using System.Globalization;
using Interregnum.Model;

namespace Interregnum.Scenarios;

/// <summary>One problem found in a scenario file, at a 1-based line and column. Immutable.</summary>
/// <param name="File">The file name as given to the reader.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong, in words (what was expected, what was found).</param>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    /// <summary>The conventional compiler-style form <c>file:line:column: message</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}

/// <summary>
/// The outcome of reading a scenario file: a validated <see cref="Model.Scenario"/>, or every problem found.
/// Exactly one of the two is present. Immutable.
/// </summary>
/// <param name="Scenario">The scenario when the file is valid, else null.</param>
/// <param name="Errors">Every problem found, ordered by line and column; empty when valid.</param>
public sealed record ScenarioReadResult(Scenario? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>True when the file is valid and <see cref="Scenario"/> is present.</summary>
    public bool IsValid => Scenario is not null;
}

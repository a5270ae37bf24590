using System.Collections.Immutable;

namespace Interregnum.Store;

/// <summary>
/// One stored run: everything needed to reproduce it (scenario text, shock, seed, draws, model and parameters,
/// program version, command line) and what it produced (results JSON, optionally the draws as CSV).
/// Immutable; the collections are read-only views and are compared by content only in tests, not by
/// <see cref="object.Equals(object)"/>.
/// </summary>
public sealed record RunRecord
{
    /// <summary>The store's id for the run; 0 until stored (<see cref="IRunStore.Add"/> ignores it and assigns one).</summary>
    public long Id { get; init; }

    /// <summary>The command that produced the run.</summary>
    public required RunKind Kind { get; init; }

    /// <summary>The scenario file's full text, exactly as read (so that the run can be reproduced without the file).</summary>
    public required string ScenarioText { get; init; }

    /// <summary>SHA-256 of <see cref="ScenarioText"/> (UTF-8), lowercase hex; always computed from the text.</summary>
    public string ScenarioHash => ContentHash.Sha256Hex(ScenarioText);

    /// <summary>The scenario's file name as given on the command line (for people; the hash identifies the content).</summary>
    public required string ScenarioFile { get; init; }

    /// <summary>The shock's id in the scenario, or null when the run was not about one shock (compare, sensitivity over all).</summary>
    public string? ShockId { get; init; }

    /// <summary>The random seed; the results depend on it alone.</summary>
    public required long Seed { get; init; }

    /// <summary>The number of Monte Carlo draws (0 for deterministic runs).</summary>
    public required int Draws { get; init; }

    /// <summary>The model's name (for example <c>compromise</c>, <c>expected-utility</c>, <c>smp</c>).</summary>
    public required string ModelName { get; init; }

    /// <summary>The model's parameters as invariant-culture text, by name (sorted by name when stored).</summary>
    public IReadOnlyDictionary<string, string> ModelParameters { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The version of the program that made the run (its informational version).</summary>
    public required string ProgramVersion { get; init; }

    /// <summary>When the run was made; stored in UTC with 100 ns resolution and returned with offset zero.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The command-line arguments that reproduce the run (after the program name).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The results as a JSON document (must parse); compared byte for byte by <c>runs rerun</c>.</summary>
    public required string ResultsJson { get; init; }

    /// <summary>Every draw as CSV with a header row; null unless the user asked for draws to be stored.</summary>
    public string? DrawsCsv { get; init; }

    /// <summary>The short form used in lists.</summary>
    public RunSummary ToSummary() => new(
        Id, Kind, CreatedAt, ScenarioFile, ScenarioHash, ShockId, Seed, Draws, ModelName, ProgramVersion, DrawsCsv is not null);
}

/// <summary>The short form of a stored run, as listed by <see cref="IRunStore.List"/>: no texts, no results.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="Kind">The command that produced the run.</param>
/// <param name="CreatedAt">When the run was made (UTC).</param>
/// <param name="ScenarioFile">The scenario's file name.</param>
/// <param name="ScenarioHash">SHA-256 of the scenario text, lowercase hex.</param>
/// <param name="ShockId">The shock's id, or null.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Draws">The number of draws.</param>
/// <param name="ModelName">The model's name.</param>
/// <param name="ProgramVersion">The program version that made the run.</param>
/// <param name="HasDrawsCsv">Whether the draws were stored as CSV.</param>
public sealed record RunSummary(
    long Id,
    RunKind Kind,
    DateTimeOffset CreatedAt,
    string ScenarioFile,
    string ScenarioHash,
    string? ShockId,
    long Seed,
    int Draws,
    string ModelName,
    string ProgramVersion,
    bool HasDrawsCsv);

namespace Interregnum.Simulation;

/// <summary>The policy model used after the contest.</summary>
public enum PolicyModel
{
    /// <summary>KTAB's spatial model of politics (default).</summary>
    Smp,

    /// <summary>Capability × salience weighted mean.</summary>
    Compromise,

    /// <summary>Bueno de Mesquita's expected-utility model (Scholz et al. reading, per dimension).</summary>
    Eu,
}

/// <summary>Settings of a Monte Carlo forecast.</summary>
/// <param name="Draws">Number of draws (the maximum when <paramref name="UntilSe"/> is set).</param>
/// <param name="Seed">The seed; the result depends on it alone.</param>
/// <param name="Model">The policy model.</param>
/// <param name="MaxThreads">Parallelism (null: all cores). Never changes the result.</param>
/// <param name="UntilSe">Stop early, in batches, once every headline probability's standard error is below this.</param>
public sealed record SimulationSettings(int Draws = 10_000, ulong Seed = 1, PolicyModel Model = PolicyModel.Smp, int? MaxThreads = null, double? UntilSe = null)
{
    /// <summary>Draws per batch when stopping on a standard error.</summary>
    public const int BatchSize = 500;
}

/// <summary>A probability estimated by Monte Carlo.</summary>
/// <param name="Probability">Mean over draws of the per-draw probability.</param>
/// <param name="Low">Lower end of the 90% Monte Carlo interval (estimate − 1.645·SE, clipped to [0, 1]).</param>
/// <param name="High">Upper end of the 90% Monte Carlo interval.</param>
/// <param name="StandardError">Monte Carlo standard error of <paramref name="Probability"/>.</param>
/// <param name="SpreadLow">5th percentile of the per-draw probability: how far input uncertainty moves it.</param>
/// <param name="SpreadHigh">95th percentile of the per-draw probability.</param>
public sealed record ProbabilityEstimate(double Probability, double Low, double High, double StandardError, double SpreadLow, double SpreadHigh);

/// <summary>A candidate's chance of prevailing.</summary>
/// <param name="Id">Candidate id.</param>
/// <param name="Label">Candidate label.</param>
/// <param name="Leader">Actor id of the person who would lead.</param>
/// <param name="Estimate">Probability of prevailing.</param>
/// <param name="WinFrequency">Share of draws in which the sampled winner was this candidate.</param>
public sealed record CandidateForecast(string Id, string Label, string Leader, ProbabilityEstimate Estimate, double WinFrequency);

/// <summary>The forecast on one issue dimension against the status quo (the regime's policy before the shock).</summary>
/// <param name="Id">Dimension id.</param>
/// <param name="Label">Dimension label.</param>
/// <param name="StatusQuo">The regime's policy before the shock: the mean over draws of the policy model's outcome with the incumbent in office (0–100).</param>
/// <param name="Mean">Mean forecast over draws.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="MeanShift">Mean of (forecast − status quo), per draw.</param>
/// <param name="ProbabilityHigher">Share of draws in which the forecast is above the status quo (more of the dimension's high end, e.g. more hostile).</param>
public sealed record DimensionForecast(string Id, string Label, double StatusQuo, double Mean, double P5, double P50, double P95, double MeanShift, double ProbabilityHigher);

/// <summary>One draw of the Monte Carlo, for the tidy draws table.</summary>
/// <param name="Draw">Draw index from 0.</param>
/// <param name="Winner">Sampled winning candidate index (-1: the incumbent stays).</param>
/// <param name="Contested">Whether the succession was contested in this draw.</param>
/// <param name="CandidateProbabilities">Contest probabilities per candidate in this draw.</param>
/// <param name="ContestedProbability">Probability of a contested succession in this draw (over the contest's outcomes).</param>
/// <param name="StatusQuo">Status quo per dimension in this draw: the policy model's outcome before the shock, incumbent in office.</param>
/// <param name="Forecast">Policy forecast per dimension in this draw.</param>
public sealed record DrawOutcome(int Draw, int Winner, bool Contested, double[] CandidateProbabilities, double ContestedProbability, double[] StatusQuo, double[] Forecast);

/// <summary>The result of <c>simulate</c> for one shock.</summary>
/// <param name="ScenarioId">Scenario id.</param>
/// <param name="ShockId">Shock id.</param>
/// <param name="ShockLabel">Shock label.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Draws">Draws actually run.</param>
/// <param name="Model">Policy model.</param>
/// <param name="IncumbentStays">True for a failed attempt (no contest).</param>
/// <param name="Candidates">Candidates' chances.</param>
/// <param name="Contested">Probability of a contested succession.</param>
/// <param name="ContestedThreshold">The coercion share threshold used (point value).</param>
/// <param name="Dimensions">Policy forecast per dimension.</param>
/// <param name="Outcomes">Every draw.</param>
public sealed record SimulationResult(
    string ScenarioId,
    string ShockId,
    string ShockLabel,
    ulong Seed,
    int Draws,
    PolicyModel Model,
    bool IncumbentStays,
    IReadOnlyList<CandidateForecast> Candidates,
    ProbabilityEstimate Contested,
    double ContestedThreshold,
    IReadOnlyList<DimensionForecast> Dimensions,
    IReadOnlyList<DrawOutcome> Outcomes);

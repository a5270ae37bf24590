namespace Interregnum.Bargaining;

/// <summary>
/// KTAB's Spatial Model of Politics (SMP; bargaining.md §1), reimplemented to reproduce KTAB's histories:
/// each turn every actor infers risk attitudes from a PCE over positions, picks its best challenge, proposes
/// an interpolated bargain, and each actor then adopts the most probable bargain in its queue.
/// Deterministic by construction: bargains are queued status quo first, then by initiator index; the first
/// maximum wins ties. Stochastic transitions draw from a generator keyed by (seed, turn, actor), so results
/// depend on the seed alone, never on the degree of parallelism. Work is O(n³) per turn (KTAB: O(n⁴)).
/// Pure and thread-safe.
/// </summary>
public static class SpatialModelOfPolitics
{
    /// <summary>Runs the SMP until KTAB's stopping rule holds (bargaining.md §1.5).</summary>
    /// <param name="input">The game.</param>
    /// <param name="parameters">The model parameters (default: KTAB's defaults).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; 1 runs serially, 0 or less uses every core. The result does not depend on it.</param>
    /// <returns>The whole history.</returns>
    public static SmpResult Run(SmpInput input, SmpParameters? parameters = null, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        var engine = new SmpEngine(input, parameters ?? SmpParameters.Default, maxDegreeOfParallelism);
        return engine.Run();
    }

    /// <summary>
    /// Runs the SMP as <see cref="Run(SmpInput, SmpParameters?, int)"/> does and records its per-turn audit trail in
    /// <paramref name="recorder"/> (each actor's challenge, the expected utilities that decided it, whose bargain it
    /// adopted, its new position). The result is bit for bit the one without a recorder.
    /// </summary>
    /// <param name="input">The game.</param>
    /// <param name="parameters">The model parameters (default: KTAB's defaults).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; the result does not depend on it.</param>
    /// <param name="recorder">Receives one <see cref="SmpTurnAudit"/> per turn.</param>
    /// <returns>The whole history.</returns>
    public static SmpResult Run(SmpInput input, SmpParameters? parameters, int maxDegreeOfParallelism, SmpRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(recorder);
        var engine = new SmpEngine(input, parameters ?? SmpParameters.Default, maxDegreeOfParallelism, recorder);
        return engine.Run();
    }

    /// <summary>
    /// Where bargaining ends, and nothing else: the final positions (actor × dimension, 0–100) of the run that
    /// <see cref="Run(SmpInput, SmpParameters?, int)"/> would make, serially, without its history or per-state probabilities. For callers that
    /// run many small games (the succession forecast runs one per Monte Carlo draw).
    /// </summary>
    /// <param name="input">The game.</param>
    /// <param name="parameters">The model parameters (default: KTAB's defaults).</param>
    /// <param name="finalPositions">Output: at least actors × dimensions values.</param>
    /// <returns>The number of turns run.</returns>
    public static int RunFinalPositions(SmpInput input, SmpParameters? parameters, Span<double> finalPositions)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(finalPositions.Length, input.ActorCount * input.DimensionCount, nameof(finalPositions));
        var engine = new SmpEngine(input, parameters ?? SmpParameters.Default, 1);
        return engine.RunToEnd(finalPositions);
    }

    /// <summary>The intermediates of the first turn (risk, utilities, challenges), as KTAB logs them.</summary>
    /// <param name="input">The game.</param>
    /// <param name="parameters">The model parameters (default: KTAB's defaults).</param>
    /// <returns>The analysis of state 0.</returns>
    public static SmpStateAnalysis AnalyseInitialState(SmpInput input, SmpParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var engine = new SmpEngine(input, parameters ?? SmpParameters.Default, 1);
        return engine.AnalyseCurrentState();
    }

    /// <summary>KTAB's utility of a distance d ∈ [0, 1] for risk attitude R (<c>SMPModel::bsUtil</c>).</summary>
    /// <param name="distance">Salience-weighted distance on the [0, 1] scale.</param>
    /// <param name="risk">Risk attitude R ∈ [−1, 1].</param>
    /// <returns>(1 − d)(1 + dR) for d ≤ 1, (1 − d)(1 + R) beyond.</returns>
    public static double Utility(double distance, double risk) =>
        distance <= 1 ? (1 - distance) * (1 + (distance * risk)) : (1 - distance) * (1 + risk);
}

namespace Interregnum.Bargaining;

/// <summary>
/// The history of one SMP run. State t = 0 is the input; state t ≥ 1 follows turn t.
/// Positions are on KTAB's 0–100 scale. Immutable by convention; thread-safe to read.
/// </summary>
public sealed record SmpResult
{
    /// <summary>The input that was run.</summary>
    public required SmpInput Input { get; init; }

    /// <summary>The parameters used.</summary>
    public required SmpParameters Parameters { get; init; }

    /// <summary>Number of turns run (states are 0..Turns).</summary>
    public required int Turns { get; init; }

    /// <summary>Per state t (0..Turns): positions, actor × dimension row-major, 0–100.</summary>
    public required IReadOnlyList<double[]> Positions { get; init; }

    /// <summary>
    /// Per state t: for each actor, KTAB's reported probability of the position it holds (the PCE over the
    /// unique positions of that state, from each actor's own-perspective utilities; bargaining.md §1.6).
    /// Actors sharing a position show the same number; over unique positions they sum to 1.
    /// </summary>
    public required IReadOnlyList<double[]> Probabilities { get; init; }

    /// <summary>Per state t: the probability of each unique position (in scan order), summing to 1.</summary>
    public required IReadOnlyList<double[]> UniquePositionProbabilities { get; init; }

    /// <summary>Per state t: for each unique position (same order), the index of its representative actor.</summary>
    public required IReadOnlyList<int[]> UniquePositionActors { get; init; }

    /// <summary>Per state t: the inferred risk attitude R_i of each actor.</summary>
    public required IReadOnlyList<double[]> RiskAttitudes { get; init; }

    /// <summary>Per turn t = 1..Turns (index t − 1): d(s_{t−1}, s_t) / (d(s_0, s_1) + 1e-4), KTAB's stop trace.</summary>
    public required IReadOnlyList<double> StopTrace { get; init; }

    /// <summary>Position of an actor on a dimension at state t (0–100).</summary>
    /// <param name="turn">State index 0..Turns.</param>
    /// <param name="actor">Actor index.</param>
    /// <param name="dimension">Dimension index.</param>
    /// <returns>The position.</returns>
    public double Position(int turn, int actor, int dimension) => Positions[turn][(actor * Input.DimensionCount) + dimension];

    /// <summary>Capability-weighted mean of the final positions on one dimension (0–100): a headline outcome.</summary>
    /// <param name="dimension">Dimension index.</param>
    /// <returns>The weighted mean, weights c_i·s_id.</returns>
    public double FinalWeightedMean(int dimension)
    {
        double num = 0;
        double den = 0;
        for (int i = 0; i < Input.ActorCount; i++)
        {
            double w = Input.Capability[i] * Input.Salience(i, dimension);
            num += w * Position(Turns, i, dimension);
            den += w;
        }

        return num / den;
    }
}

/// <summary>One actor's best challenge in a state (bargaining.md §1.4 Step B) and the bargain it proposes.</summary>
/// <param name="Initiator">The challenging actor.</param>
/// <param name="Target">Its best target, or −1 when no target gains more than 1e-5.</param>
/// <param name="ExpectedGain">ΔEU^i_i(i→j) of the best target (−1 when none).</param>
/// <param name="Probability">φ^i_ij, the initiator's estimate that it prevails (0 when none).</param>
/// <param name="InitiatorBargain">Initiator's interpolated bargain position for itself (0–100), or empty.</param>
/// <param name="TargetBargain">Initiator's interpolated bargain position for the target (0–100), or empty.</param>
public sealed record SmpChallenge(int Initiator, int Target, double ExpectedGain, double Probability, double[] InitiatorBargain, double[] TargetBargain);

/// <summary>Intermediates of the first step of a state: KTAB's log of that turn (bargaining.md §1.4 Steps A–B).</summary>
/// <param name="RiskNeutralUtilities">U⁰_ij = 1 − d_ij, actor × actor row-major.</param>
/// <param name="RiskAttitudes">Inferred R_i.</param>
/// <param name="OwnUtilities">U_ij = u(d_ij, R_i) (KTAB's "risk-aware actor-pos utility matrix (objective)").</param>
/// <param name="Challenges">Each actor's best challenge, in actor order.</param>
public sealed record SmpStateAnalysis(double[] RiskNeutralUtilities, double[] RiskAttitudes, double[] OwnUtilities, IReadOnlyList<SmpChallenge> Challenges);

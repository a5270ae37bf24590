namespace Interregnum.Bargaining;

/// <summary>What one actor did in one SMP turn (positions on the 0–100 scale).</summary>
/// <param name="Actor">The actor's index.</param>
/// <param name="Target">The actor it challenged, or −1 when no challenge promised a gain above KTAB's minimum.</param>
/// <param name="ExpectedGain">Its expected utility of the challenge less that of the status quo, from its own perspective (0 without a challenge).</param>
/// <param name="WinProbability">Its estimated probability of prevailing against the target.</param>
/// <param name="Proposed">The position it proposed for itself in its bargain (empty without a challenge).</param>
/// <param name="AdoptedFrom">Whose bargain it adopted: −1 the status quo (it kept its position), itself (its own challenge was accepted), or the initiator whose challenge it accepted.</param>
/// <param name="AdoptedProbability">The probability the PCE gave the adopted option among its queue (1 when the queue held only the status quo).</param>
/// <param name="StatusQuoUtility">Its utility of the status quo (state average, 0–1).</param>
/// <param name="AdoptedUtility">Its utility of the adopted option (0–1).</param>
/// <param name="Position">Its position after the turn.</param>
public sealed record SmpActorTurn(
    int Actor,
    int Target,
    double ExpectedGain,
    double WinProbability,
    double[] Proposed,
    int AdoptedFrom,
    double AdoptedProbability,
    double StatusQuoUtility,
    double AdoptedUtility,
    double[] Position);

/// <summary>One SMP turn's audit: every actor's challenge and resolution.</summary>
/// <param name="Turn">The turn (0: the move from the initial state to state 1).</param>
/// <param name="Actors">One entry per actor, in actor order.</param>
public sealed record SmpTurnAudit(int Turn, IReadOnlyList<SmpActorTurn> Actors);

/// <summary>
/// An optional recorder of the SMP's per-turn audit trail (<c>bargain --explain</c>): for each actor, the challenge
/// it made, the expected utilities that decided it, whose bargain it adopted and where it ended the turn. It only
/// reads the engine's state, so a run with it is bit for bit the run without it. Not thread-safe: one recorder per run.
/// </summary>
public sealed class SmpRecorder
{
    private readonly List<SmpTurnAudit> _turns = [];
    private int[] _adopted = [];
    private double[] _probability = [];

    /// <summary>The recorded turns, in order.</summary>
    public IReadOnlyList<SmpTurnAudit> Turns => _turns;

    internal void BeginTurn(int actors)
    {
        if (_adopted.Length != actors)
        {
            _adopted = new int[actors];
            _probability = new double[actors];
        }
    }

    /// <summary>Called from <c>Resolve</c> for actor k (each k by one worker: disjoint slots).</summary>
    internal void Adopted(int actor, int initiator, double probability)
    {
        _adopted[actor] = initiator;
        _probability[actor] = probability;
    }

    internal int AdoptedFrom(int actor) => _adopted[actor];

    internal double AdoptedProbability(int actor) => _probability[actor];

    internal void Add(SmpTurnAudit turn) => _turns.Add(turn);
}

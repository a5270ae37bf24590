using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Interregnum.Coalition;

/// <summary>
/// The ruling coalition of Acemoglu, Egorov &amp; Sonin, "Coalition Formation in Non-Democracies" (Review of
/// Economic Studies 75(4), 2008), computed exactly for a set of players with powers γ_i &gt; 0 (docs/models.md §8).
/// <para>
/// A coalition Y ⊆ X <b>wins within</b> X when γ_Y &gt; α·γ_X (γ_X = Σ_{i∈X} γ_i, α ∈ [1/2, 1)). Self-enforcing
/// coalitions are defined recursively by size: a single player is self-enforcing, and a coalition X of two or more
/// is self-enforcing when none of its proper subcoalitions that win within X is itself self-enforcing. The
/// <b>ruling coalition</b> of the whole set N is the least powerful self-enforcing coalition that wins within N
/// (N itself when no proper one exists). Under the paper's genericity assumption (no two different coalitions
/// have the same power) it is unique; where powers tie, every least powerful one is returned.
/// </para>
/// <para>
/// Algorithm: over all 2^n coalitions in order of their bitmask (every subset of X has a smaller mask), keep
/// M(X) = the greatest power of a self-enforcing coalition contained in X. The strongest self-enforcing proper
/// subcoalition of X has power max_{i∈X} M(X ∖ {i}); since winning within X is monotone in power, X is
/// self-enforcing exactly when that power does not win within X. The maxima over members are taken block by block
/// (a block's lower half is decided, then its M values are pushed to the upper half as one element-wise maximum),
/// which gives the same values as the member-by-member scan (maxima are exact) with contiguous, vectorised work.
/// Time O(n·2^n), memory O(2^n): exact up to
/// <see cref="ExactLimit"/> players. Thread-safety: the static members are pure; an instance is a reusable
/// workspace for one thread.
/// </para>
/// </summary>
public sealed class RulingCoalition
{
    /// <summary>The most players solved exactly (2^16 = 65 536 coalitions: about 4 ms per solve, docs/performance.md).</summary>
    public const int ExactLimit = 16;

    /// <summary>The relative tolerance under which two powers count as equal (a tie) and a coalition on the threshold does not win.</summary>
    public const double Tolerance = 1e-12;

    private readonly double[] power;
    private readonly double[] strongestSelfEnforcing;
    private readonly bool[] selfEnforcing;

    /// <summary>A workspace for games of up to <paramref name="maxPlayers"/> players (at most <see cref="ExactLimit"/>).</summary>
    public RulingCoalition(int maxPlayers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPlayers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPlayers, ExactLimit);
        var size = 1 << maxPlayers;
        power = new double[size];
        strongestSelfEnforcing = new double[size];
        selfEnforcing = new bool[size];
        candidate = new int[size];
        MaxPlayers = maxPlayers;
    }

    /// <summary>The most players this workspace can solve.</summary>
    public int MaxPlayers { get; }

    /// <summary>Whether coalition Y (power <paramref name="coalitionPower"/>) wins within a set of power <paramref name="setPower"/>: γ_Y &gt; α·γ_X.</summary>
    public static bool Wins(double coalitionPower, double setPower, double alpha) =>
        coalitionPower > (alpha * setPower) + (Tolerance * setPower);

    /// <summary>
    /// The ruling coalition(s) among players with the given powers: the least powerful self-enforcing coalitions
    /// that win within the whole set, as bitmasks over player indices (bit i = player i). One mask under
    /// genericity; several when powers tie.
    /// </summary>
    /// <param name="powers">γ_i &gt; 0 per player (any scale: only ratios matter).</param>
    /// <param name="alpha">The winning share α, in [1/2, 1).</param>
    public static IReadOnlyList<int> Find(IReadOnlyList<double> powers, double alpha)
    {
        ArgumentNullException.ThrowIfNull(powers);
        var solver = new RulingCoalition(powers.Count);
        var result = new List<int>();
        solver.Solve(powers.ToArray(), alpha, result);
        return result;
    }

    /// <summary>
    /// Solves a game in this workspace. <paramref name="rulers"/> receives the ruling coalitions (bitmasks); the
    /// self-enforcing coalitions can then be queried with <see cref="IsSelfEnforcing"/>.
    /// </summary>
    /// <param name="powers">γ_i &gt; 0 per player; at most <see cref="MaxPlayers"/> players.</param>
    /// <param name="alpha">The winning share α, in [1/2, 1).</param>
    /// <param name="rulers">Cleared, then filled with the least powerful self-enforcing winning coalitions.</param>
    /// <param name="outsidePower">
    /// Power held outside the players (0 for the exact game): it counts in what a ruling coalition must outweigh,
    /// but no coalition can include it. Used beyond <see cref="ExactLimit"/> players for the weakest actors.
    /// </param>
    public void Solve(ReadOnlySpan<double> powers, double alpha, List<int> rulers, double outsidePower = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outsidePower);
        ArgumentNullException.ThrowIfNull(rulers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(powers.Length, MaxPlayers);
        if (alpha < 0.5 || alpha >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie in [1/2, 1)");
        }

        foreach (var g in powers)
        {
            if (!(g > 0) || double.IsInfinity(g))
            {
                throw new ArgumentOutOfRangeException(nameof(powers), g, "every player's power must be positive and finite");
            }
        }

        rulers.Clear();
        var n = powers.Length;
        Players = n;
        if (n == 0)
        {
            return;
        }

        var full = (1 << n) - 1;

        // γ_X for every X from X without its lowest player, in mask order (the same additions in the same order as
        // any earlier version of this solver, so every γ_X is the same bits).
        ref var gamma = ref MemoryMarshal.GetArrayDataReference(power);
        gamma = 0;
        for (var x = 1; x <= full; x++)
        {
            var low = x & -x;
            Unsafe.Add(ref gamma, x) = Unsafe.Add(ref gamma, x ^ low) + powers[System.Numerics.BitOperations.TrailingZeroCount(low)];
        }

        // Slot x of strongestSelfEnforcing holds, until x is decided, the greatest M(X ∖ {b}) pushed so far over the
        // members b above the leaf block, and M(X) afterwards. M(∅) = 0 and the empty coalition is not a coalition.
        Array.Clear(strongestSelfEnforcing, 0, full + 1);
        selfEnforcing[0] = false;
        total = power[full] + outsidePower;
        this.alpha = alpha;
        best = double.PositiveInfinity;
        candidates = 0;
        Decide(0, n);

        for (var c = 0; c < candidates; c++)
        {
            var x = candidate[c];
            if (Math.Abs(power[x] - best) <= Tolerance * total)
            {
                rulers.Add(x);
            }
        }
    }

    // The subsets of a block of masks whose low `bits` bits vary are either inside the block or outside it with
    // the same low bits; deciding the lower half of a block before its upper half, and pushing each decided M(Y)
    // to Y ∪ {b} before that is decided, visits masks in increasing order as the plain scan does, and gives every
    // X the same max_{b∈X} M(X ∖ {b}). The pushes are contiguous element-wise maxima (exact in any order), so
    // they vectorise; only the lowest LeafBits members are looked up mask by mask.
    private const int LeafBits = 4;

    private readonly int[] candidate;
    private double total;
    private double alpha;
    private double best;
    private int candidates;

    private void Decide(int start, int bits)
    {
        if (bits > LeafBits)
        {
            var half = 1 << (bits - 1);
            Decide(start, bits - 1);
            var lower = strongestSelfEnforcing.AsSpan(start, half);
            var upper = strongestSelfEnforcing.AsSpan(start + half, half);
            var k = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; k <= half - Vector256<double>.Count; k += Vector256<double>.Count)
                {
                    Vector256.Max(Vector256.Create(lower.Slice(k, Vector256<double>.Count)), Vector256.Create(upper.Slice(k, Vector256<double>.Count)))
                        .CopyTo(upper.Slice(k, Vector256<double>.Count));
                }
            }

            for (; k < half; k++)
            {
                upper[k] = lower[k] > upper[k] ? lower[k] : upper[k];
            }

            Decide(start + half, bits - 1);
            return;
        }

        ref var gamma = ref MemoryMarshal.GetArrayDataReference(power);
        ref var strongest = ref MemoryMarshal.GetArrayDataReference(strongestSelfEnforcing);
        ref var enforcing = ref MemoryMarshal.GetArrayDataReference(selfEnforcing);
        var leaf = (1 << bits) - 1;
        var end = start + leaf;
        var threshold = Tolerance * total;
        for (var x = Math.Max(start, 1); x <= end; x++)
        {
            // The strongest self-enforcing proper subcoalition: pushed from above, and M(X ∖ {i}) for the members
            // in the leaf's bits, without branches: a bit that X lacks multiplies its (finite, non-negative) slot by 0.
            // Powers are positive and finite, so a plain comparison is Math.Max.
            var strongestProper = Unsafe.Add(ref strongest, x);
            for (var b = 0; b < bits; b++)
            {
                var m = Unsafe.Add(ref strongest, x ^ (1 << b)) * ((x >> b) & 1);
                strongestProper = m > strongestProper ? m : strongestProper;
            }

            // The empty coalition never wins, so a single player is self-enforcing, as the definition says.
            var gx = Unsafe.Add(ref gamma, x);
            var se = !Wins(strongestProper, gx, alpha);
            Unsafe.Add(ref enforcing, x) = se;
            Unsafe.Add(ref strongest, x) = se ? gx : strongestProper;

            // The least powerful winning one so far, in mask order with the tolerance as before; ties are listed
            // after the scan. Written without branches: the slot past the last candidate is overwritten next time.
            var ruling = se & Wins(gx, total, alpha);
            candidate[candidates] = x;
            candidates += ruling ? 1 : 0;
            best = ruling & (gx < best - threshold) ? gx : best;
        }
    }

    /// <summary>The number of players in the last game solved.</summary>
    public int Players { get; private set; }

    /// <summary>Whether coalition <paramref name="mask"/> (a subset of the last game's players) is self-enforcing.</summary>
    public bool IsSelfEnforcing(int mask)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mask, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mask, (1 << Players) - 1);
        return selfEnforcing[mask];
    }
}

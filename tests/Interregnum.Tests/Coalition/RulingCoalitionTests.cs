using FsCheck.Xunit;
using Interregnum.Coalition;
using Xunit;

namespace Interregnum.Tests.Coalition;

/// <summary>
/// The ruling coalition of Acemoglu, Egorov &amp; Sonin (2008) on small games computed by hand from the paper's
/// definitions (winning: γ_Y &gt; α·γ_X; self-enforcing: no winning proper subcoalition is self-enforcing; ruling:
/// the least powerful self-enforcing coalition that wins within the whole set), and against a direct recursive
/// implementation of those definitions on random games.
/// </summary>
public sealed class RulingCoalitionTests
{
    private static int Mask(params int[] players) => players.Aggregate(0, (m, i) => m | (1 << i));

    [Fact]
    public void Find_MajorityThreePlayersNoneDominant_AllThreeRule()
    {
        // Given powers 3, 4, 5 and α = 1/2 (total 12: a coalition wins with more than 6).
        // Every pair wins (7, 8, 9 > 6) but is not self-enforcing: within {3, 4} (total 7) the 4 alone has more
        // than 3.5, and a single player is self-enforcing; likewise {3, 5} (5 > 4) and {4, 5} (5 > 4.5). No single
        // player wins within the three (5 ≤ 6), so the three together are self-enforcing; no proper winning
        // coalition is, so they are the ruling coalition. (The paper's abstract: "with majority rule, two-person
        // coalitions are generically not self-enforcing and consequently, three-person coalitions are
        // self-enforcing (unless one player is disproportionately powerful)".)
        var rulers = RulingCoalition.Find([3, 4, 5], 0.5);

        Assert.Equal([Mask(0, 1, 2)], rulers);
    }

    [Fact]
    public void Find_MajorityOnePlayerDisproportionatelyPowerful_HeRulesAlone()
    {
        // Given 1, 2, 10 and α = 1/2: 10 > 13/2, so the strongest wins alone; a single player is self-enforcing
        // and no coalition with less power than 10 wins (1 + 2 = 3).
        var rulers = RulingCoalition.Find([1, 2, 10], 0.5);

        Assert.Equal([Mask(2)], rulers);
    }

    [Fact]
    public void Find_MajorityFourPlayers_StrongestIsExcluded()
    {
        // Given 3, 4, 5, 10 and α = 1/2 (total 22: a coalition wins with more than 11).
        // The 10 alone does not win (10 ≤ 11). Pairs are not self-enforcing (as above). Triples with the 10 are not
        // self-enforcing: within {3, 4, 10} (17) the 10 wins alone (10 > 8.5), within {3, 5, 10} (18) 10 > 9,
        // within {4, 5, 10} (19) 10 > 9.5. {3, 4, 5} (12 > 11) wins and is self-enforcing (5 ≤ 6, pairs are not).
        // The four together are not self-enforcing, since {3, 4, 5} wins within them. So the ruling coalition is
        // {3, 4, 5}: the strongest player is left out.
        var rulers = RulingCoalition.Find([3, 4, 5, 10], 0.5);

        Assert.Equal([Mask(0, 1, 2)], rulers);
    }

    [Fact]
    public void Find_SupermajorityThreePlayers_StrongestIsExcluded()
    {
        // Given 4, 5, 5.5 and α = 0.6 (total 14.5: a coalition wins with more than 8.7).
        // A pair is self-enforcing when neither member wins alone within it: {4, 5}: 5 ≤ 0.6·9 = 5.4;
        // {4, 5.5}: 5.5 ≤ 5.7; {5, 5.5}: 5.5 ≤ 6.3. All three pairs win (9, 9.5, 10.5 > 8.7); the least powerful is
        // {4, 5}, so the strongest (5.5) is left out.
        var rulers = RulingCoalition.Find([4, 5, 5.5], 0.6);

        Assert.Equal([Mask(0, 1)], rulers);
    }

    [Fact]
    public void Find_MajorityTwoPlayers_StrongerRulesAlone()
    {
        // Given 1 and 2, α = 1/2: 2 > 1.5 wins alone; with 1.9 and 2 as well: 2 > 1.95.
        Assert.Equal([Mask(1)], RulingCoalition.Find([1, 2], 0.5));
        Assert.Equal([Mask(1)], RulingCoalition.Find([1.9, 2], 0.5));
    }

    [Fact]
    public void Find_EqualPowersNonGeneric_EveryTiedCoalitionReturned()
    {
        // Given 1, 1, 1 and α = 1/2 (not generic): a pair is self-enforcing (1 is not more than half of 2) and wins
        // (2 > 1.5); all three pairs have power 2, so all three are returned.
        var rulers = RulingCoalition.Find([1, 1, 1], 0.5);

        Assert.Equal([Mask(0, 1), Mask(0, 2), Mask(1, 2)], rulers.Order());
    }

    [Fact]
    public void Find_SevenNearlyEqualPlayers_AllSevenRule()
    {
        // Given seven nearly equal players and α = 1/2, coalitions of 1, 3 and 7 are self-enforcing and those of
        // 2, 4, 5, 6 are not (each holds a winning self-enforcing smaller one: 2 ⊃ 1, 4 ⊃ 3, 5 ⊃ 3, 6 ⊃ the
        // strongest 3, which have more than half of any six). A winning coalition needs 4 or more, so the only
        // self-enforcing winning coalition is all seven (the paper: sizes 1, 3, 7, 15, ...).
        var rulers = RulingCoalition.Find([1.000, 1.001, 1.003, 1.007, 1.015, 1.031, 1.063], 0.5);

        Assert.Equal([Mask(0, 1, 2, 3, 4, 5, 6)], rulers);
    }

    [Fact]
    public void Solve_OutsidePower_RaisesTheBarButCannotJoin()
    {
        // Players 3, 4, 5 with 10 held outside (the approximation beyond ExactLimit players): a ruling coalition must
        // have more than half of 22, so {3, 4, 5} (12) rules. With 13 outside (total 25, bar 12.5) nothing the
        // players can form wins, and no coalition is returned.
        var solver = new RulingCoalition(3);
        var rulers = new List<int>();

        solver.Solve([3, 4, 5], 0.5, rulers, outsidePower: 10);
        Assert.Equal([Mask(0, 1, 2)], rulers);

        solver.Solve([3, 4, 5], 0.5, rulers, outsidePower: 13);
        Assert.Empty(rulers);
    }

    [Fact]
    public void Solve_PowerNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RulingCoalition.Find([1, 0, 2], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => RulingCoalition.Find([1, 2], 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RulingCoalition.Find([1, 2], 0.4));
    }

    [Property(MaxTest = 200)]
    public bool Find_RandomGame_RulerIsLeastPowerfulSelfEnforcingWinningCoalition(int seed)
    {
        // Given a random game of 1 to 8 players (powers continuous: generic with probability 1) and α in [1/2, 0.9).
        var rng = new Random(seed);
        var n = 1 + rng.Next(8);
        var powers = Enumerable.Range(0, n).Select(_ => 0.05 + rng.NextDouble()).ToArray();
        var alpha = 0.5 + (0.4 * rng.NextDouble());

        var rulers = RulingCoalition.Find(powers, alpha);

        // Then it is unique, wins within the whole set, is self-enforcing under the recursive definition, and no
        // self-enforcing winning coalition is less powerful.
        var reference = new ReferenceDefinition(powers, alpha);
        var full = (1 << n) - 1;
        if (rulers.Count != 1)
        {
            return false;
        }

        var r = rulers[0];
        var least = Enumerable.Range(1, full).Where(x => reference.SelfEnforcing(x) && reference.Power(x) > alpha * reference.Power(full)).MinBy(reference.Power);
        return reference.Power(r) > alpha * reference.Power(full) && reference.SelfEnforcing(r) && least == r;
    }

    [Property(MaxTest = 100)]
    public bool Solve_RandomGame_SelfEnforcingMatchesRecursiveDefinitionForEveryCoalition(int seed)
    {
        var rng = new Random(seed);
        var n = 1 + rng.Next(7);
        var powers = Enumerable.Range(0, n).Select(_ => 0.05 + rng.NextDouble()).ToArray();
        var alpha = 0.5 + (0.4 * rng.NextDouble());
        var solver = new RulingCoalition(n);
        solver.Solve(powers, alpha, []);
        var reference = new ReferenceDefinition(powers, alpha);

        return Enumerable.Range(1, (1 << n) - 1).All(x => solver.IsSelfEnforcing(x) == reference.SelfEnforcing(x));
    }

    [Property(MaxTest = 100)]
    public bool Find_NearlyEqualPowersMajority_RulingSizeIsOneThreeOrSeven(int seed)
    {
        // The paper's abstract: with relatively equal power and majority rule only coalitions of size 1, 3, 7, 15,
        // ... can rule. Powers within 1% of each other, 2 to 12 players.
        var rng = new Random(seed);
        var n = 2 + rng.Next(11);
        var powers = Enumerable.Range(0, n).Select(_ => 1 + (0.01 * rng.NextDouble())).ToArray();

        var rulers = RulingCoalition.Find(powers, 0.5);

        return rulers.Count == 1 && System.Numerics.BitOperations.PopCount((uint)rulers[0]) is 1 or 3 or 7;
    }

    [Property(MaxTest = 60)]
    public bool Solve_RandomGame_EqualsThePlainMemberByMemberScanBitForBit(int seed)
    {
        // Given random games of 0 to 16 players solved one after another in one reused workspace: continuous powers,
        // or small whole numbers so that coalitions tie exactly, α in [1/2, 0.9), and sometimes power outside the game.
        var rng = new Random(seed);
        var solver = new RulingCoalition(RulingCoalition.ExactLimit);
        for (var game = 0; game < 4; game++)
        {
            var n = rng.Next(RulingCoalition.ExactLimit + 1);
            var ties = rng.Next(2) == 0;
            var powers = Enumerable.Range(0, n).Select(_ => ties ? 1 + rng.Next(4) : 0.05 + rng.NextDouble()).ToArray();
            var alpha = rng.Next(3) == 0 ? 0.5 : 0.5 + (0.4 * rng.NextDouble());
            var outside = rng.Next(3) == 0 ? 3 * rng.NextDouble() : 0;
            var rulers = new List<int>();

            // When the block-wise solver and the scan it replaced (PlainScan) solve the same game.
            solver.Solve(powers, alpha, rulers, outside);
            var (plainRulers, plainSelfEnforcing) = PlainScan(powers, alpha, outside);

            // Then the ruling coalitions and every coalition's self-enforcement agree exactly.
            if (!rulers.SequenceEqual(plainRulers))
            {
                return false;
            }

            for (var x = 1; x < 1 << n; x++)
            {
                if (solver.IsSelfEnforcing(x) != plainSelfEnforcing[x])
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The solver as it was before the block-wise maxima (commit 76a8f56): every mask in order, the maximum of
    /// M(X ∖ {i}) taken member by member. Kept as the reference the faster solver must equal bit for bit.
    /// </summary>
    private static (List<int> Rulers, bool[] SelfEnforcing) PlainScan(double[] powers, double alpha, double outsidePower)
    {
        var n = powers.Length;
        var full = (1 << n) - 1;
        var power = new double[full + 1];
        var strongest = new double[full + 1];
        var selfEnforcing = new bool[full + 1];
        var rulers = new List<int>();
        for (var x = 1; x <= full; x++)
        {
            var low = x & -x;
            var gx = power[x ^ low] + powers[System.Numerics.BitOperations.TrailingZeroCount(low)];
            power[x] = gx;
            double strongestProper = 0;
            for (var rest = x; rest != 0; rest &= rest - 1)
            {
                var m = strongest[x ^ (rest & -rest)];
                strongestProper = m > strongestProper ? m : strongestProper;
            }

            var se = !RulingCoalition.Wins(strongestProper, gx, alpha);
            selfEnforcing[x] = se;
            strongest[x] = se ? gx : strongestProper;
        }

        var total = power[full] + outsidePower;
        var best = double.PositiveInfinity;
        for (var x = 1; x <= full; x++)
        {
            if (selfEnforcing[x] && RulingCoalition.Wins(power[x], total, alpha) && power[x] < best - (RulingCoalition.Tolerance * total))
            {
                best = power[x];
            }
        }

        for (var x = 1; x <= full; x++)
        {
            if (selfEnforcing[x] && RulingCoalition.Wins(power[x], total, alpha) && Math.Abs(power[x] - best) <= RulingCoalition.Tolerance * total)
            {
                rulers.Add(x);
            }
        }

        return (rulers, selfEnforcing);
    }

    /// <summary>The paper's definitions written directly: recursion over every subcoalition, memoised.</summary>
    private sealed class ReferenceDefinition(double[] powers, double alpha)
    {
        private readonly Dictionary<int, bool> memo = [];

        public double Power(int mask) => Enumerable.Range(0, powers.Length).Where(i => (mask & (1 << i)) != 0).Sum(i => powers[i]);

        public bool SelfEnforcing(int x)
        {
            if (memo.TryGetValue(x, out var known))
            {
                return known;
            }

            var result = true;
            if (System.Numerics.BitOperations.PopCount((uint)x) > 1)
            {
                // Every nonempty proper subset y of x.
                for (var y = (x - 1) & x; y > 0; y = (y - 1) & x)
                {
                    if (Power(y) > alpha * Power(x) && SelfEnforcing(y))
                    {
                        result = false;
                        break;
                    }
                }
            }

            memo[x] = result;
            return result;
        }
    }
}

using FsCheck.Xunit;
using Interregnum.Bargaining;

namespace Interregnum.Tests.Bargaining;

/// <summary>
/// The option-major coalition fast path (<see cref="ProbabilisticCondorcet.CoalitionRows"/>, used by the SMP engine)
/// against the plain voter-major <see cref="ProbabilisticCondorcet.Coalitions"/>: the same numbers to the last bit,
/// for every voting rule and any split of the rows between workers.
/// </summary>
public sealed class CoalitionRowsTests
{
    [Property(MaxTest = 200)]
    public bool CoalitionRows_AnyGameRuleAndSplit_EqualsPlainCoalitionsBitForBit(int seed)
    {
        // Given a random game: 1–12 voters, 1–9 options, weights in (0, 200], utilities in [0, 1] with some ties
        var rng = new Random(seed);
        int voters = 1 + rng.Next(12);
        int options = 1 + rng.Next(9);
        var rule = (VotingRule)rng.Next(Enum.GetValues<VotingRule>().Length);
        int step = 1 + rng.Next(4);
        var weights = Enumerable.Range(0, voters).Select(_ => 200 * (1 - rng.NextDouble())).ToArray();
        var byVoter = Enumerable.Range(0, voters * options).Select(_ => rng.Next(5) == 0 ? 0.5 : rng.NextDouble()).ToArray();
        var byOption = new double[options * voters];
        for (int k = 0; k < voters; k++)
        {
            for (int o = 0; o < options; o++)
            {
                byOption[(o * voters) + k] = byVoter[(k * options) + o];
            }
        }

        // When
        var plain = new double[options * options];
        ProbabilisticCondorcet.Coalitions(weights, byVoter, options, rule, plain);
        var fast = new double[options * options];
        for (int first = 0; first < step; first++)
        {
            ProbabilisticCondorcet.CoalitionRows(weights, byOption, options, rule, fast, first, step);
        }

        // Then
        return plain.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(fast.Select(BitConverter.DoubleToInt64Bits));
    }
}

using FsCheck.Xunit;
using Interregnum.Bargaining;
using Xunit;

namespace Interregnum.Tests.Bargaining;

/// <summary>Invariants of the PCE and the SMP on random games (seeded, small).</summary>
public sealed class SmpPropertyTests
{
    private static SmpInput RandomGame(int seed, double? sharedPosition = null, int maxActors = 9)
    {
        var rng = new Random(seed);
        int n = 3 + rng.Next(maxActors - 2);
        int d = 1 + rng.Next(3);
        var names = Enumerable.Range(0, n).Select(i => "A" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var dims = Enumerable.Range(0, d).Select(k => "D" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var cap = Enumerable.Range(0, n).Select(_ => 1 + (199 * rng.NextDouble())).ToArray();
        var pos = Enumerable.Range(0, n * d).Select(_ => sharedPosition ?? Math.Round(100 * rng.NextDouble(), 2)).ToArray();
        var sal = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            var raw = Enumerable.Range(0, d).Select(_ => 0.1 + rng.NextDouble()).ToArray();
            double total = (0.5 + (0.49 * rng.NextDouble())) * 100 / raw.Sum();
            for (int k = 0; k < d; k++)
            {
                sal[(i * d) + k] = raw[k] * total;
            }
        }

        return new SmpInput(names, dims, cap, pos, sal);
    }

    [Property(MaxTest = 30)]
    public bool RunToEnd_SimdLanesAndScalarLoops_AreIdenticalBitForBit(int seed)
    {
        // Given a random game of 3 to 24 actors (partial and several four-lane blocks), KTAB's default parameters.
        var input = RandomGame(seed, maxActors: 24);
        var withLanes = new double[input.ActorCount * input.DimensionCount];
        var scalar = new double[withLanes.Length];

        // When it is played with the SIMD-lane paths (targets four at a time, bargain utilities four actors at a
        // time, voter-major coalition sums, queue coalitions read in place) and with the scalar loops they replace.
        int turnsWithLanes = new SmpEngine(input, SmpParameters.Default, 1).RunToEnd(withLanes);
        int turnsScalar = new SmpEngine(input, SmpParameters.Default, 1, lanes: false).RunToEnd(scalar);

        // Then both take as many turns and end on the same positions to the last bit.
        return turnsWithLanes == turnsScalar
            && withLanes.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(scalar.Select(BitConverter.DoubleToInt64Bits));
    }

    [Property(MaxTest = 100)]
    public bool CoalitionRowsPropByVoter_RandomUtilities_EqualCoalitionsBitForBit(int seed)
    {
        // Given 1 to 12 voters and 1 to 23 options, utilities on a coarse grid so that many votes are exactly zero.
        var rng = new Random(seed);
        int voters = 1 + rng.Next(12);
        int options = 1 + rng.Next(23);
        var weights = Enumerable.Range(0, voters).Select(_ => 0.01 + rng.NextDouble()).ToArray();
        var utilities = Enumerable.Range(0, voters * options).Select(_ => Math.Round(rng.NextDouble(), 1)).ToArray();
        var plain = new double[options * options];
        var lanes = new double[options * options];

        // When the lane-wise sums and the public scalar ones are computed from the same voter-major utilities.
        ProbabilisticCondorcet.Coalitions(weights, utilities, options, VotingRule.Prop, plain);
        ProbabilisticCondorcet.CoalitionRowsPropByVoter(weights, utilities, options, lanes);

        // Then every coalition strength is the same bits.
        return plain.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(lanes.Select(BitConverter.DoubleToInt64Bits));
    }

    [Property(MaxTest = 40)]
    public bool RunFinalPositions_AnyGame_EqualsTheLastStateOfRunBitForBit(int seed)
    {
        // The per-draw path of the succession forecast skips the history and the reported probabilities; the
        // positions it ends on must be Run's to the last bit, and after as many turns.
        var input = RandomGame(seed);
        var full = SpatialModelOfPolitics.Run(input, maxDegreeOfParallelism: 1);
        var final = new double[input.ActorCount * input.DimensionCount];
        int turns = SpatialModelOfPolitics.RunFinalPositions(input, null, final);
        return turns == full.Turns
            && final.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(full.Positions[^1].Select(BitConverter.DoubleToInt64Bits));
    }

    [Property(MaxTest = 30)]
    public bool Run_WithRecorder_IsBitIdenticalAndTheAuditMatchesTheHistory(int seed)
    {
        // bargain --explain: the recorder only reads the engine's state, so every number is the one without it (with
        // more than one thread too), and its per-turn positions are the history's next states.
        var input = RandomGame(seed);
        var plain = SpatialModelOfPolitics.Run(input, maxDegreeOfParallelism: 1);
        var recorder = new SmpRecorder();
        var audited = SpatialModelOfPolitics.Run(input, null, 2, recorder);
        static IEnumerable<long> Bits(IEnumerable<double[]> states) => states.SelectMany(x => x).Select(BitConverter.DoubleToInt64Bits);
        if (plain.Turns != audited.Turns || !Bits(plain.Positions).SequenceEqual(Bits(audited.Positions))
            || !Bits(plain.Probabilities).SequenceEqual(Bits(audited.Probabilities)) || recorder.Turns.Count != plain.Turns)
        {
            return false;
        }

        int d = input.DimensionCount;
        foreach (var turn in recorder.Turns)
        {
            foreach (var a in turn.Actors)
            {
                // Its new position is the next state's; a bargain it adopted is its own or one aimed at it.
                var next = Enumerable.Range(0, d).Select(k => plain.Position(turn.Turn + 1, a.Actor, k));
                bool fromQueue = a.AdoptedFrom < 0 || a.AdoptedFrom == a.Actor || turn.Actors[a.AdoptedFrom].Target == a.Actor;
                bool keptWhenStatusQuo = a.AdoptedFrom >= 0 || Enumerable.Range(0, d).All(k => a.Position[k] == plain.Position(turn.Turn, a.Actor, k));
                if (!a.Position.SequenceEqual(next) || !fromQueue || !keptWhenStatusQuo || a.AdoptedProbability is < 0 or > 1
                    || (a.Target >= 0 && a.ExpectedGain <= 0))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 25)]
    public bool Run_SharedPosition_NothingMoves(int seed)
    {
        var input = RandomGame(seed, sharedPosition: 37.5);
        var result = SpatialModelOfPolitics.Run(input, maxDegreeOfParallelism: 1);
        return result.Positions.All(state => state.All(x => Math.Abs(x - 37.5) < 1e-9))
            && result.Probabilities.All(state => state.All(p => p == 1.0));
    }

    [Property(MaxTest = 25)]
    public bool Run_AnyGame_ProbabilitiesAreInUnitIntervalAndSumToOne(int seed)
    {
        var result = SpatialModelOfPolitics.Run(RandomGame(seed), maxDegreeOfParallelism: 1);
        return result.UniquePositionProbabilities.All(p => p.All(x => x >= 0 && x <= 1) && Math.Abs(p.Sum() - 1) < 1e-9)
            && result.Probabilities.All(p => p.All(x => x >= 0 && x <= 1));
    }

    [Property(MaxTest = 40)]
    public bool Elect_AnyModel_ProbabilitiesSumToOne(int seed)
    {
        var rng = new Random(seed);
        int voters = 1 + rng.Next(8);
        int options = 1 + rng.Next(8);
        var u = new double[voters, options];
        for (int k = 0; k < voters; k++)
        {
            for (int i = 0; i < options; i++)
            {
                u[k, i] = rng.NextDouble();
            }
        }

        var w = Enumerable.Range(0, voters).Select(_ => 0.1 + rng.NextDouble()).ToArray();
        return Enum.GetValues<PceModel>().All(pcm => Enum.GetValues<VotingRule>().All(vr => Enum.GetValues<VictoryProbabilityModel>().All(vpm =>
        {
            var e = ProbabilisticCondorcet.Elect(w, u, vr, vpm, pcm);
            return e.Probabilities.All(p => p >= 0 && p <= 1) && Math.Abs(e.Probabilities.Sum() - 1) < 1e-6;
        })));
    }

    [Property(MaxTest = 20)]
    public bool Run_RelabelledActors_PermutesOutput(int seed)
    {
        var input = RandomGame(seed);
        int n = input.ActorCount;
        int d = input.DimensionCount;
        var rng = new Random(seed ^ 0x5bd1e995);
        int[] permutation = [.. Enumerable.Range(0, n).Select(i => (Key: rng.NextDouble(), i)).OrderBy(t => t.Key).Select(t => t.i)];

        // actor a of the relabelled game is actor permutation[a] of the original
        var relabelled = new SmpInput(
            [.. permutation.Select(p => input.ActorNames[p])],
            input.DimensionNames,
            [.. permutation.Select(p => input.Capability[p])],
            [.. permutation.SelectMany(p => Enumerable.Range(0, d).Select(k => input.Position(p, k)))],
            [.. permutation.SelectMany(p => Enumerable.Range(0, d).Select(k => input.Salience(p, k)))]);
        var a = SpatialModelOfPolitics.Run(input, maxDegreeOfParallelism: 1);
        var b = SpatialModelOfPolitics.Run(relabelled, maxDegreeOfParallelism: 1);
        if (a.Turns != b.Turns)
        {
            return false;
        }

        for (int t = 0; t <= a.Turns; t++)
        {
            // KTAB treats positions closer than 1e-3 (on [0, 1]) as one, prices them at the representative found
            // first in actor order, and the relation is not transitive: where two positions are that close but not
            // identical, relabelling can pick other representatives or merge other clusters, and the reported
            // probabilities then differ by up to a few hundredths (seen: 0.03). That is KTAB's definition, so the
            // probabilities are compared only in states without such pairs. Positions, which never use the
            // representatives, must always permute exactly.
            bool compareProbabilities = !HasNearButDistinctPositions(a, t);
            for (int i = 0; i < n; i++)
            {
                int p = permutation[i];
                if (compareProbabilities && Math.Abs(a.Probabilities[t][p] - b.Probabilities[t][i]) > 1e-9)
                {
                    return false;
                }

                for (int k = 0; k < d; k++)
                {
                    if (Math.Abs(a.Position(t, p, k) - b.Position(t, i, k)) > 1e-9)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static bool HasNearButDistinctPositions(SmpResult result, int turn)
    {
        int n = result.Input.ActorCount;
        int d = result.Input.DimensionCount;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < d; k++)
                {
                    double diff = (result.Position(turn, i, k) - result.Position(turn, j, k)) / 100;
                    sum += diff * diff;
                }

                if (sum > 0 && Math.Sqrt(sum) < 1e-3 + 1e-9)
                {
                    return true;
                }
            }
        }

        return false;
    }

    [Property(MaxTest = 15)]
    public bool Run_SerialAndParallel_AreIdentical(int seed)
    {
        var input = RandomGame(seed);
        var parameters = SmpParameters.Default with { BargnModel = (BargnModel)(Math.Abs(seed) % 3) };
        var serial = SpatialModelOfPolitics.Run(input, parameters, maxDegreeOfParallelism: 1);
        var parallel = SpatialModelOfPolitics.Run(input, parameters, maxDegreeOfParallelism: 3);
        return serial.Turns == parallel.Turns
            && serial.Positions.Zip(parallel.Positions).All(z => z.First.SequenceEqual(z.Second))
            && serial.Probabilities.Zip(parallel.Probabilities).All(z => z.First.SequenceEqual(z.Second))
            && serial.StopTrace.SequenceEqual(parallel.StopTrace);
    }

    [Fact]
    public void Run_Stochastic_DependsOnSeedAloneNotOnThreads()
    {
        // Given
        var input = KtabReference.Input("SOE-Pol-Comp");
        var p = SmpParameters.Default with { StateTransitions = StateTransitions.Stochastic, Seed = 42 };

        // When
        var a = SpatialModelOfPolitics.Run(input, p, maxDegreeOfParallelism: 1);
        var b = SpatialModelOfPolitics.Run(input, p, maxDegreeOfParallelism: 4);
        var c = SpatialModelOfPolitics.Run(input, p with { Seed = 43 }, maxDegreeOfParallelism: 1);

        // Then
        Assert.Equal(a.Turns, b.Turns);
        Assert.All(a.Positions.Zip(b.Positions), z => Assert.Equal(z.First, z.Second));
        Assert.False(a.Turns == c.Turns && a.Positions.Zip(c.Positions).All(z => z.First.SequenceEqual(z.Second)), "a different seed should give a different history");
    }

    [Fact]
    public void Run_EveryParameterOption_CompletesWithValidProbabilities()
    {
        // Given every value of every parameter, one at a time, on the 7-actor game
        var input = KtabReference.Input("dummyData_3Dim");
        var variants = new List<SmpParameters>();
        variants.AddRange(Enum.GetValues<VictoryProbabilityModel>().Select(v => SmpParameters.Default with { VictoryProbModel = v }));
        variants.AddRange(Enum.GetValues<PceModel>().Select(v => SmpParameters.Default with { PceModel = v }));
        variants.AddRange(Enum.GetValues<VotingRule>().Select(v => SmpParameters.Default with { VotingRule = v }));
        variants.AddRange(Enum.GetValues<BigRAdjust>().Select(v => SmpParameters.Default with { BigRAdjust = v }));
        variants.AddRange(Enum.GetValues<BigRRange>().Select(v => SmpParameters.Default with { BigRRange = v }));
        variants.AddRange(Enum.GetValues<ThirdPartyCommit>().Select(v => SmpParameters.Default with { ThirdPartyCommit = v }));
        variants.AddRange(Enum.GetValues<InterVecBrgn>().Select(v => SmpParameters.Default with { InterVecBrgn = v }));
        variants.AddRange(Enum.GetValues<BargnModel>().Select(v => SmpParameters.Default with { BargnModel = v }));

        foreach (var p in variants)
        {
            // When
            var result = SpatialModelOfPolitics.Run(input, p with { MaxTurns = 30 });

            // Then
            Assert.InRange(result.Turns, 1, 30);
            Assert.All(result.UniquePositionProbabilities, q => Assert.Equal(1.0, q.Sum(), 1e-9));
            Assert.All(result.Positions, s => Assert.All(s, x => Assert.InRange(x, -1e-9, 100 + 1e-9)));
        }
    }
}

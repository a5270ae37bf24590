using System.Runtime.Intrinsics;

namespace Interregnum.Bargaining;

/// <summary>
/// One SMP run: the state arrays and preallocated workspaces. Follows KTAB's order of floating-point
/// operations (smp.cpp, smpbcn.cpp, kmodel.cpp at 3b5b063) so that results agree to the last bit.
/// Not thread-safe itself; it parallelises internally over disjoint index ranges.
/// </summary>
internal sealed class SmpEngine
{
    private const double EqualPositionTolerance = 1e-3;
    private const double MinimumSignificantGain = 1e-5;
    private const double MinimumChallengeCoalition = 1e-10;

    /// <summary>
    /// The principals' coalitions of a challenge of j by i: i's side and j's side each start at
    /// <see cref="MinimumChallengeCoalition"/> and take the principals' votes, positive for i and negative for j, in
    /// the order i then j (KTAB's order of additions, so every caller gets the same bits).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static (double ForI, double ForJ) PrincipalCoalitions(double contribI, double contribJ)
    {
        double chij = MinimumChallengeCoalition;
        double chji = MinimumChallengeCoalition;
        if (contribI > 0.0)
        {
            chij += contribI;
        }

        if (contribI < 0.0)
        {
            chji -= contribI;
        }

        if (contribJ > 0.0)
        {
            chij += contribJ;
        }

        if (contribJ < 0.0)
        {
            chji -= contribJ;
        }

        return (chij, chji);
    }
    private const double StopRatio = 0.02;
    private const double MinimumFirstStep = 1e-4;

    private readonly int _n;
    private readonly int _d;
    private readonly SmpParameters _p;
    private readonly int _threads;
    private readonly double[] _cap;
    private readonly double[] _sal;
    private readonly double[] _salSum;
    private readonly double[] _salSquareSum;
    private readonly double[] _challengeWeight;
    private readonly double[]? _accommodation;
    private readonly int _versions;

    private double[] _pos;
    private double[] _ideal;
    private double[] _next;

    private readonly double[] _dist;
    private readonly double[] _distT;
    private readonly double[] _diag;
    private readonly double[] _risk;
    private readonly double[] _own;
    private readonly double[] _utilityWork;
    private readonly double[] _utilityByVoter;
    private readonly double[] _ownByPosition;
    private readonly double[] _salByDimension;
    private readonly double[] _idealByDimension;
    private readonly double[] _stateProbabilities;
    private double[] _pceWork;
    private readonly int[] _unique;
    private int _uniqueCount;

    private readonly int[] _target;
    private readonly double[] _gain;
    private readonly double[] _winProbability;
    private readonly int[] _bargainCount;
    private readonly double[] _bargainPos;
    private readonly double[] _bargainUtil;
    private readonly double[] _statusQuoUtil;
    private readonly double[] _statusQuoFor;
    private readonly double[] _statusQuoAgainst;
    private readonly Worker[] _workers;

    private readonly SmpRecorder? _recorder;
    private readonly bool _lanes;

    // lanes: whether the SIMD-lane paths may run (where the hardware has them); false runs the scalar loops, for the tests that compare the two.
    public SmpEngine(SmpInput input, SmpParameters parameters, int maxDegreeOfParallelism, SmpRecorder? recorder = null, bool lanes = true)
    {
        _recorder = recorder;
        _lanes = lanes && Vector256.IsHardwareAccelerated;
        Input = input;
        _p = parameters;
        _n = input.ActorCount;
        _d = input.DimensionCount;
        int n = _n;
        int d = _d;
        _threads = Math.Max(1, Math.Min(maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism, n));
        _cap = [.. input.Capability];
        _sal = new double[n * d];
        _pos = new double[n * d];
        _salSum = new double[n];
        _salSquareSum = new double[n];
        _challengeWeight = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            double squares = 0;
            for (int k = 0; k < d; k++)
            {
                // KTAB divides by 100 (multiplying by 0.01 changes the last bit; bargaining.md §1.1).
                double s = input.Saliences[(i * d) + k] / 100.0;
                _sal[(i * d) + k] = s;
                _pos[(i * d) + k] = input.Positions[(i * d) + k] / 100.0;
                sum += s;
                squares += s * s;
            }

            _salSum[i] = sum;
            _salSquareSum[i] = squares;
            _challengeWeight[i] = sum * _cap[i];
        }

        _salByDimension = new double[n * d];
        _idealByDimension = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < d; k++)
            {
                _salByDimension[(k * n) + i] = _sal[(i * d) + k];
            }
        }

        _accommodation = input.Accommodation is null || IsIdentity(input.Accommodation, n) ? null : input.Accommodation;
        _ideal = [.. _pos];
        _next = new double[n * d];
        _dist = new double[n * n];
        _distT = new double[n * n];
        _diag = new double[n];
        _risk = new double[n];
        _own = new double[n * n];
        _utilityWork = new double[n * n];
        _utilityByVoter = new double[n * n];
        _ownByPosition = new double[n * n];
        _stateProbabilities = new double[n];
        _pceWork = new double[ProbabilisticCondorcet.WorkspaceLength(n)];
        _unique = new int[n];
        _target = new int[n];
        _gain = new double[n];
        _winProbability = new double[n];
        _versions = parameters.BargnModel == BargnModel.InitRcvrInterp ? 2 : 1;
        _bargainCount = new int[n];
        _bargainPos = new double[n * _versions * 2 * d];
        _bargainUtil = new double[n * _versions * n];
        _statusQuoUtil = new double[n];
        _statusQuoFor = new double[n * _versions];
        _statusQuoAgainst = new double[n * _versions];
        _workers = new Worker[_threads];
        for (int w = 0; w < _threads; w++)
        {
            _workers[w] = new Worker(n, d);
        }
    }

    public SmpInput Input { get; }

    public SmpResult Run()
    {
        var history = new History();
        int turn = Iterate(history);
        return new SmpResult
        {
            Input = Input,
            Parameters = _p,
            Turns = turn,
            Positions = history.Positions,
            Probabilities = history.Probabilities,
            UniquePositionProbabilities = history.UniqueProbabilities,
            UniquePositionActors = history.UniqueActors,
            RiskAttitudes = history.Risks,
            StopTrace = history.StopTrace,
        };
    }

    /// <summary>
    /// Runs to KTAB's stopping rule and writes only the final positions (0–100) to <paramref name="final"/>:
    /// the same turns and numbers as <see cref="Run"/>, without recording the history or computing the reported
    /// per-state probabilities (a PCE per turn that does not feed back into the positions).
    /// </summary>
    public int RunToEnd(Span<double> final)
    {
        int turn = Iterate(null);
        for (int x = 0; x < _pos.Length; x++)
        {
            final[x] = _pos[x] * 100.0;
        }

        return turn;
    }

    private int Iterate(History? history)
    {
        var initial = (double[])_pos.Clone();
        double firstStep = 0;
        int turn = 0;
        while (true)
        {
            PrepareState();
            if (history is not null)
            {
                history.Positions.Add(Scaled(_pos));
                history.Risks.Add((double[])_risk.Clone());
                RecordStateProbabilities(history.Probabilities, history.UniqueProbabilities, history.UniqueActors);
            }

            if (turn > 0)
            {
                double step = StateDistance(_pos, _previous!);
                if (turn == 1)
                {
                    firstStep = StateDistance(initial, _pos) + MinimumFirstStep;
                }

                double ratio = step / firstStep;
                history?.StopTrace.Add(ratio);
                if (turn >= _p.MaxTurns || (turn >= 2 && ratio < StopRatio))
                {
                    break;
                }
            }

            Step(turn);
            turn++;
        }

        return turn;
    }

    private sealed class History
    {
        public List<double[]> Positions { get; } = [];

        public List<double[]> Probabilities { get; } = [];

        public List<double[]> UniqueProbabilities { get; } = [];

        public List<int[]> UniqueActors { get; } = [];

        public List<double[]> Risks { get; } = [];

        public List<double> StopTrace { get; } = [];
    }

    public SmpStateAnalysis AnalyseCurrentState()
    {
        PrepareState();
        int n = _n;
        var neutral = new double[n * n];
        for (int x = 0; x < n * n; x++)
        {
            neutral[x] = SpatialModelOfPolitics.Utility(_dist[x], 0.0);
        }

        var objective = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                objective[(i * n) + j] = SpatialModelOfPolitics.Utility(_dist[(i * n) + j], _risk[i]);
            }
        }

        ChooseChallenges(0, n, _workers[0]);
        var challenges = new List<SmpChallenge>(n);
        for (int i = 0; i < n; i++)
        {
            if (_bargainCount[i] == 0)
            {
                challenges.Add(new SmpChallenge(i, -1, -1, 0, [], [], [], []));
                continue;
            }

            int b = i * _versions;
            challenges.Add(new SmpChallenge(
                i,
                _target[i],
                _gain[i],
                _winProbability[i],
                Scaled(_bargainPos.AsSpan(BargainOffset(b, 0), _d).ToArray()),
                Scaled(_bargainPos.AsSpan(BargainOffset(b, 1), _d).ToArray()),
                _bargainCount[i] > 1 ? Scaled(_bargainPos.AsSpan(BargainOffset(b + 1, 0), _d).ToArray()) : [],
                _bargainCount[i] > 1 ? Scaled(_bargainPos.AsSpan(BargainOffset(b + 1, 1), _d).ToArray()) : []));
        }

        return new SmpStateAnalysis(neutral, (double[])_risk.Clone(), objective, challenges);
    }

    private double[]? _previous;

    // ---------------------------------------------------------------- Step A

    /// <summary>Distances, risk attitudes and own-perspective utilities of the current state.</summary>
    private void PrepareState()
    {
        int n = _n;
        int d = _d;
        for (int i = 0; i < n; i++)
        {
            double squares = _salSquareSum[i];
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < d; k++)
                {
                    double ds = (_ideal[(i * d) + k] - _pos[(j * d) + k]) * _sal[(i * d) + k];
                    sum += ds * ds;
                }

                double dij = Math.Sqrt(sum / squares);
                _dist[(i * n) + j] = dij;
                _distT[(j * n) + i] = dij;
            }

            _diag[i] = _dist[(i * n) + i];
        }

        // Ideals dimension-major, for the lane-wise position utilities of the bargains.
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < d; k++)
            {
                _idealByDimension[(k * n) + i] = _ideal[(i * d) + k];
            }
        }

        // Risk-neutral utilities, a PCE over all n positions (duplicates included), weights = capability.
        // Stored option-major: _utilityWork[j·n + k] = U⁰_kj.
        if (_lanes && _p.VotingRule == VotingRule.Prop && (_threads == 1 || n < 32))
        {
            // Voter-major (_utilityByVoter[k·n + j] = U⁰_kj = u(d_kj)), for the lane-wise coalition sums.
            for (int x = 0; x < n * n; x++)
            {
                _utilityByVoter[x] = SpatialModelOfPolitics.Utility(_dist[x], 0.0);
            }

            int o2 = n * n;
            var coalitions = _pceWork.AsSpan(0, o2);
            ProbabilisticCondorcet.CoalitionRowsPropByVoter(_cap, _utilityByVoter, n, coalitions);
            var victory = _pceWork.AsSpan(o2, o2);
            ProbabilisticCondorcet.VictoryProbabilities(coalitions, n, _p.VictoryProbModel, victory);
            ProbabilisticCondorcet.OptionProbabilities(_p.PceModel, coalitions, victory, n, _stateProbabilities, _pceWork.AsSpan(2 * o2));
        }
        else
        {
            for (int x = 0; x < n * n; x++)
            {
                _utilityWork[x] = SpatialModelOfPolitics.Utility(_distT[x], 0.0);
            }

            ElectByOption(n, _stateProbabilities);
        }

        RiskFromProbabilities(_stateProbabilities, _risk);

        for (int a = 0; a < n; a++)
        {
            // aUtil[a](a, ·) uses KTAB's estimate of a's own attitude, estNRA(R_a, R_a), not R_a itself.
            double r = EstimateRisk(_risk[a], _risk[a]);
            for (int x = 0; x < n; x++)
            {
                double u = SpatialModelOfPolitics.Utility(_dist[(a * n) + x], r);
                _own[(a * n) + x] = u;
                _ownByPosition[(x * n) + a] = u;
            }
        }

        // Unique positions: one scan in actor order (KTAB ueIndices).
        _uniqueCount = 0;
        for (int i = 0; i < n; i++)
        {
            bool found = false;
            for (int u = 0; u < _uniqueCount && !found; u++)
            {
                found = Equal(i, _unique[u]);
            }

            if (!found)
            {
                _unique[_uniqueCount++] = i;
            }
        }
    }

    /// <summary>scalarPCE with weights = capability over the utilities in _utilityWork, stored option-major; coalition rows in parallel.</summary>
    private void ElectByOption(int options, Span<double> probabilities)
    {
        int o2 = options * options;
        var utilities = _utilityWork.AsMemory(0, options * _n);
        var coalitions = _pceWork.AsMemory(0, o2);
        int parts = options < 32 ? 1 : _threads;
        if (parts == 1)
        {
            ProbabilisticCondorcet.CoalitionRows(_cap, utilities.Span, options, _p.VotingRule, coalitions.Span, 0, 1);
        }
        else
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
                ProbabilisticCondorcet.CoalitionRows(_cap, utilities.Span, options, _p.VotingRule, coalitions.Span, part, parts));
        }

        var victory = _pceWork.AsSpan(o2, o2);
        ProbabilisticCondorcet.VictoryProbabilities(coalitions.Span, options, _p.VictoryProbModel, victory);
        ProbabilisticCondorcet.OptionProbabilities(_p.PceModel, coalitions.Span, victory, options, probabilities, _pceWork.AsSpan(2 * o2));
    }

    private void RiskFromProbabilities(double[] p, double[] risk)
    {
        double pMin = 1.0;
        double pMax = 0.0;
        foreach (double pi in p)
        {
            pMin = pi < pMin ? pi : pMin;
            pMax = pi > pMax ? pi : pMax;
        }

        for (int i = 0; i < p.Length; i++)
        {
            // All probabilities equal (e.g. one shared position): KTAB divides by zero and aborts; we say risk neutral.
            if (!(pMax > pMin))
            {
                risk[i] = 0;
                continue;
            }

            risk[i] = _p.BigRRange switch
            {
                BigRRange.Min => (p[i] - pMin) / (pMax - pMin),
                BigRRange.Mid => ((3 * p[i]) - (pMax + (2 * pMin))) / (2 * (pMax - pMin)),
                _ => ((2 * p[i]) - (pMax + pMin)) / (pMax - pMin),
            };
        }
    }

    private double EstimateRisk(double rh, double ri) => _p.BigRAdjust switch
    {
        BigRAdjust.Full => ri,
        BigRAdjust.TwoThirds => (rh + (2.0 * ri)) / 3.0,
        BigRAdjust.Half => (rh + ri) / 2,
        BigRAdjust.OneThird => ((2.0 * rh) + ri) / 3.0,
        _ => rh,
    };

    private void RecordStateProbabilities(List<double[]> perActor, List<double[]> perUnique, List<int[]> uniqueActors)
    {
        int n = _n;
        int o = _uniqueCount;
        for (int j = 0; j < o; j++)
        {
            int column = _unique[j];
            for (int i = 0; i < n; i++)
            {
                _utilityWork[(j * n) + i] = _own[(i * n) + column];
            }
        }

        var pu = new double[o];
        ElectByOption(o, pu);
        var pa = new double[n];
        for (int i = 0; i < n; i++)
        {
            // KTAB State::posProb takes the last representative equal to i's position.
            int k = -1;
            for (int j = 0; j < o; j++)
            {
                if (Equal(i, _unique[j]))
                {
                    k = j;
                }
            }

            pa[i] = pu[k];
        }

        perActor.Add(pa);
        perUnique.Add(pu);
        uniqueActors.Add(_unique.AsSpan(0, o).ToArray());
    }

    private bool Equal(int i, int j)
    {
        double sum = 0;
        for (int k = 0; k < _d; k++)
        {
            double diff = _pos[(i * _d) + k] - _pos[(j * _d) + k];
            sum += diff * diff;
        }

        return Math.Sqrt(sum) < EqualPositionTolerance;
    }

    // ---------------------------------------------------------------- one turn

    private void Step(int turn)
    {
        int n = _n;
        _recorder?.BeginTurn(n);
        ForEachRange(n, (from, to, worker) => ChooseChallenges(from, to, worker));

        // Utility to every actor of the status quo and of every proposed bargain (state average, bargaining.md §1.4 Step D).
        for (int a = 0; a < n; a++)
        {
            double sum = 0.0;
            for (int x = 0; x < n; x++)
            {
                sum += _own[(a * n) + x];
            }

            _statusQuoUtil[a] = sum / n;
        }

        ForEachRange(n, (from, to, _) =>
        {
            for (int i = from; i < to; i++)
            {
                for (int v = 0; v < _bargainCount[i]; v++)
                {
                    BargainUtilities((i * _versions) + v, i, _target[i]);
                    if (_lanes && _p.VotingRule == VotingRule.Prop)
                    {
                        StatusQuoCoalitions((i * _versions) + v);
                    }
                }
            }
        });

        // Interleaved, not contiguous: a popular target's long queue should not land on one worker with its neighbours.
        ForEachRange(_threads, (from, to, worker) =>
        {
            for (int part = from; part < to; part++)
            {
                for (int k = part; k < n; k += _threads)
                {
                    Resolve(turn, k, worker);
                }
            }
        });

        if (_recorder is not null)
        {
            RecordTurn(turn);
        }

        _previous ??= new double[_pos.Length];
        Array.Copy(_pos, _previous, _pos.Length);
        (_pos, _next) = (_next, _pos);
        UpdateIdeals();
    }

    /// <summary>
    /// Each initiator's best challenge: the target j with the largest expected gain above KTAB's minimum, the first
    /// such j in actor order on exact ties (KTAB's scan). Targets are evaluated in decreasing order of an upper bound
    /// on their gain, and a target whose bound cannot beat the best gain so far is skipped: the same choice as the
    /// full scan, bit for bit, with fewer of the O(n) third-party sums.
    /// </summary>
    private void ChooseChallenges(int from, int to, Worker w)
    {
        for (int i = from; i < to; i++)
        {
            PrepareEstimator(i, i, w);
            int first = GainBounds(i, w);
            int best = -1;
            double bestGain = -1.0;
            double bestProbability = 0;
            if (_lanes && _p.VotingRule == VotingRule.Prop && _p.ThirdPartyCommit == ThirdPartyCommit.SemiCommit)
            {
                ChooseByBlocks(i, w, ref best, ref bestGain, ref bestProbability);
                first = _n;
            }

            // The target with the highest bound first (its gain is usually the best or close to it), then the rest in
            // actor order, each skipped when its bound cannot beat the best gain so far.
            for (int m = first < _n ? -1 : _n; m < _n; m++)
            {
                int j = m < 0 ? first : m;
                if (j == i || (m >= 0 && j == first) || w.Bound[j] <= Math.Max(MinimumSignificantGain, bestGain))
                {
                    continue;
                }

                var (phij, gain) = ProbabilityAndGain(w, i, i, j);
                if (MinimumSignificantGain < gain && (bestGain < gain || (gain == bestGain && j < best)))
                {
                    best = j;
                    bestGain = gain;
                    bestProbability = phij;
                }
            }

            _target[i] = best;
            _gain[i] = bestGain;
            _winProbability[i] = bestProbability;
            _bargainCount[i] = 0;
            if (bestGain > 0)
            {
                MakeBargains(i, best, bestProbability, w);
            }
        }
    }

    /// <summary>
    /// KTAB's defaults (proportional voting, semi-commitment): the targets worth evaluating (bound above KTAB's
    /// minimum gain), highest bound first, four at a time, one target per SIMD lane, until a block's highest bound
    /// cannot beat the best gain so far. Each lane performs exactly the scalar operations of
    /// <see cref="ProbabilityAndGain"/> for its target, third parties summed in actor order, so every gain is the same
    /// bits; the choice (largest gain above the minimum, lowest index on ties) does not depend on the order in which
    /// targets are evaluated, and a skipped target's gain is below its bound, so the choice is the full scan's.
    /// </summary>
    private void ChooseByBlocks(int i, Worker w, ref int best, ref double bestGain, ref double bestProbability)
    {
        int n = _n;
        var order = w.Order;
        var bound = w.Bound;
        int count = 0;
        for (int j = 0; j < n; j++)
        {
            if (j == i || !(bound[j] > MinimumSignificantGain))
            {
                continue;
            }

            // Insertion sort by bound, highest first (n is small).
            int at = count++;
            while (at > 0 && bound[order[at - 1]] < bound[j])
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = j;
        }

        Span<int> targets = stackalloc int[Vector256<double>.Count];
        Span<double> gains = stackalloc double[Vector256<double>.Count];
        Span<double> probabilities = stackalloc double[Vector256<double>.Count];
        for (int b = 0; b < count; b += Vector256<double>.Count)
        {
            if (bound[order[b]] <= Math.Max(MinimumSignificantGain, bestGain))
            {
                break;
            }

            int used = Math.Min(Vector256<double>.Count, count - b);
            for (int l = 0; l < targets.Length; l++)
            {
                // Spare lanes repeat the last target: the same gain again, which the tie rule never takes.
                targets[l] = order[b + Math.Min(l, used - 1)];
            }

            ProbabilityAndGainLanes(w, i, targets, probabilities, gains);
            for (int l = 0; l < used; l++)
            {
                int j = targets[l];
                double gain = gains[l];
                if (MinimumSignificantGain < gain && (bestGain < gain || (gain == bestGain && j < best)))
                {
                    best = j;
                    bestGain = gain;
                    bestProbability = probabilities[l];
                }
            }
        }
    }

    /// <summary>
    /// <see cref="ProbabilityAndGain"/>(w, i, i, j) for four targets j at once under the proportional rule and
    /// semi-commitment, i's estimates prepared in <paramref name="w"/>: lane-wise IEEE operations (no fused
    /// multiply-add) in the scalar code's order, third parties added in actor order.
    /// </summary>
    private void ProbabilityAndGainLanes(Worker w, int i, ReadOnlySpan<int> targets, Span<double> probabilities, Span<double> gains)
    {
        int n = _n;
        const int L = 4;
        var risk = w.Risk;
        var colI = w.ColumnI;
        var diag = w.Diagonal;
        var columns = w.LaneColumns;
        double uii = colI[i];
        double ri = risk[i];
        Span<double> pI = stackalloc double[L];
        Span<double> pJ = stackalloc double[L];
        Span<double> uijs = stackalloc double[L];
        Span<double> sjs = stackalloc double[L];
        Span<long> js = stackalloc long[L];
        for (int l = 0; l < L; l++)
        {
            int j = targets[l];
            var colJ = _distT.AsSpan(j * n, n);
            double uij = SpatialModelOfPolitics.Utility(colJ[i], ri);
            double contribI = ProbabilisticCondorcet.Vote(VotingRule.Prop, _challengeWeight[i], uii, uij);
            double contribJ = ProbabilisticCondorcet.Vote(VotingRule.Prop, _challengeWeight[j], colI[j], diag[j]);
            (pI[l], pJ[l]) = PrincipalCoalitions(contribI, contribJ);
            uijs[l] = uij;
            sjs[l] = _salSum[j];
            js[l] = j;
            for (int x = 0; x < n; x++)
            {
                columns[(x * L) + l] = colJ[x];
            }
        }

        var one = Vector256.Create(1.0);
        var zero = Vector256<double>.Zero;
        var principalsI = Vector256.Create<double>(pI);
        var principalsJ = Vector256.Create<double>(pJ);
        var targetIndex = Vector256.Create<long>(js);
        var sumI = principalsI;
        var sumJ = principalsJ;
        for (int x = 0; x < n; x++)
        {
            if (x == i)
            {
                // The initiator's own vote is zeroed in the scalar code: adding +0 leaves the sums unchanged.
                continue;
            }

            var wx = Vector256.Create(_challengeWeight[x]);
            var r = Vector256.Create(risk[x]);
            var d = Vector256.Create<double>(columns.AsSpan(x * L, L));
            var oneMinusD = one - d;
            var uxj = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(d, one), oneMinusD * (one + (d * r)), oneMinusD * (one + r));
            var v0 = wx * (Vector256.Create(colI[x]) - uxj);
            var cxi = Vector256.ConditionalSelect(Vector256.GreaterThan(v0, zero), principalsI + v0, principalsI);
            var cxj = Vector256.ConditionalSelect(Vector256.LessThan(v0, zero), principalsJ - v0, principalsJ);
            var pin = cxi / (cxi + cxj);
            var pjn = one - pin;
            var twice = uxj + uxj;
            var uIkJ = (pin * Vector256.Create(w.IkDefJ[x])) + (pjn * (twice + uxj));
            var uIJk = (pin * Vector256.Create(w.IDefJk[x])) + (pjn * (twice + Vector256.Create(diag[x])));
            var vote = wx * (uIkJ - uIJk);

            // The target's own vote is zeroed too; the sums take +0 for the other side, as the scalar code does.
            vote = Vector256.ConditionalSelect(Vector256.Equals(targetIndex, Vector256.Create((long)x)).AsDouble(), zero, vote);
            sumI += Vector256.ConditionalSelect(Vector256.GreaterThan(vote, zero), vote, zero);
            sumJ -= Vector256.ConditionalSelect(Vector256.LessThan(vote, zero), vote, zero);
        }

        var total = sumI + sumJ;
        var phij = sumI / total;
        var phji = sumJ / total;
        var uhkij = Vector256.Create(uii + uii);
        var uijv = Vector256.Create<double>(uijs);
        var uhkji = uijv + uijv;
        var sj = Vector256.Create<double>(sjs);
        var euContest = (phij * uhkij) + (phji * uhkji);
        var euChallenge = ((one - sj) * uhkij) + (sj * euContest);
        var gain = euChallenge - (Vector256.Create(uii) + uijv);
        phij.CopyTo(probabilities);
        gain.CopyTo(gains);
    }

    /// <summary>
    /// Fills w.Bound[j] with a strict upper bound on i's expected gain from challenging j (j ≠ i) and returns the j
    /// with the highest bound (−1 when i has no possible target). The gain is (1 − s_j)·A + s_j·(p·A + q·B) −
    /// (U_ii + U_ij) with A = 2U_ii, B = 2U_ij (i's estimates) and p, q ≥ 0, p + q = 1 the challenge probabilities,
    /// so it is at most (1 − s_j)·A + s_j·max(A, B) − (U_ii + U_ij) for s_j ≥ 0; a margin far above rounding error
    /// keeps the bound strict.
    /// </summary>
    private int GainBounds(int i, Worker w)
    {
        int n = _n;
        double uii = w.ColumnI[i];
        double ri = w.Risk[i];
        int first = -1;
        double highest = double.NegativeInfinity;
        for (int j = 0; j < n; j++)
        {
            if (j == i)
            {
                continue;
            }

            double uij = SpatialModelOfPolitics.Utility(_distT[(j * n) + i], ri);
            double a = uii + uii;
            double b = uij + uij;
            double sj = _salSum[j];
            double bound = ((1 - sj) * a) + (sj * Math.Max(a, b)) - (uii + uij) + (1e-9 * (Math.Abs(a) + Math.Abs(b) + 1));
            if (!(sj >= 0) || double.IsNaN(bound))
            {
                bound = double.PositiveInfinity;
            }

            w.Bound[j] = bound;
            if (bound > highest)
            {
                highest = bound;
                first = j;
            }
        }

        return first;
    }

    /// <summary>Estimator h's risk estimates r^h_x, and its utilities U^h_{x,i} and U^h_{x,x}, for initiator i.</summary>
    private void PrepareEstimator(int h, int i, Worker w)
    {
        int n = _n;
        double rh = _risk[h];
        var colI = _distT.AsSpan(i * n, n);
        for (int x = 0; x < n; x++)
        {
            double r = EstimateRisk(rh, _risk[x]);
            w.Risk[x] = r;
            double uxi = SpatialModelOfPolitics.Utility(colI[x], r);
            double uxx = SpatialModelOfPolitics.Utility(_diag[x], r);
            w.ColumnI[x] = uxi;
            w.Diagonal[x] = uxx;
            w.IkDefJ[x] = uxi + uxi + uxx;
            w.IDefJk[x] = uxi + uxi + uxi;
        }
    }

    /// <summary>KTAB <c>SMPState::probEduChlg(h, k, i, j)</c>, with h's estimates prepared in <paramref name="w"/>.</summary>
    private (double Probability, double Gain) ProbabilityAndGain(Worker w, int k, int i, int j)
    {
        int n = _n;
        var rule = _p.VotingRule;
        var risk = w.Risk;
        var colI = w.ColumnI;
        var diag = w.Diagonal;
        var colJ = _distT.AsSpan(j * n, n);

        double uii = colI[i];
        double uij = SpatialModelOfPolitics.Utility(colJ[i], risk[i]);
        double uji = colI[j];
        double ujj = diag[j];
        double uki = colI[k];
        double ukj = SpatialModelOfPolitics.Utility(colJ[k], risk[k]);
        double euSq = uki + ukj;
        double uhkij = uki + uki;
        double uhkji = ukj + ukj;
        double sj = _salSum[j];

        double contribI = ProbabilisticCondorcet.Vote(rule, _challengeWeight[i], uii, uij);
        double contribJ = ProbabilisticCondorcet.Vote(rule, _challengeWeight[j], uji, ujj);
        var (chij, chji) = PrincipalCoalitions(contribI, contribJ);

        double principalsI = chij;
        double principalsJ = chji;
        var commit = _p.ThirdPartyCommit;
        if (rule == VotingRule.Prop && commit == ThirdPartyCommit.SemiCommit)
        {
            // KTAB's defaults: the same operations as ThirdParties, per third party, in the same order. The votes are
            // computed lane-wise (SIMD: IEEE operations element by element, no fused multiply-add, so every vote is
            // bit-identical to the scalar one), then summed in actor order as KTAB does.
            Span<double> votes = w.Votes.AsSpan(0, n);
            ThirdPartyVotesPropSemi(w, colJ, principalsI, principalsJ, votes);
            votes[i] = 0;
            votes[j] = 0;
            for (int x = 0; x < n; x++)
            {
                // Branch-free; adding +0 leaves the (positive) sums unchanged bit for bit.
                double vx = votes[x];
                chij += vx > 0 ? vx : 0.0;
                chji -= vx < 0 ? vx : 0.0;
            }
        }
        else
        {
            ThirdParties(w, i, j, colJ, principalsI, principalsJ, ref chij, ref chji);
        }

        double phij = chij / (chij + chji);
        double phji = chji / (chij + chji);
        double euContest = (phij * uhkij) + (phji * uhkji);
        double euChallenge = ((1 - sj) * uhkij) + (sj * euContest);
        return (phij, euChallenge - euSq);
    }

    /// <summary>
    /// Each third party x's vote v_x in the challenge of i to j under the proportional rule and semi-commitment
    /// (KTAB's defaults), written to <paramref name="votes"/> for every x (the principals' own slots included; the
    /// caller zeroes them). Vectorised where the hardware allows; the operations per element are those of the scalar
    /// loop, so the votes are identical bit for bit.
    /// </summary>
    private void ThirdPartyVotesPropSemi(Worker w, ReadOnlySpan<double> colJ, double principalsI, double principalsJ, Span<double> votes)
    {
        int n = _n;
        ReadOnlySpan<double> weights = _challengeWeight;
        ReadOnlySpan<double> risk = w.Risk;
        ReadOnlySpan<double> colI = w.ColumnI;
        ReadOnlySpan<double> diag = w.Diagonal;
        ReadOnlySpan<double> ikDefJs = w.IkDefJ;
        ReadOnlySpan<double> iDefJks = w.IDefJk;
        int x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1.0);
            var zero = Vector256<double>.Zero;
            var pI = Vector256.Create(principalsI);
            var pJ = Vector256.Create(principalsJ);
            for (; x <= n - Vector256<double>.Count; x += Vector256<double>.Count)
            {
                var wx = Vector256.Create(weights.Slice(x, Vector256<double>.Count));
                var d = Vector256.Create(colJ.Slice(x, Vector256<double>.Count));
                var r = Vector256.Create(risk.Slice(x, Vector256<double>.Count));
                var oneMinusD = one - d;
                var uxj = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(d, one), oneMinusD * (one + (d * r)), oneMinusD * (one + r));
                var v0 = wx * (Vector256.Create(colI.Slice(x, Vector256<double>.Count)) - uxj);
                var cxi = Vector256.ConditionalSelect(Vector256.GreaterThan(v0, zero), pI + v0, pI);
                var cxj = Vector256.ConditionalSelect(Vector256.LessThan(v0, zero), pJ - v0, pJ);
                var pin = cxi / (cxi + cxj);
                var pjn = one - pin;
                var twice = uxj + uxj;
                var uIkJ = (pin * Vector256.Create(ikDefJs.Slice(x, Vector256<double>.Count))) + (pjn * (twice + uxj));
                var uIJk = (pin * Vector256.Create(iDefJks.Slice(x, Vector256<double>.Count))) + (pjn * (twice + Vector256.Create(diag.Slice(x, Vector256<double>.Count))));
                (wx * (uIkJ - uIJk)).CopyTo(votes.Slice(x, Vector256<double>.Count));
            }
        }

        for (; x < n; x++)
        {
            double wx = weights[x];
            double d = colJ[x];
            double uxj = d <= 1 ? (1 - d) * (1 + (d * risk[x])) : (1 - d) * (1 + risk[x]);
            double v0 = wx * (colI[x] - uxj);
            double cxi = v0 > 0 ? principalsI + v0 : principalsI;
            double cxj = v0 < 0 ? principalsJ - v0 : principalsJ;
            double pin = cxi / (cxi + cxj);
            double pjn = 1.0 - pin;
            double uIkJ = (pin * ikDefJs[x]) + (pjn * (uxj + uxj + uxj));
            double uIJk = (pin * iDefJks[x]) + (pjn * (uxj + uxj + diag[x]));
            votes[x] = wx * (uIkJ - uIJk);
        }
    }

    private void ThirdParties(Worker w, int i, int j, ReadOnlySpan<double> colJ, double principalsI, double principalsJ, ref double chij, ref double chji)
    {
        int n = _n;
        var rule = _p.VotingRule;
        var commit = _p.ThirdPartyCommit;
        var risk = w.Risk;
        var colI = w.ColumnI;
        var diag = w.Diagonal;
        for (int x = 0; x < n; x++)
        {
            if (x == i || x == j)
            {
                continue;
            }

            double wx = _challengeWeight[x];
            double uxi = colI[x];
            double uxj = SpatialModelOfPolitics.Utility(colJ[x], risk[x]);
            double uxx = diag[x];

            // Actor::vProbLittle: the little contest of the principals and x alone.
            double v0 = ProbabilisticCondorcet.Vote(rule, wx, uxi, uxj);
            double cxi = v0 > 0 ? principalsI + v0 : principalsI;
            double cxj = v0 < 0 ? principalsJ - v0 : principalsJ;
            double pin = cxi / (cxi + cxj);
            double pjn = 1.0 - pin;

            // Actor::thirdPartyVoteSU
            double ikDefJ;
            double jDefIk;
            double iDefJk;
            double jkDefI;
            switch (commit)
            {
                case ThirdPartyCommit.FullCommit:
                    ikDefJ = uxi + uxi + uxi;
                    jDefIk = uxj + uxj + uxj;
                    iDefJk = uxi + uxi + uxi;
                    jkDefI = uxj + uxj + uxj;
                    break;
                case ThirdPartyCommit.NoCommit:
                    ikDefJ = uxi + uxi + uxx;
                    jDefIk = uxj + uxj + uxx;
                    iDefJk = uxi + uxi + uxx;
                    jkDefI = uxj + uxj + uxx;
                    break;
                default:
                    ikDefJ = uxi + uxi + uxx;
                    jDefIk = uxj + uxj + uxj;
                    iDefJk = uxi + uxi + uxi;
                    jkDefI = uxj + uxj + uxx;
                    break;
            }

            double uIkJ = (pin * ikDefJ) + (pjn * jDefIk);
            double uIJk = (pin * iDefJk) + (pjn * jkDefI);
            double vx = ProbabilisticCondorcet.Vote(rule, wx, uIkJ, uIJk);
            chij = vx > 0 ? chij + vx : chij;
            chji = vx < 0 ? chji - vx : chji;
        }
    }

    private int BargainOffset(int bargain, int side) => ((bargain * 2) + side) * _d;

    private void MakeBargains(int i, int j, double piiJ, Worker w)
    {
        var model = _p.BargnModel;
        int b = i * _versions;
        if (model == BargnModel.InitOnlyInterp)
        {
            Interpolate(i, j, piiJ, 1 - piiJ, _bargainPos.AsSpan(BargainOffset(b, 0), _d), _bargainPos.AsSpan(BargainOffset(b, 1), _d));
            _bargainCount[i] = 1;
            return;
        }

        // The receiver's version: KTAB passes j's estimate of i's expected *gain* (the variable pjiJ), not a probability.
        PrepareEstimator(j, i, w);
        double pjiJ = ProbabilityAndGain(w, i, i, j).Gain;
        if (model == BargnModel.InitRcvrInterp)
        {
            Interpolate(i, j, piiJ, 1 - piiJ, _bargainPos.AsSpan(BargainOffset(b, 0), _d), _bargainPos.AsSpan(BargainOffset(b, 1), _d));
            Interpolate(i, j, pjiJ, 1 - pjiJ, _bargainPos.AsSpan(BargainOffset(b + 1, 0), _d), _bargainPos.AsSpan(BargainOffset(b + 1, 1), _d));
            _bargainCount[i] = 2;
            return;
        }

        Span<double> iInit = w.BargainScratch.AsSpan(0, _d);
        Span<double> iRcvr = w.BargainScratch.AsSpan(_d, _d);
        Span<double> jInit = w.BargainScratch.AsSpan(2 * _d, _d);
        Span<double> jRcvr = w.BargainScratch.AsSpan(3 * _d, _d);
        Interpolate(i, j, piiJ, 1 - piiJ, iInit, iRcvr);
        Interpolate(i, j, pjiJ, 1 - pjiJ, jInit, jRcvr);

        // KTAB weights i's version by c_i·S_i and j's version by c_i·S_j (the initiator's capability).
        double wi = _cap[i] * _salSum[i];
        double wj = _cap[i] * _salSum[j];
        var init = _bargainPos.AsSpan(BargainOffset(b, 0), _d);
        var rcvr = _bargainPos.AsSpan(BargainOffset(b, 1), _d);
        for (int k = 0; k < _d; k++)
        {
            init[k] = ((wi * iInit[k]) + (wj * jInit[k])) / (wi + wj);
            rcvr[k] = ((wi * iRcvr[k]) + (wj * jRcvr[k])) / (wi + wj);
        }

        _bargainCount[i] = 1;
    }

    /// <summary>KTAB <c>SMPActor::interpolateBrgn</c>.</summary>
    private void Interpolate(int i, int j, double prbI, double prbJ, Span<double> bi, Span<double> bj)
    {
        const double minW = 1e-6;
        int d = _d;
        for (int k = 0; k < d; k++)
        {
            double tik = _pos[(i * d) + k];
            double sik = _sal[(i * d) + k];
            double tjk = _pos[(j * d) + k];
            double sjk = _sal[(j * d) + k];
            switch (_p.InterVecBrgn)
            {
                case InterVecBrgn.S2PMax:
                {
                    double di = prbJ > prbI ? prbJ - prbI : 0;
                    double dj = prbI > prbJ ? prbI - prbJ : 0;
                    double sik2 = sik * sik;
                    double sjk2 = sjk * sjk;
                    double dik = di * sjk2 / ((di * sjk2) + minW + ((1 - di) * sik2));
                    double djk = dj * sik2 / ((dj * sik2) + minW + ((1 - dj) * sjk2));
                    bi[k] = tik + (dik * (tjk - tik));
                    bj[k] = tjk + (djk * (tik - tjk));
                    break;
                }

                default:
                {
                    bool squares = _p.InterVecBrgn == InterVecBrgn.S2P2;
                    double wik = squares ? sik * sik * (prbI * prbI) : sik * prbI;
                    double wjk = squares ? sjk * sjk * (prbJ * prbJ) : sjk * prbJ;
                    bi[k] = Round4((((wik + minW) * tik) + (wjk * tjk)) / (wik + minW + wjk));
                    bj[k] = Round4(((wik * tik) + ((minW + wjk) * tjk)) / (wik + minW + wjk));
                    break;
                }
            }
        }
    }

    /// <summary>KTAB's round4: integer part of 10 000·x + 0.5, divided (not multiplied by 1e-4) by 10 000.</summary>
    private static double Round4(double x) => (int)(0.5 + (x * 10000.0)) / 10000.0;

    private void BargainUtilities(int bargain, int init, int rcvr)
    {
        if (_lanes)
        {
            BargainUtilitiesLanes(bargain, init, rcvr);
            return;
        }

        int n = _n;
        var pInit = _bargainPos.AsSpan(BargainOffset(bargain, 0), _d);
        var pRcvr = _bargainPos.AsSpan(BargainOffset(bargain, 1), _d);
        var util = _bargainUtil.AsSpan(bargain * n, n);
        for (int a = 0; a < n; a++)
        {
            double sum = 0.0;
            sum += PositionUtility(a, pInit);
            sum += PositionUtility(a, pRcvr);
            var own = _own.AsSpan(a * n, n);
            for (int x = 0; x < n; x++)
            {
                if (x != init && x != rcvr)
                {
                    sum += own[x];
                }
            }

            util[a] = sum / n;
        }
    }

    /// <summary>
    /// <see cref="BargainUtilities"/> for four actors at once, one per SIMD lane: each lane adds the two positions'
    /// utilities and then the other actors' positions in actor order, as the scalar loop does (the skipped actors are
    /// the same for every lane), so every sum is the same bits.
    /// </summary>
    private void BargainUtilitiesLanes(int bargain, int init, int rcvr)
    {
        int n = _n;
        const int L = 4;
        var pInit = _bargainPos.AsSpan(BargainOffset(bargain, 0), _d);
        var pRcvr = _bargainPos.AsSpan(BargainOffset(bargain, 1), _d);
        var util = _bargainUtil.AsSpan(bargain * n, n);
        ReadOnlySpan<double> ownT = _ownByPosition;
        var count = Vector256.Create((double)n);
        int a = 0;
        for (; a <= n - L; a += L)
        {
            var sum = Vector256<double>.Zero;
            sum += PositionUtilityLanes(a, pInit);
            sum += PositionUtilityLanes(a, pRcvr);
            for (int x = 0; x < n; x++)
            {
                if (x != init && x != rcvr)
                {
                    sum += Vector256.Create(ownT.Slice((x * n) + a, L));
                }
            }

            (sum / count).CopyTo(util.Slice(a, L));
        }

        for (; a < n; a++)
        {
            double sum = 0.0;
            sum += PositionUtility(a, pInit);
            sum += PositionUtility(a, pRcvr);
            for (int x = 0; x < n; x++)
            {
                if (x != init && x != rcvr)
                {
                    sum += ownT[(x * n) + a];
                }
            }

            util[a] = sum / n;
        }
    }

    /// <summary><see cref="PositionUtility"/> for actors a to a + 3, one per lane, with the scalar operations in the scalar order.</summary>
    private Vector256<double> PositionUtilityLanes(int a, ReadOnlySpan<double> position)
    {
        int n = _n;
        var sum = Vector256<double>.Zero;
        for (int k = 0; k < _d; k++)
        {
            var ds = (Vector256.Create(_idealByDimension.AsSpan((k * n) + a, 4)) - Vector256.Create(position[k])) * Vector256.Create(_salByDimension.AsSpan((k * n) + a, 4));
            sum += ds * ds;
        }

        var one = Vector256.Create(1.0);
        var d = Vector256.Sqrt(sum / Vector256.Create(_salSquareSum.AsSpan(a, 4)));
        var r = Vector256.Create(_risk.AsSpan(a, 4));
        var oneMinusD = one - d;
        return Vector256.ConditionalSelect(Vector256.LessThanOrEqual(d, one), oneMinusD * (one + (d * r)), oneMinusD * (one + r));
    }

    /// <summary>KTAB <c>SMPActor::posUtil</c>: a's utility of a position, with a's own inferred R_a.</summary>
    private double PositionUtility(int a, ReadOnlySpan<double> position)
    {
        int d = _d;
        double sum = 0;
        for (int k = 0; k < d; k++)
        {
            double ds = (_ideal[(a * d) + k] - position[k]) * _sal[(a * d) + k];
            sum += ds * ds;
        }

        return SpatialModelOfPolitics.Utility(Math.Sqrt(sum / _salSquareSum[a]), _risk[a]);
    }

    private void Resolve(int turn, int k, Worker w)
    {
        int n = _n;
        int d = _d;

        // Queue: status quo first, then the bargains involving k in initiator order (bargaining.md §1.4 Step D).
        int count = 0;
        w.Options[count++] = -1;
        for (int i = 0; i < n; i++)
        {
            if (_bargainCount[i] > 0 && (i == k || _target[i] == k))
            {
                for (int v = 0; v < _bargainCount[i]; v++)
                {
                    w.Options[count++] = (i * _versions) + v;
                }
            }
        }

        var chosenPosition = _pos.AsSpan(k * d, d);
        _recorder?.Adopted(k, -1, 1.0);
        if (count > 1)
        {
            w.EnsureOptions(count);
            var p = w.Probabilities.AsSpan(0, count);
            int o2 = count * count;
            var coalitions = w.PceWork.AsSpan(0, o2);
            var victory = w.PceWork.AsSpan(o2, o2);
            if (_lanes && _p.VotingRule == VotingRule.Prop)
            {
                QueueCoalitions(w.Options.AsSpan(0, count), coalitions);
            }
            else
            {
                // Option-major utilities: row m holds every actor's utility of option m.
                var u = w.Utilities.AsSpan(0, n * count);
                for (int m = 0; m < count; m++)
                {
                    int option = w.Options[m];
                    var source = option < 0 ? _statusQuoUtil.AsSpan() : _bargainUtil.AsSpan(option * n, n);
                    source.CopyTo(u.Slice(m * n, n));
                }

                ProbabilisticCondorcet.CoalitionRows(_cap, u, count, _p.VotingRule, coalitions, 0, 1);
            }

            ProbabilisticCondorcet.VictoryProbabilities(coalitions, count, _p.VictoryProbModel, victory);
            ProbabilisticCondorcet.OptionProbabilities(_p.PceModel, coalitions, victory, count, p, w.PceWork.AsSpan(2 * o2));
            int chosen = _p.StateTransitions == StateTransitions.Stochastic ? Sample(p, turn, k) : FirstMaximum(p);
            int option2 = w.Options[chosen];
            if (option2 >= 0)
            {
                int initiator = option2 / _versions;
                chosenPosition = _bargainPos.AsSpan(BargainOffset(option2, initiator == k ? 0 : 1), d);
            }

            // For the audit: the adopted option (−1: the status quo; else a bargain index) and its probability.
            _recorder?.Adopted(k, option2, p[chosen]);
        }

        chosenPosition.CopyTo(_next.AsSpan(k * d, d));
    }

    /// <summary>
    /// The coalition matrix of one actor's queue (status quo first, then bargains) under the proportional rule, as
    /// <see cref="ProbabilisticCondorcet.CoalitionRows"/> computes it from the copied utilities, bit for bit: each
    /// bargain against the status quo is taken from <see cref="StatusQuoCoalitions"/> (the same sum, computed once
    /// per turn although the bargain sits in two queues), bargains against each other are summed here in voter order.
    /// </summary>
    private void QueueCoalitions(ReadOnlySpan<int> options, Span<double> coalitions)
    {
        int n = _n;
        int count = options.Length;
        ReadOnlySpan<double> weights = _cap;
        coalitions[0] = ProbabilisticCondorcet.MinimumCoalition;
        for (int i = 1; i < count; i++)
        {
            int bi = options[i];
            coalitions[i * count] = _statusQuoFor[bi];
            coalitions[i] = _statusQuoAgainst[bi];
            var ui = _bargainUtil.AsSpan(bi * n, n);
            for (int j = 1; j < i; j++)
            {
                var uj = _bargainUtil.AsSpan(options[j] * n, n);
                (coalitions[(i * count) + j], coalitions[(j * count) + i]) = ProbabilisticCondorcet.PropPairCoalitions(weights, ui, uj);
            }

            coalitions[(i * count) + i] = ProbabilisticCondorcet.MinimumCoalition;
        }
    }

    /// <summary>Each bargain's coalitions against and for the status quo (CoalitionRows' sums for that pair, voter order).</summary>
    private void StatusQuoCoalitions(int bargain)
    {
        int n = _n;
        ReadOnlySpan<double> weights = _cap;
        var ub = _bargainUtil.AsSpan(bargain * n, n);
        ReadOnlySpan<double> sq = _statusQuoUtil;
        (_statusQuoFor[bargain], _statusQuoAgainst[bargain]) = ProbabilisticCondorcet.PropPairCoalitions(weights, ub, sq);
    }

    /// <summary>The audit of the turn just resolved (positions in _next), for the recorder. Reads state only.</summary>
    private void RecordTurn(int turn)
    {
        int n = _n;
        int d = _d;
        var actors = new SmpActorTurn[n];
        for (int k = 0; k < n; k++)
        {
            int option = _recorder!.AdoptedFrom(k);
            int initiator = option < 0 ? -1 : option / _versions;
            double adoptedUtility = option < 0 ? _statusQuoUtil[k] : _bargainUtil[(option * n) + k];
            double[] proposed = _bargainCount[k] > 0 ? Scaled(_bargainPos.AsSpan(BargainOffset(k * _versions, 0), d).ToArray()) : [];
            actors[k] = new SmpActorTurn(
                k,
                _bargainCount[k] > 0 ? _target[k] : -1,
                _bargainCount[k] > 0 ? _gain[k] : 0,
                _bargainCount[k] > 0 ? _winProbability[k] : 0,
                proposed,
                initiator,
                _recorder.AdoptedProbability(k),
                _statusQuoUtil[k],
                adoptedUtility,
                Scaled(_next.AsSpan(k * d, d).ToArray()));
        }

        _recorder!.Add(new SmpTurnAudit(turn, actors));
    }

    private static int FirstMaximum(ReadOnlySpan<double> p)
    {
        int best = 0;
        for (int m = 1; m < p.Length; m++)
        {
            if (Math.Abs(p[m]) > Math.Abs(p[best]))
            {
                best = m;
            }
        }

        return best;
    }

    private int Sample(ReadOnlySpan<double> p, int turn, int actor)
    {
        // The project's one counter-based generator, keyed by (seed, turn, actor), so a stochastic run depends on the
        // seed alone and never on how the threads were scheduled.
        double u = Interregnum.Simulation.CounterRandom.Uniform(_p.Seed, turn, (ulong)actor);
        double cumulative = 0;
        for (int m = 0; m < p.Length; m++)
        {
            cumulative += p[m];
            if (u < cumulative)
            {
                return m;
            }
        }

        return p.Length - 1;
    }

    private void UpdateIdeals()
    {
        int n = _n;
        int d = _d;
        if (_accommodation is null)
        {
            Array.Copy(_pos, _ideal, _pos.Length);
            return;
        }

        var newIdeal = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            double si = 0.0;
            for (int j = 0; j < n; j++)
            {
                double aij = _accommodation[(i * n) + j];
                si += aij;
                for (int k = 0; k < d; k++)
                {
                    newIdeal[(i * d) + k] += aij * _pos[(j * d) + k];
                }
            }

            si = si > 1.0 ? 1.0 : si;
            double lag = 1.0 - si;
            for (int k = 0; k < d; k++)
            {
                newIdeal[(i * d) + k] += lag * _ideal[(i * d) + k];
            }
        }

        _ideal = newIdeal;
    }

    private double StateDistance(double[] a, double[] b)
    {
        double total = 0;
        for (int i = 0; i < _n; i++)
        {
            double sum = 0;
            for (int k = 0; k < _d; k++)
            {
                double diff = a[(i * _d) + k] - b[(i * _d) + k];
                sum += diff * diff;
            }

            total += Math.Sqrt(sum);
        }

        return total;
    }

    private static double[] Scaled(double[] unit)
    {
        var result = new double[unit.Length];
        for (int x = 0; x < unit.Length; x++)
        {
            result[x] = unit[x] * 100.0;
        }

        return result;
    }

    private static bool IsIdentity(double[] a, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (a[(i * n) + j] != (i == j ? 1.0 : 0.0))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Runs body over fixed, contiguous index ranges, one per worker: the same partition every time.</summary>
    private void ForEachRange(int count, Action<int, int, Worker> body)
    {
        int parts = _threads;
        if (parts == 1)
        {
            body(0, count, _workers[0]);
            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            int from = (int)((long)count * part / parts);
            int to = (int)((long)count * (part + 1) / parts);
            body(from, to, _workers[part]);
        });
    }

    private sealed class Worker(int n, int d)
    {
        public double[] Risk { get; } = new double[n];

        public double[] ColumnI { get; } = new double[n];

        public double[] Diagonal { get; } = new double[n];

        public double[] IkDefJ { get; } = new double[n];

        public double[] IDefJk { get; } = new double[n];

        public double[] BargainScratch { get; } = new double[4 * d];

        /// <summary>Third parties' votes in one challenge (ThirdPartyVotesPropSemi).</summary>
        public double[] Votes { get; } = new double[n];

        /// <summary>Upper bounds on the initiator's gain per target (ChooseChallenges).</summary>
        public double[] Bound { get; } = new double[n];

        /// <summary>Targets in decreasing order of their bound (ChooseByBlocks).</summary>
        public int[] Order { get; } = new int[n];

        /// <summary>Four targets' distance columns, actor-major (ProbabilityAndGainLanes).</summary>
        public double[] LaneColumns { get; } = new double[4 * n];

        public int[] Options { get; } = new int[(2 * n) + 1];

        public double[] Utilities { get; private set; } = [];

        public double[] Probabilities { get; private set; } = [];

        public double[] PceWork { get; private set; } = [];

        public void EnsureOptions(int options)
        {
            if (Probabilities.Length >= options)
            {
                return;
            }

            // Grows rarely (a longer queue than any before); never in the inner loops.
            options = Math.Max(options, 2 * Probabilities.Length);
            Utilities = new double[n * options];
            Probabilities = new double[options];
            PceWork = new double[ProbabilisticCondorcet.WorkspaceLength(options)];
        }
    }
}

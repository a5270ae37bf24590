namespace Interregnum.Bargaining;

/// <summary>The kind of offer an actor accepted in a round (bargaining.md §2.7).</summary>
public enum EuMoveKind
{
    /// <summary>A conflict the actor expects to lose: it moves to the proposer's position.</summary>
    Confrontation,

    /// <summary>The actor moves part-way: x_i + (x_j − x_i)|a|/b.</summary>
    Compromise,

    /// <summary>The actor cannot resist: it moves to the proposer's position.</summary>
    Capitulation,
}

/// <summary>One accepted offer: actor <paramref name="Actor"/> moves because of <paramref name="Proposer"/>.</summary>
/// <param name="Actor">The actor that moves (i).</param>
/// <param name="Proposer">The actor whose offer it accepts (j).</param>
/// <param name="Kind">The kind of offer.</param>
/// <param name="From">Position before the move.</param>
/// <param name="To">Position after the move.</param>
/// <param name="A">E^i(U_ij): i's expected gain from challenging j.</param>
/// <param name="B">E^i(U_ji): i's estimate of j's gain from challenging i.</param>
public sealed record EuMove(int Actor, int Proposer, EuMoveKind Kind, double From, double To, double A, double B);

/// <summary>The state after one round (round 0: the input).</summary>
/// <param name="Round">Round number.</param>
/// <param name="Positions">Positions after the round, on the input's scale.</param>
/// <param name="Median">The c·s-weighted median (Condorcet winner among the distinct positions).</param>
/// <param name="Mean">The c·s-weighted mean (the compromise model).</param>
/// <param name="Security">Sec_i = Σ_j E(U_ji) at the start of the round (empty for round 0).</param>
/// <param name="RiskExponents">r_i used in the round (empty for round 0).</param>
/// <param name="Moves">The accepted offers, in actor order.</param>
public sealed record EuRound(int Round, double[] Positions, double Median, double Mean, double[] Security, double[] RiskExponents, IReadOnlyList<EuMove> Moves);

/// <summary>A whole run of the expected-utility model on one dimension.</summary>
/// <param name="Input">The game.</param>
/// <param name="Dimension">The dimension that was run.</param>
/// <param name="Options">The reading used.</param>
/// <param name="Rounds">Round 0 (input) and every round run.</param>
public sealed record EuResult(SmpInput Input, int Dimension, ExpectedUtilityOptions Options, IReadOnlyList<EuRound> Rounds)
{
    /// <summary>Number of rounds run (excluding round 0).</summary>
    public int RoundCount => Rounds.Count - 1;
}

/// <summary>
/// Bueno de Mesquita's expected-utility ("challenge") model in Scholz, Calbert &amp; Smith's (2011) reading
/// (bargaining.md §2), one issue at a time. Every ambiguity of the reading is an option of
/// <see cref="ExpectedUtilityOptions"/>; <see cref="ExpectedUtilityOptions.ScholzCode"/> reproduces the trajectory
/// of Scholz's code on the EC example. Positions may be on any scale (the model uses |x_i − x_j|/Δ); salience is
/// on 0–100. Pure and thread-safe.
/// </summary>
public static class ExpectedUtilityModel
{
    /// <summary>Runs the model on one dimension of a game.</summary>
    /// <param name="input">The game (capabilities, positions, saliences on 0–100).</param>
    /// <param name="dimension">Which dimension to run.</param>
    /// <param name="options">The reading (default: <see cref="ExpectedUtilityOptions.Paper"/>).</param>
    /// <returns>The whole trajectory.</returns>
    public static EuResult Run(SmpInput input, int dimension = 0, ExpectedUtilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, input.DimensionCount);
        var o = options ?? ExpectedUtilityOptions.Paper;
        int n = input.ActorCount;
        var c = input.Capability;
        var s = new double[n];
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = input.Salience(i, dimension) / 100.0;
            x[i] = input.Position(i, dimension);
        }

        double initialRange = Range(x);
        var rounds = new List<EuRound> { new(0, [.. x], Median(x, c, s), Mean(x, c, s), [], [], []) };
        int still = 0;
        for (int round = 1; round <= o.MaxRounds; round++)
        {
            var state = new RoundState(o, x, c, s, o.Range == EuRange.Initial ? initialRange : Range(x));
            var (security, r) = state.RiskExponents();
            state.SetRisk(r);
            var moves = new List<EuMove>();
            var next = (double[])x.Clone();
            for (int i = 0; i < n; i++)
            {
                if (state.ChooseOffer(i) is { } move)
                {
                    moves.Add(move);
                    next[i] = move.To;
                }
            }

            double previousMedian = rounds[^1].Median;
            x = next;
            double median = Median(x, c, s);
            rounds.Add(new EuRound(round, [.. x], median, Mean(x, c, s), security, r, moves));
            still = Math.Abs(median - previousMedian) < o.StopTolerance ? still + 1 : 0;
            if (still >= o.StableRounds || moves.Count == 0)
            {
                break;
            }
        }

        return new EuResult(input, dimension, o, rounds);
    }

    /// <summary>
    /// The c·s-weighted median: the first distinct position, in increasing order, at which the cumulative
    /// weight reaches half the total (ties go to the lower position; bargaining.md §2.2).
    /// </summary>
    /// <param name="positions">Positions.</param>
    /// <param name="capability">Capabilities.</param>
    /// <param name="salience">Saliences on [0, 1] (or any common scale).</param>
    /// <returns>The median position.</returns>
    public static double Median(IReadOnlyList<double> positions, IReadOnlyList<double> capability, IReadOnlyList<double> salience)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentNullException.ThrowIfNull(salience);
        int n = positions.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => positions[i]).ToArray();
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            total += capability[i] * salience[i];
        }

        double cumulative = 0;
        for (int t = 0; t < n; t++)
        {
            int i = order[t];
            cumulative += capability[i] * salience[i];
            bool lastAtPosition = t == n - 1 || positions[order[t + 1]] != positions[i];
            if (lastAtPosition && cumulative >= total / 2)
            {
                return positions[i];
            }
        }

        return positions[order[^1]];
    }

    /// <summary>The c·s-weighted mean Σ c_i s_i x_i / Σ c_i s_i.</summary>
    /// <param name="positions">Positions.</param>
    /// <param name="capability">Capabilities.</param>
    /// <param name="salience">Saliences.</param>
    /// <returns>The weighted mean.</returns>
    public static double Mean(IReadOnlyList<double> positions, IReadOnlyList<double> capability, IReadOnlyList<double> salience)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentNullException.ThrowIfNull(salience);
        double num = 0;
        double den = 0;
        for (int i = 0; i < positions.Count; i++)
        {
            double w = capability[i] * salience[i];
            num += w * positions[i];
            den += w;
        }

        return num / den;
    }

    private static double Range(double[] x) => x.Max() - x.Min();

    /// <summary>One round's frozen state: positions, Δ, μ, the r in force and Z.</summary>
    private sealed class RoundState
    {
        private readonly ExpectedUtilityOptions _o;
        private readonly double[] _x;
        private readonly IReadOnlyList<double> _c;
        private readonly double[] _s;
        private readonly double _delta;
        private readonly double _mu;
        private readonly int _n;
        private double[] _r;
        private double _z;

        public RoundState(ExpectedUtilityOptions o, double[] x, IReadOnlyList<double> c, double[] s, double delta)
        {
            _o = o;
            _x = x;
            _c = c;
            _s = s;
            _n = x.Length;
            _delta = delta;
            _mu = Median(x, c, s);
            _r = Enumerable.Repeat(1.0, _n).ToArray();
            _z = ComputeZ();
        }

        public void SetRisk(double[] r)
        {
            _r = r;
            _z = ComputeZ();
        }

        /// <summary>Scholz §5: Sec_i = Σ_{j≠i} E(U_ji) with every r = 1; r_i from the spread of Sec.</summary>
        public (double[] Security, double[] R) RiskExponents()
        {
            var sec = new double[_n];
            for (int i = 0; i < _n; i++)
            {
                double sum = 0;
                for (int j = 0; j < _n; j++)
                {
                    if (j != i)
                    {
                        sum += ExpectedGain(j, i, 1.0);
                    }
                }

                sec[i] = sum;
            }

            double max = sec.Max();
            double min = sec.Min();
            var r = new double[_n];
            for (int i = 0; i < _n; i++)
            {
                double big = max == min ? 0 : ((2 * sec[i]) - max - min) / (max - min);
                r[i] = (1 - (big / 3)) / (1 + (big / 3));
            }

            return (sec, r);
        }

        /// <summary>The vote of k for position a over position b.</summary>
        private double Vote(int k, double a, double b)
        {
            double w = _c[k] * _s[k];
            double da = Math.Abs(_x[k] - a);
            double db = Math.Abs(_x[k] - b);
            return _o.Vote == EuVote.Linear
                ? w * ((1 - (2 * da / _delta)) - (1 - (2 * db / _delta)))
                : w * (Math.Pow(db / _delta, _r[k]) - Math.Pow(da / _delta, _r[k]));
        }

        private double ComputeZ()
        {
            if (_o.Probability != EuProbability.AllPairs)
            {
                return double.NaN;
            }

            double z = 0;
            for (int k = 0; k < _n; k++)
            {
                for (int a = 0; a < _n; a++)
                {
                    for (int b = 0; b < _n; b++)
                    {
                        z += Math.Abs(Vote(k, _x[a], _x[b]));
                    }
                }
            }

            return z;
        }

        /// <summary>P_ij, the probability that i's position beats j's (bargaining.md §2.3).</summary>
        private double WinProbability(int i, int j)
        {
            if (_x[i] == _x[j])
            {
                return 0;
            }

            double positive = 0;
            double net = 0;
            double absolute = 0;
            for (int k = 0; k < _n; k++)
            {
                double v = Vote(k, _x[i], _x[j]);
                if (v > 0)
                {
                    positive += v;
                }

                net += v;
                absolute += Math.Abs(v);
            }

            return _o.Probability switch
            {
                EuProbability.PairPositive => absolute == 0 ? 0 : positive / absolute,
                EuProbability.PairNet => absolute == 0 ? 0 : Math.Max(net, 0) / absolute,
                _ => _z == 0 ? 0 : positive / _z,
            };
        }

        /// <summary>E(U_ij): i's expected gain from challenging j, with utilities evaluated with exponent r (§2.5).</summary>
        public double ExpectedGain(int i, int j, double r)
        {
            double d = Math.Abs(_x[i] - _x[j]);
            double p = WinProbability(i, j);
            double us = 2 - (4 * Math.Pow(0.5 - (0.5 * d / _delta), r));
            double uf = 2 - (4 * Math.Pow(0.5 + (0.5 * d / _delta), r));
            double usq = 2 - (4 * Math.Pow(0.5, r));
            double challenge = (_s[j] * ((p * us) + ((1 - p) * uf))) + ((1 - _s[j]) * us);
            double noChallenge = _o.Q * usq;
            if (_o.QForm == EuQForm.Full)
            {
                double spread = Math.Abs(_x[i] - _mu) + d;
                double ub = 2 - (4 * Math.Pow(0.5 - (0.25 * spread / _delta), r));
                double uw = 2 - (4 * Math.Pow(0.5 + (0.25 * spread / _delta), r));
                double t = Math.Abs(_mu - _x[i]) < Math.Abs(_mu - _x[j]) ? 1 : 0;
                noChallenge += (1 - _o.Q) * ((t * ub) + ((1 - t) * uw));
            }

            return challenge - noChallenge;
        }

        /// <summary>The offer actor i accepts this round, or null (bargaining.md §2.7).</summary>
        public EuMove? ChooseOffer(int i)
        {
            EuMove? best = null;
            int bestCategory = int.MaxValue;
            double bestKey = double.PositiveInfinity;
            double bestDistance = double.PositiveInfinity;
            for (int j = 0; j < _n; j++)
            {
                if (j == i || _x[j] == _x[i])
                {
                    continue;
                }

                double a = ExpectedGain(i, j, _r[i]);
                double b = ExpectedGain(j, i, _o.EuRisk == EuRisk.Perspective ? _r[i] : _r[j]);
                EuMoveKind kind;
                double to;
                if (a > 0 && b > 0)
                {
                    if (_o.Conflict == EuConflict.None || !(b > a))
                    {
                        continue;
                    }

                    kind = EuMoveKind.Confrontation;
                    to = _x[j];
                }
                else if (a < 0 && b > 0 && Math.Abs(a) < b)
                {
                    kind = EuMoveKind.Compromise;
                    to = _x[i] + ((_x[j] - _x[i]) * Math.Abs(a) / b);
                }
                else if (a < 0 && b > 0 && Math.Abs(a) > b && _o.Capitulation)
                {
                    kind = EuMoveKind.Capitulation;
                    to = _x[j];
                }
                else
                {
                    continue;
                }

                var move = new EuMove(i, j, kind, _x[i], to, a, b);
                double distance = Math.Abs(to - _x[i]);
                if (_o.Select == EuSelect.EnforceableThenNearest)
                {
                    if (best is null || b > best.B || (b == best.B && distance < bestDistance))
                    {
                        best = move;
                        bestDistance = distance;
                    }

                    continue;
                }

                // By category: confrontation (nearest), compromise (smallest κ), capitulation (nearest).
                int category = kind switch { EuMoveKind.Confrontation => 0, EuMoveKind.Compromise => 1, _ => 2 };
                double key = kind == EuMoveKind.Compromise
                    ? ((Math.Abs(a) * _x[i]) + (b * _x[j])) / (Math.Abs(a) + b)
                    : Math.Abs(_x[j] - _x[i]);
                if (category < bestCategory || (category == bestCategory && key < bestKey))
                {
                    best = move;
                    bestCategory = category;
                    bestKey = key;
                }
            }

            return best;
        }
    }
}

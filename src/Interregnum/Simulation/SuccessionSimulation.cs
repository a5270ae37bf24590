using Interregnum.Model;
using Interregnum.Power;
using Interregnum.Succession;

namespace Interregnum.Simulation;

/// <summary>
/// The succession forecast under uncertainty: for each draw, sample every uncertain number, apply the shock,
/// run the succession contest, sample the winner, and bargain over policy; then summarise.
/// Draw i's uniforms come from <see cref="CounterRandom"/> keyed by (seed, i, input path), so the result depends on
/// the seed alone (never on thread count) and every shock sees the same numbers for the same inputs (common
/// random numbers).
/// </summary>
public static class SuccessionSimulation
{
    /// <summary>The stream key of the winner's uniform number.</summary>
    internal static readonly ulong WinnerStream = CounterRandom.StreamKey("__winner__");

    /// <summary>Runs the Monte Carlo forecast for one shock.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="shockId">The shock to apply.</param>
    /// <param name="settings">Draws, seed, model, threads.</param>
    /// <param name="progress">Receives the number of draws completed so far (may be null).</param>
    /// <param name="cancellationToken">Stops the run; nothing partial is returned.</param>
    public static SimulationResult Run(Scenario scenario, string shockId, SimulationSettings settings, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Run(scenario, shockId, settings, fixedQuantiles: null, progress, cancellationToken);

    /// <summary>As <see cref="Run(Scenario, string, SimulationSettings, IProgress{int}?, CancellationToken)"/>, with some inputs held at a fixed quantile (for sensitivity).</summary>
    internal static SimulationResult Run(
        Scenario scenario,
        string shockId,
        SimulationSettings settings,
        IReadOnlyDictionary<string, double>? fixedQuantiles,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var shock = scenario.ShockById(shockId) ?? throw new ArgumentException($"unknown shock '{shockId}'", nameof(shockId));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Draws, 1, nameof(settings));
        var plan = new DrawPlan(scenario, shock, settings, fixedQuantiles);
        var outcomes = new List<DrawOutcome>(settings.Draws);
        var batch = settings.UntilSe is null ? settings.Draws : SimulationSettings.BatchSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxThreads ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        var done = 0;
        while (done < settings.Draws)
        {
            var count = Math.Min(batch, settings.Draws - done);
            var slice = new DrawOutcome[count];
            var start = done;
            var completed = 0;
            Parallel.For(
                0,
                count,
                options,
                () => new DrawWorkspace(plan),
                (k, _, ws) =>
                {
                    slice[k] = plan.RunDraw(start + k, ws);
                    var c = Interlocked.Increment(ref completed);
                    if (progress is not null && (c % 100 == 0 || c == count))
                    {
                        progress.Report(start + c);
                    }

                    return ws;
                },
                _ => { });
            outcomes.AddRange(slice);
            done += count;
            if (settings.UntilSe is { } target && done >= 2 * SimulationSettings.BatchSize && MaxStandardError(plan, outcomes) < target)
            {
                break;
            }
        }

        return Summarise(plan, settings, outcomes);
    }

    private static double MaxStandardError(DrawPlan plan, List<DrawOutcome> outcomes)
    {
        var max = Estimate(outcomes.Select(o => o.ContestedProbability).ToArray()).StandardError;
        for (var c = 0; c < plan.Leaders.Length; c++)
        {
            max = Math.Max(max, Estimate(outcomes.Select(o => o.CandidateProbabilities[c]).ToArray()).StandardError);
        }

        return max;
    }

    private static SimulationResult Summarise(DrawPlan plan, SimulationSettings settings, List<DrawOutcome> outcomes)
    {
        var s = plan.Scenario;
        var candidates = new List<CandidateForecast>();
        for (var c = 0; c < s.Candidates.Count; c++)
        {
            var cand = s.Candidates[c];
            var est = Estimate(outcomes.Select(o => o.CandidateProbabilities[c]).ToArray());
            var freq = outcomes.Count(o => o.Winner == c) / (double)outcomes.Count;
            candidates.Add(new CandidateForecast(cand.Id, cand.Label, cand.ActorId(s.Office), est, freq));
        }

        var point = InputDraw.AtPoint(s);
        var incumbent = s.ActorById(s.Incumbent);
        var dims = new List<DimensionForecast>();
        for (var k = 0; k < s.Dimensions.Count; k++)
        {
            var dim = s.Dimensions[k];
            var values = outcomes.Select(o => o.Forecast[k]).ToArray();
            var sorted = values.Order().ToArray();
            var sq = incumbent.Positions.TryGetValue(dim.Id, out var p) ? point[p] : 50;
            var shift = outcomes.Average(o => o.Forecast[k] - o.StatusQuo[k]);
            var higher = outcomes.Count(o => o.Forecast[k] > o.StatusQuo[k]) / (double)outcomes.Count;
            dims.Add(new DimensionForecast(dim.Id, dim.Label, sq, values.Average(), Quantile(sorted, 0.05), Quantile(sorted, 0.5), Quantile(sorted, 0.95), shift, higher));
        }

        var contested = Estimate(outcomes.Select(o => o.ContestedProbability).ToArray());
        return new SimulationResult(
            s.Id,
            plan.Shock.Id,
            plan.Shock.Label,
            settings.Seed,
            outcomes.Count,
            settings.Model,
            !plan.Shock.IncumbentLeaves,
            candidates,
            contested,
            point[s.Contest.ContestedThreshold],
            dims,
            outcomes);
    }

    /// <summary>Mean, 90% Monte Carlo interval, standard error and 5–95% spread of per-draw probabilities.</summary>
    internal static ProbabilityEstimate Estimate(double[] perDraw)
    {
        var n = perDraw.Length;
        double mean = 0;
        foreach (var x in perDraw)
        {
            mean += x;
        }

        mean /= n;
        double ss = 0;
        foreach (var x in perDraw)
        {
            ss += (x - mean) * (x - mean);
        }

        var se = n > 1 ? Math.Sqrt(ss / (n - 1) / n) : 0;
        var sorted = perDraw.Order().ToArray();
        const double z90 = 1.6448536269514722;
        return new ProbabilityEstimate(mean, Math.Max(0, mean - (z90 * se)), Math.Min(1, mean + (z90 * se)), se, Quantile(sorted, 0.05), Quantile(sorted, 0.95));
    }

    /// <summary>Type-7 quantile (linear interpolation, R's default) of sorted values.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}

/// <summary>What every draw of one run shares: the scenario, the shock, the inputs and their stream keys.</summary>
internal sealed class DrawPlan
{
    public DrawPlan(Scenario scenario, Shock shock, SimulationSettings settings, IReadOnlyDictionary<string, double>? fixedQuantiles)
    {
        Scenario = scenario;
        Shock = shock;
        Settings = settings;
        Inputs = ScenarioInputs.Uncertain(scenario);
        Keys = Inputs.Select(i => CounterRandom.StreamKey(i.Path)).ToArray();
        Fixed = Inputs.Select(i => fixedQuantiles is not null && fixedQuantiles.TryGetValue(i.Path, out var q) ? q : double.NaN).ToArray();
        Leaders = scenario.Candidates.Select(c => scenario.ActorIndex(c.ActorId(scenario.Office))).ToArray();
    }

    public Scenario Scenario { get; }

    public Shock Shock { get; }

    public SimulationSettings Settings { get; }

    public IReadOnlyList<UncertainInput> Inputs { get; }

    public ulong[] Keys { get; }

    public double[] Fixed { get; }

    public int[] Leaders { get; }

    /// <summary>The input values of draw <paramref name="draw"/>.</summary>
    public InputDraw Values(long draw) => InputDraw.From(Inputs, (k, u) => u.Quantile(double.IsNaN(Fixed[k]) ? CounterRandom.Uniform(Settings.Seed, draw, Keys[k]) : Fixed[k]));

    public DrawOutcome RunDraw(int draw, DrawWorkspace ws)
    {
        var v = Values(draw);
        return Evaluate(draw, v, ws, CounterRandom.Uniform(Settings.Seed, draw, SuccessionSimulation.WinnerStream));
    }

    /// <summary>One draw: apply the shock, run the contest, pick the winner with <paramref name="winnerUniform"/>, bargain over policy.</summary>
    public DrawOutcome Evaluate(int draw, InputDraw v, DrawWorkspace ws, double winnerUniform)
    {
        var s = Scenario;
        var st = RegimeState.Realize(s, v);
        int n = st.N, d = st.D, cands = Leaders.Length;
        var statusQuo = new double[d];
        Array.Copy(st.Position, st.Incumbent * d, statusQuo, 0, d);
        ShockApplication.Apply(s, Shock, st, v);

        var present = new bool[n];
        Array.Fill(present, true);
        var probabilities = new double[cands];
        int winner;
        double contestedProbability = 0;
        var contested = false;
        int officeHolder;
        var leaves = Shock.IncumbentLeaves;
        var discount = leaves ? Math.Clamp(v[Shock.PatronageDiscount], 0, 1) : 0;
        if (leaves)
        {
            present[st.Incumbent] = false;
            // The acting successor commands only part of the office during the crisis (ActingSuccessorFollowing).
            PowerAccount.Shares(st, st.ActingSuccessor, incumbentPresent: false, discount, ws.Shares, st.ActingSuccessorFollowing);
            PowerAccount.Capability(st, ws.Shares, st.WeightCrisis, ws.Capability);
            if (st.ActingSuccessor >= 0)
            {
                ws.Capability[st.ActingSuccessor] += st.ActingSuccessorBonus;
            }

            var contest = ws.Contest(n, Leaders);
            contest.Run(st, present, ws.Capability, probabilities);
            winner = cands - 1;
            double cumulative = 0;
            for (var c = 0; c < cands; c++)
            {
                cumulative += probabilities[c];
                if (winnerUniform <= cumulative)
                {
                    winner = c;
                    break;
                }
            }

            for (var c = 0; c < cands; c++)
            {
                var isContested = contest.OppositionCoercionShare(st, present, ws.Shares, c) > st.ContestedThreshold;
                if (isContested)
                {
                    contestedProbability += probabilities[c];
                }

                if (c == winner)
                {
                    contested = isContested;
                }
            }

            officeHolder = Leaders[winner];
        }
        else
        {
            winner = -1;
            officeHolder = st.Incumbent;
        }

        PowerAccount.Shares(st, officeHolder, incumbentPresent: !leaves, discount, ws.Shares);
        PowerAccount.Capability(st, ws.Shares, st.WeightSettled, ws.Capability);
        var forecast = PolicyBargaining.Forecast(Settings.Model, st, present, ws.Capability);
        return new DrawOutcome(draw, winner, contested, probabilities, contestedProbability, statusQuo, forecast);
    }
}

/// <summary>Per-thread buffers reused across draws.</summary>
internal sealed class DrawWorkspace(DrawPlan plan)
{
    private SuccessionContest? contest;

    public double[] Shares { get; } = new double[plan.Scenario.Actors.Count * plan.Scenario.Instruments.Count];

    public double[] Capability { get; } = new double[plan.Scenario.Actors.Count];

    public SuccessionContest Contest(int actors, int[] leaders) => contest ??= new SuccessionContest(actors, leaders);
}

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
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, double>? fixedValues = null)
    {
        var shock = scenario.ShockById(shockId) ?? throw new ArgumentException($"unknown shock '{shockId}'", nameof(shockId));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Draws, 1, nameof(settings));
        var plan = new DrawPlan(scenario, shock, settings, fixedQuantiles, fixedValues);
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
        for (var c = 0; c < plan.Scenario.Candidates.Count; c++)
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
            candidates.Add(new CandidateForecast(cand.Id, cand.Label, cand.LeaderOrNull(s.Office) ?? string.Empty, est, freq));
        }

        var point = InputDraw.AtPoint(s);
        var dims = new List<DimensionForecast>();
        for (var k = 0; k < s.Dimensions.Count; k++)
        {
            var dim = s.Dimensions[k];
            var values = outcomes.Select(o => o.Forecast[k]).ToArray();
            var sorted = values.Order().ToArray();
            var sq = outcomes.Average(o => o.StatusQuo[k]);
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
    public DrawPlan(Scenario scenario, Shock shock, SimulationSettings settings, IReadOnlyDictionary<string, double>? fixedQuantiles, IReadOnlyDictionary<string, double>? fixedValues = null)
    {
        if (fixedValues is { Count: > 0 })
        {
            var byPath = ScenarioInputs.All(scenario).ToDictionary(x => x.Path, x => x.Value, StringComparer.Ordinal);
            Overrides = fixedValues.Select(kv => (byPath[kv.Key], kv.Value)).ToArray();
        }

        Scenario = scenario;
        Shock = shock;
        Settings = settings;
        Inputs = ScenarioInputs.Uncertain(scenario);
        Keys = Inputs.Select(i => CounterRandom.StreamKey(i.Path)).ToArray();
        Fixed = Inputs.Select(i => fixedQuantiles is not null && fixedQuantiles.TryGetValue(i.Path, out var q) ? q : double.NaN).ToArray();
        var listed = scenario.Candidates.Where(c => !c.Residual).ToList();
        Leaders = listed.Select(c => scenario.ActorIndex(c.ActorId(scenario.Office))).ToArray();
        ListedIndex = scenario.Candidates.Select(c => listed.IndexOf(c)).ToArray();
        Residual = scenario.Candidates.ToList().FindIndex(c => c.Residual);
        if (shock.Plotters.Count > 0)
        {
            Plotters = new bool[scenario.Actors.Count];
            foreach (var p in shock.Plotters)
            {
                Plotters[scenario.ActorIndex(p)] = true;
            }
        }

        InstalledListed = shock.Installs is { } installs ? listed.FindIndex(c => c.Id == installs) : -1;
    }

    /// <summary>Index among the listed candidates per scenario candidate (-1 for the residual candidate).</summary>
    public int[] ListedIndex { get; }

    /// <summary>The residual candidate's index in the scenario, or -1.</summary>
    public int Residual { get; }

    /// <summary>The coup's plotters (null: none declared).</summary>
    public bool[]? Plotters { get; }

    /// <summary>The listed candidate the plotters install, or -1 (they choose).</summary>
    public int InstalledListed { get; }

    public Scenario Scenario { get; }

    public Shock Shock { get; }

    public SimulationSettings Settings { get; }

    public IReadOnlyList<UncertainInput> Inputs { get; }

    public ulong[] Keys { get; }

    public double[] Fixed { get; }

    /// <summary>Leader actor index per listed candidate (the residual candidate has none).</summary>
    public int[] Leaders { get; }

    /// <summary>Numbers given a fixed value in every draw (the inert-input audit), or empty.</summary>
    public (Uncertain Input, double Value)[] Overrides { get; } = [];

    /// <summary>The input values of draw <paramref name="draw"/>.</summary>
    public InputDraw Values(long draw)
    {
        var v = InputDraw.From(Inputs, (k, u) => u.Quantile(double.IsNaN(Fixed[k]) ? CounterRandom.Uniform(Settings.Seed, draw, Keys[k]) : Fixed[k]));
        foreach (var (input, value) in Overrides)
        {
            v.Override(input, value);
        }

        return v;
    }

    public DrawOutcome RunDraw(int draw, DrawWorkspace ws)
    {
        var v = Values(draw);
        return Evaluate(draw, v, ws, CounterRandom.Uniform(Settings.Seed, draw, SuccessionSimulation.WinnerStream));
    }

    /// <summary>
    /// One draw: the regime's policy before the shock (the baseline), then apply the shock, run the contest, pick
    /// the winner with <paramref name="winnerUniform"/>, and bargain over policy.
    /// </summary>
    public DrawOutcome Evaluate(int draw, InputDraw v, DrawWorkspace ws, double winnerUniform)
    {
        var s = Scenario;
        var st = RegimeState.Realize(s, v);
        int n = st.N, cands = s.Candidates.Count;
        var present = new bool[n];
        Array.Fill(present, true);

        // The baseline is the regime's policy before the shock: the same bargaining model, the incumbent in office.
        PowerAccount.Shares(st, st.Incumbent, incumbentPresent: true, patronageDiscount: 0, ws.Shares);
        PowerAccount.Capability(st, ws.Shares, st.WeightSettled, ws.Capability);
        var statusQuo = PolicyBargaining.Forecast(Settings.Model, st, present, ws.Capability);

        ShockApplication.Apply(s, Shock, st, v);
        st.RealizeBlame(s, Shock, v);
        var probabilities = new double[cands];
        var winner = -1;
        double contestedProbability = 0;
        var contested = false;
        var officeHolder = st.Incumbent;
        var leaves = Shock.IncumbentLeaves;
        var discount = leaves ? Math.Clamp(v[Shock.PatronageDiscount], 0, 1) : 0;
        if (leaves)
        {
            present[st.Incumbent] = false;
            var listed = Leaders.Length;
            Span<double> listedP = stackalloc double[listed];
            var plotters = Plotters;

            // The acting successors command only part of the office during the crisis (ActingSuccessorFollowing).
            PowerAccount.CrisisShares(st, discount, ws.Shares, plotters);
            PowerAccount.Capability(st, ws.Shares, st.WeightCrisis, ws.Capability);
            for (var j = 0; j < st.Acting.Length; j++)
            {
                ws.Capability[st.Acting[j]] += st.ActingSuccessorBonus * st.ActingShare[j];
            }

            var contest = ws.Contest(n, Leaders);
            contest.Run(st, present, ws.Capability, listedP);
            if (plotters is not null)
            {
                var choice = InstalledListed >= 0 ? InstalledListed : contest.CoalitionChoice(plotters, present, ws.Capability);
                contest.Run(st, present, ws.Capability, listedP, plotters, choice);
            }

            ApplySelectionRule(st, contest, present, listedP);
            var residualPrior = Residual >= 0 ? st.ResidualPrior : 0;
            Span<double> fight = stackalloc double[listed];
            double contestedListed = 0;
            for (var c = 0; c < listed; c++)
            {
                fight[c] = contest.FightProbability(st, present, ws.Shares, c);
                contestedListed += listedP[c] * fight[c];
            }

            for (var c = 0; c < cands; c++)
            {
                probabilities[c] = c == Residual ? residualPrior : (1 - residualPrior) * listedP[ListedIndex[c]];
            }

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

            // Someone not listed is contested as often as the listed candidates are (documented in docs/models.md §3);
            // the sampled winner's succession counts as contested when a fight is more likely than not.
            contestedProbability = contestedListed;
            contested = (winner == Residual ? contestedListed : fight[ListedIndex[winner]]) >= 0.5;
            officeHolder = winner == Residual ? -1 : Leaders[ListedIndex[winner]];
        }

        // Blame moves the leader after the shock: the successor, or the incumbent after a failed attempt.
        if (officeHolder >= 0 && st.BlameDimension >= 0)
        {
            var at = (officeHolder * st.D) + st.BlameDimension;
            st.Position[at] = Math.Clamp(st.Position[at] + st.BlameShift, 0, 100);
        }

        PowerAccount.Shares(st, officeHolder, incumbentPresent: !leaves, discount, ws.Shares);
        PowerAccount.Capability(st, ws.Shares, st.WeightSettled, ws.Capability);
        var forecast = PolicyBargaining.Forecast(Settings.Model, st, present, ws.Capability);
        return new DrawOutcome(draw, winner, contested, probabilities, contestedProbability, statusQuo, forecast);
    }

    /// <summary>P = (1 − b)·P_force + b·P_rule over the listed candidates, for an office filled by a rule.</summary>
    private void ApplySelectionRule(RegimeState st, SuccessionContest contest, bool[] present, Span<double> listedP)
    {
        var rule = Scenario.Office.Selection.Rule;
        if (rule == SelectionRule.Force || st.Binding <= 0)
        {
            return;
        }

        Span<double> byRule = stackalloc double[listedP.Length];
        byRule.Clear();
        switch (rule)
        {
            case SelectionRule.EliteBody:
                contest.ElectByBody(st.Electorate, present, byRule);
                break;
            case SelectionRule.Election:
            {
                double total = 0;
                for (var c = 0; c < st.Popularity.Length; c++)
                {
                    if (ListedIndex[c] >= 0)
                    {
                        total += st.Popularity[c];
                    }
                }

                for (var c = 0; c < st.Popularity.Length; c++)
                {
                    if (ListedIndex[c] >= 0)
                    {
                        byRule[ListedIndex[c]] = total > 0 ? st.Popularity[c] / total : 1.0 / listedP.Length;
                    }
                }

                break;
            }

            default:
                for (var c = 0; c < Leaders.Length; c++)
                {
                    byRule[c] = Leaders[c] == st.Heir ? 1 : 0;
                }

                break;
        }

        for (var c = 0; c < listedP.Length; c++)
        {
            listedP[c] = ((1 - st.Binding) * listedP[c]) + (st.Binding * byRule[c]);
        }
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

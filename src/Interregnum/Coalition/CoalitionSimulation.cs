using Interregnum.Model;
using Interregnum.Power;
using Interregnum.Simulation;
using Interregnum.Succession;

namespace Interregnum.Coalition;

/// <summary>Settings of the ruling-coalition forecast.</summary>
/// <param name="Draws">Number of Monte Carlo draws.</param>
/// <param name="Seed">The seed; the result depends on it alone (and the draws share their input values with <c>simulate</c>'s for the same seed).</param>
/// <param name="Alpha">The winning share α of Acemoglu, Egorov &amp; Sonin (2008), in [1/2, 1); default ½, the paper's majority-rule case.</param>
/// <param name="MaxThreads">Parallelism (null: all cores). Never changes the result.</param>
public sealed record CoalitionSettings(int Draws = 2_000, ulong Seed = 1, double Alpha = 0.5, int? MaxThreads = null);

/// <summary>One actor's place after the succession, under Monte Carlo. Immutable.</summary>
/// <param name="ActorId">The actor's id.</param>
/// <param name="Name">The actor's name.</param>
/// <param name="Scored">False for the incumbent who left office: he is not part of the new elite, and no exclusion is forecast for him.</param>
/// <param name="InCoalition">Probability of being in the ruling coalition.</param>
/// <param name="Excluded">Probability of being left out of it (1 − <paramref name="InCoalition"/>; the model's forecast of exclusion within two years; the model does not tell demotion, arrest, exile or death apart).</param>
/// <param name="Displacer">Probability that this actor displaces the first winner (leads the ruling coalition that leaves the winner out).</param>
public sealed record CoalitionActor(string ActorId, string Name, bool Scored, ProbabilityEstimate InCoalition, ProbabilityEstimate Excluded, ProbabilityEstimate Displacer);

/// <summary>The ruling-coalition forecast for one shock. Immutable.</summary>
/// <param name="ScenarioId">Scenario id.</param>
/// <param name="ShockId">Shock id.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Draws">Draws run.</param>
/// <param name="Alpha">The winning share α used.</param>
/// <param name="Actors">Per actor, in the scenario's order.</param>
/// <param name="Collective">Probability that the ruling coalition has two or more members (a collective leadership rather than one ruler).</param>
/// <param name="WinnerDisplaced">Probability that the first winner (the contest's winner, or the incumbent after a failed attempt) is left out of the ruling coalition, and so displaced within two years.</param>
/// <param name="MeanSize">Mean number of members of the ruling coalition.</param>
/// <param name="ExactShare">Share of draws solved exactly (at most <see cref="RulingCoalition.ExactLimit"/> actors with power); the rest use the approximation of docs/models.md §8.</param>
public sealed record CoalitionForecast(
    string ScenarioId,
    string ShockId,
    ulong Seed,
    int Draws,
    double Alpha,
    IReadOnlyList<CoalitionActor> Actors,
    ProbabilityEstimate Collective,
    ProbabilityEstimate WinnerDisplaced,
    double MeanSize,
    double ExactShare);

/// <summary>
/// The ruling coalition after the shock, under the scenario's declared uncertainty (docs/models.md §8). For each
/// draw: the scenario's inputs are drawn exactly as <c>simulate</c> draws them (<see cref="CounterRandom"/> keyed by
/// seed, draw and input path), the shock is applied, every actor still present gets its crisis-phase capability
/// (power accounting, the acting successor holding its share of the office), the succession contest gives each
/// candidate's chance, and the ruling coalition (<see cref="RulingCoalition"/>) is found among the actors with
/// positive capability, which are the players' powers γ_i. The first winner is displaced when he is outside the
/// ruling coalition; then a second-stage contest among the coalition's members (settled-phase capability, office
/// vacant) says who displaces him. Pure: the result depends on the scenario, the shock and the settings alone.
/// </summary>
public static class CoalitionSimulation
{
    /// <summary>Runs the ruling-coalition forecast for one shock.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="shockId">The shock to apply.</param>
    /// <param name="settings">Draws, seed, α, threads.</param>
    /// <param name="cancellationToken">Stops the run; nothing partial is returned.</param>
    public static CoalitionForecast Run(Scenario scenario, string shockId, CoalitionSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        var shock = scenario.ShockById(shockId) ?? throw new ArgumentException($"unknown shock '{shockId}'", nameof(shockId));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Draws, 1, nameof(settings));
        if (settings.Alpha < 0.5 || settings.Alpha >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Alpha, "α must lie in [1/2, 1)");
        }

        var inputs = ScenarioInputs.Uncertain(scenario);
        var keys = inputs.Select(i => CounterRandom.StreamKey(i.Path)).ToArray();
        var leaders = scenario.Candidates.Select(c => scenario.ActorIndex(c.ActorId(scenario.Office))).ToArray();
        var draws = new CoalitionDraw[settings.Draws];
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxThreads ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            settings.Draws,
            options,
            () => new CoalitionWorkspace(scenario, leaders),
            (i, _, ws) =>
            {
                var values = InputDraw.From(inputs, (k, u) => u.Quantile(CounterRandom.Uniform(settings.Seed, i, keys[k])));
                draws[i] = EvaluateDraw(scenario, shock, values, settings.Alpha, ws);
                return ws;
            },
            _ => { });

        var n = scenario.Actors.Count;
        var incumbent = scenario.ActorIndex(scenario.Incumbent);
        var actors = new List<CoalitionActor>(n);
        for (var a = 0; a < n; a++)
        {
            var inCoalition = SuccessionSimulation.Estimate(draws.Select(d => d.Membership[a]).ToArray());
            var excluded = SuccessionSimulation.Estimate(draws.Select(d => 1 - d.Membership[a]).ToArray());
            var displacer = SuccessionSimulation.Estimate(draws.Select(d => d.Displacer[a]).ToArray());
            actors.Add(new CoalitionActor(scenario.Actors[a].Id, scenario.Actors[a].Name, !(shock.IncumbentLeaves && a == incumbent), inCoalition, excluded, displacer));
        }

        return new CoalitionForecast(
            scenario.Id,
            shock.Id,
            settings.Seed,
            settings.Draws,
            settings.Alpha,
            actors,
            SuccessionSimulation.Estimate(draws.Select(d => d.Collective).ToArray()),
            SuccessionSimulation.Estimate(draws.Select(d => d.Displaced).ToArray()),
            draws.Average(d => d.Size),
            draws.Count(d => d.Exact) / (double)draws.Length);
    }

    /// <summary>One draw: the shock, crisis capabilities, the contest, the ruling coalition and the second stage.</summary>
    internal static CoalitionDraw EvaluateDraw(Scenario scenario, Shock shock, InputDraw v, double alpha, CoalitionWorkspace ws)
    {
        var st = RegimeState.Realize(scenario, v);
        ShockApplication.Apply(scenario, shock, st, v);
        int n = st.N, cands = ws.Leaders.Length;
        var present = new bool[n];
        Array.Fill(present, true);
        var firstWinner = new double[n];
        var leaves = shock.IncumbentLeaves;
        var discount = leaves ? Math.Clamp(v[shock.PatronageDiscount], 0, 1) : 0;
        if (leaves)
        {
            present[st.Incumbent] = false;
            PowerAccount.Shares(st, st.ActingSuccessor, incumbentPresent: false, discount, ws.Shares, st.ActingSuccessorFollowing);
            PowerAccount.Capability(st, ws.Shares, st.WeightCrisis, ws.Capability);
            if (st.ActingSuccessor >= 0)
            {
                ws.Capability[st.ActingSuccessor] += st.ActingSuccessorBonus;
            }

            var probabilities = new double[cands];
            ws.Contest.Run(st, present, ws.Capability, probabilities);
            for (var c = 0; c < cands; c++)
            {
                firstWinner[ws.Leaders[c]] += probabilities[c];
            }
        }
        else
        {
            PowerAccount.Shares(st, st.Incumbent, incumbentPresent: true, 0, ws.Shares);
            PowerAccount.Capability(st, ws.Shares, st.WeightCrisis, ws.Capability);
            firstWinner[st.Incumbent] = 1;
        }

        // The players: actors present with positive power, strongest first; beyond the exact limit the weakest
        // stay outside the coalition and their power counts only in what a ruling coalition must outweigh.
        var players = Enumerable.Range(0, n).Where(a => present[a] && ws.Capability[a] > 0)
            .OrderByDescending(a => ws.Capability[a]).ThenBy(a => a).ToArray();
        var exact = players.Length <= RulingCoalition.ExactLimit;
        var inGame = exact ? players : players[..RulingCoalition.ExactLimit];
        double outside = 0;
        for (var k = inGame.Length; k < players.Length; k++)
        {
            outside += ws.Capability[players[k]];
        }

        var powers = inGame.Select(a => ws.Capability[a]).ToArray();
        ws.Solver.Solve(powers, alpha, ws.Rulers, outside);
        if (ws.Rulers.Count == 0 && inGame.Length > 0)
        {
            // Only when the left-out tail outweighs the strongest players (never with exact solving): all of them rule.
            ws.Rulers.Add((1 << inGame.Length) - 1);
        }

        var membership = new double[n];
        var displacer = new double[n];
        double displaced = 0, collective = 0, size = 0;
        var weight = ws.Rulers.Count == 0 ? 0 : 1.0 / ws.Rulers.Count;
        foreach (var mask in ws.Rulers)
        {
            var members = new List<int>();
            for (var k = 0; k < inGame.Length; k++)
            {
                if ((mask & (1 << k)) != 0)
                {
                    members.Add(inGame[k]);
                    membership[inGame[k]] += weight;
                }
            }

            size += weight * members.Count;
            collective += members.Count >= 2 ? weight : 0;
            double winnerOutside = 0;
            for (var a = 0; a < n; a++)
            {
                if (firstWinner[a] > 0 && !members.Contains(a))
                {
                    winnerOutside += firstWinner[a];
                }
            }

            if (winnerOutside > 0)
            {
                displaced += weight * winnerOutside;
                var stage = SecondStage(st, members, leaves, discount, ws);
                for (var k = 0; k < members.Count; k++)
                {
                    displacer[members[k]] += weight * winnerOutside * stage[k];
                }
            }
        }

        return new CoalitionDraw(membership, displacer, displaced, collective, size, exact);
    }

    /// <summary>Who leads the ruling coalition once the first winner is out: a contest among its members, by settled-phase capability, office vacant.</summary>
    private static double[] SecondStage(RegimeState st, List<int> members, bool incumbentLeft, double discount, CoalitionWorkspace ws)
    {
        var p = new double[members.Count];
        if (members.Count == 1)
        {
            p[0] = 1;
            return p;
        }

        var present = new bool[st.N];
        foreach (var m in members)
        {
            present[m] = true;
        }

        var shares = new double[st.N * st.I];
        var capability = new double[st.N];
        PowerAccount.Shares(st, -1, incumbentPresent: !incumbentLeft, discount, shares);
        PowerAccount.Capability(st, shares, st.WeightSettled, capability);
        new SuccessionContest(st.N, [.. members]).Run(st, present, capability, p);
        return p;
    }
}

/// <summary>One draw's coalition outcome (per actor: share of tied ruling coalitions containing it; displacement weighted by the first winner's chance).</summary>
internal sealed record CoalitionDraw(double[] Membership, double[] Displacer, double Displaced, double Collective, double Size, bool Exact);

/// <summary>Per-thread buffers reused across draws.</summary>
internal sealed class CoalitionWorkspace(Scenario scenario, int[] leaders)
{
    public int[] Leaders { get; } = leaders;

    public double[] Shares { get; } = new double[scenario.Actors.Count * scenario.Instruments.Count];

    public double[] Capability { get; } = new double[scenario.Actors.Count];

    public SuccessionContest Contest { get; } = new(scenario.Actors.Count, leaders);

    public RulingCoalition Solver { get; } = new(Math.Min(scenario.Actors.Count, RulingCoalition.ExactLimit));

    public List<int> Rulers { get; } = [];
}

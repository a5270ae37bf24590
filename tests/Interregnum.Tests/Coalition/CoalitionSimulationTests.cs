using Interregnum.Coalition;
using Interregnum.Model;
using Xunit;
using static Interregnum.Tests.TestScenarios;

namespace Interregnum.Tests.Coalition;

public sealed class CoalitionSimulationTests
{
    /// <summary>
    /// The four-player game of <see cref="RulingCoalitionTests.Find_MajorityFourPlayers_StrongestIsExcluded"/> as a
    /// scenario: one instrument (crisis and settled weight 1) held personally, 3, 4, 5 and 10 units by p3, p4, p5,
    /// p10; the incumbent holds nothing; everyone shares one position and has no ambition, so every vote is zero.
    /// Candidates p10 and p5.
    /// </summary>
    private static Scenario FourPlayers() => new(
        "four",
        "Four players",
        null,
        null,
        null,
        "inc",
        [],
        [Instrument("coercion", 1, 1, true)],
        [new Dimension("policy", "Policy", "low", "high", [])],
        [
            Actor("inc", 50),
            Actor("p3", 50, holdings: Map(("coercion", 3))),
            Actor("p4", 50, holdings: Map(("coercion", 4))),
            Actor("p5", 50, holdings: Map(("coercion", 5))),
            Actor("p10", 50, holdings: Map(("coercion", 10))),
        ],
        [],
        [],
        new Office("presidency", "President", Map(), null, null),
        [new Candidate("p10", "P10", "p10", false), new Candidate("p5", "P5", "p5", false)],
        [Death()],
        null,
        ContestSettings.Default);

    [Fact]
    public void Run_FourPlayers_StrongestExcludedAndDisplacedWhenHeWins()
    {
        // Hand computation. Crisis capabilities are the shares 3/22, 4/22, 5/22, 10/22; the ruling coalition is
        // {p3, p4, p5} (RulingCoalitionTests): p10 is excluded, the others are in, it is a collective leadership.
        // First stage: every utility is equal, so every Prop vote is 0, each pairwise probability 1/2, and the
        // conditional PCE over two candidates gives p10 and p5 1/2 each. If p10 wins he is outside the coalition,
        // so P(first winner displaced) = 1/2. Second stage among p3, p4, p5: again all pairwise probabilities 1/2,
        // P_i ∝ (1/2)² for each, so 1/3 each; each displaces the winner with probability 1/2 · 1/3 = 1/6.
        var result = CoalitionSimulation.Run(FourPlayers(), "death", new CoalitionSettings(Draws: 10, Seed: 7));

        var byId = result.Actors.ToDictionary(a => a.ActorId);
        Assert.False(byId["inc"].Scored);
        Assert.Equal(0, byId["p10"].InCoalition.Probability, 1e-12);
        Assert.Equal(1, byId["p10"].Excluded.Probability, 1e-12);
        foreach (var id in new[] { "p3", "p4", "p5" })
        {
            Assert.Equal(1, byId[id].InCoalition.Probability, 1e-12);
            Assert.Equal(1.0 / 6, byId[id].Displacer.Probability, 1e-9);
        }

        Assert.Equal(0, byId["p10"].Displacer.Probability, 1e-12);
        Assert.Equal(1, result.Collective.Probability, 1e-12);
        Assert.Equal(0.5, result.WinnerDisplaced.Probability, 1e-9);
        Assert.Equal(3, result.MeanSize, 1e-12);
        Assert.Equal(1, result.ExactShare);
    }

    [Fact]
    public void Run_HandWorkedDeath_StrongestRulesAloneAndDisplacesB()
    {
        // TestScenarios.HandWorked after the death (SuccessionContestTests): crisis capability a 0.304, b 0.06,
        // c 0. With α = 1/2, a wins alone (0.304 > 0.182) and a single player is self-enforcing: the ruling
        // coalition is {a}; b and c (no power) are excluded. The first winner is A with P_A = C_AB/(C_AB + C_BA),
        // C_AB = 1e-8 + 0.1824, C_BA = 1e-8 + 0.036; B is displaced (by a) whenever B wins: 1 − P_A.
        const double cab = 1e-8 + 0.1824, cba = 1e-8 + 0.036, pa = cab / (cab + cba);

        var result = CoalitionSimulation.Run(HandWorked(), "death", new CoalitionSettings(Draws: 4, Seed: 1));

        var byId = result.Actors.ToDictionary(a => a.ActorId);
        Assert.Equal(1, byId["a"].InCoalition.Probability, 1e-12);
        Assert.Equal(1, byId["b"].Excluded.Probability, 1e-12);
        Assert.Equal(1, byId["c"].Excluded.Probability, 1e-12);
        Assert.Equal(0, result.Collective.Probability, 1e-12);
        Assert.Equal(1 - pa, result.WinnerDisplaced.Probability, 1e-9);
        Assert.Equal(1 - pa, byId["a"].Displacer.Probability, 1e-9);
    }

    [Fact]
    public void Run_SameSeed_IdenticalAcrossThreadCounts()
    {
        var s = FourPlayers();
        var actors = s.Actors.Select(a => a.Id == "p10" ? a with { Holdings = new Dictionary<string, Uncertain> { ["coercion"] = Uncertain.Uniform(2, 14) } } : a).ToList();
        s = s with { Actors = actors };

        var one = CoalitionSimulation.Run(s, "death", new CoalitionSettings(Draws: 1000, Seed: 5, MaxThreads: 1));
        var many = CoalitionSimulation.Run(s, "death", new CoalitionSettings(Draws: 1000, Seed: 5, MaxThreads: 8));

        Assert.Equal(one.Actors, many.Actors);
        Assert.Equal(one.WinnerDisplaced, many.WinnerDisplaced);
    }

    [Fact]
    public void Run_UncertainStrongestPower_MembershipMatchesHandDerivedThresholds()
    {
        // p10's holding h ~ uniform(2, 14) (the others 3, 4, 5; α = 1/2; total 12 + h, a coalition wins with more
        // than 6 + h/2). By hand from the definitions:
        //   single players: only p10 can win alone, when h > 6 + h/2, i.e. h > 12;
        //   pairs are not self-enforcing (the stronger wins alone within the pair);
        //   a triple is self-enforcing when its strongest member has at most half of it: {3, 4, 5} always;
        //   {h, 3, 4} (7 + h) for 1 ≤ h ≤ 7; {h, 3, 5} (8 + h) for 2 ≤ h ≤ 8; {h, 4, 5} (9 + h) for 1 ≤ h ≤ 9;
        //   the triples with p10 always win (7 + h > 6 + h/2); {3, 4, 5} wins when h < 12.
        //   The least powerful self-enforcing winner: h < 5: {h, 3, 4} (7 + h < 12); 5 < h < 12: {3, 4, 5};
        //   h > 12: p10 alone.
        // So P(p3 in) = P(p4 in) = P(h < 12) = 10/12, P(p5 in) = P(5 < h < 12) = 7/12,
        // P(p10 in) = P(h < 5) + P(h > 12) = 5/12. With 4000 draws the Monte Carlo standard error of each share is
        // at most sqrt(0.25/4000) ≈ 0.0079; the tolerance is 4 standard errors.
        var s = FourPlayers();
        var actors = s.Actors.Select(a => a.Id == "p10" ? a with { Holdings = new Dictionary<string, Uncertain> { ["coercion"] = Uncertain.Uniform(2, 14) } } : a).ToList();
        s = s with { Actors = actors };

        var result = CoalitionSimulation.Run(s, "death", new CoalitionSettings(Draws: 4000, Seed: 11));

        var byId = result.Actors.ToDictionary(a => a.ActorId);
        Assert.Equal(10.0 / 12, byId["p3"].InCoalition.Probability, 0.032);
        Assert.Equal(10.0 / 12, byId["p4"].InCoalition.Probability, 0.032);
        Assert.Equal(7.0 / 12, byId["p5"].InCoalition.Probability, 0.032);
        Assert.Equal(5.0 / 12, byId["p10"].InCoalition.Probability, 0.032);
    }

    [Fact]
    public void Run_HandWorkedFailedAttempt_IncumbentRulesWithA()
    {
        // After a failed attempt the incumbent keeps the office and plays. Crisis capabilities before any shock
        // (PowerAccountTests): inc 0.44, a 0.38, b 0.06, c 0 (not a player); total 0.88. With α = 0.6 a coalition
        // wins with more than 0.528: no one alone; {inc, a} (0.82) wins, and is self-enforcing since neither wins
        // alone within it (0.44 and 0.38 ≤ 0.6·0.82 = 0.492); {inc, b} (0.50) and {a, b} (0.44) do not win; the
        // three together are not self-enforcing ({inc, a} wins within them). So {inc, a} rules, b and c are out,
        // the incumbent is not displaced, and the leadership is collective.
        var result = CoalitionSimulation.Run(HandWorked(), "failed", new CoalitionSettings(Draws: 3, Seed: 1, Alpha: 0.6));

        var byId = result.Actors.ToDictionary(a => a.ActorId);
        Assert.True(byId["inc"].Scored);
        Assert.Equal(1, byId["inc"].InCoalition.Probability, 1e-12);
        Assert.Equal(1, byId["a"].InCoalition.Probability, 1e-12);
        Assert.Equal(1, byId["b"].Excluded.Probability, 1e-12);
        Assert.Equal(1, byId["c"].Excluded.Probability, 1e-12);
        Assert.Equal(0, result.WinnerDisplaced.Probability, 1e-12);
        Assert.Equal(1, result.Collective.Probability, 1e-12);
    }

    [Fact]
    public void Run_UncertainScenario_DisplacersSumToDisplacedAndProbabilitiesInUnitInterval()
    {
        // Who displaces the winner is a distribution over the coalition's members given displacement, so per
        // draw (and so in the mean) Σ_a P(a displaces) = P(displaced).
        var s = FourPlayers();
        var actors = s.Actors.Select(a => a.Id switch
        {
            "p10" => a with { Holdings = new Dictionary<string, Uncertain> { ["coercion"] = Uncertain.Uniform(2, 14) } },
            "p4" => a with { Positions = new Dictionary<string, Uncertain> { ["policy"] = Uncertain.Uniform(0, 100) }, Ambition = Uncertain.Uniform(0, 1) },
            _ => a,
        }).ToList();
        s = s with { Actors = actors };

        var result = CoalitionSimulation.Run(s, "death", new CoalitionSettings(Draws: 500, Seed: 9));

        Assert.Equal(result.WinnerDisplaced.Probability, result.Actors.Sum(a => a.Displacer.Probability), 1e-9);
        Assert.All(result.Actors, a => Assert.InRange(a.InCoalition.Probability, 0, 1));
        Assert.All(result.Actors, a => Assert.Equal(1, a.InCoalition.Probability + a.Excluded.Probability, 1e-12));
    }
}

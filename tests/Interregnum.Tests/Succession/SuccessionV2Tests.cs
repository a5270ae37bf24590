using Interregnum.Model;
using Interregnum.Power;
using Interregnum.Simulation;
using Interregnum.Succession;
using Xunit;
using static Interregnum.Tests.TestScenarios;

namespace Interregnum.Tests.Succession;

/// <summary>
/// Regression tests for the findings of issue 10 (succession model v2) and hand computations of each new mechanism
/// (docs/models.md). Every expected number is worked out in the comments from the model's equations, not copied
/// from a run. Scenario: <see cref="TestScenarios.HandWorked"/> (see its summary for the numbers).
/// </summary>
public sealed class SuccessionV2Tests
{
    private static SimulationResult Run(Scenario s, string shock, int draws = 200, PolicyModel model = PolicyModel.Compromise) =>
        SuccessionSimulation.Run(s, shock, new SimulationSettings(draws, Seed: 11, Model: model));

    private static DrawOutcome Point(Scenario s, string shock, double winnerUniform = 0.5)
    {
        var plan = new DrawPlan(s, s.ShockById(shock)!, new SimulationSettings(Draws: 1, Model: PolicyModel.Compromise), null);
        return plan.Evaluate(0, InputDraw.AtPoint(s), new DrawWorkspace(plan), winnerUniform);
    }

    private static Scenario WithActor(Scenario s, string id, Func<Actor, Actor> change) =>
        s with { Actors = s.Actors.Select(a => a.Id == id ? change(a) : a).ToList() };

    // ---- finding 1: health, age and risk attitude count -------------------------------------------------------

    [Fact]
    public void FiveYearSurvival_Age60_MatchesGompertzHandComputation()
    {
        // h(x) = 0.01·2^((x − 60)/8); ∫_60^65 h = 0.01·(8/ln 2)·(2^(5/8) − 1) = 0.01·11.541560·0.542211 = 0.0625796;
        // S5 = exp(−0.0625796) = 0.939338.
        Assert.Equal(0.939338, RegimeState.FiveYearSurvival(60), 5);

        // At 76 (two doubling times later) the hazard is 4× as high: ∫ = 4·0.0625796 = 0.2503184, S5 = 0.778553.
        Assert.Equal(0.778553, RegimeState.FiveYearSurvival(76), 5);
    }

    [Fact]
    public void Contest_CandidateInPoorHealth_LosesSupportByHorizonTerm()
    {
        // Given candidate a's health 1 and then 0.01 (no date: age unknown, survival 1), a horizon weight of 0.5 (the
        // default is 0, under which health is a label).
        var healthy = HandWorked(ContestSettings.Default with { HorizonWeight = F(0.5) });
        var ill = WithActor(healthy, "a", a => a with { Health = F(0.01) });

        // When the contest is run at the point values
        var pHealthy = Point(healthy, "death").CandidateProbabilities[0];
        var pIll = Point(ill, "death").CandidateProbabilities[0];

        // Then: U(·, A) falls by 0.5·(1 − 0.01) = 0.495 for every voter. Prop votes for A over B:
        // a: 0.304·(0.6 − 0.495) = 0.03192; b: 0.06·(−0.6 − 0.495) = −0.0657 → B now wins the pair:
        // p_AB = (1e-8 + 0.03192) / (2e-8 + 0.03192 + 0.0657).
        var expected = (1e-8 + 0.03192) / (2e-8 + 0.03192 + 0.0657);
        Assert.Equal(expected, pIll, 9);
        Assert.True(pHealthy > 0.8, $"P(A) healthy = {pHealthy}");
    }

    [Fact]
    public void RiskExponent_EndsAndMiddle_MatchBuenoDeMesquita()
    {
        // e(r) = (1 − r/3)/(1 + r/3): e(1) = (2/3)/(4/3) = 0.5, e(0) = 1, e(−1) = (4/3)/(2/3) = 2.
        Assert.Equal(0.5, SuccessionContest.RiskExponent(1), 12);
        Assert.Equal(1, SuccessionContest.RiskExponent(0), 12);
        Assert.Equal(2, SuccessionContest.RiskExponent(-1), 12);
    }

    [Fact]
    public void Contested_RiskAttitudeOfLosingCamp_MovesItsThresholdByTheRiskExponent()
    {
        // Given threshold 0.6 and fight scale 0.05. If B wins, a's camp holds s_a = 0.144 / 0.204 of the actors'
        // coercion (SuccessionContestTests); if A wins, b's camp holds s_b = 0.06 / 0.204. Only a's risk attitude changes:
        //   risk-neutral (e = 1): F_B = σ((s_a − 0.6)/0.05);  risk-averse r = 1 (e = 0.5): σ((s_a − 0.6^0.5)/0.05);
        //   risk-seeking r = −1 (e = 2): σ((s_a − 0.36)/0.05); always F_A = σ((s_b − 0.6)/0.05).
        static double Sigma(double x) => 1 / (1 + Math.Exp(-x));
        const double sa = 0.144 / 0.204, sb = 0.06 / 0.204;
        var fightA = Sigma((sb - 0.6) / 0.05);
        var contest = ContestSettings.Default with { ContestedThreshold = F(0.6) };
        var neutral = HandWorked(contest);
        var averse = WithActor(neutral, "a", a => a with { RiskAttitude = F(1) });
        var seeking = WithActor(neutral, "a", a => a with { RiskAttitude = F(-1) });

        foreach (var (scenario, threshold) in new[] { (neutral, 0.6), (averse, Math.Sqrt(0.6)), (seeking, 0.36) })
        {
            var outcome = Point(scenario, "death");
            var p = outcome.CandidateProbabilities;
            var expected = (p[0] * fightA) + (p[1] * Sigma((sa - threshold) / 0.05));
            Assert.Equal(expected, outcome.ContestedProbability, 12);
        }

        Assert.True(Point(averse, "death").ContestedProbability < Point(neutral, "death").ContestedProbability);
        Assert.True(Point(seeking, "death").ContestedProbability > Point(neutral, "death").ContestedProbability);
    }

    // ---- finding 2: coups ------------------------------------------------------------------------------------

    [Fact]
    public void Coup_PlottersInstallCivilian_CivilianPrevailsOverStrongestPlotter()
    {
        // Given a third candidate c (a civilian with no holdings, position 60) and a coup staged by a, who installs c.
        var baseScenario = HandWorked();
        var coup = new Shock("coup", "Coup", ExitManner.Coup, ExitLocation.Domestic, null, null, F(0), [], null, []) { Plotters = ["a"], Installs = "c" };
        var plain = baseScenario with { Candidates = [.. baseScenario.Candidates, new Candidate("c", "C", "c", false)], Shocks = [Death(0), coup] };

        var withoutCoalition = Point(plain, "death").CandidateProbabilities;
        var installed = Point(plain, "coup").CandidateProbabilities;

        // Then: a backs C with U(a, C) = max_c U(a, c) + 1 = 2 (his best is himself, 1; the horizon term adds 0.5 to every candidate
        // and cancels), so the strongest voter now votes for C, and C — whom nobody preferred — leads.
        Assert.True(installed[2] > installed[0], $"P(C) = {installed[2]}, P(A) = {installed[0]}");
        Assert.True(installed[2] > withoutCoalition[2] + 0.3, $"P(C) {withoutCoalition[2]} → {installed[2]}");
    }

    [Fact]
    public void Coup_PlotterTakesOrganization_HeadCommandsItsWholeFollowing()
    {
        // Given a plots: the guard's loyalty to the office (0.3) and to the incumbent (0.2) follow its head too.
        // Hand: a coercion = 60·(0.5 + 0.3 + 0.2) = 60 of 100 → 0.60 (no patronage discount declared).
        var s = HandWorked();
        var st = RegimeState.Realize(s, InputDraw.AtPoint(s));
        var shares = new double[st.N * st.I];
        var plotters = new[] { false, true, false, false };

        PowerAccount.CrisisShares(st, 0, shares, plotters);

        Assert.Equal(0.60, shares[(1 * st.I) + 0], 12);
        Assert.Equal(0.10, shares[(2 * st.I) + 0], 12);
    }

    // ---- finding 3: the baseline is the regime's policy before the shock ---------------------------------------

    [Theory]
    [InlineData(PolicyModel.Compromise)]
    [InlineData(PolicyModel.Smp)]
    public void FailedAttempt_NoDeclaredEffect_ShiftsNothing(PolicyModel model)
    {
        // Given a failed attempt with no effect: the regime before and after is the same, so the shift is 0
        // (the first model measured it from the incumbent's own position, 50, and reported +13 points here).
        var s = HandWorked();

        var result = Run(s, "failed", draws: 20, model: model);

        Assert.All(result.Dimensions, d => Assert.True(Math.Abs(d.MeanShift) < 0.5, $"{d.Id}: shift {d.MeanShift}"));
        if (model == PolicyModel.Compromise)
        {
            // The hand-computed status quo of SuccessionContestTests (the compromise before the shock).
            Assert.Equal(59.3 / 0.94, result.Dimensions[0].StatusQuo, 9);
        }
    }

    // ---- finding 4: the heir --------------------------------------------------------------------------------

    [Fact]
    public void PowerAccount_DesignatedHeir_InheritsFollowingAndEscapesPatronageDiscount()
    {
        // Given a is the heir with following 1, the incumbent died, patronage discount 0.4 (tie inc → a, weight 0.5).
        // Hand: a coercion = (60·0.5 head, not discounted + 60·0.2 inherited) / 100 = 0.42;
        //       money = (20 own + 10 the incumbent's personal) / 40 = 0.75.
        // Without an heir: coercion 30·0.8 / 100 = 0.24, money 20·0.8 / 40 = 0.40.
        var s = HandWorked();
        var heir = s with { Office = s.Office with { Heir = new DesignatedHeir("a", F(1)) } };
        double[] SharesOf(Scenario x)
        {
            var st = RegimeState.Realize(x, InputDraw.AtPoint(x));
            var shares = new double[st.N * st.I];
            PowerAccount.CrisisShares(st, 0.4, shares, null);
            return [shares[(1 * st.I) + 0], shares[(1 * st.I) + 1]];
        }

        Assert.Equal([0.42, 0.75], SharesOf(heir), (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal([0.24, 0.40], SharesOf(s), (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Contest_TieToDepartedLeader_HelpsHisHeir()
    {
        // Given b has a family tie of weight 0.6 to the incumbent and a is the heir with following 0.5.
        // Hand: U(b, A) gains w_ties·min(1, 0.5·0.6) = 0.5·0.3 = 0.15; U(b, B) unchanged.
        var s = HandWorked();
        s = s with { Ties = [.. s.Ties, new Tie("inc", "b", TieType.Family, F(0.6), [])] };
        var heir = s with { Office = s.Office with { Heir = new DesignatedHeir("a", F(0.5)) } };
        double UtilityGap(Scenario x)
        {
            var st = RegimeState.Realize(x, InputDraw.AtPoint(x));
            var present = new[] { false, true, true, true };
            var contest = new SuccessionContest(st.N, [1, 2]);
            contest.Run(st, present, [0, 1, 1, 1], new double[2]);
            return contest.Utility[(2 * 2) + 0] - contest.Utility[(2 * 2) + 1];
        }

        Assert.Equal(0.15, UtilityGap(heir) - UtilityGap(s), 12);
    }

    // ---- finding 5: elections are not decided by guns alone ----------------------------------------------------

    [Fact]
    public void Election_FullyBinding_ProbabilitiesFollowPopularity()
    {
        // Given an election with binding 1 and popular support A 1, B 3: P = support / total = 0.25, 0.75.
        var s = HandWorked();
        var election = s with
        {
            Office = s.Office with { Selection = new OfficeSelection(SelectionRule.Election, F(1), new Dictionary<string, Uncertain>(), Map(("a", 1), ("b", 3))) },
        };

        var p = Point(election, "death").CandidateProbabilities;

        Assert.Equal(0.25, p[0], 12);
        Assert.Equal(0.75, p[1], 12);
    }

    [Fact]
    public void Election_HalfBinding_MixesForceAndVote()
    {
        // P = (1 − b)·P_force + b·P_vote with b = 0.5: P(A) = 0.5·P_A + 0.5·0.25.
        var s = HandWorked();
        var pForce = Point(s, "death").CandidateProbabilities[0];
        var election = s with
        {
            Office = s.Office with { Selection = new OfficeSelection(SelectionRule.Election, F(0.5), new Dictionary<string, Uncertain>(), Map(("a", 1), ("b", 3))) },
        };

        Assert.Equal((0.5 * pForce) + (0.5 * 0.25), Point(election, "death").CandidateProbabilities[0], 12);
    }

    [Fact]
    public void EliteBody_OnlyMemberPrefersB_BWinsThePairAsHisVotesDecide()
    {
        // Given an elite body whose only member is b (10 votes), binding 1: the PCE over one voter who prefers B
        // by 0.6 gives C_BA = 1e-8 + 10·0.6 and C_AB = 1e-8, so P(B) = (1e-8 + 6) / (2e-8 + 6).
        var s = HandWorked();
        var body = s with
        {
            Office = s.Office with { Selection = new OfficeSelection(SelectionRule.EliteBody, F(1), Map(("b", 10)), new Dictionary<string, Uncertain>()) },
        };

        Assert.Equal((1e-8 + 6) / (2e-8 + 6), Point(body, "death").CandidateProbabilities[1], 12);
    }

    // ---- finding 6: residual candidate and several acting successors -------------------------------------------

    [Fact]
    public void Residual_Prior_TakesItsShareAndListedScaleDown()
    {
        var s = HandWorked();
        var residual = s with { Candidates = [.. s.Candidates, new Candidate("other", "Someone not listed", null, false) { Residual = true, Prior = F(0.2) }] };

        var listed = Point(s, "death");
        var withResidual = Point(residual, "death", winnerUniform: 0.95);

        Assert.Equal(0.8 * listed.CandidateProbabilities[0], withResidual.CandidateProbabilities[0], 12);
        Assert.Equal(0.8 * listed.CandidateProbabilities[1], withResidual.CandidateProbabilities[1], 12);
        Assert.Equal(0.2, withResidual.CandidateProbabilities[2], 12);
        Assert.Equal(2, withResidual.Winner);
        Assert.Equal(listed.ContestedProbability, withResidual.ContestedProbability, 12);
    }

    [Fact]
    public void ActingSuccessors_TwoReadings_ShareTheOfficeByWeight()
    {
        // Given b (weight 1) and c (weight 3) as acting successors, following 1, no discount.
        // Office coercion following = 0.3·60 + 0.25·40 = 28 → b 7, c 21; money 10 → b 2.5, c 7.5.
        // Hand: b coercion (10 + 7)/100 = 0.17, money 2.5/40 = 0.0625; c coercion 0.21, money 0.1875.
        var s = HandWorked(ContestSettings.Default with { ActingSuccessorFollowing = F(1) });
        s = s with { Office = s.Office with { ActingSuccessors = [new ActingSuccession("b", "reading one", F(1)), new ActingSuccession("c", "reading two", F(3))] } };
        var st = RegimeState.Realize(s, InputDraw.AtPoint(s));
        var shares = new double[st.N * st.I];

        PowerAccount.CrisisShares(st, 0, shares, null);

        Assert.Equal(0.17, shares[(2 * st.I) + 0], 12);
        Assert.Equal(0.0625, shares[(2 * st.I) + 1], 12);
        Assert.Equal(0.21, shares[(3 * st.I) + 0], 12);
        Assert.Equal(0.1875, shares[(3 * st.I) + 1], 12);
    }

    // ---- attribution -------------------------------------------------------------------------------------------

    [Fact]
    public void Blame_ConfidenceScalesTheSuccessorsShift_AndUnrevealedTruthIsIgnored()
    {
        // Given a failed attempt blamed on a foreign state with effect +10 on policy, at confidence 0.8 and 0.4.
        // The compromise forecast is linear in the incumbent's position (no clamping here: 50 + 8 < 100), so the
        // shift at 0.8 is exactly twice the shift at 0.4. An actual attribution with effect −50 that is not revealed
        // changes nothing.
        Shock Blamed(double confidence, bool revealed) =>
            FailedAttempt() with
            {
                Perceived = new Attribution("foreign-state", F(confidence), null) { Effect = new AttributionEffect("policy", F(10)) },
                Actual = new Attribution("unknown", F(1), null) { Effect = new AttributionEffect("policy", F(-50)), Revealed = revealed },
            };
        double Shift(Shock shock) => Point(HandWorked(null, shock), "failed").Forecast[0] - Point(HandWorked(null, shock), "failed").StatusQuo[0];

        var high = Shift(Blamed(0.8, revealed: false));
        var low = Shift(Blamed(0.4, revealed: false));

        Assert.True(high > 1, $"shift {high}");
        Assert.Equal(2 * low, high, 9);
        Assert.True(Shift(Blamed(0.8, revealed: true)) < -1);
    }
}

using Interregnum.Power;
using Interregnum.Simulation;
using Xunit;

namespace Interregnum.Tests.Power;

public sealed class PowerAccountTests
{
    private const double Tol = 1e-12;

    [Fact]
    public void ForScenario_HandWorkedExample_MatchesHandComputation()
    {
        // Given the scenario of TestScenarios.HandWorked. By hand:
        //   totals: coercion 60 + 40 = 100; money 10 (inc) + 20 (a) + 10 (office) = 40.
        //   inc (in office): coercion 60·0.3 + 40·0.25 (office) + 60·0.2 (personal following) = 40 → 0.40;
        //                    money 10 + 10 (office) = 20 → 0.50.
        //   a: coercion 60·0.5 = 30 → 0.30; money 20 → 0.50.   b: coercion 40·0.25 = 10 → 0.10.   c: nothing.
        //   crisis capability = 0.6·coercion + 0.4·money: inc 0.44, a 0.38, b 0.06, c 0.
        //   settled capability = 0.3·coercion + 0.7·money: inc 0.47, a 0.44, b 0.03, c 0.
        var table = PowerAccount.ForScenario(TestScenarios.HandWorked());

        // Then
        var rows = table.Rows.ToDictionary(r => r.ActorId);
        Assert.Equal(0.40, rows["inc"].Share["coercion"], Tol);
        Assert.Equal(0.50, rows["inc"].Share["money"], Tol);
        Assert.Equal(0.30, rows["a"].Share["coercion"], Tol);
        Assert.Equal(0.50, rows["a"].Share["money"], Tol);
        Assert.Equal(0.10, rows["b"].Share["coercion"], Tol);
        Assert.Equal(0.0, rows["c"].Share["coercion"], Tol);
        Assert.Equal(0.44, rows["inc"].CrisisCapability, Tol);
        Assert.Equal(0.38, rows["a"].CrisisCapability, Tol);
        Assert.Equal(0.06, rows["b"].CrisisCapability, Tol);
        Assert.Equal(0.47, rows["inc"].SettledCapability, Tol);
        Assert.Equal(0.44, rows["a"].SettledCapability, Tol);
        Assert.Equal(0.03, rows["b"].SettledCapability, Tol);
    }

    [Fact]
    public void Shares_IncumbentGoneOfficeVacantWithPatronageDiscount_MatchesHandComputation()
    {
        // Given the incumbent has left, the office is vacant and the discount is 0.4.
        // By hand: a's patronage tie from inc weighs 0.5, so a keeps 1 − 0.4·0.5 = 0.8 of its shares:
        //   a: coercion 0.30·0.8 = 0.24, money 0.50·0.8 = 0.40;  b: coercion 0.10 (no tie);  inc: 0.
        //   The office's following (money 10, coercion 18 + 10) follows nobody while the office is vacant.
        var scenario = TestScenarios.HandWorked();
        var st = RegimeState.Realize(scenario, InputDraw.AtPoint(scenario));
        var shares = new double[st.N * st.I];

        // When
        PowerAccount.Shares(st, officeHolder: -1, incumbentPresent: false, patronageDiscount: 0.4, shares);

        // Then (actor order inc, a, b, c; instruments coercion, money)
        Assert.Equal([0, 0, 0.24, 0.40, 0.10, 0, 0, 0], shares, (x, y) => Math.Abs(x - y) < Tol);
    }

    [Fact]
    public void Shares_NewOfficeHolder_TakesOfficeFollowing()
    {
        // Given b holds the office after the incumbent left (no discount).
        // By hand: b gets the office's following: coercion 60·0.3 + 40·0.25 = 28 plus its own 10 → 0.38;
        //          money: office 10 → 0.25.  The incumbent's personal following (60·0.2) is lost.
        var scenario = TestScenarios.HandWorked();
        var st = RegimeState.Realize(scenario, InputDraw.AtPoint(scenario));
        var shares = new double[st.N * st.I];

        // When
        PowerAccount.Shares(st, officeHolder: 2, incumbentPresent: false, patronageDiscount: 0, shares);

        // Then
        Assert.Equal(0.38, shares[(2 * 2) + 0], Tol);
        Assert.Equal(0.25, shares[(2 * 2) + 1], Tol);
        Assert.Equal(0.30, shares[(1 * 2) + 0], Tol);
    }

    [Fact]
    public void Shares_ActingSuccessorWithHalfTheOffice_TakesHalfTheOfficeFollowing()
    {
        // Given b acts in the crisis but commands only half the office (acting_successor_following = 0.5).
        // By hand: the office's following is coercion 60·0.3 + 40·0.25 = 28 and money 10; b gets half of each:
        //   coercion (10 + 14)/100 = 0.24, money 5/40 = 0.125; the other half waits for the winner (nobody's).
        var scenario = TestScenarios.HandWorked();
        var st = RegimeState.Realize(scenario, InputDraw.AtPoint(scenario));
        var shares = new double[st.N * st.I];

        // When
        PowerAccount.Shares(st, officeHolder: 2, incumbentPresent: false, patronageDiscount: 0, shares, officeShare: 0.5);

        // Then
        Assert.Equal(0.24, shares[(2 * 2) + 0], Tol);
        Assert.Equal(0.125, shares[(2 * 2) + 1], Tol);
    }
}

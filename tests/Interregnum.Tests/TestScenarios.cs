using Interregnum.Model;

namespace Interregnum.Tests;

/// <summary>Small scenarios built in code, with numbers simple enough to compute by hand.</summary>
internal static class TestScenarios
{
    public static Uncertain F(double x) => Uncertain.Fixed(x);

    public static IReadOnlyDictionary<string, Uncertain> Map(params (string Key, double Value)[] items) =>
        items.ToDictionary(x => x.Key, x => F(x.Value));

    public static Actor Actor(string id, double position, double salience = 100, double ambition = 0, IReadOnlyDictionary<string, Uncertain>? holdings = null) =>
        new(id, id.ToUpperInvariant(), null, 1950, F(1), F(ambition), F(0), Map(("policy", position)), Map(("policy", salience)), holdings ?? Map(), []);

    public static Instrument Instrument(string id, double crisis, double settled, bool coercive) =>
        new(id, id, Map(("crisis", crisis), ("settled", settled)), coercive, []);

    public static Organization Org(string id, string? head, double coercion, double loyalHead, double loyalOffice, double loyalIncumbent) =>
        new(id, id, head, Map(("coercion", coercion)), new Loyalty(F(loyalHead), F(loyalOffice), F(loyalIncumbent)), []);

    public static Shock Death(double patronageDiscount = 0, params ShockEffect[] effects) =>
        new("death", "Natural death", ExitManner.NaturalDeath, ExitLocation.Domestic, null, null, F(patronageDiscount), effects, null, []);

    public static Shock FailedAttempt() =>
        new("failed", "Failed attempt", ExitManner.FailedAttempt, ExitLocation.Domestic, null, null, F(0), [], null, []);

    /// <summary>
    /// The power-accounting example worked by hand in PowerAccountTests: instruments coercion (crisis 0.6,
    /// settled 0.3, coercive) and money (0.4, 0.7); incumbent "inc" (money 10), "a" (money 20), "b", "c";
    /// the guard (coercion 60, head a, loyalty 0.5 head / 0.3 office / 0.2 incumbent) and the army (coercion 40,
    /// head b, 0.25 / 0.25 / 0); the office brings money 10; a patronage tie inc → a of weight 0.5.
    /// </summary>
    public static Scenario HandWorked(ContestSettings? contest = null, params Shock[] shocks) => new(
        "hand",
        "Hand-worked",
        null,
        null,
        null,
        "inc",
        [],
        [Instrument("coercion", 0.6, 0.3, true), Instrument("money", 0.4, 0.7, false)],
        [new Dimension("policy", "Policy", "low", "high", [])],
        [
            Actor("inc", 50, holdings: Map(("money", 10))),
            Actor("a", 80, holdings: Map(("money", 20))),
            Actor("b", 20),
            Actor("c", 60),
        ],
        [Org("guard", "a", 60, 0.5, 0.3, 0.2), Org("army", "b", 40, 0.25, 0.25, 0)],
        [new Tie("inc", "a", TieType.Patronage, F(0.5), [])],
        new Office("presidency", "President", Map(("money", 10)), null, null),
        [new Candidate("a", "A", "a", false), new Candidate("b", "B", "b", false)],
        shocks.Length > 0 ? shocks : [Death(0.4), FailedAttempt()],
        null,
        contest ?? ContestSettings.Default);
}

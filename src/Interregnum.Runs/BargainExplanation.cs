using System.Globalization;
using Interregnum.Bargaining;

namespace Interregnum.Runs;

/// <summary>
/// The SMP's audit trail in words and as JSON (<c>bargain --explain</c>), and its summary for the brief: who moved
/// most and why. Reads a recorded run (<see cref="SmpRecorder"/>); computes nothing the engine did not.
/// </summary>
public static class BargainExplanation
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One actor's turn as JSON (positions 0–100).</summary>
    public sealed record ActorTurnJson(string Actor, string? Challenged, double ExpectedGain, double WinProbability, IReadOnlyList<double> Proposed, string Adopted, double AdoptedProbability, double StatusQuoUtility, double AdoptedUtility, IReadOnlyList<double> Position, string Why);

    /// <summary>One turn as JSON.</summary>
    public sealed record TurnJson(int Turn, IReadOnlyList<ActorTurnJson> Actors);

    /// <summary>The audit as JSON: per turn, per actor, with the reason in words.</summary>
    public static IReadOnlyList<TurnJson> Json(SmpInput input, IReadOnlyList<SmpTurnAudit> turns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(turns);
        return turns.Select(t => new TurnJson(t.Turn + 1, t.Actors.Select(a => new ActorTurnJson(
            input.ActorNames[a.Actor],
            a.Target >= 0 ? input.ActorNames[a.Target] : null,
            a.ExpectedGain,
            a.WinProbability,
            a.Proposed,
            a.AdoptedFrom < 0 ? "status quo" : a.AdoptedFrom == a.Actor ? "own challenge" : input.ActorNames[a.AdoptedFrom],
            a.AdoptedProbability,
            a.StatusQuoUtility,
            a.AdoptedUtility,
            a.Position,
            Why(input, a))).ToList())).ToList();
    }

    /// <summary>One line per actor per turn: the challenge made, whose bargain was adopted and why, the new position.</summary>
    public static IReadOnlyList<string> Lines(SmpInput input, IReadOnlyList<SmpTurnAudit> turns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(turns);
        var lines = new List<string>();
        foreach (var t in turns)
        {
            lines.Add(string.Create(Inv, $"Turn {t.Turn + 1}:"));
            foreach (var a in t.Actors)
            {
                lines.Add($"  {input.ActorNames[a.Actor]}: {Why(input, a)}; now {Position(input, a.Position)}.");
            }
        }

        return lines;
    }

    /// <summary>
    /// Who moved most and why, in a few lines: the actors whose final position lies farthest from their first
    /// (Euclidean distance over the dimensions, 0–100 points), most first, each with the turn of its largest move
    /// and the reason recorded for it.
    /// </summary>
    public static IReadOnlyList<string> Summary(SmpInput input, SmpResult result, IReadOnlyList<SmpTurnAudit> turns, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(turns);
        int n = input.ActorCount;
        int d = input.DimensionCount;
        double Distance(int i, int from, int to) =>
            Math.Sqrt(Enumerable.Range(0, d).Sum(k => Math.Pow(result.Position(to, i, k) - result.Position(from, i, k), 2)));
        var moved = Enumerable.Range(0, n).Select(i => (Actor: i, Total: Distance(i, 0, result.Turns)))
            .Where(x => x.Total >= 0.05).OrderByDescending(x => x.Total).ThenBy(x => x.Actor).Take(top).ToList();
        if (moved.Count == 0)
        {
            return [string.Create(Inv, $"No actor moved: every challenge's expected gain stayed below the minimum, or every queue kept the status quo ({result.Turns} turns).")];
        }

        var lines = new List<string>();
        foreach (var (actor, total) in moved)
        {
            var biggest = Enumerable.Range(0, Math.Min(result.Turns, turns.Count)).OrderByDescending(t => Distance(actor, t, t + 1)).ThenBy(t => t).First();
            var a = turns[biggest].Actors[actor];
            lines.Add(string.Create(Inv, $"{input.ActorNames[actor]} moved {total:0.0} points in all ({Position(input, Enumerable.Range(0, d).Select(k => result.Position(0, actor, k)).ToArray())} → {Position(input, Enumerable.Range(0, d).Select(k => result.Position(result.Turns, actor, k)).ToArray())}); most in turn {biggest + 1}, when it {Why(input, a)}."));
        }

        return lines;
    }

    private static string Why(SmpInput input, SmpActorTurn a)
    {
        var challenge = a.Target >= 0
            ? string.Create(Inv, $"challenged {input.ActorNames[a.Target]} (expected gain {a.ExpectedGain:0.0000} over the status quo, P(prevail) {a.WinProbability:0.00})")
            : "made no challenge (none promised a gain)";
        var adopted = a.AdoptedFrom switch
        {
            < 0 => string.Create(Inv, $"kept its position (the status quo was the likeliest option in its queue, P {a.AdoptedProbability:0.00})"),
            _ when a.AdoptedFrom == a.Actor => string.Create(Inv, $"had its own bargain accepted (P {a.AdoptedProbability:0.00}; its utility {a.StatusQuoUtility:0.000} → {a.AdoptedUtility:0.000})"),
            _ => string.Create(Inv, $"adopted {input.ActorNames[a.AdoptedFrom]}'s bargain with it (the likeliest option in its queue, P {a.AdoptedProbability:0.00}; its utility {a.StatusQuoUtility:0.000} → {a.AdoptedUtility:0.000})"),
        };
        return challenge + " and " + adopted;
    }

    private static string Position(SmpInput input, IReadOnlyList<double> position) =>
        string.Join(", ", position.Select((x, k) => string.Create(Inv, $"{input.DimensionNames[k]} {x:0.0}")));
}

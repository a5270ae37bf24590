using Interregnum.Bargaining;
using Xunit;

namespace Interregnum.Runs.Tests;

/// <summary><c>bargain --explain</c>: the audit changes no result, and its summary names who moved most.</summary>
public sealed class BargainExplanationTests
{
    // Three actors on one dimension: A (capability 100) at 20, B (100) at 80, C (10) at 50; saliences 80.
    private static readonly SmpInput Game = new(["A", "B", "C"], ["X"], [100, 100, 10], [20, 80, 50], [80, 80, 80]);

    [Fact]
    public void Execute_WithExplain_SameHistoryAndAnAuditPerTurn()
    {
        var plain = BargainRun.Execute(new BargainRequest(Game, "smp", [], null));
        var explained = BargainRun.Execute(new BargainRequest(Game, "smp", [], null) { Explain = true });

        Assert.Equal(plain.History, explained.History);
        Assert.Null(plain.Audit);
        Assert.Equal(plain.Turns, explained.Audit!.Count);
        var json = BargainRun.Json(explained);
        Assert.Equal(BargainRun.Json(plain).TrimEnd().TrimEnd('}'), json[..json.IndexOf(",\n  \"explain\"", StringComparison.Ordinal)] + "\n");
    }

    [Fact]
    public void Summary_MostMovedFirst_WithTheTotalDistanceOfTheHistory()
    {
        var explained = BargainRun.Execute(new BargainRequest(Game, "smp", [], null) { Explain = true });
        var smp = explained.Smp!;

        var lines = BargainExplanation.Summary(Game, smp, explained.Audit!);

        // The distance each actor moved, from the history itself (one dimension: |final − first|).
        var moved = Enumerable.Range(0, 3).Select(i => (Name: Game.ActorNames[i], Distance: Math.Abs(smp.Position(smp.Turns, i, 0) - smp.Position(0, i, 0))))
            .Where(x => x.Distance >= 0.05).OrderByDescending(x => x.Distance).ToList();
        Assert.Equal(moved.Count, lines.Count);
        for (var r = 0; r < moved.Count; r++)
        {
            Assert.StartsWith($"{moved[r].Name} moved {moved[r].Distance.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} points", lines[r], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Execute_ExplainWithAnotherModel_Refused()
    {
        var ex = Assert.Throws<RunException>(() => BargainRun.Execute(new BargainRequest(Game, "eu", [], null) { Explain = true }));
        Assert.Contains("--explain needs --model smp", ex.Message, StringComparison.Ordinal);
    }
}

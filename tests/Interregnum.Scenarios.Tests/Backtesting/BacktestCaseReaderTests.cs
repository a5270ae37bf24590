using Interregnum.Backtesting;
using Interregnum.Scenarios.Backtesting;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests.Backtesting;

public sealed class BacktestCaseReaderTests : IDisposable
{
    // A valid outcome for scenarios/teaching.yaml (as_of 2025-01-01; candidates bram-acting, cato, dara;
    // dimensions hostility, repression).
    private const string ValidOutcome = """
        question_date: 2025-01-02
        outcome_date: 2025-02-01
        winner: cato
        contested: true
        excluded:
          - { actor: dara, fate: arrested, note: held after the coup }
        dimensions:
          hostility: { direction: up, size: 10 }
          repression: { direction: none, size: 0 }
        sources:
          - Invented for a test.
        """;

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("interregnum-cases-");

    private static string PublicSet => Path.Combine(TestData.RepositoryRoot(), "backtests");

    private static string Teaching => File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "scenarios", "teaching.yaml"));

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void PublicSet_EveryCaseLoadsAndValidates()
    {
        // When
        var cases = BacktestCaseReader.ReadFolder(PublicSet);

        // Then: at least the six cases of issue 7, each valid; its winner a candidate, its dates in order, and the
        // scenario dated no later than the question date.
        Assert.True(cases.Count >= 6, $"found {cases.Count} cases");
        foreach (var id in new[] { "ussr-1982", "ussr-1985", "syria-2000", "tunisia-1987", "saudi-2005", "iran-2024" })
        {
            Assert.Contains(cases, c => c.Id == id);
        }

        foreach (var c in cases)
        {
            Assert.True(c.IsValid, c.Id + ": " + string.Join(Environment.NewLine, c.Errors));
            var k = c.Case!;
            Assert.Contains(k.Scenario.Candidates, x => x.Id == k.Outcome.Winner);
            Assert.True(k.Outcome.OutcomeDate >= k.Outcome.QuestionDate);
            Assert.True(k.Scenario.AsOf <= k.Outcome.QuestionDate);
            Assert.NotEmpty(k.Outcome.Sources);
            Assert.NotEmpty(k.Scenario.Sources);
            Assert.True(k.Scenario.Candidates.Count >= 3, $"{c.Id}: a case lists the candidates discussed then, losers included");
        }
    }

    [Fact]
    public void ValidCase_ReadsEveryField()
    {
        // Given
        var dir = Case("valid", Teaching, ValidOutcome);

        // When
        var result = BacktestCaseReader.ReadCase(dir);

        // Then
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var o = result.Case!.Outcome;
        Assert.Equal("natural-death", result.Case.ShockId);
        Assert.Equal(new DateOnly(2025, 1, 2), o.QuestionDate);
        Assert.Equal("cato", o.Winner);
        Assert.True(o.Contested);
        Assert.Equal("dara", Assert.Single(o.Excluded).Actor);
        Assert.Equal(10, o.Dimensions["hostility"].SignedChange);
        Assert.Equal(PolicyDirection.None, o.Dimensions["repression"].Direction);
    }

    [Fact]
    public void EventualLeader_ReadWhenPresentNullWhenAbsent()
    {
        // Given: a staged succession (cato wins, dara leads two years on) and the valid outcome without the key.
        var staged = Case("staged", Teaching, ValidOutcome + "\neventual_leader: dara\n");
        var plain = Case("plain", Teaching, ValidOutcome);

        // When
        var a = BacktestCaseReader.ReadCase(staged);
        var b = BacktestCaseReader.ReadCase(plain);

        // Then
        Assert.True(a.IsValid, string.Join(Environment.NewLine, a.Errors));
        Assert.Equal("dara", a.Case!.Outcome.EventualLeader);
        Assert.Null(b.Case!.Outcome.EventualLeader);
        var other = BacktestCaseReader.ReadCase(Case("staged-other", Teaching, ValidOutcome + "\neventual_leader: other\n"));
        Assert.Equal("other", other.Case!.Outcome.EventualLeader);
    }

    [Fact]
    public void EventualLeaderUnknownActor_ErrorAtItsLineAndColumn()
    {
        // Given: the key is the outcome's line 12 ("eventual_leader: " is 17 characters, the value at column 18).
        var dir = Case("staged-bad", Teaching, ValidOutcome + "\neventual_leader: darra\n");

        // When
        var result = BacktestCaseReader.ReadCase(dir);

        // Then
        var error = Assert.Single(result.Errors);
        Assert.Equal((12, 18), (error.Line, error.Column));
        Assert.Contains("unknown eventual_leader 'darra' (did you mean 'dara'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOutcome_NamesTheFileAndTheOtherCasesStillLoad()
    {
        // Given
        Case("a-missing", Teaching, null);
        Case("b-valid", Teaching, ValidOutcome);

        // When
        var cases = BacktestCaseReader.ReadFolder(root.FullName);

        // Then
        Assert.Equal(2, cases.Count);
        var error = Assert.Single(cases[0].Errors);
        Assert.Equal(Path.Combine(root.FullName, "a-missing", "outcome.yaml") + ":1:1: missing outcome file: a case folder holds scenario.yaml and outcome.yaml", error.ToString());
        Assert.True(cases[1].IsValid);
    }

    [Fact]
    public void UnknownWinner_ErrorAtTheWinnersLineAndColumn()
    {
        // Given: line 3, column 9 holds the value of 'winner'.
        var dir = Case("unknown", Teaching, ValidOutcome.Replace("winner: cato", "winner: catto", StringComparison.Ordinal));

        // When
        var result = BacktestCaseReader.ReadCase(dir);

        // Then
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, 9), (error.Line, error.Column));
        Assert.EndsWith("outcome.yaml", error.File, StringComparison.Ordinal);
        Assert.Contains("unknown candidate 'catto' as winner (did you mean 'cato'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutcomeBeforeQuestion_ErrorAtTheOutcomeDate()
    {
        // Given: line 2, column 15 holds the value of 'outcome_date'.
        var dir = Case("early", Teaching, ValidOutcome.Replace("outcome_date: 2025-02-01", "outcome_date: 2024-12-31", StringComparison.Ordinal));

        // When
        var result = BacktestCaseReader.ReadCase(dir);

        // Then
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, 15), (error.Line, error.Column));
        Assert.Equal("the outcome date 2024-12-31 is before the question date 2025-01-02", error.Message);
    }

    [Fact]
    public void ScenarioDatedAfterQuestion_IsRejected()
    {
        // Given: the teaching scenario is as of 2025-01-01; a question on 2024-06-01 would use later knowledge.
        var dir = Case("leak", Teaching, ValidOutcome.Replace("question_date: 2025-01-02", "question_date: 2024-06-01", StringComparison.Ordinal));

        // When
        var result = BacktestCaseReader.ReadCase(dir);

        // Then
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, 16), (error.Line, error.Column));
        Assert.Contains("nothing learned after the question date may go into the scenario", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fate: arrested", "fate: vanished", 6, 26, "unknown fate 'vanished'")]
    [InlineData("hostility: { direction: up, size: 10 }", "hostility: { direction: up, size: 2 }", 8, 37, "below the no-change band")]
    [InlineData("repression: { direction: none, size: 0 }", "repression: { direction: none, size: 7 }", 9, 40, "direction none has size 0")]
    [InlineData("hostility: { direction: up, size: 10 }", "hostility: { direction: upward, size: 10 }", 8, 27, "unknown direction 'upward'")]
    [InlineData("contested: true", "contested: maybe", 4, 12, "expected 'contested' (true or false)")]
    // Columns counted on the outcome text: line 6 "  - { actor: dara, fate: " is 25 characters, so the fate's value is at
    // column 26; line 8 "  hostility: { direction: up, size: " is 36, so the size is at 37 and the direction at 27;
    // line 9 "  repression: { direction: none, size: " is 39 (size at 40); line 4 "contested: " is 11 (value at 12).
    public void MalformedOutcome_OneClearErrorAtItsPlace(string from, string to, int line, int column, string message)
    {
        // Given
        var dir = Case("bad", Teaching, ValidOutcome.Replace(from, to, StringComparison.Ordinal));

        // When
        var result = BacktestCaseReader.ReadCase(dir);

        // Then
        var error = Assert.Single(result.Errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidScenario_ReportsTheScenariosErrors()
    {
        // Given
        var dir = Case("bad-scenario", Teaching.Replace("incumbent: arlen", "incumbent: nobody", StringComparison.Ordinal), ValidOutcome);

        // When
        var result = BacktestCaseReader.ReadCase(dir);

        // Then
        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.EndsWith("scenario.yaml", e.File, StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("nobody", StringComparison.Ordinal));
    }

    private string Case(string name, string scenario, string? outcome)
    {
        var dir = Path.Combine(root.FullName, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "scenario.yaml"), scenario);
        if (outcome is not null)
        {
            File.WriteAllText(Path.Combine(dir, "outcome.yaml"), outcome);
        }

        return dir;
    }
}

using Xunit;

namespace Interregnum.Runs.Tests;

/// <summary>The track record in words from the shipped backtest record (docs/backtesting.md's pinned tables, embedded).</summary>
public sealed class ShippedTrackRecordTests
{
    // A fixed snippet in the pinned format, with numbers made up for the test.
    private const string Snippet = """
        ### All cases

        <!-- pinned:aggregates -->
        | forecaster | cases | Brier (winner) | log (winner) |
        |---|---|---|---|
        | model | 40 | 0.600 [0.500, 0.700] | 1.000 [0.900, 1.100] |
        | equal-odds | 40 | 0.700 [0.690, 0.710] | 1.200 [1.180, 1.220] |
        <!-- /pinned -->

        <!-- pinned:skill -->
        | against | Brier (winner) | log (winner) | Brier (contested) | CRPS |
        |---|---|---|---|---|
        | equal-odds | +0.14 [+0.02, +0.25] | +0.17 [-0.01, +0.30] | -0.05 [-0.20, +0.10] | +0.10 [-0.02, +0.22] |
        <!-- /pinned -->
        """;

    [Fact]
    public void Sentence_FixedSnippet_StatesCasesAndEachVerdictWithItsInterval()
    {
        Assert.Equal(
            "On 40 past successions (each forecast made without its own case), the model's winner forecast beat equal odds on the Brier score (skill +0.14, 90% interval +0.02 to +0.25, where 0 is no better) and did not clearly beat them on the log score (skill +0.17, 90% interval -0.01 to +0.30, where 0 is no better); its forecast of a contested succession did not beat even odds (skill -0.05, 90% interval -0.20 to +0.10, where 0 is no better).",
            ShippedTrackRecord.Sentence(Snippet));
    }

    [Fact]
    public void Sentence_EmbeddedRecord_UsesTheCasesAndSkillOfItsOwnTables()
    {
        // Given the record embedded at build time (another branch may re-record it: read the expectation from it)
        var text = ShippedTrackRecord.EmbeddedText();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var aggregates = Array.IndexOf(lines, "<!-- pinned:aggregates -->");
        var skill = Array.IndexOf(lines, "<!-- pinned:skill -->");
        Assert.True(aggregates >= 0 && skill >= 0, "the pinned tables are missing from docs/backtesting.md");
        var modelRow = lines.Skip(aggregates).First(l => l.StartsWith("| model |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        var equalRow = lines.Skip(skill).First(l => l.StartsWith("| equal-odds |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);

        // When
        var sentence = ShippedTrackRecord.Sentence(text);

        // Then it names the model row's case count and the skill cells against equal odds (Brier, log, contested)
        Assert.NotNull(sentence);
        Assert.StartsWith($"On {modelRow[2]} past successions", sentence, StringComparison.Ordinal);
        var brier = equalRow[2].Split(' ')[0];
        var log = equalRow[3].Split(' ')[0];
        Assert.Contains($"equal odds on the Brier score (skill {brier},", sentence, StringComparison.Ordinal);
        Assert.Contains($"on the log score (skill {log},", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentence_NoPinnedTables_Null() => Assert.Null(ShippedTrackRecord.Sentence("# nothing pinned here\n"));

    // Rivals with made-up scores: the best winner rival is the formal successor (0.650 < 0.700 < 1.100), the best
    // contested rival the base rate (0.130 < 0.210 < 0.250).
    private const string RivalSnippet = """
        <!-- pinned:aggregates -->
        | forecaster | cases | Brier (winner) | Brier (contested) |
        |---|---|---|---|
        | model | 45 | 0.600 [0.500, 0.700] | 0.140 [0.100, 0.190] |
        | equal-odds | 45 | 0.700 [0.690, 0.710] | 0.250 [0.250, 0.250] |
        | formal-successor | 45 | 0.650 [0.500, 0.800] | 0.210 [0.110, 0.300] |
        | most-coercion | 45 | 1.100 [0.900, 1.300] | — |
        | base-rate | 45 | — | 0.130 [0.090, 0.190] |
        | inside-only | 45 | 0.590 [0.480, 0.700] | 0.208 [0.170, 0.260] |
        <!-- /pinned -->

        <!-- pinned:skill -->
        | against | Brier (winner) | Brier (contested) |
        |---|---|---|
        | equal-odds | +0.14 [+0.02, +0.25] | +0.44 [+0.20, +0.60] |
        | formal-successor | +0.08 [-0.03, +0.19] | +0.33 [+0.20, +0.41] |
        | most-coercion | +0.45 [+0.30, +0.55] | — |
        | base-rate | — | -0.08 [-0.15, +0.01] |
        <!-- /pinned -->
        """;

    [Fact]
    public void WinnerSkill_RivalSnippet_AgainstTheRivalWithTheLowestWinnerBrier()
    {
        var skill = ShippedTrackRecord.WinnerSkill(RivalSnippet);

        Assert.NotNull(skill);
        Assert.Equal(45, skill.Cases);
        Assert.Equal("the formal successor", skill.Reference);
        Assert.Equal((0.08, -0.03, 0.19), (skill.Gain, skill.Low, skill.High));
        Assert.Equal("the blended forecast", skill.Subject);
    }

    [Fact]
    public void ContestedSkill_RivalSnippet_AgainstTheBaseRateTheLowestContestedBrier()
    {
        var skill = ShippedTrackRecord.ContestedSkill(RivalSnippet);

        Assert.NotNull(skill);
        Assert.Equal("the base rate", skill.Reference);
        Assert.Equal((-0.08, -0.15, 0.01), (skill.Gain, skill.Low, skill.High));

        // With the prior alone in the blend, the evidence is the model alone's: 1 - 0.208 / 0.130 = -0.6, no interval
        var alone = ShippedTrackRecord.ContestedSkill(RivalSnippet, priorAlone: true);
        Assert.NotNull(alone);
        Assert.Equal(-0.6, alone.Gain, 12);
        Assert.Equal(("the base rate", (double?)null, (double?)null), (alone.Reference, alone.Low, alone.High));
        Assert.StartsWith("the model's own contested forecast", alone.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Skills_NoPinnedTables_Null()
    {
        Assert.Null(ShippedTrackRecord.WinnerSkill("# nothing\n"));
        Assert.Null(ShippedTrackRecord.ContestedSkill("# nothing\n"));
    }

    [Fact]
    public void ShippedSkill_EmbeddedRecord_IsReadForBothQuestions()
    {
        // The key judgments' confidence rests on these; an unreadable record would silently say "not measured".
        Assert.NotNull(ShippedSkill.Winner);
        Assert.NotNull(ShippedSkill.Contested);
    }
}

using Interregnum.Judgments;
using Interregnum.Model;
using Interregnum.Simulation;
using Xunit;

namespace Interregnum.Tests.Judgments;

public sealed class KeyJudgmentsTests
{
    private static readonly SkillEvidence ClearSkill = new(40, 0.12, 0.05, 0.20, "equal odds", "the forecast");

    [Theory]
    [InlineData(0.30, 0.40, ConfidenceLevel.High)] // one band (unlikely)
    [InlineData(0.40, 0.60, ConfidenceLevel.Moderate)] // unlikely, roughly even, likely: three bands
    [InlineData(0.056, 0.596, ConfidenceLevel.Low)] // four bands
    public void Confidence_ClearSkill_GradedBySpreadAcrossBands(double low, double high, ConfidenceLevel expected) =>
        Assert.Equal(expected, KeyJudgments.Confidence(low, high, ClearSkill).Level);

    [Fact]
    public void Confidence_NarrowSpreadNoMeasuredSkill_IsLow()
    {
        var (level, reason) = KeyJudgments.Confidence(0.30, 0.40, null);

        Assert.Equal(ConfidenceLevel.Low, level);
        Assert.Contains("not been measured", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Confidence_NarrowSpreadSkillIntervalIncludesZero_IsModerate() =>
        Assert.Equal(ConfidenceLevel.Moderate, KeyJudgments.Confidence(0.30, 0.40, new SkillEvidence(40, 0.05, -0.02, 0.12, "equal odds", "the forecast")).Level);

    [Fact]
    public void Confidence_PositiveSkillWithoutInterval_IsModerateAndPrintsNoInterval()
    {
        var (level, reason) = KeyJudgments.Confidence(0.30, 0.40, new SkillEvidence(40, 0.05, null, null, "equal odds", "the forecast"));

        Assert.Equal(ConfidenceLevel.Moderate, level);
        Assert.EndsWith("on 40 past successions the forecast beat, though not clearly, equal odds (Brier skill +0.05)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Confidence_NarrowSpreadModelWorseThanReference_IsLow() =>
        Assert.Equal(ConfidenceLevel.Low, KeyJudgments.Confidence(0.30, 0.40, new SkillEvidence(40, -0.05, -0.12, 0.02, "equal odds", "the forecast")).Level);

    [Fact]
    public void Build_ThreeCandidates_LeaderRunnerUpAndContestedInWordsWithNumbers()
    {
        // Given a forecast where A has 62% (input range 55–70%), B 29% (20–40%), C 9%, contested 12% (8–18%)
        var s = TestScenarios.HandWorked();
        var result = Result(
            [("a", 0.62, 0.55, 0.70), ("b", 0.29, 0.20, 0.40), ("c", 0.09, 0.05, 0.15)],
            contested: (0.12, 0.08, 0.18));

        // When
        var judgments = KeyJudgments.Build(s, result, null, ClearSkill, ClearSkill);

        // Then: 62% is "likely", 29% "unlikely", 12% "very unlikely" (ICD 203 ranges 55–80, 20–45, 5–20%)
        Assert.Equal(["p_candidate.a", "p_candidate.b", "p_contested"], judgments.Select(j => j.Output));
        Assert.Equal(["likely", "unlikely", "very unlikely"], judgments.Select(j => j.Words));
        Assert.StartsWith("It is likely (62%; 55–70% across the uncertain inputs) that Cand a prevails.", judgments[0].Sentence, StringComparison.Ordinal);
        // 55–70% touches roughly even (55%) and likely: two bands, and the skill is clear of zero: high.
        Assert.Equal(ConfidenceLevel.High, judgments[0].Confidence);
        Assert.Null(judgments[0].Assumption);
    }

    [Fact]
    public void Build_WithSensitivity_MainAssumptionIsTopImportanceInputInWords()
    {
        var s = TestScenarios.HandWorked();
        var result = Result([("a", 0.62, 0.55, 0.70), ("b", 0.38, 0.30, 0.45)], contested: (0.1, 0.05, 0.2));
        var sens = new SensitivityResult("death", 1, 100, PolicyModel.Compromise, 2,
        [
            new OutputSensitivity(new HeadlineOutput("p_candidate.a", "P(a)"), 0.62, [],
                [new ImportanceIndex("contest.acting_successor_following", 0.8, 0.7, 0.9), new ImportanceIndex("contest.tie_weight", 0.1, 0, 0.2)]),
        ]);

        var j = KeyJudgments.Build(s, result, sens, ClearSkill, ClearSkill)[0];

        Assert.NotNull(j.Assumption);
        Assert.Equal("contest.acting_successor_following", j.Assumption.Input);
        Assert.DoesNotContain("contest.", j.Assumption.Words, StringComparison.Ordinal);
        Assert.Contains("(about 80% of the variance)", j.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FailedAttempt_NoSuccessionJudgments()
    {
        var result = Result([("a", 0.5, 0.4, 0.6)], contested: (0.1, 0.05, 0.2)) with { IncumbentStays = true };

        Assert.Empty(KeyJudgments.Build(TestScenarios.HandWorked(), result, null, ClearSkill, ClearSkill));
    }

    private static SimulationResult Result((string Id, double P, double Low, double High)[] candidates, (double P, double Low, double High) contested) =>
        new(
            "hand",
            "death",
            "Death in office",
            1,
            1000,
            PolicyModel.Compromise,
            false,
            candidates.Select(c => new CandidateForecast(c.Id, $"Cand {c.Id}", c.Id, new ProbabilityEstimate(c.P, c.P - 0.01, c.P + 0.01, 0.006, c.Low, c.High), c.P)).ToList(),
            new ProbabilityEstimate(contested.P, contested.P - 0.01, contested.P + 0.01, 0.006, contested.Low, contested.High),
            0.5,
            [],
            []);
}

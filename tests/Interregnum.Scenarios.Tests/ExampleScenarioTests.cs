using Interregnum.Model;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

public sealed class ExampleScenarioTests
{
    public static TheoryData<string> Examples => new() { "russia-2024.yaml", "teaching.yaml" };

    private static string Example(string name) => Path.Combine(TestData.RepositoryRoot(), "scenarios", name);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_Loads_WithoutErrors(string name)
    {
        // When
        var result = ScenarioReader.ReadFile(Example(name));

        // Then
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Russia_Loads_TheCaseNotesStructure()
    {
        // Given: the case notes (/work/shared/cases/russia-2024.md) and the brief name these elements.
        var s = ScenarioReader.ReadFile(Example("russia-2024.yaml")).Scenario!;

        // Then
        Assert.Equal("putin", s.Incumbent);
        Assert.Equal(
            ["coercion", "money", "infrastructure", "natural-resources", "connections", "knowledge"],
            s.Instruments.Select(i => i.Id));
        Assert.Equal(["coercion"], s.Instruments.Where(i => i.Coercive).Select(i => i.Id));
        Assert.Equal("mishustin", s.Office.ActingSuccessor);
        Assert.Equal(90, s.Office.ActingTermDays);
        Assert.Equal("bortnikov", s.Organizations.Single(o => o.Id == "fsb").Head);
        Assert.Equal("zolotov", s.Organizations.Single(o => o.Id == "rosgvardia").Head);
        Assert.Equal("kochnev", s.Organizations.Single(o => o.Id == "fso").Head);
        Assert.Equal(1951, s.ActorById("bortnikov").BirthYear);
        Assert.Equal(1954, s.ActorById("zolotov").BirthYear);
        Assert.Equal(
            [ExitManner.NaturalDeath, ExitManner.Incapacity, ExitManner.Coup, ExitManner.Assassination, ExitManner.FailedAttempt],
            s.Shocks.Select(x => x.Manner));
        var abroad = s.ShockById("killed-abroad")!;
        Assert.Equal(ExitLocation.Abroad, abroad.Location);
        Assert.Equal("foreign-state", abroad.Perceived!.Party);
        var repression = abroad.Effects.Single(e => e.Target == EffectTarget.Position && e.Dimension == "repression");
        Assert.Equal("*", repression.Subject);
        Assert.Equal(10, repression.Shift.Min);   // case notes: +10 to +25 points
        Assert.Equal(25, repression.Shift.Max);
        Assert.Equal(new ReferenceClass("personal", "europe", 1946, 2024, null), s.ReferenceClass);
    }

    [Fact]
    public void Russia_EveryJudgmentOnHostility_IsARangeInsideTheCaseNotes()
    {
        // Given: case notes: "Hostility toward the West, 0-100: the whole inner circle high (judgment: 75-95)".
        var s = ScenarioReader.ReadFile(Example("russia-2024.yaml")).Scenario!;
        string[] innerCircle = ["putin", "patrushev", "bortnikov", "zolotov", "sechin", "s-ivanov", "v-ivanov", "kochnev", "korolev"];

        foreach (var id in innerCircle)
        {
            var h = s.ActorById(id).Positions["hostility"];
            Assert.False(h.IsFixed, id);
            Assert.InRange(h.Min, 75, 95);
            Assert.InRange(h.Max, 75, 95);
        }
    }

    [Fact]
    public void Teaching_Loads_FiveActorsTwoDimensionsTwoShocks()
    {
        var s = ScenarioReader.ReadFile(Example("teaching.yaml")).Scenario!;

        Assert.Equal(5, s.Actors.Count);
        Assert.Equal(2, s.Dimensions.Count);
        Assert.Equal(2, s.Shocks.Count);
        // beta with min/max omitted lies on [0, 1]
        Assert.Equal(DistributionKind.Beta, s.ActorById("cato").Ambition.Kind);
        Assert.Equal([4.0, 2.0, 0.0, 1.0], s.ActorById("cato").Ambition.Parameters);
    }
}

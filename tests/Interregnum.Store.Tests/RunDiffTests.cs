using System.Collections.Immutable;
using Xunit;

namespace Interregnum.Store.Tests;

public sealed class RunDiffTests
{
    private static RunRecord Run(long id = 1) => new()
    {
        Id = id,
        Kind = RunKind.Simulate,
        ScenarioText = "a\nb\nc\n",
        ScenarioFile = "russia.yaml",
        ShockId = "death",
        Seed = 7,
        Draws = 1000,
        ModelName = "compromise",
        ModelParameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["rounds"] = "10",
            ["threshold"] = "0.3",
        }),
        ProgramVersion = "0.1.0",
        CreatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        Arguments = ["simulate", "russia.yaml"],
        ResultsJson = """{"winner":{"a":0.5,"b":0.5},"contested":0.25,"label":"x","draws":[1,2]}""",
    };

    [Fact]
    public void Between_SameRunStoredTwice_IsEmpty()
    {
        var diff = RunDiff.Between(Run(1), Run(2) with { CreatedAt = DateTimeOffset.UnixEpoch });

        Assert.True(diff.IsEmpty);
        Assert.Null(diff.Scenario);
        Assert.Equal(1, diff.OldId);
        Assert.Equal(2, diff.NewId);
    }

    [Fact]
    public void Between_ChangedInputs_ListsEachWithOldAndNewValues()
    {
        // Given
        var other = Run(2) with
        {
            ShockId = null,
            Seed = 8,
            Draws = 2000,
            ModelName = "smp",
            ModelParameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["rounds"] = "12",
                ["alpha"] = "0.5",
            }),
            ProgramVersion = "0.2.0",
        };

        // When
        var diff = RunDiff.Between(Run(), other);

        // Then: in the fixed order kind, file, hash, shock, seed, draws, model, parameters (by name), version
        Assert.Equal(
            [
                new InputChange("shock", "death", null),
                new InputChange("seed", "7", "8"),
                new InputChange("draws", "1000", "2000"),
                new InputChange("model", "compromise", "smp"),
                new InputChange("parameter alpha", null, "0.5"),
                new InputChange("parameter rounds", "10", "12"),
                new InputChange("parameter threshold", "0.3", null),
                new InputChange("program_version", "0.1.0", "0.2.0"),
            ],
            diff.Inputs);
        Assert.Empty(diff.Results);
    }

    [Fact]
    public void Between_ChangedScenarioText_ReportsHashAndLineCounts()
    {
        // Given: "a b c" becomes "a B c d": by hand, b is removed, B and d are added, a and c are kept
        var other = Run(2) with { ScenarioText = "a\r\nB\r\nc\r\nd" };

        // When
        var diff = RunDiff.Between(Run(), other);

        // Then
        var hash = Assert.Single(diff.Inputs);
        Assert.Equal("scenario_hash", hash.Field);
        Assert.Equal(ContentHash.Sha256Hex("a\nb\nc\n"), hash.Old);
        Assert.NotNull(diff.Scenario);
        Assert.Equal(1, diff.Scenario.LinesRemoved);
        Assert.Equal(2, diff.Scenario.LinesAdded);
        Assert.Equal(2, diff.Scenario.LinesUnchanged);
        Assert.Equal(
            [new LineChange('-', 2, "b"), new LineChange('+', 2, "B"), new LineChange('+', 4, "d")],
            diff.Scenario.Changes);
    }

    [Fact]
    public void Between_ChangedNumbers_ReportsPathsWithOldAndNewValuesAndIgnoresText()
    {
        // Given: a.0.5 -> 0.6, b 0.5 -> 0.4, contested removed, draws[2] added, label changed (text: ignored)
        var other = Run(2) with
        {
            ResultsJson = """{"winner":{"a":0.6,"b":0.4},"label":"y","draws":[1,2,3],"spread":"NaN"}""",
        };

        // When
        var diff = RunDiff.Between(Run(), other);

        // Then
        Assert.Empty(diff.Inputs);
        Assert.Equal(
            [
                new ResultChange("winner.a", 0.5, 0.6),
                new ResultChange("winner.b", 0.5, 0.4),
                new ResultChange("contested", 0.25, null),
                new ResultChange("draws[2]", null, 3),
                new ResultChange("spread", null, double.NaN),
            ],
            diff.Results);
        Assert.Equal(0.1, diff.Results[0].Delta!.Value, 12);
        Assert.Null(diff.Results[2].Delta);
    }

    [Fact]
    public void Between_SameCandidatesInAnotherOrder_IsNoChange()
    {
        // Given the same forecast with two candidates listed the other way round (issue 15, defect 4: pairing by
        // position reported candidates[0] -0.205 and candidates[4] +0.205 for an identical forecast)
        var first = Run() with { ResultsJson = """{"candidates":[{"id":"pm","probability":0.205,"interval90":[0.19,0.22]},{"id":"fsb","probability":0.1,"interval90":[0.09,0.11]}]}""" };
        var swapped = Run(2) with { ResultsJson = """{"candidates":[{"id":"fsb","probability":0.1,"interval90":[0.09,0.11]},{"id":"pm","probability":0.205,"interval90":[0.19,0.22]}]}""" };

        // Then
        Assert.True(RunDiff.Between(first, swapped).IsEmpty);
    }

    [Fact]
    public void Between_OneCandidateChanged_NamesItById()
    {
        var first = Run() with { ResultsJson = """{"candidates":[{"id":"pm","probability":0.3},{"id":"fsb","probability":0.7}]}""" };
        var second = Run(2) with { ResultsJson = """{"candidates":[{"id":"fsb","probability":0.6},{"id":"pm","probability":0.3},{"id":"army","probability":0.1}]}""" };

        var diff = RunDiff.Between(first, second);

        Assert.Equal(
            [new ResultChange("candidates[fsb].probability", 0.7, 0.6), new ResultChange("candidates[army].probability", null, 0.1)],
            diff.Results);
    }

    [Fact]
    public void Between_SameNumberWrittenDifferently_IsNoChange()
    {
        var other = Run(2) with { ResultsJson = """{"winner":{"a":5e-1,"b":0.50},"contested":0.250,"label":"x","draws":[1.0,2]}""" };

        Assert.True(RunDiff.Between(Run(), other).IsEmpty);
    }
}

public sealed class JsonLeavesTests
{
    [Fact]
    public void Flatten_NestedDocument_GivesPathsInDocumentOrder()
    {
        var leaves = JsonLeaves.Flatten("""{"a":{"b":[1,{"c":true}]},"odd key":null,"s":"t\"x"}""");

        Assert.Equal(["a.b[0]", "a.b[1].c", "[\"odd key\"]", "s"], leaves.Select(l => l.Path));
        Assert.Equal(["1", "true", "", "t\"x"], leaves.Select(l => l.Text));
        Assert.Equal(1.0, leaves[0].Number);
        Assert.Null(leaves[1].Number);
    }

    [Theory]
    [InlineData("""[{"id":"a","v":1},{"id":"b","v":2}]""", "[a].id,[a].v,[b].id,[b].v")]
    [InlineData("""[{"name":"x y","v":1},{"name":"z","v":2}]""", "[\"x y\"].name,[\"x y\"].v,[z].name,[z].v")]
    [InlineData("""[{"id":1,"v":1},{"id":2,"v":2}]""", "[\"1\"].id,[\"1\"].v,[\"2\"].id,[\"2\"].v")]
    [InlineData("""[{"id":"a","v":1},{"id":"a","v":2}]""", "[0].id,[0].v,[1].id,[1].v")]
    [InlineData("""[{"id":"a","v":1},{"v":2}]""", "[0].id,[0].v,[1].v")]
    [InlineData("""[{"id":"a"},3]""", "[0].id,[1]")]
    public void Flatten_ArrayOfObjects_KeyedByAUniqueIdentityElseByPosition(string json, string paths)
    {
        var leaves = JsonLeaves.Flatten(json);

        Assert.Equal(paths, string.Join(',', leaves.Select(l => l.Path)));
    }

    [Fact]
    public void Differences_ByRawText_SeesFormattingOfNumbers()
    {
        var changes = JsonLeaves.Differences("""{"x":1.0,"y":[true]}""", """{"x":1,"y":[true],"z":"new"}""");

        Assert.Equal(["x", "z"], changes.Select(c => c.Path));
        Assert.Equal("1.0", changes[0].Old!.RawText);
        Assert.Equal("1", changes[0].New!.RawText);
        Assert.Null(changes[1].Old);
    }
}

public sealed class LineDiffTests
{
    [Fact]
    public void Between_IdenticalTexts_HasNoChanges()
    {
        var diff = LineDiff.Between("x\ny\n", "x\ny\n");

        Assert.Equal(new LineDiff(0, 0, 2, []).LinesUnchanged, diff.LinesUnchanged);
        Assert.Empty(diff.Changes);
    }

    [Fact]
    public void Between_InsertionInTheMiddle_IsOneAddedLine()
    {
        // By hand: old 1..5, new inserts "x" after line 2; the longest common subsequence is all five old lines.
        var diff = LineDiff.Between("1\n2\n3\n4\n5\n", "1\n2\nx\n3\n4\n5\n");

        Assert.Equal(0, diff.LinesRemoved);
        Assert.Equal(1, diff.LinesAdded);
        Assert.Equal(5, diff.LinesUnchanged);
        Assert.Equal([new LineChange('+', 3, "x")], diff.Changes);
    }

    [Fact]
    public void Between_EmptyAndText_AllLinesAdded()
    {
        var diff = LineDiff.Between(string.Empty, "p\nq");

        Assert.Equal(2, diff.LinesAdded);
        Assert.Equal(0, diff.LinesUnchanged);
    }
}

using Interregnum.Scenarios.Ktab;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests.Ktab;

/// <summary>The KTAB CSV reader and writer, on every example input of tests/ktab-smp (vendored) (counts from its SOURCE.md).</summary>
public sealed class KtabCsvTests
{
    public static TheoryData<string, int, int> Inputs => new()
    {
        { "SOE-Pol-Comp", 13, 2 },
        { "SOE-Policy", 26, 1 },
        { "SOE-Competitive", 34, 1 },
        { "dummyData_3Dim", 7, 3 },
        { "dummyData_6Dim", 27, 6 },
        { "dummyData-a040", 40, 1 },
        { "dummyData-a080", 80, 1 },
        { "dummyData-a160", 160, 1 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Read_KtabExample_ReadsEveryActorAndDimension(string name, int actors, int dimensions)
    {
        // Given
        var path = TestData.Vendored("ktab-smp", "inputs", name + ".csv");

        // When
        var result = KtabCsv.Read(path);

        // Then
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(actors, result.Game!.Actors.Count);
        Assert.Equal(dimensions, result.Game.PositionHeaders.Length);
        Assert.All(result.Game.Actors, a => Assert.Equal(dimensions, a.Positions.Length));
        Assert.Equal(actors, result.Game.ToSmpInput().ActorCount);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Write_ThenRead_GivesTheSameGame(string name, int actors, int dimensions)
    {
        // Given
        var game = KtabCsv.Read(TestData.Vendored("ktab-smp", "inputs", name + ".csv")).Game!;

        // When
        var text = new StringWriter();
        KtabCsv.Write(game, text);
        var again = KtabCsv.Read(new StringReader(text.ToString()), "roundtrip.csv");

        // Then
        Assert.True(again.Succeeded, string.Join("; ", again.Errors));
        Assert.True(game.SameAs(again.Game!));
        Assert.Equal(actors, again.Game!.Actors.Count);
        Assert.Equal(dimensions, again.Game.PositionHeaders.Length);
    }

    [Fact]
    public void Read_SoePolComp_ReadsNamesHeadersAndNumbersExactly()
    {
        // Given SOE-Pol-Comp.csv row 3: "XJ,Xi Jinping,  100.0,30,24.0,20,48.0,"
        var game = KtabCsv.Read(TestData.Vendored("ktab-smp", "inputs", "SOE-Pol-Comp.csv")).Game!;

        // Then
        Assert.Equal("China Policy/Competitive; scen 2", game.ScenarioName);
        Assert.Equal("Influence", game.CapabilityHeader);
        Assert.Equal(["Policy", "Competitive"], game.DimensionNames);
        var xj = game.Actors[0];
        Assert.Equal("XJ", xj.Name);
        Assert.Equal("Xi Jinping", xj.Description);
        Assert.Equal(100.0, xj.Capability);
        Assert.Equal([30.0, 20.0], xj.Positions);
        Assert.Equal([24.0, 48.0], xj.Saliences);
    }

    [Fact]
    public void Read_BadValues_ReportsEveryErrorWithLineAndColumn()
    {
        // Given
        const string text = "S,d,3,1\nActor,Description,Influence,X Position,X Salience\nA,a,1,50,50\nB,b,x,150,50\nC,c,2,10,120\n";

        // When
        var result = KtabCsv.Read(new StringReader(text), "bad.csv");

        // Then
        Assert.False(result.Succeeded);
        Assert.Null(result.Game);
        var messages = result.Errors.Select(e => e.ToString()).ToArray();
        Assert.Contains(messages, m => m.StartsWith("bad.csv:4:3: Influence: expected a number; found 'x'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("bad.csv:4:4: X Position: position must be in [0, 100]", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("bad.csv:5:5: X Salience: salience must be in [0, 100]", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WrongCounts_ReportsThem()
    {
        // Given a declared actor count of 4 with 3 rows, and a row with a missing field
        const string text = "S,d,4,1,\nActor,Description,Power,X Position,X Salience,\nA,a,1,50,50,\nB,b,1,40\nC,c,1,30,30\n";

        // When
        var result = KtabCsv.Read(new StringReader(text), "count.csv");

        // Then
        var messages = result.Errors.Select(e => e.ToString()).ToArray();
        Assert.Contains(messages, m => m.StartsWith("count.csv:4:5: expected 5 fields; found 4", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("count.csv:1:3: line 1 declares 4 actors", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ZeroCapabilityOrSalience_IsRejected()
    {
        // Given KTAB aborts on a zero voting weight and on a zero total salience (bargaining.md §1.1)
        const string text = "S,d,3,1\nActor,Description,Influence,X Position,X Salience\nA,a,0,50,50\nB,b,1,40,0\nC,c,1,30,30\n";

        // When
        var result = KtabCsv.Read(new StringReader(text), "zero.csv");

        // Then
        var messages = result.Errors.Select(e => e.ToString()).ToArray();
        Assert.Contains(messages, m => m.StartsWith("zero.csv:3:3:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("zero.csv:4:5: actor 'B': saliences must sum to more than 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EmptyOrMissing_ReportsWithoutThrowing()
    {
        // When
        var empty = KtabCsv.Read(new StringReader(string.Empty), "empty.csv");
        var missing = KtabCsv.Read("/nonexistent/dir/none.csv");
        var garbage = KtabCsv.Read(new StringReader("a,b\n\"unclosed,quote\n"), "garbage.csv");

        // Then
        Assert.Single(empty.Errors);
        Assert.Contains("file not found", missing.Errors[0].Message, StringComparison.Ordinal);
        Assert.False(garbage.Succeeded);
        Assert.NotEmpty(garbage.Errors);
    }
}

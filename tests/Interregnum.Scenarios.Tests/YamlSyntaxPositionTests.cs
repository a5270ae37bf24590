using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>
/// YAML syntax faults put into scenarios/teaching.yaml at a known place: each is reported at its own line and
/// column (1-based, the column of the offending character, found here by a text search independent of the
/// reader) with a message in words, never at 1:1 and never with a .NET exception's text.
/// </summary>
public sealed class YamlSyntaxPositionTests
{
    private static readonly string[] Teaching = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot(), "scenarios", "teaching.yaml"));

    private static ScenarioReadResult ReadWith(int line, string replacement)
    {
        var lines = (string[])Teaching.Clone();
        lines[line - 1] = replacement;
        return ScenarioReader.ReadText(string.Join('\n', lines) + "\n", "teaching.yaml");
    }

    private static ScenarioError Single(ScenarioReadResult result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Read_TabIndentingLine123_ReportsLine123Column1()
    {
        // Given line 123 indented with a tab instead of four spaces
        Assert.StartsWith("    location:", Teaching[122], StringComparison.Ordinal);
        var result = ReadWith(123, "\t" + Teaching[122].TrimStart());

        // Then
        var error = Single(result);
        Assert.Equal((123, 1), (error.Line, error.Column));
        Assert.Contains("tab", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("spaces", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FlowMappingWithoutClosingBrace_ReportsTheOpeningBrace()
    {
        // Given line 21 "    weights: { crisis: 0.6, settled: 0.3 }   # ..." with its '}' removed
        var broken = "    weights: { crisis: 0.6, settled: 0.3";
        var result = ReadWith(21, broken);

        // Then: the '{' that is never closed, at column 14
        var error = Single(result);
        Assert.Equal((21, broken.IndexOf('{', StringComparison.Ordinal) + 1), (error.Line, error.Column));
        Assert.Contains("'}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Operation is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnclosedDoubleQuote_ReportsTheOpeningQuote()
    {
        // Given line 121 "    label: The army removes Arlen" with an opening quote and no closing one
        var broken = "    label: \"The army removes Arlen";
        var result = ReadWith(121, broken);

        // Then
        var error = Single(result);
        Assert.Equal((121, broken.IndexOf('"', StringComparison.Ordinal) + 1), (error.Line, error.Column));
        Assert.Contains("quote", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_KeyIndentedTooFar_ReportsThatLine()
    {
        // Given line 122 "    manner: coup" indented by five spaces inside a block mapping of four
        var result = ReadWith(122, "     manner: coup");

        // Then: the fault is on line 122 (where the mapping's indentation breaks), not at 1:1
        var error = Single(result);
        Assert.Equal(122, error.Line);
        Assert.True(error.Column > 1, error.ToString());
    }

    [Fact]
    public void Read_UndefinedAlias_ReportsTheAlias()
    {
        // Given line 122 "    manner: *coup" (an alias to an anchor that does not exist)
        var broken = "    manner: *coup";
        var result = ReadWith(122, broken);

        // Then
        var error = Single(result);
        Assert.Equal((122, broken.IndexOf('*', StringComparison.Ordinal) + 1), (error.Line, error.Column));
        Assert.Contains("coup", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21, "    weights: { crisis: 0.6, settled: 0.3 ]")]
    [InlineData(21, "    weights: [ 0.6, 0.3 }")]
    [InlineData(41, "    health: { uniform: [0.4, 0.8 }")]
    [InlineData(123, "    location: 'domestic")]
    [InlineData(123, "\tlocation: domestic")]
    [InlineData(123, "    location: domestic: again")]
    public void Read_SyntaxFault_ReportedOnItsOwnLineInWords(int line, string replacement)
    {
        var error = Single(ReadWith(line, replacement));

        Assert.Equal(line, error.Line);
        Assert.DoesNotContain("Operation is not valid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }
}

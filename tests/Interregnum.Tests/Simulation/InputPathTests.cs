using Interregnum.Model;
using Xunit;

namespace Interregnum.Tests.Simulation;

public sealed class InputPathTests
{
    [Fact]
    public void Parse_TiePath_FiveSegmentsAndTiesSection()
    {
        var path = InputPath.Parse("ties.putin.patrushev.patronage.weight");

        Assert.Equal(["ties", "putin", "patrushev", "patronage", "weight"], path.Segments);
        Assert.Equal("ties", path.Section);
        Assert.Equal("ties.putin.patrushev.patronage.weight", path.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("actors..ambition")]
    [InlineData(".actors.a.ambition")]
    [InlineData("actors.a.ambition.")]
    public void Parse_EmptySegment_FormatException(string text) =>
        Assert.Throws<FormatException>(() => InputPath.Parse(text));

    [Theory]
    [InlineData("shocks.coup.effects.0.ambition.a", "coup", true)]
    [InlineData("shocks.coup-failed.patronage_discount", "coup", false)] // a longer id that begins with the same letters
    [InlineData("actors.coup.ambition", "coup", false)]
    public void IsOfShock_ComparesTheWholeSecondSegment(string text, string shock, bool expected) =>
        Assert.Equal(expected, InputPath.Parse(text).IsOfShock(shock));

    [Fact]
    public void Paths_OfEveryInputOfATestScenario_ParseAndRoundTrip()
    {
        var scenario = TestScenarios.HandWorked(null, TestScenarios.FailedAttempt());

        foreach (var input in ScenarioInputs.All(scenario))
        {
            var path = InputPath.Parse(input.Path);
            Assert.Equal(input.Path, string.Join('.', path.Segments));
            Assert.Contains(path.Section, new[] { "instruments", "actors", "organizations", "ties", "office", "shocks", "contest" });
        }
    }

    [Fact]
    public void Equality_SameText_EqualAndSameHash()
    {
        var a = InputPath.Parse("actors.a.ambition");
        var b = InputPath.Parse("actors.a.ambition");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, InputPath.Parse("actors.a.health"));
    }
}

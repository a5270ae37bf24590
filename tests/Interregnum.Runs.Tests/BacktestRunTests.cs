using Interregnum.Testing;
using Xunit;

namespace Interregnum.Runs.Tests;

/// <summary>Reading backtest cases, and reading them back from the text a stored backtest keeps.</summary>
public sealed class BacktestRunTests
{
    private static string Cases => Path.Combine(TestData.RepositoryRoot(), "backtests");

    [Fact]
    public void CasesFromText_TextOfTwoCases_GivesBackTheSameCasesInOrder()
    {
        // Given two cases read from their folders, and the text a stored run keeps of them
        var read = BacktestRun.ReadCases(Cases, ["tunisia-1987", "saudi-2005"]);
        var text = BacktestRun.CasesText(read.Cases);

        // When they are read back from that text
        var back = BacktestRun.CasesFromText(text);

        // Then the same cases come back, in name order, with the same scenario text, shock and outcome date
        Assert.Equal(["saudi-2005", "tunisia-1987"], back.Select(c => c.Id));
        Assert.Equal(read.Cases.Select(c => c.ScenarioText), back.Select(c => c.ScenarioText));
        Assert.Equal(read.Cases.Select(c => c.ShockId), back.Select(c => c.ShockId));
        Assert.Equal(read.Cases.Select(c => c.Outcome.OutcomeDate), back.Select(c => c.Outcome.OutcomeDate));
        // And writing them again gives the same text byte for byte (the outcome texts are read from the folders)
        Assert.Equal(text, BacktestRun.CasesText(read.Cases));
    }

    [Theory]
    [InlineData("")]
    [InlineData("title: not a stored backtest\n")]
    [InlineData("# ---- a/scenario.yaml\nx\n")]
    [InlineData("# ---- a/outcome.yaml\nx\n# ---- a/scenario.yaml\ny\n")]
    public void CasesFromText_NotTheStoredLayout_RunException(string text)
    {
        Assert.Throws<RunException>(() => BacktestRun.CasesFromText(text));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../backtests")]
    [InlineData("no-such-case")]
    [InlineData(".git")]
    public void ReadCases_NameNotACaseFolderDirectlyInside_MissingResource(string name)
    {
        var ex = Assert.Throws<RunException>(() => BacktestRun.ReadCases(Cases, [name]));

        Assert.Equal(RunFailure.MissingResource, ex.Failure);
    }
}

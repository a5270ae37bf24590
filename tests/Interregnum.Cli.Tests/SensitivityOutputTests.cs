using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Interregnum.Cli.Tests;

/// <summary>The sensitivity table (issue 15, defect 6): estimates inside their intervals, no tables of zeros.</summary>
public sealed partial class SensitivityOutputTests
{
    private static readonly Lazy<(int Code, string Out, string Err)> FailedAttempt = new(() =>
        Cli.Run("sensitivity", Cli.Repo("scenarios", "russia-2024.yaml"), "--shock", "failed-attempt", "--model", "compromise", "--draws", "40", "--top", "50", "--no-store"));

    [Fact]
    public void Sensitivity_ShockThatKeepsTheIncumbent_NoCandidateTablesOfZeros()
    {
        // Given a shock after which the incumbent stays: no successor can prevail, whatever the inputs
        var (code, output, error) = FailedAttempt.Value;

        // Then the candidates are named once as unmoved, with no table each
        Assert.True(code == 0, error);
        Assert.Contains("Not moved by any uncertain input under this shock: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("prevails) (base 0.0%)", output, StringComparison.Ordinal);
        Assert.Contains("Mean forecast: Hostility toward the West", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_EveryPrintedIndex_LiesInsideItsPrintedInterval()
    {
        var (code, output, error) = FailedAttempt.Value;

        Assert.True(code == 0, error);
        var indexes = IndexWithInterval().Matches(output);
        Assert.NotEmpty(indexes);
        foreach (Match m in indexes)
        {
            double Value(int group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
            Assert.True(Value(2) <= Value(1) && Value(1) <= Value(3), $"{m.Value}: the estimate is outside its interval");
        }
    }

    [GeneratedRegex(@"(\d\.\d\d) \((\d\.\d\d)–(\d\.\d\d)\)")]
    private static partial Regex IndexWithInterval();
}

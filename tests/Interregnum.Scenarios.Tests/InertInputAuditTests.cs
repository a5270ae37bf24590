using Interregnum.Simulation;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>
/// The rule "no inert numbers" (issue 10), checked over every shipped scenario and every backtest case found in
/// backtests/ (whatever cases it holds): each number is a documented label (docs/scenario-format.md, "Numbers
/// that count, and labels") or moving it across its declared range (a fixed one by the documented step) moves an
/// output. Small runs (16 draws, the compromise model, common random numbers) keep it quick.
/// </summary>
public sealed class InertInputAuditTests
{
    public static TheoryData<string> Files()
    {
        var root = TestData.RepositoryRoot();
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(root, "scenarios"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, f));
        }

        foreach (var f in Directory.GetDirectories(Path.Combine(root, "backtests")).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "scenario.yaml")).Where(File.Exists))
        {
            data.Add(Path.GetRelativePath(root, f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryNumber_IsALabelOrMovesAnOutput(string file)
    {
        // Given
        var read = ScenarioReader.ReadFile(Path.Combine(TestData.RepositoryRoot(), file));
        Assert.True(read.IsValid, string.Join(Environment.NewLine, read.Errors));

        // When
        var rows = InputAudit.Run(read.Scenario!);

        // Then
        var inert = rows.Where(r => !r.IsLabel && r.Moved is null).Select(r => $"{r.Path} (tried {r.Low} and {r.High})").ToList();
        Assert.True(inert.Count == 0, $"{file}: numbers that move no output and are not documented labels:{Environment.NewLine}" + string.Join(Environment.NewLine, inert));
    }

    [Fact]
    public void Audit_NumberThatNothingReads_IsFlagged()
    {
        // Given the teaching scenario with money weighing 0 in both phases: no one's capability reads money, so the
        // oil company's money holding (not the only holding of money: the office and Egon hold some) moves nothing.
        // The audit must report it rather than pass it (the check cannot pass vacuously).
        var path = Path.Combine(TestData.RepositoryRoot(), "scenarios", "teaching.yaml");
        var text = File.ReadAllText(path).Replace("weights: { crisis: 0.4, settled: 0.7 }", "weights: { crisis: 0, settled: 0 }", StringComparison.Ordinal);
        var read = ScenarioReader.ReadText(text, "teaching-zero-money.yaml");
        Assert.True(read.IsValid, string.Join(Environment.NewLine, read.Errors));

        // When
        var rows = InputAudit.Run(read.Scenario!);

        // Then: the oil company's money holding now moves nothing, and the audit says so.
        var oil = rows.Single(r => r.Path == "organizations.oil.holdings.money");
        Assert.False(oil.IsLabel);
        Assert.Null(oil.Moved);
    }
}

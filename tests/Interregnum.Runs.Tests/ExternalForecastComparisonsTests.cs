using Interregnum.Simulation;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Runs.Tests;

/// <summary>External forecasts set beside the model's matching numbers (docs/brief.md, "Other forecasts").</summary>
public sealed class ExternalForecastComparisonsTests
{
    private const string Forecasts = """
        external_forecasts:
          - source: Platform A
            date: 2024-07-01
            question: Will the general lead the country?
            probability: 0.2
            compares_to: winner.general
          - source: Survey B
            date: 2024-06-01
            question: Will a contested succession follow?
            probability: 0.9
            compares_to: contested
          - source: Market C
            date: 2024-05-01
            question: Will the country hold an election this year?
            probability: 0.55
        """;

    [Theory]
    [InlineData(0.12, 0.20, "model 12% vs Metaculus 20%: 8 points lower")]
    [InlineData(0.30, 0.29, "model 30% vs Metaculus 29%: 1 point higher")]
    [InlineData(0.204, 0.20, "model 20% vs Metaculus 20%: about the same")]
    public void Compare_States_TheDifferenceInPoints(double model, double external, string expected) =>
        Assert.Equal(expected, ExternalForecastComparisons.Compare(model, "Metaculus", external));

    [Fact]
    public void For_MiniScenario_MatchesEachQuestionOrSaysTheModelDoesNotAnswerIt()
    {
        // Given the mini scenario with three external forecasts, and its forecast
        var text = File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "tests", "Interregnum.Scenarios.Tests", "Valid", "mini.yaml")).TrimEnd() + "\n" + Forecasts + "\n";
        var loaded = ScenarioFiles.FromText(text, "mini.yaml");
        var result = SuccessionSimulation.Run(loaded.Scenario, "death", new SimulationSettings(200, 3, PolicyModel.Compromise, 1), null, CancellationToken.None);

        // When
        var list = ExternalForecastComparisons.For(loaded.Scenario, result, exitRisk: null);

        // Then: each is beside the model's own number for that question, with the difference in whole points
        var general = result.Candidates.Single(c => c.Id == "general").Estimate.Probability;
        Assert.Equal(general, list[0].Model);
        Assert.Equal(ExternalForecastComparisons.Compare(general, "Platform A", 0.2), list[0].Comparison);
        Assert.Equal(result.Contested.Probability, list[1].Model);
        Assert.StartsWith($"model {Judgments.IndicatorShifts.Percent(result.Contested.Probability)} vs Survey B 90%: ", list[1].Comparison, StringComparison.Ordinal);
        Assert.Null(list[2].Model);
        Assert.Equal("the model does not answer this question", list[2].Comparison);
    }
}

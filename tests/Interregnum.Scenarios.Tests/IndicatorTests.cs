using Interregnum.Judgments;
using Interregnum.Model;
using Interregnum.Simulation;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>
/// The optional <c>indicators</c> and <c>external_forecasts</c> sections (appended to Valid/mini.yaml), and what an
/// indicator would shift (<see cref="IndicatorShifts"/>) on a synthetic forecast whose numbers follow from theory.
/// </summary>
public sealed class IndicatorTests
{
    private const string Indicators = """
        indicators:
          - id: deputy-rises
            description: The deputy takes on public political roles.
            input: actors.deputy.ambition
            direction: raises
            source: src
          - id: deputy-fades
            description: The deputy keeps to technical duties.
            input: actors.deputy.ambition
            direction: lowers
        """;

    private static string Mini() =>
        File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "tests", "Interregnum.Scenarios.Tests", "Valid", "mini.yaml")).TrimEnd() + "\n";

    private static (int Line, int Column) Position(string text, string token)
    {
        var index = text.IndexOf(token, StringComparison.Ordinal);
        Assert.True(index >= 0, token);
        var before = text[..index];
        return (before.Count(c => c == '\n') + 1, index - before.LastIndexOf('\n'));
    }

    private static Scenario Read(string text)
    {
        var result = ScenarioReader.ReadText(text, "mini.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Scenario!;
    }

    [Fact]
    public void Read_Indicators_BindsEachField()
    {
        var s = Read(Mini() + Indicators + "\n");

        Assert.Equal(2, s.Indicators.Count);
        Assert.Equal(new Indicator("deputy-rises", "The deputy takes on public political roles.", "actors.deputy.ambition", IndicatorDirection.Raises, "src"), s.Indicators[0]);
        Assert.Equal((IndicatorDirection.Lowers, (string?)null), (s.Indicators[1].Direction, s.Indicators[1].Source));
        Assert.Empty(s.ExternalForecasts);
    }

    [Fact]
    public void Read_UnknownInputPath_ErrorAtThePathWithSuggestion()
    {
        var text = Mini() + Indicators.Replace("input: actors.deputy.ambition\n    direction: raises", "input: actors.deputy.ambtion\n    direction: raises", StringComparison.Ordinal) + "\n";

        var result = ScenarioReader.ReadText(text, "mini.yaml");

        var error = Assert.Single(result.Errors);
        var (line, column) = Position(text, "actors.deputy.ambtion");
        Assert.Equal(("mini.yaml", line, column), (error.File, error.Line, error.Column));
        Assert.Contains("unknown input path 'actors.deputy.ambtion'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'actors.deputy.ambition'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FixedInput_Refused()
    {
        // The general's ambition is not declared, so it is the fixed default: nothing an indicator could shift.
        var text = Mini() + Indicators.Replace("input: actors.deputy.ambition\n    direction: lowers", "input: actors.general.ambition\n    direction: lowers", StringComparison.Ordinal) + "\n";

        var error = Assert.Single(ScenarioReader.ReadText(text, "mini.yaml").Errors);

        Assert.Equal(Position(text, "actors.general.ambition").Line, error.Line);
        Assert.Contains("is a fixed number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadDirectionAndDuplicateId_EveryProblemReported()
    {
        var text = Mini() + Indicators.Replace("direction: lowers", "direction: down", StringComparison.Ordinal).Replace("id: deputy-fades", "id: deputy-rises", StringComparison.Ordinal) + "\n";

        var errors = ScenarioReader.ReadText(text, "mini.yaml").Errors;

        Assert.Contains(errors, e => e.Message.Contains("duplicate indicator id 'deputy-rises'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("unknown 'direction' 'down'", StringComparison.Ordinal) && e.Line == Position(text, "direction: down").Line);
    }

    [Fact]
    public void Read_ExternalForecasts_BindAndCheckTheModelQuestion()
    {
        const string Forecasts = """
            external_forecasts:
              - source: A forecasting platform
                date: 2024-07-01
                question: Will the general lead the country?
                probability: 0.2
                url: https://example.org/q/1
                compares_to: winner.general
              - source: An expert survey
                date: 2024-06-01
                question: Will the country hold an election this year?
                probability: 0.55
            """;

        var s = Read(Mini() + Forecasts + "\n");

        Assert.Equal(new ExternalForecast("A forecasting platform", new DateOnly(2024, 7, 1), "Will the general lead the country?", 0.2, "https://example.org/q/1", "winner.general"), s.ExternalForecasts[0]);
        Assert.Null(s.ExternalForecasts[1].ComparesTo);

        var bad = Mini() + Forecasts.Replace("winner.general", "winner.genral", StringComparison.Ordinal).Replace("0.55", "1.5", StringComparison.Ordinal) + "\n";
        var errors = ScenarioReader.ReadText(bad, "mini.yaml").Errors;
        Assert.Contains(errors, e => e.Message.Contains("did you mean 'winner.general'", StringComparison.Ordinal) && e.Line == Position(bad, "winner.genral").Line);
        Assert.Contains(errors, e => e.Message.Contains("must lie in [0, 1], found 1.5", StringComparison.Ordinal));

        // An exit-risk question needs the exit_risk section, which mini.yaml lacks.
        var noExitRisk = Mini() + Forecasts.Replace("winner.general", "exit_risk.any_within_12_months", StringComparison.Ordinal) + "\n";
        Assert.Contains(ScenarioReader.ReadText(noExitRisk, "mini.yaml").Errors, e => e.Message.Contains("needs the scenario's exit_risk section", StringComparison.Ordinal));
    }

    /// <summary>
    /// A synthetic forecast on the mini scenario, 4,000 draws: with u the draw's random number for the deputy's
    /// ambition, P(deputy) = 0.4 + 0.3u, P(general) = 0.6 − 0.3u, P(contested) = u. Over all draws the means are
    /// 0.55, 0.45 and 0.5 (u is uniform). Seeing a sign that raises the input keeps the draws with u &gt; 0.5, where
    /// E[u] = 0.75: P(deputy) = 0.625, P(contested) = 0.75. One that lowers it keeps u ≤ 0.5, E[u] = 0.25:
    /// P(deputy) = 0.475 &lt; P(general) = 0.525, so the general becomes the likeliest. Tolerance 0.01: the standard
    /// error of a half-sample mean of 0.3u is 0.3 · 0.144 / √2000 ≈ 0.001, and of u, 0.0032 (three of them is 0.01).
    /// </summary>
    [Fact]
    public void Shifts_SyntheticForecast_MatchTheConditionalMeans()
    {
        var s = Read(Mini() + Indicators + "\n");
        const ulong seed = 7;
        var key = CounterRandom.StreamKey("actors.deputy.ambition");
        var outcomes = Enumerable.Range(0, 4000).Select(i =>
        {
            var u = CounterRandom.Uniform(seed, i, key);
            return new DrawOutcome(i, 0, false, [0.4 + (0.3 * u), 0.6 - (0.3 * u)], u, [], []);
        }).ToList();
        var none = new ProbabilityEstimate(0, 0, 0, 0, 0, 0);
        var result = new SimulationResult("mini", "death", "Natural death", seed, outcomes.Count, PolicyModel.Compromise, false, [], none, 0.5, [], outcomes);

        var shifts = IndicatorShifts.For(s, result);

        var rises = shifts.Single(x => x.Indicator.Id == "deputy-rises");
        var fades = shifts.Single(x => x.Indicator.Id == "deputy-fades");
        Assert.True(rises.BearsOnShock);
        Assert.Equal("deputy-acting", rises.Leader);
        Assert.Equal(0.55, rises.LeaderBefore, 0.01);
        Assert.Equal(0.625, rises.LeaderAfter, 0.01);
        Assert.Equal(0.75, rises.ContestedAfter, 0.01);
        Assert.Equal("deputy-acting", rises.LikeliestAfter);
        Assert.Equal(0.475, fades.LeaderAfter, 0.01);
        Assert.Equal("general", fades.LikeliestAfter);
        Assert.Contains("General becomes the likeliest", fades.Shift, StringComparison.Ordinal);
        Assert.Equal(outcomes.Count, rises.DrawsKept + fades.DrawsKept);

        // The two halves average back to the whole (law of total probability), exactly.
        Assert.Equal(rises.LeaderBefore * outcomes.Count, (rises.LeaderAfter * rises.DrawsKept) + (fades.LeaderAfter * fades.DrawsKept), 9);

        // Both bear on the same input, so they share its value of information; it is well above zero here.
        Assert.Equal(rises.ValueOfInformation, fades.ValueOfInformation);
        Assert.True(rises.ValueOfInformation > 0.005, rises.ValueOfInformation.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Inputs named in words for the key judgments, value of information and indicators (issue 13).</summary>
public sealed class InputNamesTests
{
    [Fact]
    public void Describe_EveryUncertainInputOfTheShippedScenarios_IsInWordsAndDistinct()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestData.RepositoryRoot(), "scenarios"), "*.yaml"))
        {
            var result = ScenarioReader.ReadFile(file);
            Assert.True(result.IsValid, string.Join("\n", result.Errors));
            var s = result.Scenario!;
            var names = ScenarioInputs.Uncertain(s).Select(i => (i.Path, Words: InputNames.Describe(s, i.Path))).ToList();
            Assert.All(names, x => Assert.NotEqual(x.Path, x.Words));
            Assert.Equal(names.Count, names.Select(x => x.Words).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void RussiaExample_CoupForecast_IsTheRussiaRowOfTheBegerWardFile()
    {
        // The Russia example quotes Beger & Ward's 2020 forecast of a successful coup, rounded to 0.1 point: check
        // it against the file it names (the dataset is not in the repository; the test skips without it).
        var file = TestData.File("beger-coup-forecasts-2020", "coups-2020.csv");
        var row = File.ReadLines(file).Skip(1).Select(l => l.Split(',')).Single(c => c[0] == "Russia");
        var coup = double.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture);
        var attempt = double.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture);

        var read = ScenarioReader.ReadFile(Path.Combine(TestData.RepositoryRoot(), "scenarios", "russia-2024.yaml"));
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        var quoted = read.Scenario!.ExternalForecasts.Single(f => f.Source.StartsWith("Beger & Ward", StringComparison.Ordinal));

        Assert.Equal(Math.Round(coup, 3), quoted.Probability, 6);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{attempt * 100:0.0}% for any attempt"), quoted.Question, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2020, 5, 15), quoted.Date); // "Forecast made 2020-05-15" (the data folder's SOURCE.md)
    }
}

using Interregnum.Backtesting;
using Interregnum.Model;
using Interregnum.History;
using Interregnum.History.ReferenceClasses;
using Interregnum.Simulation;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Runs.Tests;

public sealed class BlendedForecastsTests
{
    private static LoadedScenario Russia() => ScenarioFiles.Load(Path.Combine(TestData.RepositoryRoot(), "scenarios", "russia-2024.yaml"));

    [Fact]
    public void For_NoHistoricalData_ContestedIsTheModelsAndTheWinnerPoolSumsToOne()
    {
        // Given a scenario simulated without the historical data
        var loaded = Russia();
        var shock = loaded.Scenario.Shocks.First(s => s.IncumbentLeaves);
        var result = SuccessionSimulation.Run(loaded.Scenario, shock.Id, new SimulationSettings(300, 1, PolicyModel.Compromise, 1), null, CancellationToken.None);

        // When it is blended
        var blend = BlendedForecasts.For(loaded.Scenario, shock, result, history: null)!;

        // Then the winner pool is a distribution and the contested forecast is the model's, said so
        Assert.Equal(1, blend.Candidates.Sum(c => c.Blended), 9);
        Assert.Equal(1, blend.Candidates.Sum(c => c.OutsideOnly), 9);
        Assert.Equal(blend.Contested.InsideOnly, blend.Contested.Blended);
        Assert.Null(blend.Contested.OutsideOnly);
        Assert.Contains("no historical data", blend.Contested.ReferenceClass, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WithHistoricalData_UsesTheBacktestsReferenceClassAndTheShippedPool()
    {
        var data = HistoricalData.Load(TestData.Folder());
        var loaded = Russia();
        var shock = loaded.Scenario.Shocks.First(s => s.IncumbentLeaves);
        var result = SuccessionSimulation.Run(loaded.Scenario, shock.Id, new SimulationSettings(300, 1, PolicyModel.Compromise, 1), null, CancellationToken.None);

        var blend = BlendedForecasts.For(loaded.Scenario, shock, result, data)!;

        // The prior is the contested base rate of the scenario's class with the shock's manner, known on as_of
        // (the same function the backtest calls), and the blend is the shipped pool applied to it.
        var rc = loaded.Scenario.ReferenceClass!;
        var rate = ContestedBaseRates.For(data, ScenarioReferenceClasses.ToQuery(rc, rc.Manner ?? shock.Manner), loaded.Scenario.AsOf!.Value);
        Assert.Equal(rate.Prior, blend.Contested.OutsideOnly);
        var p = ForecastPool.Shipped;
        Assert.Equal(ForecastPool.Contested(rate.Prior, blend.Contested.InsideOnly, p.ContestedSignal, p.ContestedCentre), blend.Contested.Blended, 12);
        Assert.Contains("fitted on all", blend.Parameters, StringComparison.Ordinal);
    }
}

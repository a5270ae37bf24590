using Interregnum.Model;
using Interregnum.Simulation;
using Xunit;

namespace Interregnum.Tests.Simulation;

public sealed class SensitivityMemoTests
{
    /// <summary>
    /// The hand-worked scenario with one input that moves only the contest (the tie weight) and one that moves the
    /// bargaining game directly (b's position), so the memo both hits and misses.
    /// </summary>
    private static Scenario Uncertain()
    {
        var s = TestScenarios.HandWorked();
        var actors = s.Actors.Select(a => a.Id == "b" ? a with { Positions = new Dictionary<string, Uncertain> { ["policy"] = Model.Uncertain.Triangular(5, 20, 50) } } : a).ToList();
        return s with { Actors = actors, Contest = s.Contest with { TieWeight = Model.Uncertain.Uniform(0, 1), AmbitionWeight = Model.Uncertain.Uniform(0, 1) } };
    }

    [Fact]
    public void Run_SmpWithMemo_TornadoEqualsDirectHeldInputRunsExactly()
    {
        // Given the SMP policy model, where the memo re-uses the base run's bargaining for unchanged games
        var s = Uncertain();
        var settings = new SimulationSettings(200, Seed: 5, Model: PolicyModel.Smp, MaxThreads: 2);

        // When
        var result = Sensitivity.Run(s, "death", settings);

        // Then every tornado end equals, bit for bit, a run with the input held and no memo in force
        var outputs = Sensitivity.Outputs(s);
        foreach (var input in ScenarioInputs.UncertainFor(s, "death"))
        {
            foreach (var (q, pick) in new (double, Func<TornadoBar, double>)[] { (0.1, b => b.Low), (0.9, b => b.High) })
            {
                var direct = SuccessionSimulation.Run(s, "death", settings, new Dictionary<string, double> { [input.Path] = q }, null, CancellationToken.None);
                var values = direct.Candidates.Select(c => c.Estimate.Probability).Append(direct.Contested.Probability).Concat(direct.Dimensions.Select(d => d.Mean)).ToArray();
                for (var o = 0; o < outputs.Count; o++)
                {
                    var bar = result.Outputs[o].Tornado.Single(b => b.Input == input.Path);
                    Assert.Equal(values[o], pick(bar));
                }
            }
        }
    }

    [Fact]
    public void Run_Sensitivity_LeavesNoMemoInForce()
    {
        Sensitivity.Run(Uncertain(), "death", new SimulationSettings(50, Seed: 5, Model: PolicyModel.Smp));

        Assert.Null(PolicyMemo.Current.Value);
    }

    [Fact]
    public void GetOrCompute_SameGameWhileLookingUp_ReturnsStoredForecastWithoutComputing()
    {
        var memo = new PolicyMemo();
        double[] caps = [1, 2], pos = [10, 90], sal = [50, 50];
        var first = memo.GetOrCompute(PolicyModel.Smp, [0, 1], caps, pos, sal, () => [42.0]);
        memo.Recording = false;

        var again = memo.GetOrCompute(PolicyModel.Smp, [0, 1], [1, 2], [10, 90], [50, 50], () => throw new InvalidOperationException("recomputed"));
        var other = memo.GetOrCompute(PolicyModel.Smp, [0, 1], [1, 2], [10, 90.000000000001], [50, 50], () => [7.0]);

        Assert.Equal([42.0], first);
        Assert.Equal([42.0], again);
        Assert.Equal([7.0], other);
        Assert.Equal(1, memo.Hits);
    }
}

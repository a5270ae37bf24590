using System.Text.RegularExpressions;
using Interregnum.Model;
using Interregnum.Simulation;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>The Russia example, version 2 (issue 10, findings 1 and 7).</summary>
public sealed partial class RussiaV2Tests
{
    private static string Path_() => Path.Combine(TestData.RepositoryRoot(), "scenarios", "russia-2024.yaml");

    private static Scenario Read(string text) => ScenarioReader.ReadText(text, "russia-2024.yaml").Scenario ?? throw new InvalidOperationException("does not read");

    [GeneratedRegex(@"health: \{ uniform: \[[0-9., ]+\] \}")]
    private static partial Regex AnyHealth();

    [GeneratedRegex(@"risk_attitude: \{ uniform: \[[-0-9., ]+\] \}")]
    private static partial Regex AnyRisk();

    [Fact]
    public void Russia_EveryHealthAndRiskAtTheirExtremes_ChangesTheForecast()
    {
        // Finding 1: with every health at 0.01 and every risk attitude at −1 the first model printed the same bytes.
        // Health enters only through the horizon term, off by default since the leave-one-case-out fit (docs/models.md §3),
        // so the scenario here declares a horizon weight.
        var text = File.ReadAllText(Path_()) + "\ncontest: { horizon_weight: 0.5 }\n";
        var extreme = AnyRisk().Replace(AnyHealth().Replace(text, "health: 0.01"), "risk_attitude: -1");
        var settings = new SimulationSettings(200, Seed: 1, Model: PolicyModel.Compromise);

        var a = SuccessionSimulation.Run(Read(text), "natural-death", settings);
        var b = SuccessionSimulation.Run(Read(extreme), "natural-death", settings);

        var moved = a.Candidates.Zip(b.Candidates).Max(x => Math.Abs(x.First.Estimate.Probability - x.Second.Estimate.Probability));
        Assert.True(moved > 0.01, $"largest change in a candidate's probability: {moved}");
        Assert.True(Math.Abs(a.Contested.Probability - b.Contested.Probability) > 1e-3, $"P(contested) {a.Contested.Probability} → {b.Contested.Probability}");
    }

    [Fact]
    public void Russia_Sensitivity_ListsNoLabelAsADriver()
    {
        // Finding 1: "Putin: health" was listed as a driver though the model never read it.
        var s = Read(File.ReadAllText(Path_()));

        var inputs = ScenarioInputs.UncertainFor(s, "natural-death").Select(i => i.Path).ToList();

        Assert.DoesNotContain("actors.putin.health", inputs);
        Assert.DoesNotContain("actors.putin.risk", inputs);
        Assert.DoesNotContain("actors.zolotov.health", inputs);
        Assert.Contains("actors.bortnikov.risk", inputs);       // heads the FSB: his camp's decision to fight
        Assert.DoesNotContain("actors.patrushev.health", inputs); // a candidate, but the default horizon_weight is 0: a label

        // With a horizon weight declared, a candidate's health is his prospect of serving and counts.
        var weighted = Read(File.ReadAllText(Path_()) + "\ncontest: { horizon_weight: 0.5 }\n");
        Assert.Contains("actors.patrushev.health", ScenarioInputs.UncertainFor(weighted, "natural-death").Select(i => i.Path));
    }

    [Fact]
    public void Russia_Version2_NamesThePublicRecordOfJuly2024()
    {
        // Finding 7: Dmitry Patrushev (named in the case notes) and, as of July 2024, Shoigu, Gerasimov, Kadyrov,
        // Kiriyenko, Dyumin, Sobyanin, Medvedev; family and rivalry ties; a residual candidate.
        var s = Read(File.ReadAllText(Path_()));

        foreach (var (id, born) in new[] { ("d-patrushev", 1977), ("shoigu", 1955), ("gerasimov", 1955), ("kadyrov", 1976), ("kiriyenko", 1962), ("dyumin", 1972), ("sobyanin", 1958), ("medvedev", 1965) })
        {
            Assert.Equal(born, s.ActorById(id).BirthYear);
            Assert.NotEmpty(s.ActorById(id).Sources);
        }

        Assert.Contains(s.Ties, t => t.Type == TieType.Family && t.From == "patrushev" && t.To == "d-patrushev");
        Assert.Contains(s.Ties, t => t.Type == TieType.Rivalry);
        Assert.Single(s.Candidates, c => c.Residual);
        Assert.Equal(["bortnikov", "zolotov", "kochnev"], s.ShockById("coup")!.Plotters);
        Assert.Equal("hostility", s.ShockById("killed-abroad")!.Blame!.Effect!.Dimension);
    }
}

using Interregnum.Model;
using Interregnum.Simulation;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>
/// Format version 2 (issue 10): the new keys read into the model, version-1 files keep reading and are refused the
/// new keys, and numbers that would change nothing are rejected with file:line:column. Expected positions are found
/// by searching the faulty text for the token the error must point at.
/// </summary>
public sealed class FormatV2Tests
{
    private static string Mini() => File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "tests", "Interregnum.Scenarios.Tests", "Valid", "mini.yaml"));

    private static string At(string text, string token, string message)
    {
        var i = text.IndexOf(token, StringComparison.Ordinal);
        Assert.True(i >= 0, $"token '{token}' not in the text");
        var line = text[..i].Count(c => c == '\n') + 1;
        var column = i - text.LastIndexOf('\n', Math.Max(0, i - 1)) ;
        return $"f.yaml:{line}:{column}: {message}";
    }

    private const string V2Office = """
        office:
          id: presidency
          label: President
          acting_successors:
            - { actor: deputy, reading: 'Art. 1: the deputy acts', weight: 2 }
            - { actor: general, reading: 'a contested reading', weight: { uniform: [0.5, 1.5] } }
          heir: { actor: deputy, following: { uniform: [0.3, 0.8] } }
          selection: { rule: election, binding: 0.7, popularity: { deputy-acting: 30, general: 10 } }
        """;

    private static string V2() => Mini()
        .Replace("interregnum: 1", "interregnum: 2", StringComparison.Ordinal)
        .Replace("office:\n  id: presidency\n  label: President\n  acting_successor: deputy\n  acting_term_days: 90\n", V2Office.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n", StringComparison.Ordinal)
        .Replace("  - { id: general, label: General, actor: general }\n", "  - { id: general, label: General, actor: general }\n  - { id: other, label: Someone not listed, residual: true, prior: { uniform: [0.05, 0.15] } }\n", StringComparison.Ordinal)
        + """
          - id: coup
            label: Coup
            manner: coup
            plotters: [general]
            installs: deputy-acting
            perceived: { party: foreign-state, confidence: 0.8, effect: { dimension: hostility, shift: { uniform: [5, 15] } } }
            actual: { party: unknown, confidence: 0.5, revealed: false }
        contest: { horizon_weight: 0.4, fight_scale: 0.1 }

        """.Replace("\r", string.Empty, StringComparison.Ordinal);

    [Fact]
    public void Version2_EveryNewKey_ReadsIntoTheModel()
    {
        var result = ScenarioReader.ReadText(V2(), "f.yaml");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var s = result.Scenario!;
        Assert.Equal(["deputy", "general"], s.Office.ActingSuccessors.Select(a => a.Actor));
        Assert.Equal("deputy", s.Office.ActingSuccessor);
        Assert.Equal("deputy", s.Office.Heir!.Actor);
        Assert.Equal(SelectionRule.Election, s.Office.Selection.Rule);
        Assert.Equal(0.7, s.Office.Selection.Binding.Point);
        Assert.True(s.Candidates[^1].Residual);
        var coup = s.ShockById("coup")!;
        Assert.Equal(["general"], coup.Plotters);
        Assert.Equal("deputy-acting", coup.Installs);
        Assert.Equal("hostility", coup.Blame!.Effect!.Dimension);
        Assert.Equal(0.4, s.Contest.HorizonWeight.Point);
        Assert.Equal(0.1, s.Contest.FightScale.Point);
    }

    [Fact]
    public void Version2_Scenario_SimulatesWithResidualAndElection()
    {
        var s = ScenarioReader.ReadText(V2(), "f.yaml").Scenario!;

        var result = SuccessionSimulation.Run(s, "coup", new SimulationSettings(50, Seed: 3, Model: PolicyModel.Compromise));

        Assert.Equal(1, result.Candidates.Sum(c => c.Estimate.Probability), 9);
        Assert.InRange(result.Candidates[^1].Estimate.Probability, 0.05, 0.15);
    }

    [Fact]
    public void Version1_NewKey_RefusedWithItsPosition()
    {
        var text = Mini().Replace("  acting_term_days: 90\n", "  acting_term_days: 90\n  heir: { actor: deputy }\n", StringComparison.Ordinal);

        var result = ScenarioReader.ReadText(text, "f.yaml");

        Assert.Equal([At(text, "heir:", "'heir' needs format version 2; write 'interregnum: 2' at the top of the file")], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void CoupEffectOnDepartedIncumbentsFollowing_RejectedAsInert()
    {
        // Finding 2: in the first model this effect lowered loyalty to an incumbent who had gone and changed nothing.
        var text = Mini() + """
              - id: coup
                label: Coup
                manner: coup
                effects:
                  - { target: loyalty, subject: army, loyalty_to: incumbent, shift: -0.3 }

            """.Replace("\r", string.Empty, StringComparison.Ordinal);

        var result = ScenarioReader.ReadText(text, "f.yaml");

        Assert.Equal(
            [At(text, "{ target: loyalty", "this effect shifts loyalty to the incumbent, who has left in shock 'coup'; it would change nothing (shift loyalty to the office or the head, or declare an heir who inherits the following)")],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void PlottersOnNaturalDeath_AndPriorOnListedCandidate_Rejected()
    {
        var text = V2()
            .Replace("    manner: natural-death\n", "    manner: natural-death\n    plotters: [general]\n", StringComparison.Ordinal)
            .Replace("{ id: general, label: General, actor: general }", "{ id: general, label: General, actor: general, prior: 0.1 }", StringComparison.Ordinal);

        var result = ScenarioReader.ReadText(text, "f.yaml");

        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(At(text, "prior: 0.1", "only the residual candidate ('residual: true') takes a prior; 'general' is a listed candidate"), errors);
        Assert.Contains(At(text, "plotters: [general]\n    effects", "'plotters' belong to a coup; this shock's manner is 'natural-death'"), errors);
    }
}

using Interregnum.Model;

namespace Interregnum.Simulation;

/// <summary>What the inert-input audit found for one number of a scenario.</summary>
/// <param name="Path">The number's path (<see cref="UncertainInput.Path"/>).</param>
/// <param name="IsLabel">True when the model never reads it (<see cref="ScenarioInputs.CanMatter"/>): a documented label, not perturbed.</param>
/// <param name="Low">The low value tried (NaN for a label).</param>
/// <param name="High">The high value tried (NaN for a label).</param>
/// <param name="Moved">The first output that moved, as <c>shock:output</c>, or null when none did.</param>
/// <param name="Change">The absolute change of that output between the low and high runs (0 when none moved).</param>
public sealed record InputAuditRow(string Path, bool IsLabel, double Low, double High, string? Moved, double Change);

/// <summary>
/// The inert-input audit (issue 10, "no inert numbers"): every number a scenario declares is either a documented
/// label or moves an output. Each number that can matter is set to a low and then a high value in every draw —
/// an uncertain number to the ends of its declared range, a fixed one by the documented step (docs/models.md §9) —
/// with every other number sampled from the same random numbers (common random numbers), and the outputs of the
/// two runs are compared: each candidate's probability, P(contested) and each dimension's mean forecast, for each
/// shock in turn until one moves.
/// </summary>
public static class InputAudit
{
    /// <summary>The change (in probability or points) below which an output counts as unmoved.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Audits every number of <paramref name="scenario"/> with small, seeded runs of the compromise model.</summary>
    public static IReadOnlyList<InputAuditRow> Run(Scenario scenario, int draws = 16, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var rows = new List<InputAuditRow>();
        var settings = new SimulationSettings(draws, seed, PolicyModel.Compromise, MaxThreads: 1);
        foreach (var input in ScenarioInputs.All(scenario))
        {
            var shocks = scenario.Shocks.Where(sh => Belongs(input.Path, sh) && ScenarioInputs.CanMatter(scenario, sh, input.Path)).ToList();
            if (shocks.Count == 0)
            {
                rows.Add(new InputAuditRow(input.Path, true, double.NaN, double.NaN, null, 0));
                continue;
            }

            var (low, high) = Perturbation(input);
            string? moved = null;
            double change = 0;
            foreach (var shock in shocks)
            {
                var a = SuccessionSimulation.Run(scenario, shock.Id, settings, null, null, CancellationToken.None, new Dictionary<string, double> { [input.Path] = low });
                var b = SuccessionSimulation.Run(scenario, shock.Id, settings, null, null, CancellationToken.None, new Dictionary<string, double> { [input.Path] = high });
                (moved, change) = FirstMoved(shock.Id, a, b);
                if (moved is not null)
                {
                    break;
                }
            }

            rows.Add(new InputAuditRow(input.Path, false, low, high, moved, change));
        }

        return rows;
    }

    /// <summary>
    /// The low and high values tried: an uncertain number's declared range (min, max); a fixed number ± the
    /// documented step, clamped to its range: 10 points for positions, saliences and position shifts, 0.1 for
    /// shares and probabilities on [0, 1], 0.2 for risk attitude, ±50% for holdings, weights and votes (0 → 0 and 1).
    /// </summary>
    public static (double Low, double High) Perturbation(UncertainInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var u = input.Value;
        if (!u.IsFixed)
        {
            return (u.Min, u.Max);
        }

        var x = u.Point;
        var p = input.Path;
        if (p.Contains(".positions.", StringComparison.Ordinal) || p.Contains(".salience.", StringComparison.Ordinal))
        {
            return (Math.Max(0, x - 10), Math.Min(100, x + 10));
        }

        if (p.EndsWith(".risk", StringComparison.Ordinal))
        {
            return (Math.Max(-1, x - 0.2), Math.Min(1, x + 0.2));
        }

        if (p.Contains(".effects.", StringComparison.Ordinal) && (p.Contains(".position.", StringComparison.Ordinal) || p.Contains(".salience.", StringComparison.Ordinal))
            || p.Contains(".effect.", StringComparison.Ordinal))
        {
            return (Math.Max(-100, x - 10), Math.Min(100, x + 10));
        }

        if (p.Contains(".effects.", StringComparison.Ordinal))
        {
            return (Math.Max(-1, x - 0.1), Math.Min(1, x + 0.1));
        }

        if (p.Contains(".holdings.", StringComparison.Ordinal) || p.Contains(".weights.", StringComparison.Ordinal) || p.Contains(".electorate.", StringComparison.Ordinal)
            || p.Contains(".popularity.", StringComparison.Ordinal) || p.EndsWith(".weight", StringComparison.Ordinal) && p.StartsWith("office.", StringComparison.Ordinal)
            || p is "contest.policy_weight" or "contest.tie_weight" or "contest.ambition_weight" or "contest.fear_weight" or "contest.horizon_weight")
        {
            return x > 0 ? (0.5 * x, 1.5 * x) : (0, 1);
        }

        return (Math.Max(0, x - 0.1), Math.Min(1, x + 0.1));
    }

    private static bool Belongs(string path, Shock shock) =>
        !path.StartsWith("shocks.", StringComparison.Ordinal) || path.StartsWith("shocks." + shock.Id + ".", StringComparison.Ordinal);

    private static (string?, double) FirstMoved(string shock, SimulationResult a, SimulationResult b)
    {
        for (var c = 0; c < a.Candidates.Count; c++)
        {
            var d = Math.Abs(a.Candidates[c].Estimate.Probability - b.Candidates[c].Estimate.Probability);
            if (d > Tolerance)
            {
                return ($"{shock}:candidate.{a.Candidates[c].Id}", d);
            }
        }

        var dc = Math.Abs(a.Contested.Probability - b.Contested.Probability);
        if (dc > Tolerance)
        {
            return ($"{shock}:contested", dc);
        }

        for (var k = 0; k < a.Dimensions.Count; k++)
        {
            var d = Math.Max(Math.Abs(a.Dimensions[k].Mean - b.Dimensions[k].Mean), Math.Abs(a.Dimensions[k].StatusQuo - b.Dimensions[k].StatusQuo));
            if (d > Tolerance)
            {
                return ($"{shock}:dimension.{a.Dimensions[k].Id}", d);
            }
        }

        return (null, 0);
    }
}

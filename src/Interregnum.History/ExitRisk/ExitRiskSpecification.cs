namespace Interregnum.History.ExitRisk;

/// <summary>
/// Which candidate covariates (<see cref="ExitRiskCovariates.AllNames"/>) the exit-risk model reads, and the scale of
/// the normal prior on its slopes. Immutable.
/// </summary>
/// <param name="Covariates">Covariate names, a subset of <see cref="ExitRiskCovariates.AllNames"/>, in that order.</param>
/// <param name="PriorScale">Standard deviation of the N(0, scale²) prior on every slope (positive).</param>
/// <param name="IrregularPriorScale">
/// When set, the irregular-exit probability comes from its own binary logit (irregular exit against every other
/// outcome of the year, the same covariates) with this prior scale, instead of the shared multinomial logit; the other
/// outcomes keep their multinomial odds against each other. Null: the shared model.
/// </param>
/// <param name="IrregularBoosting">
/// When set, the irregular-exit probability comes from gradient-boosted trees (<see cref="BoostedTrees"/>, irregular exit
/// against every other outcome, the same covariates) instead; it takes precedence over <paramref name="IrregularPriorScale"/>.
/// </param>
public sealed record ExitRiskSpecification(IReadOnlyList<string> Covariates, double PriorScale, double? IrregularPriorScale = null, BoostedTreesSettings? IrregularBoosting = null)
{
    /// <summary>The covariates of the first specification (docs/exit-risk.md, "Specification history").</summary>
    public static IReadOnlyList<string> Base { get; } = ExitRiskCovariates.AllNames.Take(20).ToArray();

    /// <summary>
    /// The shipped specification. Covariates: <see cref="Base"/> plus the years since the last coup attempt and the
    /// two election-calendar terms. Prior scale 0.5: the value of the grid 0.25, 0.5, 1, 2.5, 5 with the best
    /// irregular-exit log score on the validation origins 1970–1990 (never the test origins 1991–2015; docs/exit-risk.md).
    /// </summary>
    public static ExitRiskSpecification Default { get; } = new(
        [.. Base, "log1p_years_since_coup_attempt", "election_next_12_months", "election_months_13_24"],
        0.5);

    /// <summary>
    /// The specification of the monthly-origin design (<see cref="ExitRiskOrigins.Monthly"/>): <see cref="Default"/> plus
    /// a leader who seized power within the year (<c>irregular_entry_x_new_leader</c>) and a coup attempt in the six
    /// months before (<c>coup_attempt_6m</c>), prior scale 0.25: every choice by the irregular-exit log score on the
    /// validation origins 1970–1990 of that design (docs/exit-risk.md, "Third search").
    /// </summary>
    public static ExitRiskSpecification Monthly { get; } = new(
        [.. Default.Covariates, "irregular_entry_x_new_leader", "coup_attempt_6m"],
        0.25);

    /// <summary>The specification a design fits when none is named: <see cref="Default"/> on 1-January rows, <see cref="Monthly"/> on monthly rows.</summary>
    public static ExitRiskSpecification For(ExitRiskOrigins origins) => origins == ExitRiskOrigins.Monthly ? Monthly : Default;

    /// <summary>Indices of <see cref="Covariates"/> in <see cref="ExitRiskCovariates.AllNames"/>.</summary>
    public int[] Columns() => Covariates.Select(n => IndexOf(n)).ToArray();

    /// <summary>The model's values for a leader: the named covariates, in order.</summary>
    public double[] Select(ExitRiskCovariates covariates)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        var all = covariates.ToVector();
        return Columns().Select(i => all[i]).ToArray();
    }

    /// <summary>Problems with the specification (empty when valid): unknown or repeated names, a non-positive scale.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var name in Covariates.Where(n => !ExitRiskCovariates.AllNames.Contains(n)))
        {
            errors.Add($"unknown covariate '{name}' (known: {string.Join(", ", ExitRiskCovariates.AllNames)})");
        }

        foreach (var name in Covariates.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"covariate '{name}' named twice");
        }

        if (!(PriorScale > 0 && double.IsFinite(PriorScale)))
        {
            errors.Add($"the prior scale must be positive and finite (got {PriorScale})");
        }

        if (IrregularPriorScale is { } irregular && !(irregular > 0 && double.IsFinite(irregular)))
        {
            errors.Add($"the irregular-exit prior scale must be positive and finite (got {irregular})");
        }

        if (IrregularBoosting is { } boosting)
        {
            errors.AddRange(boosting.Validate());
        }

        return errors;
    }

    /// <summary>
    /// A specification from a comma-separated list: names, or <c>default</c>/<c>base</c> followed by <c>+name</c> or
    /// <c>-name</c> terms (e.g. <c>default,+log1p_region_coup_attempts_3y</c>); names are put in <see cref="ExitRiskCovariates.AllNames"/> order.
    /// </summary>
    public static ExitRiskSpecification Parse(string list, double priorScale)
    {
        ArgumentNullException.ThrowIfNull(list);
        var names = new List<string>();
        foreach (var raw in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (raw)
            {
                case "default":
                    names.AddRange(Default.Covariates);
                    break;
                case "base":
                    names.AddRange(Base);
                    break;
                case ['+', .. var add]:
                    names.Add(add);
                    break;
                case ['-', .. var remove]:
                    names.RemoveAll(n => n == remove);
                    break;
                default:
                    names.Add(raw);
                    break;
            }
        }

        // Unknown names sort last and are reported by Validate.
        return new ExitRiskSpecification(names.Distinct(StringComparer.Ordinal).OrderBy(n => IndexOf(n) < 0 ? int.MaxValue : IndexOf(n)).ToList(), priorScale);
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < ExitRiskCovariates.AllNames.Count; i++)
        {
            if (ExitRiskCovariates.AllNames[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}

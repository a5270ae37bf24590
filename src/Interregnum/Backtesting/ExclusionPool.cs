namespace Interregnum.Backtesting;

/// <summary>
/// The parameters of the exclusion pool (<see cref="ExclusionPool"/>), fitted on a set of backtest cases. Immutable.
/// </summary>
/// <param name="ModelWeight">w: the weight of the ruling-coalition model's P(excluded) in the pool, [0, 1]; 1 − w goes to <paramref name="Rate"/>.</param>
/// <param name="Rate">r: the share of scored actors excluded within two years in the fitted cases (the outside view), [0, 1].</param>
/// <param name="DisplacedWeight">w_d: the model's weight in the pooled P(first winner displaced), [0, 1].</param>
/// <param name="DisplacedRate">r_d: the share of first winners displaced within two years in the fitted cases that record it, or null when none does.</param>
/// <param name="Cases">Cases fitted on.</param>
/// <param name="Actors">(case, actor) pairs fitted on.</param>
/// <param name="DisplacedCases">Cases the displacement parameters were fitted on (those recording an eventual leader).</param>
public sealed record ExclusionPoolParameters(double ModelWeight, double Rate, double DisplacedWeight, double? DisplacedRate, int Cases, int Actors, int DisplacedCases);

/// <summary>One actor of a case as the exclusion pool sees it. Immutable.</summary>
/// <param name="Actor">Actor id.</param>
/// <param name="Model">The ruling-coalition model's P(excluded within two years).</param>
/// <param name="Excluded">Whether the actor was excluded within two years.</param>
public readonly record struct ExclusionPoolActor(string Actor, double Model, bool Excluded);

/// <summary>One case as the exclusion pool sees it. Immutable.</summary>
/// <param name="CaseId">The case's id.</param>
/// <param name="Actors">The scored actors (every actor but the incumbent who left).</param>
/// <param name="ModelDisplaced">The model's P(first winner displaced within two years), or null.</param>
/// <param name="Displaced">Whether the first winner was displaced, or null when the case records no eventual leader.</param>
public sealed record ExclusionPoolCase(string CaseId, IReadOnlyList<ExclusionPoolActor> Actors, double? ModelDisplaced, bool? Displaced);

/// <summary>
/// The outside view inside the exclusion forecast (docs/backtesting.md, "Who is left out"): a linear pool of the
/// ruling-coalition model's per-actor P(excluded within two years) with the historical share of actors excluded,
/// p = w·p_model + (1 − w)·r, and the same for the first winner's displacement, p = w_d·p_model + (1 − w_d)·r_d.
/// r and r_d are shares counted on the fitted cases; w and w_d are fitted by maximum likelihood (Bernoulli, each
/// probability clamped to [<see cref="Clamp"/>, 1 − <see cref="Clamp"/>]) on a grid of 0.01 over [0, 1], ties keeping
/// the smaller weight (the outside view). w = 0 is the base rate alone. On backtest cases the parameters are used only
/// through <see cref="LeaveOneOut"/>. Pure functions.
/// </summary>
public static class ExclusionPool
{
    /// <summary>Probabilities are clamped to [0.001, 0.999] inside the likelihood, so that a certain miss is costly but finite.</summary>
    public const double Clamp = 0.001;

    /// <summary>
    /// The parameters a forecast outside the backtest uses (<c>simulate</c>, <c>compare</c>, the brief): the fit on
    /// every public case of the run recorded in docs/backtesting.md (<c>interregnum backtest backtests --draws 2000
    /// --seed 1</c>), rounded to three decimals. The backtest never uses them: each case is scored with the parameters
    /// fitted without it. A test re-fits them from the recorded run.
    /// </summary>
    public static ExclusionPoolParameters Shipped { get; } = new(
        ModelWeight: 0.05,
        Rate: 0.322,
        DisplacedWeight: 0.35,
        DisplacedRate: 0.300,
        Cases: 52,
        Actors: 261,
        DisplacedCases: 50);

    /// <summary>Fits the pool on <paramref name="cases"/>; with nothing to fit on, the model alone (weight 1).</summary>
    public static ExclusionPoolParameters Fit(IReadOnlyList<ExclusionPoolCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var actors = cases.SelectMany(c => c.Actors).ToList();
        var rate = actors.Count == 0 ? 0 : actors.Count(a => a.Excluded) / (double)actors.Count;
        var weight = actors.Count == 0 ? 1 : FitWeight(actors.Select(a => (a.Model, a.Excluded)).ToList(), rate);
        var displaced = cases.Where(c => c.Displaced is not null && c.ModelDisplaced is not null).Select(c => (c.ModelDisplaced!.Value, c.Displaced!.Value)).ToList();
        double? displacedRate = displaced.Count == 0 ? null : displaced.Count(d => d.Item2) / (double)displaced.Count;
        var displacedWeight = displacedRate is { } dr ? FitWeight(displaced, dr) : 1;
        return new ExclusionPoolParameters(weight, rate, displacedWeight, displacedRate, cases.Count, actors.Count, displaced.Count);
    }

    /// <summary>For each case, the parameters fitted on all the other cases (leave-one-case-out).</summary>
    public static IReadOnlyList<ExclusionPoolParameters> LeaveOneOut(IReadOnlyList<ExclusionPoolCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Select((_, i) => Fit(cases.Where((_, j) => j != i).ToList())).ToList();
    }

    /// <summary>The pooled P(excluded): w·model + (1 − w)·r.</summary>
    public static double Excluded(ExclusionPoolParameters parameters, double model)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Math.Clamp((parameters.ModelWeight * model) + ((1 - parameters.ModelWeight) * parameters.Rate), 0, 1);
    }

    /// <summary>The pooled P(first winner displaced): w_d·model + (1 − w_d)·r_d (the model's own where no rate was fitted).</summary>
    public static double Displaced(ExclusionPoolParameters parameters, double model)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.DisplacedRate is { } r ? Math.Clamp((parameters.DisplacedWeight * model) + ((1 - parameters.DisplacedWeight) * r), 0, 1) : model;
    }

    /// <summary>The Bernoulli log-likelihood of the pool w·p + (1 − w)·r over the pairs.</summary>
    public static double LogLikelihood(IReadOnlyList<(double Model, bool Outcome)> pairs, double rate, double weight)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        double sum = 0;
        foreach (var (model, outcome) in pairs)
        {
            var p = Math.Clamp((weight * model) + ((1 - weight) * rate), Clamp, 1 - Clamp);
            sum += Math.Log(outcome ? p : 1 - p);
        }

        return sum;
    }

    private static double FitWeight(IReadOnlyList<(double Model, bool Outcome)> pairs, double rate)
    {
        double best = 0, bestLikelihood = double.NegativeInfinity;
        for (var step = 0; step <= 100; step++)
        {
            var w = step / 100.0;
            var likelihood = LogLikelihood(pairs, rate, w);

            // Strictly better only: ties keep the smaller weight (the outside view).
            if (likelihood > bestLikelihood + 1e-12)
            {
                best = w;
                bestLikelihood = likelihood;
            }
        }

        return best;
    }
}

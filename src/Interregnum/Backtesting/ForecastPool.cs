namespace Interregnum.Backtesting;

/// <summary>Weights of a linear pool of winner forecasts (each in [0, 1], summing to 1). Immutable.</summary>
/// <param name="Model">Weight of the structural contest (the simulation's candidate probabilities).</param>
/// <param name="FormalSuccessor">Weight of the institutional rule: the formal (acting) successor wins.</param>
/// <param name="MostCoercion">Weight of coercion: the candidate whose leader holds the most crisis coercion wins.</param>
/// <param name="EqualOdds">Weight of equal odds (1/n per candidate), which keeps every candidate possible.</param>
public sealed record WinnerPoolWeights(double Model, double FormalSuccessor, double MostCoercion, double EqualOdds)
{
    /// <summary>Equal weights on the components in use (the start of the fit, and the weights when there is nothing to fit on).</summary>
    public static WinnerPoolWeights Equal(bool includeModel) => includeModel ? new(0.25, 0.25, 0.25, 0.25) : new(0, 1 / 3.0, 1 / 3.0, 1 / 3.0);
}

/// <summary>
/// The few parameters of the blended forecast, fitted on a set of cases (<see cref="ForecastPool.Fit"/>). Immutable.
/// </summary>
/// <param name="Blended">Winner pool weights with the model among the components.</param>
/// <param name="OutsideOnly">Winner pool weights of the outside view alone (model weight 0).</param>
/// <param name="ContestedSignal">β: how far the model's contested signal moves the reference-class prior (0: not at all).</param>
/// <param name="ContestedCentre">c: the mean log-odds of the model's contested probability over the fitted cases (the model's usual level).</param>
/// <param name="WinnerCases">Cases the winner weights were fitted on.</param>
/// <param name="ContestedCases">Cases the contested parameters were fitted on (those with a prior and a model forecast).</param>
public sealed record PoolParameters(WinnerPoolWeights Blended, WinnerPoolWeights OutsideOnly, double ContestedSignal, double ContestedCentre, int WinnerCases, int ContestedCases);

/// <summary>One case as the pool sees it: every component's forecast and what happened. Immutable.</summary>
/// <param name="CaseId">The case's id.</param>
/// <param name="Model">The model's probability per candidate.</param>
/// <param name="FormalSuccessor">The formal-successor rival's probability per candidate.</param>
/// <param name="MostCoercion">The most-coercion rival's probability per candidate.</param>
/// <param name="Winner">Index of the candidate who prevailed.</param>
/// <param name="ModelContested">The model's P(contested), or null.</param>
/// <param name="ContestedPrior">The reference-class prior P(contested), or null when there is no historical data.</param>
/// <param name="Contested">Whether the succession was contested.</param>
public sealed record PoolCase(string CaseId, IReadOnlyList<double> Model, IReadOnlyList<double> FormalSuccessor, IReadOnlyList<double> MostCoercion, int Winner, double? ModelContested, double? ContestedPrior, bool Contested);

/// <summary>
/// The outside view inside the forecast. Pure functions.
/// <list type="bullet">
/// <item><b>Winner</b>: a linear opinion pool p = w_m·model + w_f·formal successor + w_c·most coercion + w_e·equal odds,
/// the weights fitted by maximum likelihood with the EM algorithm of ensemble Bayesian model averaging (Raftery et al.
/// 2005; Montgomery, Hollenbach &amp; Ward 2012, who apply it to political forecasts). The outside-only forecast is the
/// same pool without the model.</item>
/// <item><b>Contested</b>: the reference-class prior p₀ updated by the model's structural signal on the log-odds scale,
/// logit p = logit p₀ + β·(logit p_m − c), where c is the model's usual log-odds (its mean over the fitted cases), so
/// the prior sets the level and the model says only whether this case looks more or less contested than it usually
/// says; β ≥ 0 is fitted by maximum likelihood on a grid of 0.01 over [0, 3]. β = 0 is the outside view alone.</item>
/// </list>
/// The parameters are fitted on backtest cases only through <see cref="LeaveOneOut"/> when the same cases are scored.
/// </summary>
public static class ForecastPool
{
    /// <summary>The model's contested probability is clamped to [0.001, 0.999] before taking log-odds (a 2,000-draw mean can be 0).</summary>
    public const double ContestedClamp = 0.001;

    /// <summary>The largest β tried.</summary>
    public const double MaxSignal = 3;

    /// <summary>
    /// The parameters a forecast outside the backtest uses (<c>simulate</c>, <c>compare</c>, the brief): the fit on
    /// every public case of the run recorded in docs/backtesting.md (<c>interregnum backtest backtests --draws 2000
    /// --seed 1</c>, with the historical data), rounded to three decimals. The backtest itself never uses them: each of
    /// its cases is scored with the parameters fitted without it. A test re-fits them from the recorded run.
    /// </summary>
    public static PoolParameters Shipped { get; } = new(
        new WinnerPoolWeights(0.699, 0.042, 0.112, 0.147),
        new WinnerPoolWeights(0, 0.359, 0.175, 0.466),
        ContestedSignal: 0.24,
        ContestedCentre: -0.684,
        WinnerCases: 52,
        ContestedCases: 52);

    /// <summary>Fits every parameter on <paramref name="cases"/>.</summary>
    public static PoolParameters Fit(IReadOnlyList<PoolCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var contested = cases.Where(c => c.ContestedPrior is not null && c.ModelContested is not null).ToList();
        var centre = contested.Count == 0 ? 0 : contested.Average(c => Logit(c.ModelContested!.Value));
        return new PoolParameters(FitWeights(cases, includeModel: true), FitWeights(cases, includeModel: false), FitSignal(contested, centre), centre, cases.Count, contested.Count);
    }

    /// <summary>For each case, the parameters fitted on all the other cases (leave-one-case-out).</summary>
    public static IReadOnlyList<PoolParameters> LeaveOneOut(IReadOnlyList<PoolCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Select((_, i) => Fit(cases.Where((_, j) => j != i).ToList())).ToList();
    }

    /// <summary>The pooled winner forecast (sums to 1 when each component does).</summary>
    public static double[] Winner(WinnerPoolWeights w, IReadOnlyList<double> model, IReadOnlyList<double> formalSuccessor, IReadOnlyList<double> mostCoercion)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(formalSuccessor);
        ArgumentNullException.ThrowIfNull(mostCoercion);
        var n = model.Count;
        var p = new double[n];
        for (var k = 0; k < n; k++)
        {
            p[k] = Math.Clamp((w.Model * model[k]) + (w.FormalSuccessor * formalSuccessor[k]) + (w.MostCoercion * mostCoercion[k]) + (w.EqualOdds / n), 0, 1);
        }

        return p;
    }

    /// <summary>The prior updated by the model's signal: logistic(logit p₀ + β·(logit p_m − c)).</summary>
    /// <param name="prior">Reference-class prior p₀ in (0, 1).</param>
    /// <param name="model">The model's P(contested) (clamped, <see cref="ContestedClamp"/>).</param>
    /// <param name="signal">β.</param>
    /// <param name="centre">c.</param>
    public static double Contested(double prior, double model, double signal, double centre) =>
        1 / (1 + Math.Exp(-(Logit(prior) + (signal * (Logit(model) - centre)))));

    /// <summary>EM for the mixture weights: w_k ← mean over cases of w_k q_k / Σ_j w_j q_j, q = each component's probability of the winner.</summary>
    internal static WinnerPoolWeights FitWeights(IReadOnlyList<PoolCase> cases, bool includeModel)
    {
        var start = WinnerPoolWeights.Equal(includeModel);
        if (cases.Count == 0)
        {
            return start;
        }

        double[] w = [start.Model, start.FormalSuccessor, start.MostCoercion, start.EqualOdds];
        var q = cases.Select(c => new[] { c.Model[c.Winner], c.FormalSuccessor[c.Winner], c.MostCoercion[c.Winner], 1.0 / c.Model.Count }).ToArray();
        var next = new double[4];
        for (var iteration = 0; iteration < 20000; iteration++)
        {
            Array.Clear(next);
            foreach (var row in q)
            {
                double total = 0;
                for (var k = 0; k < 4; k++)
                {
                    total += w[k] * row[k];
                }

                for (var k = 0; k < 4; k++)
                {
                    next[k] += w[k] * row[k] / total / q.Length;
                }
            }

            var change = 0.0;
            for (var k = 0; k < 4; k++)
            {
                change = Math.Max(change, Math.Abs(next[k] - w[k]));
                w[k] = next[k];
            }

            if (change < 1e-10)
            {
                break;
            }
        }

        return new WinnerPoolWeights(w[0], w[1], w[2], w[3]);
    }

    private static double FitSignal(List<PoolCase> cases, double centre)
    {
        if (cases.Count == 0)
        {
            return 0;
        }

        double best = 0, bestLikelihood = double.NegativeInfinity;
        for (var step = 0; step <= (int)(MaxSignal * 100); step++)
        {
            var beta = step / 100.0;
            double likelihood = 0;
            foreach (var c in cases)
            {
                var p = Contested(c.ContestedPrior!.Value, c.ModelContested!.Value, beta, centre);
                likelihood += Math.Log(c.Contested ? p : 1 - p);
            }

            // Strictly better only: ties keep the smaller β (the outside view).
            if (likelihood > bestLikelihood + 1e-12)
            {
                best = beta;
                bestLikelihood = likelihood;
            }
        }

        return best;
    }

    private static double Logit(double p)
    {
        var x = Math.Clamp(p, ContestedClamp, 1 - ContestedClamp);
        return Math.Log(x / (1 - x));
    }
}

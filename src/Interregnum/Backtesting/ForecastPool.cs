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

/// <summary>The forms of the winner pool that <see cref="ForecastPool.Fit"/> chooses among (in this order when tied).</summary>
public enum WinnerPoolForm
{
    /// <summary>All four components, weights by maximum likelihood (EM, Raftery et al. 2005): the form before the nested choice.</summary>
    LikelihoodAllComponents,

    /// <summary>The model and equal odds only (one free weight), by maximum likelihood (EM).</summary>
    LikelihoodModelAndEqualOdds,

    /// <summary>All four components, weights minimising the multi-class Brier score (the score the record is judged on).</summary>
    BrierAllComponents,

    /// <summary>The model and equal odds only, the weight minimising the Brier score.</summary>
    BrierModelAndEqualOdds,
}

/// <summary>The forms of the contested update that <see cref="ForecastPool.Fit"/> chooses among (in this order when tied).</summary>
public enum ContestedForm
{
    /// <summary>β = 0: the reference-class prior alone (the outside view).</summary>
    OutsideView,

    /// <summary>β by maximum likelihood on the grid (the form before the nested choice).</summary>
    MaximumLikelihood,

    /// <summary>β by maximum a posteriori under Gelman et al.'s (2008) weakly informative Cauchy(0, 2.5) prior for an input scaled to standard deviation ½.</summary>
    CauchyPrior,
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
/// <param name="WinnerForm">The winner pool's form, chosen by leave-one-case-out Brier score on the fitted cases.</param>
/// <param name="ContestedForm">The contested update's form, chosen the same way.</param>
public sealed record PoolParameters(WinnerPoolWeights Blended, WinnerPoolWeights OutsideOnly, double ContestedSignal, double ContestedCentre, int WinnerCases, int ContestedCases, WinnerPoolForm WinnerForm, ContestedForm ContestedForm);

/// <summary>
/// The leave-one-case-out mean Brier score of every form on a set of cases: what <see cref="ForecastPool.Fit"/> chooses
/// by. Immutable.
/// </summary>
/// <param name="Winner">Per winner form (in <see cref="WinnerPoolForm"/> order), the mean multi-class Brier score of each case's pool fitted without it (NaN with fewer than two cases).</param>
/// <param name="Contested">Per contested form (in <see cref="ContestedForm"/> order), the same for the contested Brier score.</param>
public sealed record PoolFormScores(IReadOnlyList<double> Winner, IReadOnlyList<double> Contested);

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
/// <item><b>Winner</b>: a linear opinion pool p = w_m·model + w_f·formal successor + w_c·most coercion + w_e·equal odds.
/// Four forms are fitted (<see cref="WinnerPoolForm"/>): all four components or the model and equal odds only, with
/// the weights fitted by maximum likelihood with the EM algorithm of ensemble Bayesian model averaging (Raftery et al.
/// 2005; Montgomery, Hollenbach &amp; Ward 2012) or by the least Brier score. The outside-only forecast is the pool without
/// the model (maximum likelihood).</item>
/// <item><b>Contested</b>: the reference-class prior p₀ updated by the model's structural signal on the log-odds scale,
/// logit p = logit p₀ + β·(logit p_m − c), where c is the model's usual log-odds (its mean over the fitted cases), so
/// the prior sets the level and the model says only whether this case looks more or less contested than it usually
/// says. β ≥ 0 is 0 (the outside view), or fitted on a grid of 0.01 over [0, 3] by maximum likelihood, or by maximum a
/// posteriori under a Cauchy(0, 2.5) prior (<see cref="ContestedForm"/>).</item>
/// </list>
/// <see cref="Fit"/> chooses each form by its leave-one-case-out Brier score on the cases it is given (the score the
/// record is judged on), then fits the chosen form on all of them. The backtest scores each case with
/// <see cref="LeaveOneOut"/>, so the choice of form is itself made without the case: nested leave-one-case-out
/// (Varma &amp; Simon 2006; Cawley &amp; Talbot 2010).
/// </summary>
public static class ForecastPool
{
    /// <summary>The model's contested probability is clamped to [0.001, 0.999] before taking log-odds (a 2,000-draw mean can be 0).</summary>
    public const double ContestedClamp = 0.001;

    /// <summary>The largest β tried.</summary>
    public const double MaxSignal = 3;

    /// <summary>Scale of the Cauchy prior on a coefficient whose input has standard deviation ½ (Gelman, Jakulin, Pittau &amp; Su 2008).</summary>
    public const double CauchyScale = 2.5;

    /// <summary>
    /// The parameters a forecast outside the backtest uses (<c>simulate</c>, <c>compare</c>, the brief): the fit on
    /// every public case of the run recorded in docs/backtesting.md (<c>interregnum backtest backtests --draws 2000
    /// --seed 1</c>, with the historical data), rounded to three decimals. The backtest itself never uses them: each of
    /// its cases is scored with the parameters fitted without it. A test re-fits them from the recorded run.
    /// </summary>
    public static PoolParameters Shipped { get; } = new(
        new WinnerPoolWeights(0.731, 0, 0, 0.269),
        new WinnerPoolWeights(0, 0.359, 0.175, 0.466),
        ContestedSignal: 0,
        ContestedCentre: -0.684,
        WinnerCases: 52,
        ContestedCases: 52,
        WinnerPoolForm.LikelihoodModelAndEqualOdds,
        ContestedForm.OutsideView);

    /// <summary>
    /// Chooses each form by its leave-one-case-out Brier score on <paramref name="cases"/> (<see cref="FormScores"/>;
    /// ties keep the earlier form) and fits the chosen forms on every case.
    /// </summary>
    public static PoolParameters Fit(IReadOnlyList<PoolCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var scores = FormScores(cases);
        var winnerForm = (WinnerPoolForm)ArgMin(scores.Winner);
        var contestedForm = (ContestedForm)ArgMin(scores.Contested);
        var contested = ContestedCasesOf(cases);
        var (signal, centre) = FitContested(contested, contestedForm);
        return new PoolParameters(FitWinner(cases, winnerForm), FitWeights(cases, includeModel: false), signal, centre, cases.Count, contested.Count, winnerForm, contestedForm);
    }

    /// <summary>For each case, the parameters fitted on all the other cases (leave-one-case-out), the choice of form included.</summary>
    public static IReadOnlyList<PoolParameters> LeaveOneOut(IReadOnlyList<PoolCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Select((_, i) => Fit(Without(cases, i))).ToList();
    }

    /// <summary>
    /// The leave-one-case-out mean Brier score of every winner form (over all cases) and every contested form (over the
    /// cases with a prior and a model forecast): each case is forecast with the form fitted on the others. NaN where
    /// fewer than two cases hold the question.
    /// </summary>
    public static PoolFormScores FormScores(IReadOnlyList<PoolCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var winner = Enum.GetValues<WinnerPoolForm>().Select(form => cases.Count < 2 ? double.NaN : Enumerable.Range(0, cases.Count).Average(i =>
        {
            var c = cases[i];
            var p = Winner(FitWinner(Without(cases, i), form), c.Model, c.FormalSuccessor, c.MostCoercion);
            return p.Select((x, k) => (x - (k == c.Winner ? 1 : 0)) * (x - (k == c.Winner ? 1 : 0))).Sum();
        })).ToList();
        var contested = ContestedCasesOf(cases);
        var contestedScores = Enum.GetValues<ContestedForm>().Select(form => contested.Count < 2 ? double.NaN : Enumerable.Range(0, contested.Count).Average(i =>
        {
            var c = contested[i];
            var (signal, centre) = FitContested(Without(contested, i), form);
            var p = Contested(c.ContestedPrior!.Value, c.ModelContested!.Value, signal, centre);
            return (p - (c.Contested ? 1 : 0)) * (p - (c.Contested ? 1 : 0));
        })).ToList();
        return new PoolFormScores(winner, contestedScores);
    }

    /// <summary>The winner pool weights of <paramref name="form"/> fitted on <paramref name="cases"/> (equal weights on the form's components when there are none).</summary>
    public static WinnerPoolWeights FitWinner(IReadOnlyList<PoolCase> cases, WinnerPoolForm form)
    {
        ArgumentNullException.ThrowIfNull(cases);
        bool[] components = form is WinnerPoolForm.LikelihoodAllComponents or WinnerPoolForm.BrierAllComponents ? [true, true, true, true] : [true, false, false, true];
        return form is WinnerPoolForm.LikelihoodAllComponents or WinnerPoolForm.LikelihoodModelAndEqualOdds
            ? FitLikelihood(cases, components)
            : FitBrier(cases, components);
    }

    /// <summary>
    /// β and c of <paramref name="form"/> fitted on <paramref name="cases"/> (each must have a prior and a model
    /// forecast): c is the mean of logit p_m; β is 0 for the outside view, else the grid value maximising the
    /// log-likelihood, less ln(1 + (β/s)²) for the Cauchy prior, s = 2.5 · ½ / sd(logit p_m) (the prior on the
    /// coefficient of an input rescaled to standard deviation ½, expressed on the input's own scale; β = 0 when the input
    /// does not vary). Ties keep the smaller β.
    /// </summary>
    public static (double Signal, double Centre) FitContested(IReadOnlyList<PoolCase> cases, ContestedForm form)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Count == 0)
        {
            return (0, 0);
        }

        var centre = cases.Average(c => Logit(c.ModelContested!.Value));
        if (form == ContestedForm.OutsideView)
        {
            return (0, centre);
        }

        var sd = cases.Count < 2 ? 0 : Math.Sqrt(cases.Sum(c => Math.Pow(Logit(c.ModelContested!.Value) - centre, 2)) / (cases.Count - 1));
        if (form == ContestedForm.CauchyPrior && sd == 0)
        {
            return (0, centre);
        }

        var scale = form == ContestedForm.CauchyPrior ? CauchyScale * 0.5 / sd : double.PositiveInfinity;

        // The same arithmetic as Contested, with the log-odds taken once per case (the grid is walked many times over
        // in the nested leave-one-case-out).
        var priorLogOdds = cases.Select(c => Logit(c.ContestedPrior!.Value)).ToArray();
        var signalLogOdds = cases.Select(c => Logit(c.ModelContested!.Value) - centre).ToArray();
        double best = 0, bestObjective = double.NegativeInfinity;
        for (var step = 0; step <= (int)(MaxSignal * 100); step++)
        {
            var beta = step / 100.0;
            var objective = form == ContestedForm.CauchyPrior ? -Math.Log(1 + ((beta / scale) * (beta / scale))) : 0;
            for (var i = 0; i < cases.Count; i++)
            {
                var p = 1 / (1 + Math.Exp(-(priorLogOdds[i] + (beta * signalLogOdds[i]))));
                objective += Math.Log(cases[i].Contested ? p : 1 - p);
            }

            // Strictly better only: ties keep the smaller β (the outside view).
            if (objective > bestObjective + 1e-12)
            {
                best = beta;
                bestObjective = objective;
            }
        }

        return (best, centre);
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

    /// <summary>The outside-only pool (model weight 0), or the four-component pool, by maximum likelihood (EM).</summary>
    internal static WinnerPoolWeights FitWeights(IReadOnlyList<PoolCase> cases, bool includeModel) =>
        FitLikelihood(cases, includeModel ? [true, true, true, true] : [false, true, true, true]);

    /// <summary>EM for the mixture weights of the components in use: w_k ← mean over cases of w_k q_k / Σ_j w_j q_j, q = each component's probability of the winner.</summary>
    private static WinnerPoolWeights FitLikelihood(IReadOnlyList<PoolCase> cases, bool[] components)
    {
        var w = components.Select(used => used ? 1.0 / components.Count(u => u) : 0).ToArray();
        if (cases.Count == 0)
        {
            return new WinnerPoolWeights(w[0], w[1], w[2], w[3]);
        }

        var q = cases.Select(c => Components(c).Select(component => component[c.Winner]).ToArray()).ToArray();
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

    /// <summary>
    /// The weights on the components in use that minimise the summed multi-class Brier score Σ_i Σ_k (Σ_j w_j q_ijk − o_ik)²
    /// on the simplex. The score is the quadratic wᵀAw − 2bᵀw + const with A_jl = Σ_i q_ij·q_il and b_j = Σ_i q_ij·o_i,
    /// so the minimum is found exactly by trying every support (a subset of the components): on a support the
    /// conditions 2A_S w_S + λ1 = 2b_S, Σ w_S = 1 are a linear system; a solution with every weight ≥ 0 is a candidate,
    /// and the candidate with the least score wins (ties keep the smaller support, tried first). Equal weights when there
    /// is nothing to fit on.
    /// </summary>
    private static WinnerPoolWeights FitBrier(IReadOnlyList<PoolCase> cases, bool[] components)
    {
        var used = Enumerable.Range(0, 4).Where(j => components[j]).ToArray();
        if (cases.Count == 0)
        {
            return new WinnerPoolWeights(components[0] ? 1.0 / used.Length : 0, components[1] ? 1.0 / used.Length : 0, components[2] ? 1.0 / used.Length : 0, components[3] ? 1.0 / used.Length : 0);
        }

        var a = new double[4, 4];
        var b = new double[4];
        foreach (var c in cases)
        {
            var q = Components(c);
            for (var k = 0; k < c.Model.Count; k++)
            {
                for (var j = 0; j < 4; j++)
                {
                    b[j] += k == c.Winner ? q[j][k] : 0;
                    for (var l = 0; l < 4; l++)
                    {
                        a[j, l] += q[j][k] * q[l][k];
                    }
                }
            }
        }

        double[]? best = null;
        var bestScore = double.PositiveInfinity;
        foreach (var support in Supports(used))
        {
            var w = SolveOnSupport(a, b, support);
            if (w is null)
            {
                continue;
            }

            double score = 0;
            for (var j = 0; j < 4; j++)
            {
                score -= 2 * b[j] * w[j];
                for (var l = 0; l < 4; l++)
                {
                    score += w[j] * a[j, l] * w[l];
                }
            }

            if (score < bestScore - 1e-12)
            {
                best = w;
                bestScore = score;
            }
        }

        return new WinnerPoolWeights(best![0], best[1], best[2], best[3]);
    }

    // Every non-empty subset of the components, smaller ones first.
    private static IEnumerable<int[]> Supports(int[] used) =>
        Enumerable.Range(1, (1 << used.Length) - 1)
            .Select(mask => used.Where((_, i) => (mask & (1 << i)) != 0).ToArray())
            .OrderBy(s => s.Length)
            .ThenBy(s => string.Join(",", s), StringComparer.Ordinal);

    // The stationary point of wᵀAw − 2bᵀw on {Σ w = 1, w_j = 0 off the support}, or null when it has a negative weight or
    // the system is singular (two components identical on every case: a smaller support then reaches the same score).
    private static double[]? SolveOnSupport(double[,] a, double[] b, int[] support)
    {
        var n = support.Length;
        var m = new double[n + 1, n + 2];
        for (var r = 0; r < n; r++)
        {
            for (var s = 0; s < n; s++)
            {
                m[r, s] = 2 * a[support[r], support[s]];
            }

            m[r, n] = 1;
            m[n, r] = 1;
            m[r, n + 1] = 2 * b[support[r]];
        }

        m[n, n + 1] = 1;
        for (var col = 0; col <= n; col++)
        {
            var pivot = Enumerable.Range(col, n + 1 - col).MaxBy(r => Math.Abs(m[r, col]));
            if (Math.Abs(m[pivot, col]) < 1e-12)
            {
                return null;
            }

            for (var s = 0; s <= n + 1; s++)
            {
                (m[col, s], m[pivot, s]) = (m[pivot, s], m[col, s]);
            }

            for (var r = 0; r <= n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = m[r, col] / m[col, col];
                for (var s = col; s <= n + 1; s++)
                {
                    m[r, s] -= f * m[col, s];
                }
            }
        }

        var w = new double[4];
        for (var r = 0; r < n; r++)
        {
            var x = m[r, n + 1] / m[r, r];
            if (x < -1e-12)
            {
                return null;
            }

            w[support[r]] = Math.Max(0, x);
        }

        return w;
    }

    // Each component's probability per candidate: model, formal successor, most coercion, equal odds.
    private static double[][] Components(PoolCase c)
    {
        var n = c.Model.Count;
        return [[.. c.Model], [.. c.FormalSuccessor], [.. c.MostCoercion], [.. Enumerable.Repeat(1.0 / n, n)]];
    }

    private static List<PoolCase> ContestedCasesOf(IReadOnlyList<PoolCase> cases) =>
        cases.Where(c => c.ContestedPrior is not null && c.ModelContested is not null).ToList();

    private static List<T> Without<T>(IReadOnlyList<T> items, int index) => items.Where((_, j) => j != index).ToList();

    // The index of the least score (the first when tied; NaN scores, too few cases to judge, leave the first).
    private static int ArgMin(IReadOnlyList<double> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Count; i++)
        {
            if (scores[i] < scores[best] - 1e-12)
            {
                best = i;
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

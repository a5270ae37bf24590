using System.Globalization;
using Interregnum.Backtesting;
using Interregnum.History;
using Interregnum.History.Loading;
using Interregnum.History.ReferenceClasses;
using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Runs;

/// <summary>
/// The blended forecast of one shock, with its inside and outside halves beside it (docs/backtesting.md, "The
/// outside view inside the forecast"): what <c>simulate</c>, <c>compare</c> and the brief print. The pool uses the
/// shipped parameters (<see cref="ForecastPool.Shipped"/>, fitted on every public backtest case); the contested prior
/// uses the same reference class as the backtest (<see cref="ContestedBaseRates"/>), known on the scenario's
/// <c>as_of</c> date.
/// </summary>
public static class BlendedForecasts
{
    /// <summary>The blend for a simulated shock, or null when the incumbent stays (a failed attempt has no succession).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="shock">The shock simulated.</param>
    /// <param name="result">The simulation.</param>
    /// <param name="history">The historical data, or null (then the contested forecast is the model's, and it says so).</param>
    public static BlendJson? For(Scenario scenario, Shock shock, SimulationResult result, HistoricalData? history)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(shock);
        ArgumentNullException.ThrowIfNull(result);
        if (!shock.IncumbentLeaves || scenario.Candidates.Count == 0)
        {
            return null;
        }

        var rate = ContestedRate(scenario, shock, history);
        var note = rate?.Describe() ?? (history is null
            ? "no prior: no historical data (--data or INTERREGNUM_DATA); the contested forecast is the model's"
            : "no prior: the scenario declares no reference class; the contested forecast is the model's");
        var p = ForecastPool.Shipped;
        var (blended, inside, outside) = Forecasters.Blend(scenario, result, p, rate?.Prior, note);
        var w = p.Blended;
        return new BlendJson(
            string.Create(CultureInfo.InvariantCulture, $"shipped pool, fitted on all {p.WinnerCases} public backtest cases (docs/backtesting.md): winner = {w.Model:0.000}·model + {w.FormalSuccessor:0.000}·formal successor + {w.MostCoercion:0.000}·most coercion + {w.EqualOdds:0.000}·equal odds; contested: logit p = logit prior + {p.ContestedSignal:0.00}·(logit p_model − ({p.ContestedCentre:0.000}))"),
            scenario.Candidates.Select((c, k) => new BlendCandidateJson(c.Id, blended.Candidates![k], inside.Candidates![k], outside.Candidates![k])).ToList(),
            new BlendContestedJson(blended.Contested!.Value, inside.Contested!.Value, rate?.Prior, rate?.N > 0 ? rate.Rate : null, rate?.N, note));
    }

    /// <summary>The contested base rate of the scenario's reference class with the shock's manner, known on its as_of date.</summary>
    public static ContestedBaseRate? ContestedRate(Scenario scenario, Shock shock, HistoricalData? history)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(shock);
        if (history is null || scenario.ReferenceClass is not { } rc)
        {
            return null;
        }

        return ContestedBaseRates.For(history, ScenarioReferenceClasses.ToQuery(rc, rc.Manner ?? shock.Manner), scenario.AsOf ?? DateOnly.MaxValue);
    }

    /// <summary>The historical data from --data or INTERREGNUM_DATA, or null (with a note) when there is none.</summary>
    public static HistoricalData? LoadHistory(DirectoryInfo? option, TextWriter notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var folder = option?.FullName ?? Environment.GetEnvironmentVariable("INTERREGNUM_DATA");
        if (string.IsNullOrWhiteSpace(folder))
        {
            return null;
        }

        try
        {
            return HistoricalData.Load(folder);
        }
        catch (DatasetException ex)
        {
            notes.WriteLine("note: no contested prior: " + ex.Message);
            return null;
        }
    }
}

/// <summary>The blended forecast beside its halves.</summary>
/// <param name="Parameters">The pool and where its parameters come from.</param>
/// <param name="Candidates">Per candidate: blended, inside-only (the model), outside-only (the pool without the model).</param>
/// <param name="Contested">The contested forecast's three versions and the reference class.</param>
public sealed record BlendJson(string Parameters, IReadOnlyList<BlendCandidateJson> Candidates, BlendContestedJson Contested);

/// <summary>One candidate's chance three ways.</summary>
public sealed record BlendCandidateJson(string Id, double Blended, double InsideOnly, double OutsideOnly);

/// <summary>P(contested) three ways, with the class: prior = (k + ½)/(n + 1), rate = k/n.</summary>
public sealed record BlendContestedJson(double Blended, double InsideOnly, double? OutsideOnly, double? ClassRate, int? ClassCases, string ReferenceClass);

using Interregnum.History.Datasets;

namespace Interregnum.History.ExitRisk;

/// <summary>
/// Candidate country-year covariates of the exit-risk model from Iqbal &amp; Zorn (2008), as known on the first day of a
/// window in year Y: every value is the value of year Y − 1 (the last year that has ended), never of year Y. Immutable.
/// Missing values follow one rule, the same in fitting and forecasting: the country's last known value of an earlier
/// year is carried forward (any age); with none, the value is the centring constant (0 after centring), and
/// <see cref="MissingPreviousYear"/> says the year Y − 1 had no protest value.
/// </summary>
/// <param name="Unrest">UNREST (Banks protest factor) of year Y − 1, clipped to −3..5 (the factor scores reach 20).</param>
/// <param name="Instability">INSTAB (Banks instability factor) of year Y − 1, clipped to −3..5.</param>
/// <param name="InternalConflict">1 when UCDP/PRIO internal conflict (TYPE3) is above 0 in year Y − 1.</param>
/// <param name="LogGdpPerCapita">Log GDP per capita of year Y − 1 minus 1.3 (about the 1946–2000 median).</param>
/// <param name="GrowthTerm">The authors' log growth term of year Y − 1 minus 1.8 (about its median; the readme gives no further definition).</param>
/// <param name="Polity">Polity of year Y − 1 on −1..1 (polity2 / 10).</param>
/// <param name="LogPopulation">Log population of year Y − 1 minus 15.3 (about the 1946–2000 median).</param>
/// <param name="MissingPreviousYear">The country has no UNREST value for year Y − 1 (no row, an empty cell, or Y − 1 after 2000).</param>
/// <param name="PolityKnown">Some Polity value of year Y − 1 or earlier is known (else <see cref="Polity"/> is 0 and <see cref="Anocracy"/> false).</param>
public sealed record CountryYearCovariates(
    double Unrest,
    double Instability,
    double InternalConflict,
    double LogGdpPerCapita,
    double GrowthTerm,
    double Polity,
    double LogPopulation,
    bool MissingPreviousYear,
    bool PolityKnown = true)
{
    /// <summary>The candidate names these values feed (<see cref="ExitRiskCovariates.AllNames"/>): selectable for the backtest only, never a scenario's forecast (no values after 2000).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "unrest_prev_year", "instab_prev_year", "internal_conflict_prev_year", "log_gdp_pc_prev_year", "gdp_growth_prev_year",
        "polity_prev_year", "polity_sq_prev_year", "anocracy_prev_year", "log_pop_prev_year", "iz_missing_prev_year",
    ];

    /// <summary>Centring constant of log GDP per capita (the authors' <c>lngdplag</c> scale).</summary>
    public const double GdpCentre = 1.3;

    /// <summary>Centring constant of the authors' growth term.</summary>
    public const double GrowthCentre = 1.8;

    /// <summary>Centring constant of log population.</summary>
    public const double PopulationCentre = 15.3;

    /// <summary>Anocracy (Goldstone et al. 2010): Polity from −5 to 5.</summary>
    public bool Anocracy => PolityKnown && Math.Abs(Polity) <= 0.5 + 1e-9;
}

/// <summary>
/// Joins Iqbal &amp; Zorn country-years to an exit-risk window. The rule (docs/exit-risk.md, "Fourth search"): a window
/// starting in year Y reads the values of year Y − 1. The authors' unlagged columns (UNREST, INSTAB,
/// <c>internalconflict</c>, <c>logpop</c>) are read from the row of Y − 1; their lagged columns (<c>lngdplag</c>,
/// <c>lngrowlag</c>, <c>POLITYLAG</c>) already hold the value of the year before the row's year, so they are read from
/// the row of Y (checked for Polity against Jones &amp; Olken's polity2: Spain's POLITYLAG of 1976–1979 is its polity2 of
/// 1975–1978). No row of a year after Y − 1 is read for an unlagged column and no row after Y for a lagged one.
/// </summary>
public sealed class IqbalZornLookup
{
    private readonly Dictionary<int, SortedList<int, IqbalZornCountryYear>> _byCountry;

    /// <summary>Indexes the rows by COW code and year (rows without a code or year are dropped; of duplicates the first is kept).</summary>
    public IqbalZornLookup(IEnumerable<IqbalZornCountryYear> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _byCountry = [];
        foreach (var r in rows)
        {
            if (r.CowCode is not { } code || r.Year is not { } year)
            {
                continue;
            }

            if (!_byCountry.TryGetValue(code, out var list))
            {
                list = [];
                _byCountry[code] = list;
            }

            list.TryAdd(year, r);
        }
    }

    /// <summary>True when there are no rows (the data were not loaded).</summary>
    public bool IsEmpty => _byCountry.Count == 0;

    /// <summary>The covariates of a window of country <paramref name="cow"/> starting in year <paramref name="year"/>.</summary>
    public CountryYearCovariates At(int cow, int year)
    {
        _byCountry.TryGetValue(cow, out var rows);
        // Value of year Y − 1: unlagged columns from rows ≤ Y − 1, lagged columns from rows ≤ Y (row r holds year r − 1).
        double? Last(int lastRow, Func<IqbalZornCountryYear, double?> column)
        {
            if (rows is null)
            {
                return null;
            }

            for (var i = rows.Count - 1; i >= 0; i--)
            {
                if (rows.Keys[i] <= lastRow && column(rows.Values[i]) is { } v)
                {
                    return v;
                }
            }

            return null;
        }

        var polity = Last(year, r => r.PolityLag);
        var unrestNow = rows is not null && rows.TryGetValue(year - 1, out var prev) && prev.Unrest is not null;
        return new CountryYearCovariates(
            Math.Clamp(Last(year - 1, r => r.Unrest) ?? 0, -3, 5),
            Math.Clamp(Last(year - 1, r => r.Instability) ?? 0, -3, 5),
            Last(year - 1, r => r.InternalConflict) is > 0 ? 1 : 0,
            Last(year, r => r.LogGdpPerCapitaLag) is { } gdp ? gdp - CountryYearCovariates.GdpCentre : 0,
            Last(year, r => r.LogGrowthLag) is { } growth ? growth - CountryYearCovariates.GrowthCentre : 0,
            polity is { } p ? (2 * p) - 1 : 0,
            Last(year - 1, r => r.LogPopulation) is { } pop ? pop - CountryYearCovariates.PopulationCentre : 0,
            !unrestNow,
            polity is not null);
    }
}

using Interregnum.History.Datasets;

namespace Interregnum.History.Replication;

/// <summary>
/// One country-year of the Jones and Olken (2009) collapse (jones-olken-2009/REPLICATION.md, steps 1–3). Immutable.
/// </summary>
/// <param name="Country">Country letter code (cowcode).</param>
/// <param name="Year">Year.</param>
/// <param name="KeptObsId">The leader-year row kept for this country-year.</param>
/// <param name="LeaderName">Leader of the kept row.</param>
/// <param name="CountEvents">Leader-year rows with an attempt.</param>
/// <param name="NumSerious">Serious attempts (sum of numseriousattemptsleaderyear, missing as 0).</param>
/// <param name="Success">1 when an attempt killed the leader.</param>
/// <param name="SeriousAttempt">1 when at least one attack took place.</param>
/// <param name="Weapon">weapon1 of the kept row, missing as 9.</param>
/// <param name="Polity2">polity2, or null.</param>
/// <param name="GwAny">Any Gleditsch-COW war (null if any of the three is missing).</param>
/// <param name="PrioAny">Highest PRIO intensity / 2 (0, 0.5, 1), or null.</param>
/// <param name="Region">Region code, or null.</param>
public sealed record AttemptCountryYear(string Country, int Year, string KeptObsId, string? LeaderName, int CountEvents, int NumSerious, int Success, int SeriousAttempt, int Weapon, double? Polity2, double? GwAny, double? PrioAny, int? Region)
{
    /// <summary>1 when polity2 &gt; 0, 0 when ≤ 0, null when missing (democracy is polity2 ≥ 1).</summary>
    public double? Democracy => Polity2 is { } p ? (p > 0 ? 1.0 : 0.0) : null;

    /// <summary>PRIO intensity restricted to country-years where the Gleditsch-COW indicator is also known.</summary>
    public double? PrioAnyCommon => PrioAny is not null && GwAny is not null ? PrioAny : null;
}

/// <summary>A country-year in a regression sample with its outcome and lag. Immutable.</summary>
/// <param name="Row">The country-year.</param>
/// <param name="Outcome">The change in the outcome from t−1 to t+1.</param>
/// <param name="Lag">The lagged level at t−1.</param>
public sealed record SampleRow(AttemptCountryYear Row, double Outcome, double Lag);

/// <summary>The reproduced Jones and Olken columns. Immutable.</summary>
/// <param name="Table5B">Table 5 panel B column 1 (democratization; success × autocrat).</param>
/// <param name="Table5A">Table 5 panel A column 2 (no interaction; an extra check).</param>
/// <param name="Table7BWar">Table 7 panel B column 1 (Gleditsch-COW any war).</param>
/// <param name="Table7BPrio">Table 7 panel B column 3 (PRIO intensity).</param>
/// <param name="CountryYears">All country-years of the collapse.</param>
/// <param name="DemocracySample">The Table 5 sample (serious attempts with dDem and lagAutoc known).</param>
public sealed record JonesOlkenResult(RegressionResult Table5B, RegressionResult Table5A, RegressionResult Table7BWar, RegressionResult Table7BPrio, IReadOnlyList<AttemptCountryYear> CountryYears, IReadOnlyList<SampleRow> DemocracySample);

/// <summary>
/// Reproduces Jones and Olken (2009) Table 5 panel B column 1 and Table 7 panel B columns 1 and 3 from
/// <c>leader_year_merged.csv</c>, following jones-olken-2009/REPLICATION.md step by step.
/// </summary>
public static class JonesOlkenReplication
{
    /// <summary>Collapses leader-years to country-years (REPLICATION.md steps 1–3).</summary>
    public static IReadOnlyList<AttemptCountryYear> Collapse(IReadOnlyList<LeaderYear> leaderYears)
    {
        ArgumentNullException.ThrowIfNull(leaderYears);
        var rows = leaderYears.Where(r => r.Year >= 1875).ToList();

        // Spell-end rows: within a country sorted by (year, obsid ordinal), the next row has another obsid or there is none.
        var spellEnd = new HashSet<LeaderYear>(ReferenceEqualityComparer.Instance);
        foreach (var country in rows.GroupBy(r => r.CountryCode, StringComparer.Ordinal))
        {
            var sorted = country.OrderBy(r => r.Year).ThenBy(r => r.ObsId, StringComparer.Ordinal).ToList();
            for (var i = 0; i < sorted.Count; i++)
            {
                if (i == sorted.Count - 1 || !string.Equals(sorted[i + 1].ObsId, sorted[i].ObsId, StringComparison.Ordinal))
                {
                    spellEnd.Add(sorted[i]);
                }
            }
        }

        bool EventMarker(LeaderYear r) =>
            r.Result is not null
            || (r.Exit == 2.0 && spellEnd.Contains(r) && r.TenureDays is { } days && Math.Ceiling(days / 365.0) >= 0);

        var result = new List<AttemptCountryYear>();
        foreach (var cy in rows.GroupBy(r => (r.CountryCode, r.Year)).OrderBy(g => g.Key.CountryCode, StringComparer.Ordinal).ThenBy(g => g.Key.Year))
        {
            var countEvents = cy.Count(r => r.Result is not null);
            var numSerious = cy.Sum(r => r.SeriousAttempts ?? 0);
            var success = countEvents >= 1 && cy.Any(r => r.Result is >= 11 and <= 19) ? 1 : 0;
            var serious = countEvents >= 1 && cy.Any(r => r.Result is >= 11 and <= 29) ? 1 : 0;
            var kept = cy.OrderByDescending(EventMarker).ThenBy(r => r.ObsId, StringComparer.Ordinal).First();
            result.Add(new AttemptCountryYear(
                cy.Key.CountryCode,
                cy.Key.Year,
                kept.ObsId,
                kept.LeaderName,
                countEvents,
                numSerious,
                success,
                serious,
                kept.Weapon ?? 9,
                kept.Polity2,
                GledAny(kept),
                PrioAny(kept),
                kept.Region));
        }

        return result;
    }

    /// <summary>Runs the whole replication.</summary>
    public static JonesOlkenResult Run(IReadOnlyList<LeaderYear> leaderYears)
    {
        var cys = Collapse(leaderYears);
        var byKey = cys.ToDictionary(c => (c.Country, c.Year));
        double? At(AttemptCountryYear c, int offset, Func<AttemptCountryYear, double?> value) =>
            byKey.TryGetValue((c.Country, c.Year + offset), out var other) ? value(other) : null;

        var serious = cys.Where(c => c.SeriousAttempt == 1).ToList();

        // Table 5: dDem = dem(t+1) − dem(t−1); lagAutoc = polity2(t−1) ≤ 0.
        var demSample = serious
            .Select(c => (c, d: At(c, 1, x => x.Democracy) - At(c, -1, x => x.Democracy), lag: At(c, -1, x => x.Polity2 is { } p ? (p <= 0 ? 1.0 : 0.0) : null)))
            .Where(t => t.d is not null && t.lag is not null)
            .Select(t => new SampleRow(t.c, t.d!.Value, t.lag!.Value))
            .ToList();
        var table5B = Fit(
            demSample,
            [
                ("succAut", s => s.Row.Success * s.Lag),
                ("succDem", s => s.Row.Success * (1 - s.Lag)),
                ("lagAutoc", s => s.Lag),
            ]);
        var table5A = Fit(demSample, [("success", s => s.Row.Success)]);

        // Table 7 column 1: Gleditsch-COW any war.
        var warSample = serious
            .Select(c => (c, d: At(c, 1, x => x.GwAny) - At(c, -1, x => x.GwAny), lag: At(c, -1, x => x.GwAny)))
            .Where(t => t.d is not null && t.lag is not null)
            .Select(t => new SampleRow(t.c, t.d!.Value, t.lag!.Value))
            .ToList();
        var table7War = Fit(
            warSample,
            [
                ("succLagWar", s => s.Row.Success * s.Lag),
                ("succNoLagWar", s => s.Row.Success * (1 - s.Lag)),
                ("lagWar", s => s.Lag),
            ]);

        // Table 7 column 3: PRIO intensity on the common sample.
        var prioSample = serious
            .Select(c => (c, d: At(c, 1, x => x.PrioAnyCommon) - At(c, -1, x => x.PrioAnyCommon), lag: At(c, -1, x => x.PrioAnyCommon)))
            .Where(t => t.d is not null && t.lag is not null)
            .Select(t => new SampleRow(t.c, t.d!.Value, t.lag!.Value))
            .ToList();
        static double Is(double value, double level) => value == level ? 1.0 : 0.0;
        var table7Prio = Fit(
            prioSample,
            [
                ("succLagFull", s => s.Row.Success * Is(s.Lag, 1.0)),
                ("succLagSome", s => s.Row.Success * Is(s.Lag, 0.5)),
                ("succLagNone", s => s.Row.Success * Is(s.Lag, 0.0)),
                ("lagFull", s => Is(s.Lag, 1.0)),
                ("lagSome", s => Is(s.Lag, 0.5)),
            ]);

        return new JonesOlkenResult(table5B, table5A, table7War, table7Prio, cys, demSample);
    }

    private static RegressionResult Fit(IReadOnlyList<SampleRow> sample, IReadOnlyList<(string Name, Func<SampleRow, double> Value)> main)
    {
        var columns = main.Select(m => (m.Name, sample.Select(m.Value).ToArray())).ToList();

        // Fixed effects of the table: weapon (base 1) and number of serious attempts (base 1).
        foreach (var w in new[] { 2, 3, 4, 8, 9 })
        {
            columns.Add(("W" + w.ToString(System.Globalization.CultureInfo.InvariantCulture), sample.Select(s => s.Row.Weapon == w ? 1.0 : 0.0).ToArray()));
        }

        foreach (var ns in new[] { 2, 3, 4 })
        {
            columns.Add(("NS" + ns.ToString(System.Globalization.CultureInfo.InvariantCulture), sample.Select(s => s.Row.NumSerious == ns ? 1.0 : 0.0).ToArray()));
        }

        return ClusteredOls.Fit(sample.Select(s => s.Outcome).ToList(), columns, sample.Select(s => s.Row.Country).ToList());
    }

    private static double? GledAny(LeaderYear r)
    {
        if (r.GledCivil is null || r.GledInter is null || r.GledExt is null)
        {
            return null;
        }

        return r.GledCivil == 1 || r.GledInter == 1 || r.GledExt == 1 ? 1.0 : 0.0;
    }

    private static double? PrioAny(LeaderYear r)
    {
        double?[] values = [r.PrioExtrastate, r.PrioInterstate, r.PrioInternal, r.PrioInternationalizedInternal];
        if (values.Any(v => v == 2))
        {
            return 1.0;
        }

        if (values.Any(v => v == 1))
        {
            return 0.5;
        }

        return values.All(v => v == 0) ? 0.0 : null;
    }
}

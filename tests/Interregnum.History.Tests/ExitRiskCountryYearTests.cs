using System.Globalization;
using Interregnum.History.Datasets;
using Interregnum.History.ExitRisk;
using Xunit;

namespace Interregnum.History.Tests;

/// <summary>
/// The fourth search's country-year covariates (Iqbal &amp; Zorn): the join from hand-written CSV rows, the rule that a
/// window of year Y reads values of year Y − 1 only, and the missing-data rule (carry the last known value forward;
/// none known: the centring constant, flagged).
/// </summary>
public sealed class ExitRiskCountryYearTests
{
    private const string Header = "\"ccode\",\"year\",\"UNREST\",\"INSTAB\",\"internalconflict\",\"internationalizedconflict\",\"combinedconflict\",\"logpop\",\"YEAR\",\"coldwar\",\"lngdplag\",\"lngrowlag\",\"lnopenlag\",\"POLITYLAG\",\"POLITYLAGSQ\",\"regulated\",\"assass\",\"asslag\",\"asslagxreg\",\"natdeath\",\"natdeathlag\",\"natdeathlagxreg\"";

    // Country 100, 1980–1982 and 1985 (1983–1984 absent). Columns: UNREST, INSTAB, internalconflict, logpop, lngdplag, lngrowlag, POLITYLAG.
    private static readonly string[] Rows =
    [
        "100,1980,1.5,-0.5,2,0,2,16.3,80,1,2.3,1.8,,0.75,,1,0,,,0,,",
        "100,1981,7,,0,0,0,16.4,81,1,2.5,2.0,,0.5,,1,0,,,0,,",
        "100,1982,-9,0.25,1,0,1,16.5,82,1,2.9,1.5,,0.2,,1,0,,,0,,",
        "100,1985,0.5,0.5,0,0,0,16.8,85,1,3.4,1.9,,0.9,,1,0,,,0,,",
    ];

    private static IqbalZornLookup FromCsv(IEnumerable<string> rows)
    {
        var folder = Path.Combine(Path.GetTempPath(), "interregnum-iz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "iqbal-zorn-2008"));
        try
        {
            File.WriteAllLines(Path.Combine(folder, "iqbal-zorn-2008", "iqbal_zorn_2008_country_year.csv"), [Header, .. rows]);
            var loaded = OtherLoader.LoadIqbalZorn(folder);
            Assert.Empty(loaded.Skipped);
            return new IqbalZornLookup(loaded.Records);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Join_ReadsYearBeforeForUnlaggedColumns_AndTheOriginRowForTheAuthorsLaggedColumns()
    {
        var lookup = FromCsv(Rows);

        // Window 1982: UNREST/INSTAB/conflict/logpop of the 1981 row; lngdplag/lngrowlag/POLITYLAG of the 1982 row (values of 1981).
        var c = lookup.At(100, 1982);
        Assert.Equal(5, c.Unrest, 12); // 7 clipped to 5
        Assert.Equal(-0.5, c.Instability, 12); // 1981 empty: 1980 carried forward
        Assert.Equal(0, c.InternalConflict, 12);
        Assert.Equal(16.4 - 15.3, c.LogPopulation, 12);
        Assert.Equal(2.9 - 1.3, c.LogGdpPerCapita, 12);
        Assert.Equal(1.5 - 1.8, c.GrowthTerm, 12);
        Assert.Equal((2 * 0.2) - 1, c.Polity, 12); // polity2 −6
        Assert.False(c.Anocracy);
        Assert.False(c.MissingPreviousYear);

        // Window 1981: the 1980 row for unlagged columns, the 1981 row for lagged ones.
        var d = lookup.At(100, 1981);
        Assert.Equal(1.5, d.Unrest, 12);
        Assert.Equal(-0.5, d.Instability, 12);
        Assert.Equal(1, d.InternalConflict, 12); // 2 conflicts → 1
        Assert.Equal(2.5 - 1.3, d.LogGdpPerCapita, 12);
        Assert.Equal(0, d.Polity, 12); // POLITYLAG 0.5 = polity2 0
        Assert.True(d.Anocracy);

        // The covariate vector carries the values under their names.
        var names = ExitRiskCovariates.AllNames.ToList();
        var vector = Covariates(c).ToVector();
        Assert.Equal(5, vector[names.IndexOf("unrest_prev_year")], 12);
        Assert.Equal(0.36, vector[names.IndexOf("polity_sq_prev_year")], 12);
        Assert.Equal(0, vector[names.IndexOf("anocracy_prev_year")], 12);
        Assert.Equal(0, vector[names.IndexOf("iz_missing_prev_year")], 12);
        Assert.Equal(1.6, vector[names.IndexOf("log_gdp_pc_prev_year")], 12);
    }

    [Fact]
    public void MissingRule_CarriesTheLastKnownValueForward_AndFlagsAMissingPreviousYear()
    {
        var lookup = FromCsv(Rows);

        // Window 1984: no 1983 row; the 1982 values carried forward (UNREST −9 clipped to −3); lagged columns from the 1982 row.
        var c = lookup.At(100, 1984);
        Assert.True(c.MissingPreviousYear);
        Assert.Equal(-3, c.Unrest, 12);
        Assert.Equal(0.25, c.Instability, 12);
        Assert.Equal(1, c.InternalConflict, 12);
        Assert.Equal(2.9 - 1.3, c.LogGdpPerCapita, 12);
        Assert.Equal(-0.6, c.Polity, 12);

        // Window 1990 (after the last row, as every window after 2001 in the real data): the 1985 values carried forward.
        var late = lookup.At(100, 1990);
        Assert.True(late.MissingPreviousYear);
        Assert.Equal(0.5, late.Unrest, 12);
        Assert.Equal(3.4 - 1.3, late.LogGdpPerCapita, 12);
        Assert.Equal(0.8, late.Polity, 12);

        // Window 1980: nothing known before it for unlagged columns (centring constants, flagged); the 1980 row's lagged columns are 1979's.
        var first = lookup.At(100, 1980);
        Assert.True(first.MissingPreviousYear);
        Assert.Equal(0, first.Unrest, 12);
        Assert.Equal(0, first.LogPopulation, 12);
        Assert.Equal(2.3 - 1.3, first.LogGdpPerCapita, 12);
        Assert.Equal(0.5, first.Polity, 12);
        Assert.True(first.Anocracy); // polity2 5

        // A country without rows: every value at its centring constant, no anocracy, flagged.
        var none = lookup.At(999, 1981);
        Assert.Equal(new CountryYearCovariates(0, 0, 0, 0, 0, 0, 0, true, PolityKnown: false), none);
        Assert.False(none.Anocracy);
    }

    [Fact]
    public void Join_NeverReadsAYearAfterTheYearBeforeTheWindow()
    {
        // Random rows for three countries 1946–2000 with gaps; the covariates of every window year 1947–2005 must be the
        // same when every later fact is removed: rows after Y dropped, and the row of Y stripped of its unlagged columns.
        var random = new Random(7);
        string? Value(double scale) => random.NextDouble() < 0.15 ? null : (scale * ((random.NextDouble() * 2) - 1)).ToString("R", CultureInfo.InvariantCulture);
        var rows = (from code in new[] { 100, 200, 300 }
                    from year in Enumerable.Range(1946, 55)
                    where random.NextDouble() > 0.1
                    select new IqbalZornCountryYear(code, year, 1, false, false, Parse(Value(3)), Parse(Value(3)), null, Parse(Value(2)), Parse(Value(20)), Parse(Value(3)), Parse(Value(4)), random.NextDouble() < 0.15 ? null : random.NextDouble()))
            .ToList();
        var full = new IqbalZornLookup(rows);
        foreach (var code in new[] { 100, 200, 300 })
        {
            for (var y = 1947; y <= 2005; y++)
            {
                var known = rows
                    .Where(r => r.Year <= y)
                    .Select(r => r.Year == y ? r with { Unrest = null, Instability = null, InternalConflict = null, LogPopulation = null } : r)
                    .ToList();
                Assert.Equal(full.At(code, y), new IqbalZornLookup(known).At(code, y));

                // And the later rows, changed, change nothing.
                var changed = rows.Select(r => r.Year > y ? r with { Unrest = 4, LogGdpPerCapitaLag = 9, PolityLag = 0 } : r).ToList();
                Assert.Equal(full.At(code, y), new IqbalZornLookup(changed).At(code, y));
            }
        }

        static double? Parse(string? s) => s is null ? null : double.Parse(s, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Panel_JoinsTheCountryYearOfTheYearBefore_ForEveryWindow()
    {
        // One synthetic leader of country 2 in office 1960-03-15 to 1963-02-14; Iqbal & Zorn rows for 1960–1962.
        var data = new HistoricalData(
            [new("SYN-A", "A", 2, "SYN", "A", new(1960, 3, 15), new(1963, 2, 14), "Regular", "Regular", "Regular", 0, "OK", "M", 1920, null)],
            [], [], [], [], [], [], [])
        {
            IqbalZorn =
            [
                new(2, 1960, 1, false, false, 0.7, 0.1, 0, 1, 15, 1.0, 2.0, 0.9),
                new(2, 1961, 1, false, false, -0.4, 0.2, 0, 0, 15.1, 1.1, 2.1, 0.95),
                new(2, 1962, 1, false, false, 2.0, 0.3, 1, 1, 15.2, 1.2, 2.2, 1.0),
            ],
        };
        var panel = ExitRiskPanel.Build(data);
        Assert.Equal([1961, 1962, 1963], panel.Rows.Select(r => r.Year));
        var byYear = panel.Rows.ToDictionary(r => r.Year, r => r.Covariates.Country!);
        Assert.Equal(0.7, byYear[1961].Unrest, 12); // the 1960 row
        Assert.Equal(1, byYear[1961].InternalConflict, 12);
        Assert.Equal(1.1 - 1.3, byYear[1961].LogGdpPerCapita, 12); // the 1961 row's lngdplag (GDP of 1960)
        Assert.Equal(0.9, byYear[1961].Polity, 12); // the 1961 row's POLITYLAG 0.95 (polity2 of 1960: 9)
        Assert.Equal(-0.4, byYear[1962].Unrest, 12);
        Assert.Equal(1.2 - 1.3, byYear[1962].LogGdpPerCapita, 12);
        Assert.False(byYear[1962].MissingPreviousYear);
        Assert.Equal(2.0, byYear[1963].Unrest, 12); // the 1962 row
        Assert.Equal(1.2 - 1.3, byYear[1963].LogGdpPerCapita, 12); // no 1963 row: the 1962 row's lagged value carried forward
        Assert.Equal(15.2 - 15.3, byYear[1963].LogPopulation, 12);
    }

    private static ExitRiskCovariates Covariates(CountryYearCovariates country) =>
        new(60, 1, ExitRegime.Democracy, "europe", false, false, false, 0, false, 1990, 0, 0, 10, false, false, 0, Country: country);
}

using Interregnum.History.Datasets;
using Interregnum.History.Loading;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.History.Tests;

/// <summary>Counts on the real files; expected values from each dataset's SOURCE.md and the publications cited there.</summary>
public sealed class LoaderTests
{
    [Fact]
    public void Archigos_RealFile_Has3407SpellsAndSourceMdExitCounts()
    {
        // SOURCE.md: 3,407 rows, 188 countries, 2,801 distinct leadid; exit: Regular 2,293; Irregular 599;
        // Natural Death 202; Retired (ill health) 68; Foreign 71; Suicide 3; Unknown 3; Still in Office 168.
        TestData.File("archigos-4.1", "archigos_4.1.csv");
        var result = ArchigosLoader.Load(TestData.Folder());
        Assert.Empty(result.Skipped);
        Assert.Equal(3407, result.Records.Count);
        Assert.Equal(188, result.Records.Select(s => s.CountryCode).Distinct().Count());
        Assert.Equal(2801, result.Records.Select(s => s.LeadId).Distinct().Count());
        var exits = result.Records.GroupBy(s => s.Exit).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2293, exits["Regular"]);
        Assert.Equal(599, exits["Irregular"]);
        Assert.Equal(202, exits["Natural Death"]);
        Assert.Equal(68, exits["Retired Due to Ill Health"]);
        Assert.Equal(71, exits["Foreign"]);
        Assert.Equal(3, exits["Suicide"]);
        Assert.Equal(3, exits["Unknown"]);
        Assert.Equal(168, exits["Still in Office"]);
        Assert.Equal(276, result.Records.Count(s => s.ExitCode == "Removed by Military, without Foreign Support"));
        Assert.Equal(23, result.Records.Count(s => s.ExitCode == "Assassination by Unsupported Individual"));
    }

    [Fact]
    public void JonesOlken_RealFile_Has298Attempts251Serious59Successful()
    {
        // Jones & Olken (2009) and SOURCE.md: 298 attempts, 251 serious (result 11–29), 59 successful (result 11–19).
        TestData.File("jones-olken-2009", "assassination_attempts.csv");
        var result = JonesOlkenLoader.LoadAttempts(TestData.Folder());
        Assert.Empty(result.Skipped);
        Assert.Equal(298, result.Records.Count);
        Assert.Equal(251, result.Records.Count(a => a.Serious));
        Assert.Equal(59, result.Records.Count(a => a.Success));
        Assert.Equal(251, result.Records.Count(a => a.Result is >= 11 and <= 29));
        Assert.Equal(59, result.Records.Count(a => a.Result is >= 11 and <= 19));
    }

    [Fact]
    public void PowellThyne2019_RealFile_Has476Attempts236Successful()
    {
        // SOURCE.md (authors' list V2019.04.22): 476 attempts, 236 successful, 240 failed; 1950-05-10 … 2019-04-11.
        TestData.File("powell-thyne-coups", "powell_thyne_coups_v2019.04.22.csv");
        var result = CoupLoader.LoadPowellThyne2019(TestData.Folder());
        Assert.Empty(result.Skipped);
        Assert.Equal(476, result.Records.Count);
        Assert.Equal(236, result.Records.Count(c => c.Successful));
        Assert.Equal(240, result.Records.Count(c => !c.Successful));
        Assert.Equal(new DateOnly(1950, 5, 10), result.Records.Min(c => new DateOnly(c.Year, c.Month, c.Day)));
        Assert.Equal(new DateOnly(2019, 4, 11), result.Records.Max(c => new DateOnly(c.Year, c.Month, c.Day)));
    }

    [Fact]
    public void PowellThyne2015_RealFile_Has474Attempts236Successful()
    {
        TestData.File("powell-thyne-coups", "powell_thyne_coups_v2015.csv");
        var result = CoupLoader.LoadPowellThyne2015(TestData.Folder());
        Assert.Empty(result.Skipped);
        Assert.Equal(474, result.Records.Count);
        Assert.Equal(236, result.Records.Count(c => c.Successful));
    }

    [Fact]
    public void Cline_RealFile_MatchesCodebookTotals()
    {
        // SOURCE.md / codebook: 1,000 events; coup 443, attempted coup 352, conspiracy 205; killed 42, exiled 48.
        TestData.File("cline-coup-2.1.3", "cline_coup_2.1.3.csv");
        var result = CoupLoader.LoadCline(TestData.Folder());
        Assert.Empty(result.Skipped);
        Assert.Equal(1000, result.Records.Count);
        Assert.Equal(443, result.Records.Count(e => e.Realized));
        Assert.Equal(352, result.Records.Count(e => e.Attempted));
        Assert.Equal(352 + 205, result.Records.Count(e => e.Unrealized));
        Assert.Equal(205, result.Records.Count(e => e.Conspiracy));
        Assert.Equal(42, result.Records.Count(e => e.Killed));
        Assert.Equal(48, result.Records.Count(e => e.Exiled));
    }

    [Fact]
    public void Gwf_RealFile_Has486PeriodsAndHowEndCounts()
    {
        // SOURCE.md: 486 periods; howend coup 77, still in power 57, missing 206 (democratic periods).
        TestData.File("gwf-autocratic-regimes", "gwf_regime_periods.csv");
        var result = RegimeLoader.LoadGwf(TestData.Folder());
        Assert.Empty(result.Skipped);
        Assert.Equal(486, result.Records.Count);
        Assert.Equal(77, result.Records.Count(p => p.HowEnd == "5: military coup"));
        Assert.Equal(57, result.Records.Count(p => p.HowEnd is not null && p.HowEnd.StartsWith("0:", StringComparison.Ordinal)));
        Assert.Equal(206, result.Records.Count(p => p.HowEnd is null));
    }

    [Fact]
    public void Svolik_RealFile_Has708SpellsAndExitCounts()
    {
        // SOURCE.md: 708 spells; exit coup 202, assassination 18, natural 86; 65 missing/censored exits.
        TestData.File("svolik-leaders-dictatorship", "svolik_leaders.csv");
        var result = RegimeLoader.LoadSvolik(TestData.Folder());
        Assert.Empty(result.Skipped);
        Assert.Equal(708, result.Records.Count);
        Assert.Equal(202, result.Records.Count(l => l.Exit == "coup"));
        Assert.Equal(18, result.Records.Count(l => l.Exit == "assassination"));
        Assert.Equal(86, result.Records.Count(l => l.Exit == "natural"));
        Assert.Equal(65, result.Records.Count(l => l.Exit is null));
        Assert.Contains(result.Records, l => l.Leader.Contains('í', StringComparison.Ordinal)); // Latin-1 decoded
    }

    [Fact]
    public void Reign_RealFiles_HaveSourceMdRowCounts()
    {
        // SOURCE.md: 2,524 leaders, 627 regime periods, 4,351 election events.
        var folder = TestData.Folder();
        TestData.File("reign", "leaderlist_3_21.csv");
        var leaders = RegimeLoader.LoadReignLeaders(folder);
        var regimes = RegimeLoader.LoadReignRegimes(folder);
        var elections = RegimeLoader.LoadReignElections(folder);
        Assert.Empty(leaders.Skipped);
        Assert.Empty(regimes.Skipped);
        Assert.Empty(elections.Skipped);
        Assert.Equal(2524, leaders.Records.Count);
        Assert.Equal(627, regimes.Records.Count);
        Assert.Equal(4351, elections.Records.Count);
    }

    [Fact]
    public void IqbalZorn_RealFile_Has10131RowsAnd74Assassinations()
    {
        // SOURCE.md: 10,131 rows; assass = 1 in 74 country-years (45 unregulated, 17 regulated, 12 missing); natdeath = 1 in 99.
        TestData.File("iqbal-zorn-2008", "iqbal_zorn_2008_country_year.csv");
        var result = OtherLoader.LoadIqbalZorn(TestData.Folder());
        Assert.Empty(result.Skipped);
        Assert.Equal(10131, result.Records.Count);
        Assert.Equal(74, result.Records.Count(r => r.Assassination));
        Assert.Equal(45, result.Records.Count(r => r.Assassination && r.Regulated == 0));
        Assert.Equal(17, result.Records.Count(r => r.Assassination && r.Regulated == 1));
        Assert.Equal(99, result.Records.Count(r => r.NaturalDeath == true));
    }

    [Fact]
    public void Beger_RealFiles_Have169ForecastsAnd51AccuracyRows()
    {
        var folder = TestData.Folder();
        TestData.File("beger-coup-forecasts-2020", "coups-2020.csv");
        var forecasts = OtherLoader.LoadForecasts(folder);
        var accuracy = OtherLoader.LoadAccuracy(folder);
        Assert.Empty(forecasts.Skipped);
        Assert.Equal(169, forecasts.Records.Count);
        Assert.Equal(51, accuracy.Records.Count);
    }

    [Fact]
    public void HistoricalData_RealFolder_LoadsWithNothingSkipped()
    {
        var data = HistoricalData.Load(TestData.Folder());
        Assert.Empty(data.Skipped);
        Assert.Equal(3407, data.Archigos.Count);
    }
}

/// <summary>Bad input: temp files with a missing file, a renamed column and malformed rows.</summary>
public sealed class MalformedFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "interregnum-history-" + Guid.NewGuid().ToString("N"));

    public MalformedFileTests()
    {
        Directory.CreateDirectory(Path.Combine(folder, "powell-thyne-coups"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Write(string text) =>
        File.WriteAllText(Path.Combine(folder, "powell-thyne-coups", "powell_thyne_coups_v2019.04.22.csv"), text);

    [Fact]
    public void Load_MissingFile_NamesDatasetFileAndWhereToGetIt()
    {
        var ex = Assert.Throws<DatasetException>(() => ArchigosLoader.Load(folder));
        Assert.True(ex.IsMissing);
        Assert.Contains("dataset 'archigos'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, "archigos-4.1", "archigos_4.1.csv"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("rochester.edu", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RenamedColumn_NamesFileAndColumn()
    {
        Write("country,ccode,yr,month,day,coup,version\nCuba,40,1952,3,10,2,V\n");
        var ex = Assert.Throws<DatasetException>(() => CoupLoader.LoadPowellThyne2019(folder));
        Assert.False(ex.IsMissing);
        Assert.Contains("powell-thyne-coups/powell_thyne_coups_v2019.04.22.csv:1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing column(s) 'year'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedRows_AreSkippedCountedAndLocated()
    {
        Write("country,ccode,year,month,day,coup,version\n" +
              "Cuba,40,1952,3,10,2,V\n" +
              "Cuba,40,19x7,9,5,1,V\n" +
              "Chad,483,1975,4,13,7,V\n" +
              "Chad,483,1976,4,1,1,V\n");
        var result = CoupLoader.LoadPowellThyne2019(folder);
        Assert.Equal(2, result.Records.Count);
        Assert.Equal(4, result.RowsInFile);
        Assert.Equal(2, result.Skipped.Count);
        Assert.Equal(new RowIssue("powell-thyne-coups/powell_thyne_coups_v2019.04.22.csv", 3, "year", "19x7", "an integer"), result.Skipped[0]);
        Assert.Equal(4, result.Skipped[1].Row);
        Assert.Equal("coup", result.Skipped[1].Column);
        Assert.Equal("powell-thyne-coups/powell_thyne_coups_v2019.04.22.csv:3: column 'year': expected an integer, found '19x7'", result.Skipped[0].ToString());
    }

    [Fact]
    public void Load_EmptyFile_SaysSo()
    {
        Write(string.Empty);
        var ex = Assert.Throws<DatasetException>(() => CoupLoader.LoadPowellThyne2019(folder));
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoricalDataLoad_EmptyFolder_NamesEveryMissingFile()
    {
        var ex = Assert.Throws<DatasetException>(() => HistoricalData.Load(folder));
        foreach (var dataset in HistoricalData.Needed)
        {
            Assert.Contains($"dataset '{dataset.Key}'", ex.Message, StringComparison.Ordinal);
        }
    }
}

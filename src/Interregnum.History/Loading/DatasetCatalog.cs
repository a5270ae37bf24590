using System.Globalization;

namespace Interregnum.History.Loading;

/// <summary>
/// What Interregnum needs to know about one historical dataset: the folder it lives in under the data folder,
/// the file names the loaders expect, where it is published and how to cite it. Immutable.
/// </summary>
/// <param name="Key">Short key used on the command line and in messages (e.g. "archigos").</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="Folder">Folder under the data folder (e.g. "archigos-4.1").</param>
/// <param name="Files">File names the loaders expect in that folder.</param>
/// <param name="Origin">Where to get the files (publisher's page or the repository they were copied from).</param>
/// <param name="Citation">The citation the authors ask for.</param>
/// <param name="Use">What Interregnum uses it for.</param>
public sealed record DatasetInfo(string Key, string Name, string Folder, IReadOnlyList<string> Files, string Origin, string Citation, string Use);

/// <summary>The datasets Interregnum can read (see docs/data.md for the same table, for people).</summary>
public static class DatasetCatalog
{
    /// <summary>Archigos 4.1 leader spells, 1875–2015.</summary>
    public static readonly DatasetInfo Archigos = new(
        "archigos",
        "Archigos 4.1 (leader spells 1875–2015)",
        "archigos-4.1",
        ["archigos_4.1.csv"],
        "http://www.rochester.edu/college/faculty/hgoemans/data.htm (copy used: GitHub reddylee/Datasets, archigos.csv, renamed archigos_4.1.csv)",
        "Goemans, Gleditsch and Chiozza (2009), \"Introducing Archigos: A Dataset of Political Leaders\", Journal of Peace Research 46(2): 269–283.",
        "Reference classes of leader exits: successor's entry, fate of the leader, tenure survival.");

    /// <summary>Jones and Olken (2009) assassination attempts and leader-year panel.</summary>
    public static readonly DatasetInfo JonesOlken = new(
        "jones-olken",
        "Jones & Olken (2009), assassination attempts 1875–2004",
        "jones-olken-2009",
        ["assassination_attempts.csv", "leader_year_merged.csv"],
        "AEA/ICPSR replication package https://doi.org/10.3886/E114047V1 (data/assassinations_data.dta and data/mergeddata.dta, exported to CSV; copy used: GitHub adamvig96/hit-or-miss)",
        "Jones and Olken (2009), \"Hit or Miss? The Effect of Assassinations on Institutions and War\", AEJ: Macroeconomics 1(2): 55–87.",
        "Assassination attempt success; democratization and war after successful vs failed attempts; the replication of Tables 5b and 7b.");

    /// <summary>Powell and Thyne coup attempts (the 2019 and 2015 versions).</summary>
    public static readonly DatasetInfo PowellThyne = new(
        "powell-thyne",
        "Powell & Thyne, coup attempts 1950–2019",
        "powell-thyne-coups",
        ["powell_thyne_coups_v2019.04.22.csv", "powell_thyne_coups_v2015.csv"],
        "https://www.uky.edu/~clthyn2/coup_data/home.htm (v2019.04.22 copy: GitHub andybega/forecaster2 data-sources/ptcoups/input/ptcoups.csv; v2015: xmarquez/AuthoritarianismBook data/powell_thyne.rda exported to CSV)",
        "Powell and Thyne (2011), \"Global Instances of Coups from 1950 to 2010: A New Dataset\", Journal of Peace Research 48(2): 249–259.",
        "Coup attempt success rates, 1950–2019.");

    /// <summary>Cline Center Coup d'État Project v2.1.3.</summary>
    public static readonly DatasetInfo Cline = new(
        "cline",
        "Cline Center Coup d'État Project v2.1.3 (1945–2023)",
        "cline-coup-2.1.3",
        ["cline_coup_2.1.3.csv"],
        "https://doi.org/10.13012/B2IDB-9651987_V7 (copy used: GitHub reddylee/Datasets, renamed cline_coup_2.1.3.csv)",
        "Peyton, Bajjalieh, Shalmon, Martin, Bonaguro and Soto (2024), Cline Center Coup d'État Project Dataset v2.1.3, University of Illinois.",
        "Coup attempt success for 2019–2023 (after Powell & Thyne's 2019 version ends); fate of deposed leaders.");

    /// <summary>REIGN leader, regime and election lists (March 2021).</summary>
    public static readonly DatasetInfo Reign = new(
        "reign",
        "REIGN (Rulers, Elections, and Irregular Governance), March 2021 lists",
        "reign",
        ["leaderlist_3_21.csv", "regime_list.csv", "electionlist_3_21.csv"],
        "https://oefdatascience.github.io/REIGN.github.io/ (data_sets/ in GitHub OEFDataScience/REIGN.github.io)",
        "Bell, Besaw and Frank (2021), The Rulers, Elections, and Irregular Governance (REIGN) Dataset, One Earth Future.",
        "Leaders and regime types after 2010 (GWF-style regime periods to 2020).");

    /// <summary>Geddes, Wright and Frantz autocratic regime periods.</summary>
    public static readonly DatasetInfo Gwf = new(
        "gwf",
        "Geddes, Wright & Frantz, autocratic regime periods to 2010",
        "gwf-autocratic-regimes",
        ["gwf_regime_periods.csv"],
        "http://sites.psu.edu/dictators/ (copy used: xmarquez/AuthoritarianismBook data/all_gwf_periods.rda exported to CSV)",
        "Geddes, Wright and Frantz (2014), \"Autocratic Breakdown and Regime Transitions: A New Data Set\", Perspectives on Politics 12(2): 313–331.",
        "Regime type of a leader's country at the exit; whether the regime outlived the leader.");

    /// <summary>Svolik's leaders in dictatorships, 1946–2008.</summary>
    public static readonly DatasetInfo Svolik = new(
        "svolik",
        "Svolik, leaders in dictatorships 1946–2008",
        "svolik-leaders-dictatorship",
        ["svolik_leaders.csv"],
        "http://campuspress.yale.edu/svolik/the-politics-of-authoritarian-rule/ (copy used: xmarquez/AuthoritarianismBook data/svolik_leader.rda exported to CSV)",
        "Svolik (2012), The Politics of Authoritarian Rule, Cambridge University Press.",
        "How dictators enter and exit (coup, revolt, assassination, natural death, ...).");

    /// <summary>Iqbal and Zorn (2008) country-year data.</summary>
    public static readonly DatasetInfo IqbalZorn = new(
        "iqbal-zorn",
        "Iqbal & Zorn (2008), assassination and natural death country-years 1946–2000",
        "iqbal-zorn-2008",
        ["iqbal_zorn_2008_country_year.csv"],
        "the authors' replication archive for doi:10.1177/0022002707310855 (IqbalZornJCR.dta exported to CSV; copy used: GitHub davidsichinava/qrm)",
        "Iqbal and Zorn (2008), \"The Political Consequences of Assassination\", Journal of Conflict Resolution 52(3): 385–400.",
        "Assassinations against natural deaths in office, by whether succession is regulated.");

    /// <summary>Beger and Ward coup forecasts for 2020.</summary>
    public static readonly DatasetInfo Beger = new(
        "beger",
        "Beger & Ward, coup forecasts for 2020 and test accuracy 2010–2019",
        "beger-coup-forecasts-2020",
        ["coups-2020.csv", "acc-archive.csv"],
        "GitHub andybega/forecaster2 (forecasts/coups-2020.csv, models/output/acc-archive.csv); https://www.predictiveheuristics.com/forecasts/about.html",
        "Beger, Andreas (2020), coup forecasts for 2020, https://www.predictiveheuristics.com/forecasts/",
        "A benchmark for country-year coup forecasts (not ground truth).");

    /// <summary>Every dataset, in the order of the README table.</summary>
    public static IReadOnlyList<DatasetInfo> All { get; } = [Archigos, JonesOlken, PowellThyne, Cline, Reign, Gwf, Svolik, IqbalZorn, Beger];

    /// <summary>The dataset with the given key (case-insensitive), or null.</summary>
    public static DatasetInfo? Find(string key) =>
        All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Folder, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>"dataset X is missing; get it from Y and put it at Z".</summary>
    public static string MissingMessage(DatasetInfo dataset, string dataFolder, string fileName)
    {
        var target = Path.Combine(dataFolder, dataset.Folder, fileName);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"dataset '{dataset.Key}' ({dataset.Name}) is missing: expected file {target}. Get it from {dataset.Origin} and put it at {target}.");
    }

    /// <summary>
    /// The message for "no data folder was given at all": one line saying so, then one line per dataset the command
    /// needs, naming its files and where to get them.
    /// </summary>
    public static string NoDataFolderMessage(IEnumerable<DatasetInfo> needed)
    {
        ArgumentNullException.ThrowIfNull(needed);
        var lines = needed.Select(d => $"dataset '{d.Key}' ({d.Name}) is missing: no data folder. Get it from {d.Origin} and put {string.Join(", ", d.Files.Select(f => d.Folder + "/" + f))} in the data folder.");
        return string.Join("\n", lines.Prepend("no data folder: pass --data DIR or set INTERREGNUM_DATA (the folder holding one sub-folder per dataset; see docs/data.md)."));
    }

    /// <summary>The data folder from an explicit value or else the INTERREGNUM_DATA environment variable (null if neither).</summary>
    public static string? ResolveFolder(string? explicitFolder, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            return explicitFolder;
        }

        var fromEnvironment = environment("INTERREGNUM_DATA");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
    }
}

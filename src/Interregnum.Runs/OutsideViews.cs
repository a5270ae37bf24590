using Interregnum.History;
using Interregnum.History.Loading;
using Interregnum.Model;
using Interregnum.History.ReferenceClasses;

namespace Interregnum.Runs;

/// <summary>The outside view printed beside a forecast: historical base rates for the scenario's reference class.</summary>
public static class OutsideViews
{
    /// <summary>
    /// Base rates for the scenario's reference class (with the shock's manner of exit unless
    /// <paramref name="allManners"/>), or null when the scenario declares no reference class or no data folder is
    /// given (a one-line note then goes to stderr).
    /// </summary>
    public static OutsideViewJson? For(LoadedScenario loaded, Shock shock, DirectoryInfo? dataOption, TextWriter stderr, bool allManners = false)
    {
        var rc = loaded.Scenario.ReferenceClass;
        if (rc is null)
        {
            return null;
        }

        var folder = dataOption?.FullName ?? Environment.GetEnvironmentVariable("INTERREGNUM_DATA");
        if (string.IsNullOrWhiteSpace(folder))
        {
            stderr.WriteLine("note: no outside view (historical base rates): give --data DIR or set INTERREGNUM_DATA (see docs/data.md)");
            return null;
        }

        var manner = allManners ? rc.Manner : (rc.Manner ?? shock.Manner);
        var query = ScenarioReferenceClasses.ToQuery(rc, manner);
        HistoricalData data;
        try
        {
            data = HistoricalData.Load(folder);
        }
        catch (DatasetException ex)
        {
            stderr.WriteLine("note: no outside view: " + ex.Message);
            return null;
        }

        var rates = OutsideView.BaseRates(data, query);
        var description = string.Join(", ", new[]
        {
            query.ExitManner is null ? null : "exit " + query.ExitManner,
            query.RegimeType is null ? null : "regime " + query.RegimeType,
            query.Region is null ? null : "region " + query.Region,
            query.FromYear is null && query.ToYear is null ? null : $"years {query.FromYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}–{query.ToYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}",
        }.Where(x => x is not null));
        return new OutsideViewJson(
            description,
            rates.Where(r => r.N > 0).Select(r => new BaseRateJson($"{r.Outcome}:{r.Category}", r.Label, r.N, r.K, r.Rate, [r.Lower, r.Upper])).ToList(),
            "Historical base rates (Archigos 4.1, GWF, Powell & Thyne, Cline, Jones & Olken); outcomes with no case in the class are left out; list the cases behind a rate with `interregnum history cases --outcome OUTCOME` and the same filters (OUTCOME: " + string.Join(", ", OutsideView.Outcomes) + ").");
    }
}

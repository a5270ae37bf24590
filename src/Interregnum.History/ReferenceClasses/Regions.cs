namespace Interregnum.History.ReferenceClasses;

/// <summary>
/// World regions by the numbering blocks of the Correlates of War (and Gleditsch-Ward) country codes:
/// americas 2–199, europe 200–399, africa 400–599 (sub-Saharan), mena 600–699 (North Africa and the Middle East),
/// asia 700–899, oceania 900–999.
/// </summary>
public static class Regions
{
    /// <summary>The region names accepted by a <see cref="ReferenceClass"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["americas", "europe", "africa", "mena", "asia", "oceania"];

    /// <summary>The region of a COW or GW country code, or null for codes outside 2–999.</summary>
    public static string? FromCountryCode(int code) => code switch
    {
        >= 2 and <= 199 => "americas",
        >= 200 and <= 399 => "europe",
        >= 400 and <= 599 => "africa",
        >= 600 and <= 699 => "mena",
        >= 700 and <= 899 => "asia",
        >= 900 and <= 999 => "oceania",
        _ => null,
    };
}

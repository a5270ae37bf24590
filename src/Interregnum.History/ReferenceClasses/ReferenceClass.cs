using Interregnum.History.Datasets;

namespace Interregnum.History.ReferenceClasses;

/// <summary>
/// Which historical cases are comparable to a scenario: a reference class. Every filter is optional (null = any).
/// Values are those of a scenario (see docs/data.md for the mapping to Archigos codes). Immutable.
/// </summary>
/// <param name="ExitManner">natural-death, incapacity, coup, assassination, forced-resignation, failed-attempt,
/// rebels, foreign, regular or irregular.</param>
/// <param name="EntryManner">How the outgoing leader came to power: regular, irregular or foreign.</param>
/// <param name="RegimeType">GWF regime type at the exit: personal, military, party, monarchy (each including hybrids
/// that contain it), autocracy (any GWF autocracy), democracy, or a full GWF type such as party-personal.</param>
/// <param name="FromYear">First year (of the exit or event), inclusive.</param>
/// <param name="ToYear">Last year, inclusive.</param>
/// <param name="Region">americas, europe, africa, mena, asia or oceania (see <see cref="Regions"/>).</param>
/// <param name="MinTenureYears">Minimum tenure of the outgoing leader, in years.</param>
/// <param name="MaxTenureYears">Maximum tenure, in years.</param>
public sealed record ReferenceClass(
    string? ExitManner = null,
    string? EntryManner = null,
    string? RegimeType = null,
    int? FromYear = null,
    int? ToYear = null,
    string? Region = null,
    double? MinTenureYears = null,
    double? MaxTenureYears = null)
{
    /// <summary>Accepted exit manners.</summary>
    public static IReadOnlyList<string> ExitManners { get; } =
        ["natural-death", "incapacity", "coup", "assassination", "forced-resignation", "failed-attempt", "rebels", "foreign", "regular", "irregular"];

    /// <summary>Accepted entry manners.</summary>
    public static IReadOnlyList<string> EntryManners { get; } = ["regular", "irregular", "foreign"];

    /// <summary>Accepted regime types (besides any full GWF type).</summary>
    public static IReadOnlyList<string> RegimeTypes { get; } =
        ["personal", "military", "party", "monarchy", "autocracy", "democracy", "party-personal", "military-personal", "party-military", "party-military-personal", "indirect military", "oligarchy", "provisional", "warlord", "foreign-occupied"];

    /// <summary>Every problem with the values, one message each (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ExitManner is not null && !ExitManners.Contains(ExitManner))
        {
            errors.Add($"unknown exit manner '{ExitManner}'; expected one of {string.Join(", ", ExitManners)}");
        }

        if (EntryManner is not null && !EntryManners.Contains(EntryManner))
        {
            errors.Add($"unknown entry manner '{EntryManner}'; expected one of {string.Join(", ", EntryManners)}");
        }

        if (RegimeType is not null && !RegimeTypes.Contains(RegimeType))
        {
            errors.Add($"unknown regime type '{RegimeType}'; expected one of {string.Join(", ", RegimeTypes)}");
        }

        if (Region is not null && !Regions.Names.Contains(Region))
        {
            errors.Add($"unknown region '{Region}'; expected one of {string.Join(", ", Regions.Names)}");
        }

        if (FromYear is { } from && ToYear is { } to && from > to)
        {
            errors.Add($"the era {from}–{to} is empty (first year after last)");
        }

        if (MinTenureYears is { } min && MaxTenureYears is { } max && min > max)
        {
            errors.Add("the minimum tenure exceeds the maximum");
        }

        return errors;
    }

    /// <summary>A short description such as "exit coup, regime military, 1950–2015".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (ExitManner is not null)
        {
            parts.Add("exit " + ExitManner);
        }

        if (EntryManner is not null)
        {
            parts.Add("entry " + EntryManner);
        }

        if (RegimeType is not null)
        {
            parts.Add("regime " + RegimeType);
        }

        if (FromYear is not null || ToYear is not null)
        {
            parts.Add($"{FromYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}–{ToYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"}");
        }

        if (Region is not null)
        {
            parts.Add("region " + Region);
        }

        if (MinTenureYears is not null || MaxTenureYears is not null)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tenure {MinTenureYears?.ToString() ?? "0"}–{MaxTenureYears?.ToString() ?? "…"} years"));
        }

        return parts.Count == 0 ? "all cases" : string.Join(", ", parts);
    }

    /// <summary>Whether an Archigos spell's exit matches <see cref="ExitManner"/> (the mapping documented in docs/data.md).</summary>
    public static bool ExitMatches(string? manner, ArchigosSpell spell)
    {
        ArgumentNullException.ThrowIfNull(spell);
        return manner switch
        {
            null => !spell.InOffice,
            "natural-death" => spell.Exit == "Natural Death",
            "incapacity" => spell.Exit == "Retired Due to Ill Health",
            "coup" => spell.ExitCode.StartsWith("Removed by Military", StringComparison.Ordinal) || spell.ExitCode == "Removed in Military Power Struggle Short of Coup",
            "assassination" => spell.ExitCode.StartsWith("Assassination", StringComparison.Ordinal),
            "forced-resignation" => spell.ExitCode.StartsWith("Popular Protest", StringComparison.Ordinal) || spell.ExitCode.StartsWith("Removed by Other Government Actors", StringComparison.Ordinal),
            "rebels" => spell.ExitCode.StartsWith("Removed by Rebels", StringComparison.Ordinal),
            "foreign" => spell.Exit == "Foreign",
            "regular" => spell.Exit == "Regular",
            "irregular" => spell.Exit == "Irregular",
            _ => false, // failed-attempt: the leader did not leave, so no Archigos exit matches.
        };
    }

    /// <summary>Whether an Archigos entry matches <see cref="EntryManner"/>.</summary>
    public static bool EntryMatches(string? manner, string archigosEntry) => manner switch
    {
        null => true,
        "regular" => archigosEntry == "Regular",
        "irregular" => archigosEntry == "Irregular",
        "foreign" => archigosEntry == "Foreign Imposition",
        _ => false,
    };

    /// <summary>Whether a GWF regime type matches a requested type (null GWF type never matches a non-null request).</summary>
    public static bool RegimeMatches(string? requested, string? gwfType)
    {
        if (requested is null)
        {
            return true;
        }

        if (gwfType is null)
        {
            return false;
        }

        if (requested == "autocracy")
        {
            return gwfType != "democracy";
        }

        if (requested is "personal" or "military" or "party" or "monarchy")
        {
            return gwfType.Split('-', '/').Contains(requested);
        }

        return gwfType == requested;
    }
}

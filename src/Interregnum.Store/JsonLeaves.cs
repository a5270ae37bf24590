using System.Globalization;
using System.Text.Json;

namespace Interregnum.Store;

/// <summary>One scalar of a JSON document: its path (<c>candidates[0].probability</c>), kind and raw JSON text.</summary>
/// <param name="Path">
/// Object keys joined by dots (keys that are not plain names in <c>["..."]</c>); array items in brackets, by their
/// identity where they have one (<c>candidates[prime-minister].probability</c>, see <see cref="JsonLeaves.IdentityKeys"/>),
/// else by position (<c>interval90[0]</c>); empty for a scalar document.
/// </param>
/// <param name="Kind">The JSON kind of the value.</param>
/// <param name="RawText">The value exactly as written in the document.</param>
public sealed record JsonLeaf(string Path, JsonValueKind Kind, string RawText)
{
    /// <summary>The value as a number: JSON numbers and the strings <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>; else null.</summary>
    public double? Number => Kind switch
    {
        JsonValueKind.Number => double.Parse(RawText, NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.String => RawText switch
        {
            "\"NaN\"" => double.NaN,
            "\"Infinity\"" => double.PositiveInfinity,
            "\"-Infinity\"" => double.NegativeInfinity,
            _ => null,
        },
        _ => null,
    };

    /// <summary>The value as plain text: strings unquoted and unescaped, null as empty, others as written.</summary>
    public string Text => Kind switch
    {
        JsonValueKind.String => JsonSerializer.Deserialize(RawText, StoreJsonContext.Default.String)!,
        JsonValueKind.Null => string.Empty,
        _ => RawText,
    };
}

/// <summary>A scalar that differs between two JSON documents; a side is null where the path is absent.</summary>
/// <param name="Path">The leaf's path.</param>
/// <param name="Old">The leaf in the first document, or null.</param>
/// <param name="New">The leaf in the second document, or null.</param>
public sealed record JsonLeafChange(string Path, JsonLeaf? Old, JsonLeaf? New);

/// <summary>
/// Flattens JSON documents into their scalar leaves and compares them, independent of what they describe.
/// An array whose items are all objects naming themselves by one of <see cref="IdentityKeys"/> (the first such key
/// that every item has, as a string or number, with no two items alike) is keyed by that identity, not by position:
/// so two runs that list the same candidates in another order are compared candidate by candidate.
/// </summary>
public static class JsonLeaves
{
    /// <summary>The keys that name an array item, in order of preference.</summary>
    public static IReadOnlyList<string> IdentityKeys { get; } = ["id", "name", "key", "actor", "candidate", "shock", "dimension", "case", "input", "path"];

    /// <summary>Every scalar leaf of <paramref name="json"/> in document order (empty objects and arrays have none).</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static IReadOnlyList<JsonLeaf> Flatten(string json)
    {
        using var document = JsonDocument.Parse(json);
        var leaves = new List<JsonLeaf>();
        Walk(document.RootElement, string.Empty, leaves);
        return leaves;
    }

    /// <summary>
    /// The leaves whose raw text differs between two documents, or that only one has: the first document's
    /// order, then the second's new paths.
    /// </summary>
    public static IReadOnlyList<JsonLeafChange> Differences(string oldJson, string newJson) =>
        Differences(Flatten(oldJson), Flatten(newJson), (a, b) => string.Equals(a.RawText, b.RawText, StringComparison.Ordinal));

    /// <summary>The leaves that differ by <paramref name="same"/>, or that only one side has.</summary>
    public static IReadOnlyList<JsonLeafChange> Differences(
        IReadOnlyList<JsonLeaf> oldLeaves, IReadOnlyList<JsonLeaf> newLeaves, Func<JsonLeaf, JsonLeaf, bool> same)
    {
        ArgumentNullException.ThrowIfNull(oldLeaves);
        ArgumentNullException.ThrowIfNull(newLeaves);
        ArgumentNullException.ThrowIfNull(same);
        var newByPath = new Dictionary<string, JsonLeaf>(StringComparer.Ordinal);
        foreach (var leaf in newLeaves)
        {
            newByPath[leaf.Path] = leaf;
        }

        var oldPaths = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<JsonLeafChange>();
        foreach (var old in oldLeaves)
        {
            oldPaths.Add(old.Path);
            if (!newByPath.TryGetValue(old.Path, out var @new))
            {
                changes.Add(new JsonLeafChange(old.Path, old, null));
            }
            else if (!same(old, @new))
            {
                changes.Add(new JsonLeafChange(old.Path, old, @new));
            }
        }

        changes.AddRange(newLeaves.Where(leaf => !oldPaths.Contains(leaf.Path)).Select(leaf => new JsonLeafChange(leaf.Path, null, leaf)));
        return changes;
    }

    private static void Walk(JsonElement element, string path, List<JsonLeaf> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, Child(path, property.Name), leaves);
                }

                break;
            case JsonValueKind.Array:
                var identity = IdentityKey(element);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var label = identity is null
                        ? index.ToString(CultureInfo.InvariantCulture)
                        : Label(item.GetProperty(identity));
                    Walk(item, path + "[" + label + "]", leaves);
                    index++;
                }

                break;
            default:
                leaves.Add(new JsonLeaf(path, element.ValueKind, element.GetRawText()));
                break;
        }
    }

    /// <summary>The identity key shared by every item of the array, with distinct values; null when there is none.</summary>
    private static string? IdentityKey(JsonElement array)
    {
        if (array.GetArrayLength() == 0 || array.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Object))
        {
            return null;
        }

        foreach (var key in IdentityKeys)
        {
            var labels = new HashSet<string>(StringComparer.Ordinal);
            var usable = array.EnumerateArray().All(item =>
                item.TryGetProperty(key, out var value)
                && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                && labels.Add(Label(value)));
            if (usable)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>An identity as written in a path: plain names as they are; anything else (numbers too, so they never read as positions) quoted.</summary>
    private static string Label(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        var plain = text.Length > 0 && !text.All(char.IsAsciiDigit) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
        return plain ? text : JsonSerializer.Serialize(text, StoreJsonContext.Default.String);
    }

    private static string Child(string path, string name)
    {
        var plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        if (plain)
        {
            return path.Length == 0 ? name : path + "." + name;
        }

        return path + "[" + JsonSerializer.Serialize(name, StoreJsonContext.Default.String) + "]";
    }
}

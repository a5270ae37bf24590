namespace Interregnum.Model;

/// <summary>
/// Where one number of a scenario sits, as the dotted path of <see cref="UncertainInput.Path"/> (e.g.
/// <c>actors.bortnikov.ambition</c>, <c>ties.putin.patrushev.patronage.weight</c>): the segments, parsed once,
/// so that readers (labels in the brief, filters by section) match on segments instead of splitting strings.
/// Scenario ids contain no dots (the format's id rule), so a dot always separates segments.
/// </summary>
public sealed record InputPath
{
    private readonly string[] _segments;

    private InputPath(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written, e.g. <c>actors.bortnikov.ambition</c>.</summary>
    public string Text { get; }

    /// <summary>The segments, e.g. <c>["actors", "bortnikov", "ambition"]</c>; never empty, no segment empty.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>The section the number belongs to: <c>instruments</c>, <c>actors</c>, <c>organizations</c>, <c>ties</c>, <c>office</c>, <c>shocks</c> or <c>contest</c>.</summary>
    public string Section => _segments[0];

    /// <summary>Parses a dotted path.</summary>
    /// <exception cref="FormatException">The text is empty or has an empty segment (two dots in a row, a dot at either end).</exception>
    public static InputPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = text.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            throw new FormatException($"'{text}' is not an input path: every segment between dots must be non-empty");
        }

        return new InputPath(text, segments);
    }

    /// <summary>Whether this is a number of shock <paramref name="shockId"/> (<c>shocks.ID....</c>).</summary>
    public bool IsOfShock(string shockId) => _segments.Length > 1 && _segments[0] == "shocks" && _segments[1] == shockId;

    /// <inheritdoc/>
    public bool Equals(InputPath? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The path as written.</summary>
    public override string ToString() => Text;
}

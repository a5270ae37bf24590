using System.Globalization;
using System.Text.RegularExpressions;
using Interregnum.Model;

namespace Interregnum.Scenarios;

/// <summary>The allowed range of a number where it enters the model, with its name for messages.</summary>
internal readonly record struct ValueRange(double Min, double Max, string What)
{
    public bool Contains(double x) => x >= Min && x <= Max;

    public string Describe() => double.IsPositiveInfinity(Max)
        ? $"{What} must be at least {Fmt.N(Min)}"
        : $"{What} must lie in [{Fmt.N(Min)}, {Fmt.N(Max)}]";
}

internal static class Fmt
{
    public static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    public static string Found(YNode node) => node switch
    {
        YScalar { IsNull: true } => "nothing",
        YScalar { Quoted: true } s => $"the string '{Short(s.Value)}'",
        YScalar s => $"'{Short(s.Value)}'",
        YSequence => "a list",
        _ => "a mapping",
    };

    public static string Short(string s) => s.Length <= 40 ? s : s[..37] + "...";
}

/// <summary>Reads typed values out of a <see cref="YNode"/> tree, recording every problem instead of throwing.</summary>
internal sealed partial class NodeBinder(string file)
{
    public const int MaxErrors = 200;

    private readonly List<ScenarioError> errors = [];
    private bool truncated;

    public string File { get; } = file;

    public int ErrorCount => errors.Count;

    /// <summary>True once the error list is full: callers skip costly extras (suggestions) from then on.</summary>
    public bool Saturated => errors.Count >= MaxErrors;

    public IReadOnlyList<ScenarioError> Errors()
    {
        var sorted = errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        if (truncated)
        {
            sorted.Add(new ScenarioError(File, sorted[^1].Line, sorted[^1].Column, $"too many errors; stopped after {MaxErrors}"));
        }

        return sorted;
    }

    public void Error(int line, int column, string message)
    {
        if (errors.Count >= MaxErrors)
        {
            truncated = true;
            return;
        }

        errors.Add(new ScenarioError(File, line, column, message));
    }

    public void Error(YNode node, string message) => Error(node.Line, node.Column, message);

    public YMapping? Mapping(YNode node, string what)
    {
        if (node is YMapping m)
        {
            return m;
        }

        Error(node, $"expected {what} (a mapping of key: value), found {Fmt.Found(node)}");
        return null;
    }

    public YSequence? Sequence(YNode node, string what)
    {
        if (node is YSequence s)
        {
            return s;
        }

        Error(node, $"expected {what} (a list), found {Fmt.Found(node)}");
        return null;
    }

    /// <summary>Opens a mapping with the keys it may hold: reports unknown keys (with a likely intended one) and duplicates.</summary>
    public MapView Open(YMapping map, string what, params string[] known) => new(this, map, what, known);

    public string? Text(YNode node, string what)
    {
        if (node is YScalar s && !s.IsNull)
        {
            return s.Value;
        }

        Error(node, $"expected {what} (text), found {Fmt.Found(node)}");
        return null;
    }

    public string? Id(YNode node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (!IdPattern().IsMatch(text))
        {
            Error(node, $"{what} '{Fmt.Short(text)}' must be 1-64 lowercase letters, digits, '-' or '_', starting with a letter or digit");
            return null;
        }

        return text;
    }

    public bool? Bool(YNode node, string what)
    {
        if (node is YScalar { Quoted: false } s)
        {
            switch (s.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        Error(node, $"expected {what} (true or false), found {Fmt.Found(node)}");
        return null;
    }

    public double? Number(YNode node, string what)
    {
        if (node is not YScalar s || s.IsNull)
        {
            Error(node, $"expected {what} (a number), found {Fmt.Found(node)}");
            return null;
        }

        var v = s.Value.Trim();
        if (NonFinitePattern().IsMatch(v))
        {
            Error(node, $"{what}: NaN and infinity are not allowed; write a finite number");
            return null;
        }

        if (s.Quoted || !NumberPattern().IsMatch(v))
        {
            Error(node, $"expected {what} (a number), found {Fmt.Found(node)}");
            return null;
        }

        var x = double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(x))
        {
            Error(node, $"{what}: {Fmt.Short(v)} is too large to be a finite number");
            return null;
        }

        return x == 0 ? 0 : x; // no negative zero
    }

    /// <summary>
    /// The date under <paramref name="key"/> (YYYY-MM-DD), or null: absent (an error when <paramref name="required"/>),
    /// or not a date, with the error recorded at its node.
    /// </summary>
    public DateOnly? Date(MapView v, string key, bool required = true)
    {
        if (v.Get(key, required) is not { } node)
        {
            return null;
        }

        if (node is YScalar s && DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(node, $"expected '{key}' as a date YYYY-MM-DD, found {Fmt.Found(node)}");
        return null;
    }

    public int? Integer(YNode node, string what, int min, int max)
    {
        var x = Number(node, what);
        if (x is null)
        {
            return null;
        }

        if (x.Value != Math.Floor(x.Value))
        {
            Error(node, $"{what} must be a whole number, found {Fmt.N(x.Value)}");
            return null;
        }

        if (x.Value < min || x.Value > max)
        {
            Error(node, $"{what} must lie in [{min}, {max}], found {Fmt.N(x.Value)}");
            return null;
        }

        return (int)x.Value;
    }

    /// <summary>One of the given words (kebab-case enum values).</summary>
    public string? Choice(YNode node, string what, IReadOnlyList<string> allowed)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (allowed.Contains(text))
        {
            return text;
        }

        var hint = Suggest.Closest(text, allowed);
        Error(node, $"unknown {what} '{Fmt.Short(text)}'" + (hint is null ? $"; expected one of: {string.Join(", ", allowed)}" : $" (did you mean '{hint}'?)"));
        return null;
    }

    /// <summary>
    /// A number that may be uncertain: a plain number, or one of <c>{ uniform: [min, max] }</c>,
    /// <c>{ triangular: [min, mode, max] }</c>, <c>{ normal: { mean, sd, min, max } }</c>,
    /// <c>{ beta: { alpha, beta, min = 0, max = 1 } }</c>, whose whole support lies in <paramref name="range"/>.
    /// </summary>
    public Uncertain? Uncertain(YNode node, ValueRange range)
    {
        if (node is YScalar)
        {
            var x = Number(node, range.What);
            if (x is null)
            {
                return null;
            }

            if (!range.Contains(x.Value))
            {
                Error(node, $"{range.Describe()}, found {Fmt.N(x.Value)}");
                return null;
            }

            return Model.Uncertain.Fixed(x.Value);
        }

        if (node is not YMapping map || map.Entries.Count != 1)
        {
            Error(node, $"expected {range.What} as a number or one distribution ({{ uniform: [min, max] }}, {{ triangular: [min, mode, max] }}, {{ normal: {{ mean, sd, min, max }} }}, {{ beta: {{ alpha, beta, min, max }} }}), found {(node is YMapping m0 && m0.Entries.Count == 0 ? "an empty mapping" : Fmt.Found(node))}");
            return null;
        }

        var (key, body) = (map.Entries[0].Key, map.Entries[0].Value);
        Uncertain? dist = key.Value switch
        {
            "uniform" => UniformOrTriangular(body, range.What, 2),
            "triangular" => UniformOrTriangular(body, range.What, 3),
            "normal" => Normal(body, range.What),
            "beta" => Beta(body, range.What),
            _ => UnknownDistribution(key),
        };
        if (dist is null)
        {
            return null;
        }

        if (dist.Min < range.Min || dist.Max > range.Max)
        {
            Error(node, $"{range.Describe()}, but {dist} reaches {(dist.Min < range.Min ? Fmt.N(dist.Min) : Fmt.N(dist.Max))}");
            return null;
        }

        return dist;
    }

    private Uncertain? UnknownDistribution(YScalar key)
    {
        var hint = Suggest.Closest(key.Value, ["uniform", "triangular", "normal", "beta"]);
        Error(key, $"unknown distribution '{Fmt.Short(key.Value)}'" + (hint is null ? "; expected uniform, triangular, normal or beta" : $" (did you mean '{hint}'?)"));
        return null;
    }

    private Uncertain? UniformOrTriangular(YNode body, string what, int arity)
    {
        var name = arity == 2 ? "uniform" : "triangular";
        var shape = arity == 2 ? "[min, max]" : "[min, mode, max]";
        if (body is not YSequence seq || seq.Items.Count != arity)
        {
            Error(body, $"{name} takes a list {shape}, found {(body is YSequence s ? $"a list of {s.Items.Count}" : Fmt.Found(body))}");
            return null;
        }

        var values = seq.Items.Select(i => Number(i, what)).ToList();
        if (values.Any(v => v is null))
        {
            return null;
        }

        if (arity == 2)
        {
            double min = values[0]!.Value, max = values[1]!.Value;
            if (!(min < max))
            {
                Error(body, $"uniform needs min < max, found [{Fmt.N(min)}, {Fmt.N(max)}]");
                return null;
            }

            return Model.Uncertain.Uniform(min, max);
        }

        double lo = values[0]!.Value, mode = values[1]!.Value, hi = values[2]!.Value;
        if (!(lo < hi))
        {
            Error(body, $"triangular needs min < max, found [{Fmt.N(lo)}, {Fmt.N(mode)}, {Fmt.N(hi)}]");
            return null;
        }

        if (mode < lo || mode > hi)
        {
            Error(seq.Items[1], $"triangular mode {Fmt.N(mode)} lies outside [{Fmt.N(lo)}, {Fmt.N(hi)}]");
            return null;
        }

        return Model.Uncertain.Triangular(lo, mode, hi);
    }

    private Uncertain? Normal(YNode body, string what)
    {
        if (Mapping(body, "normal's parameters { mean, sd, min, max }") is not { } m)
        {
            return null;
        }

        var v = Open(m, "normal", "mean", "sd", "min", "max");
        var mean = v.Number("mean", what, required: true);
        var sd = v.Number("sd", what, required: true);
        var min = v.Number("min", what, required: true);
        var max = v.Number("max", what, required: true);
        if (mean is null || sd is null || min is null || max is null)
        {
            return null;
        }

        if (!(sd > 0))
        {
            Error(v.ValueNode("sd")!, $"normal needs sd > 0, found {Fmt.N(sd.Value)}");
            return null;
        }

        if (!(min < max))
        {
            Error(body, $"normal needs min < max, found min {Fmt.N(min.Value)}, max {Fmt.N(max.Value)}");
            return null;
        }

        var mass = MathNet.Numerics.Distributions.Normal.CDF(mean.Value, sd.Value, max.Value) - MathNet.Numerics.Distributions.Normal.CDF(mean.Value, sd.Value, min.Value);
        if (!(mass > 1e-12))
        {
            Error(body, $"normal(mean {Fmt.N(mean.Value)}, sd {Fmt.N(sd.Value)}) has almost no probability inside [{Fmt.N(min.Value)}, {Fmt.N(max.Value)}]");
            return null;
        }

        return Model.Uncertain.Normal(mean.Value, sd.Value, min.Value, max.Value);
    }

    private Uncertain? Beta(YNode body, string what)
    {
        if (Mapping(body, "beta's parameters { alpha, beta, min, max }") is not { } m)
        {
            return null;
        }

        var v = Open(m, "beta", "alpha", "beta", "min", "max");
        var alpha = v.Number("alpha", what, required: true);
        var beta = v.Number("beta", what, required: true);
        var min = v.Has("min") ? v.Number("min", what, required: true) : 0;
        var max = v.Has("max") ? v.Number("max", what, required: true) : 1;
        if (alpha is null || beta is null || min is null || max is null)
        {
            return null;
        }

        if (!(alpha > 0))
        {
            Error(v.ValueNode("alpha")!, $"beta needs alpha > 0, found {Fmt.N(alpha.Value)}");
            return null;
        }

        if (!(beta > 0))
        {
            Error(v.ValueNode("beta")!, $"beta needs beta > 0, found {Fmt.N(beta.Value)}");
            return null;
        }

        if (!(min < max))
        {
            Error(body, $"beta needs min < max, found min {Fmt.N(min.Value)}, max {Fmt.N(max.Value)}");
            return null;
        }

        return Model.Uncertain.Beta(alpha.Value, beta.Value, min.Value, max.Value);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?\.?(nan|inf|infinity)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NonFinitePattern();
}

/// <summary>A mapping opened with its allowed keys; unknown and duplicate keys are reported when opened.</summary>
internal sealed class MapView
{
    private readonly NodeBinder binder;
    private readonly Dictionary<string, (YScalar Key, YNode Value)> entries = new(StringComparer.Ordinal);

    public MapView(NodeBinder binder, YMapping map, string what, IReadOnlyList<string> known)
    {
        this.binder = binder;
        Node = map;
        What = what;
        foreach (var (key, value) in map.Entries)
        {
            if (entries.ContainsKey(key.Value))
            {
                binder.Error(key, $"duplicate key '{Fmt.Short(key.Value)}' in {what}");
                continue;
            }

            if (!known.Contains(key.Value))
            {
                var hint = binder.Saturated ? null : Suggest.Closest(key.Value, known);
                binder.Error(key, $"unknown key '{Fmt.Short(key.Value)}' in {what}" + (hint is null ? $"; expected one of: {string.Join(", ", known)}" : $" (did you mean '{hint}'?)"));
                continue;
            }

            entries[key.Value] = (key, value);
        }
    }

    public YMapping Node { get; }

    public string What { get; }

    public bool Has(string key) => entries.TryGetValue(key, out var e) && !(e.Value is YScalar { IsNull: true });

    public YNode? ValueNode(string key) => entries.TryGetValue(key, out var e) ? e.Value : null;

    public YScalar? KeyNode(string key) => entries.TryGetValue(key, out var e) ? e.Key : null;

    /// <summary>The value node, or null (reporting a missing required key at the mapping's start).</summary>
    public YNode? Get(string key, bool required)
    {
        if (!entries.TryGetValue(key, out var e))
        {
            if (required)
            {
                binder.Error(Node, $"missing required key '{key}' in {What}");
            }

            return null;
        }

        if (e.Value is YScalar { IsNull: true })
        {
            if (required)
            {
                binder.Error(e.Key, $"'{key}' in {What} needs a value");
            }

            return null;
        }

        return e.Value;
    }

    public string? Text(string key, bool required = false) => Get(key, required) is { } n ? binder.Text(n, $"'{key}'") : null;

    public string? Id(string key, string what, bool required = true) => Get(key, required) is { } n ? binder.Id(n, what) : null;

    public double? Number(string key, string what, bool required = false) => Get(key, required) is { } n ? binder.Number(n, what) : null;

    public bool? Bool(string key, bool required = false) => Get(key, required) is { } n ? binder.Bool(n, $"'{key}'") : null;

    public Uncertain? Uncertain(string key, ValueRange range, bool required = false) => Get(key, required) is { } n ? binder.Uncertain(n, range) : null;
}

/// <summary>Suggests the likely intended word for a misspelt one (Levenshtein distance).</summary>
internal static class Suggest
{
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        if (word.Length > 64)
        {
            return null;
        }

        var limit = Math.Max(2, word.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            if (Math.Abs(c.Length - word.Length) > limit)
            {
                continue; // the distance is at least the difference in length
            }

            var d = Distance(word, c);
            if (d <= limit && d < bestDistance)
            {
                (best, bestDistance) = (c, d);
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions), case-insensitive.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using System.Reflection;

namespace Interregnum.Cli;

/// <summary>
/// How every option and argument of every command reads its value: numbers and choices are parsed here, with
/// their allowed range, so that a bad value is one line in words (what was given, what is allowed) and exit 2,
/// never a .NET type name or a stack trace. Installed once on the whole command tree by <see cref="Program"/>.
/// </summary>
internal static class OptionRules
{
    /// <summary>
    /// The most Monte Carlo draws a command accepts. A million SMP draws take about five minutes on two cores
    /// (docs/performance.md: about 0.5 ms of one core per draw) and leave a Monte Carlo standard error of at most
    /// 0.05 percentage points on any probability (sqrt(0.25 / 10⁶)); more would only cost hours.
    /// </summary>
    public const int MaxDraws = 1_000_000;

    /// <summary>Allowed ranges by option name (inclusive); options not listed take any value of their type.</summary>
    private static readonly Dictionary<string, (double Min, double Max, string Why)> Ranges = new(StringComparer.Ordinal)
    {
        ["--draws"] = (1, MaxDraws, " (a million draws already take minutes and give a standard error under 0.05 percentage points)"),
        ["--sensitivity-draws"] = (0, MaxDraws, string.Empty),
        ["--threads"] = (1, 1024, string.Empty),
        ["--top"] = (1, 10_000, string.Empty),
        ["--limit"] = (1, int.MaxValue, string.Empty),
        ["--turns"] = (1, 10_000, string.Empty),
        ["--run"] = (1, long.MaxValue, string.Empty),
        ["--min-tenure"] = (0, 1000, " years"),
        ["--max-tenure"] = (0, 1000, " years"),
        ["--until-se"] = (1e-6, 0.5, string.Empty),
    };

    /// <summary>Installs the parsers on every option and argument of <paramref name="command"/> and its subcommands.</summary>
    public static void Install(Command command)
    {
        foreach (var option in command.Options)
        {
            Install(option, option.Name, "option " + option.Name);
        }

        foreach (var argument in command.Arguments)
        {
            Install(argument, argument.Name, argument.Name);
        }

        foreach (var sub in command.Subcommands)
        {
            Install(sub);
        }
    }

    private static void Install(Symbol symbol, string name, string label)
    {
        var type = symbol switch
        {
            Option o => o.ValueType,
            Argument a => a.ValueType,
            _ => null,
        };
        var element = type is null ? null : System.Nullable.GetUnderlyingType(type) ?? type;
        if (element is null || !(element.IsEnum || element == typeof(int) || element == typeof(long) || element == typeof(ulong) || element == typeof(double)))
        {
            return;
        }

        if (element.IsEnum && symbol is Option choice)
        {
            // Help shows the choices as they are typed (smp|compromise|eu), not as .NET spells them.
            choice.HelpName = string.Join('|', Enum.GetNames(element).Select(n => n.ToLowerInvariant()));
        }

        var range = Ranges.TryGetValue(name, out var r) ? r : ((double, double, string)?)null;
        var method = typeof(OptionRules).GetMethod(element.IsEnum ? nameof(EnumParser) : nameof(NumberParser), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(element);
        var parser = method.Invoke(null, element.IsEnum ? [label] : [label, range]);
        // Option<T>.CustomParser and Argument<T>.CustomParser take Func<ArgumentResult, T?>; for T = int? that is
        // Func<ArgumentResult, int?>, which the nullable wrapper below provides.
        var property = symbol.GetType().GetProperty("CustomParser")!;
        var wanted = property.PropertyType;
        if (wanted.GenericTypeArguments[1] != element)
        {
            parser = typeof(OptionRules).GetMethod(nameof(Lifted), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(element).Invoke(null, [parser]);
        }

        property.SetValue(symbol, parser);
    }

    private static Func<ArgumentResult, T?> Lifted<T>(Func<ArgumentResult, T> parser)
        where T : struct => result => parser(result);

    private static Func<ArgumentResult, T> NumberParser<T>(string label, (double Min, double Max, string Why)? range)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var isWhole = typeof(T) != typeof(double);
        var min = range?.Min ?? double.CreateTruncating(T.MinValue);
        var max = range?.Max ?? double.CreateTruncating(T.MaxValue);
        var allowed = isWhole
            ? $"a whole number from {Whole(min)} to {Whole(max)}"
            : range is null ? "a number, like 0.05" : $"a number from {Real(min)} to {Real(max)}";
        var why = range?.Why ?? string.Empty;
        return result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (!T.TryParse(text, NumberStyles.Float & ~(isWhole ? NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent : 0), CultureInfo.InvariantCulture, out var value)
                || (typeof(T) == typeof(double) && !double.IsFinite(double.CreateTruncating(value))))
            {
                // A whole number too large or too small for the type (2147483648, -1 for a seed) is out of range, not garbage.
                var outside = BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
                result.AddError(outside
                    ? $"{label}: {text} is out of range; give {allowed}{why}"
                    : $"{label}: '{text}' is not {(isWhole ? "a whole number" : "a number")}; give {allowed}{why}");
                return default;
            }

            var number = double.CreateTruncating(value);
            if (number < min || number > max)
            {
                result.AddError($"{label}: {text} is out of range; give {allowed}{why}");
                return default;
            }

            return value;
        };
    }

    private static Func<ArgumentResult, T> EnumParser<T>(string label)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToList();
        var allowed = names.Count == 2 ? $"{names[0]} or {names[1]}" : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
        return result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !text.Any(char.IsAsciiDigit))
            {
                return value;
            }

            result.AddError($"{label}: '{text}' is not one of the choices; give {allowed}");
            return default;
        };
    }

    private static string Whole(double x) => x >= ulong.MaxValue ? ulong.MaxValue.ToString(CultureInfo.InvariantCulture) : x.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Real(double x) => x.ToString("0.######", CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

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
        var range = Ranges.TryGetValue(name, out var r) ? r : ((double, double, string)?)null;
        // Typed, not by reflection: MakeGenericMethod over value types is JIT-compiled at every start (start-up time,
        // docs/performance.md) and cannot be precompiled. Option<T>.CustomParser takes Func<ArgumentResult, T?>;
        // for T = int? that is Func<ArgumentResult, int?>, which Lifted provides.
        switch (symbol)
        {
            case Option<int> o: o.CustomParser = NumberParser<int>(label, range); break;
            case Option<int?> o: o.CustomParser = Lifted(NumberParser<int>(label, range)); break;
            case Option<long> o: o.CustomParser = NumberParser<long>(label, range); break;
            case Option<long?> o: o.CustomParser = Lifted(NumberParser<long>(label, range)); break;
            case Option<ulong> o: o.CustomParser = NumberParser<ulong>(label, range); break;
            case Option<ulong?> o: o.CustomParser = Lifted(NumberParser<ulong>(label, range)); break;
            case Option<double> o: o.CustomParser = NumberParser<double>(label, range); break;
            case Option<double?> o: o.CustomParser = Lifted(NumberParser<double>(label, range)); break;
            case Argument<int> a: a.CustomParser = NumberParser<int>(label, range); break;
            case Argument<long> a: a.CustomParser = NumberParser<long>(label, range); break;
            case Argument<ulong> a: a.CustomParser = NumberParser<ulong>(label, range); break;
            case Argument<double> a: a.CustomParser = NumberParser<double>(label, range); break;
            case Option<OutputFormat> o: Choice(o, label); break;
            case Option<Simulation.PolicyModel> o: Choice(o, label); break;
            case Option<History.Survival.SurvivalGrouping> o: Choice(o, label); break;
            default:
                var type = symbol switch
                {
                    Option o => o.ValueType,
                    Argument a => a.ValueType,
                    _ => null,
                };
                var element = type is null ? null : System.Nullable.GetUnderlyingType(type) ?? type;
                if (element is not null && (element.IsEnum || element == typeof(int) || element == typeof(long) || element == typeof(ulong) || element == typeof(double)))
                {
                    // A programmer error, found by CommandLineErrorTests, which builds the whole tree.
                    throw new InvalidOperationException($"OptionRules has no parser for {label} ({type}): add its type to OptionRules.Install");
                }

                break;
        }
    }

    private static void Choice<T>(Option<T> option, string label)
        where T : struct, Enum
    {
        // Help shows the choices as they are typed (smp|compromise|eu), not as .NET spells them.
        option.HelpName = string.Join('|', Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        option.CustomParser = EnumParser<T>(label);
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

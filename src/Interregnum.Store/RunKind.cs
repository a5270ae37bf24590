namespace Interregnum.Store;

/// <summary>The command that produced a stored run. Stored as lowercase text (<c>simulate</c>, <c>compare</c>, ...).</summary>
public enum RunKind
{
    /// <summary><c>interregnum simulate</c>: one shock, Monte Carlo over the scenario's uncertainty.</summary>
    Simulate,

    /// <summary><c>interregnum compare</c>: several shocks side by side.</summary>
    Compare,

    /// <summary><c>interregnum sensitivity</c>: which assumptions move the answer.</summary>
    Sensitivity,

    /// <summary><c>interregnum bargain</c>: the policy bargaining alone.</summary>
    Bargain,

    /// <summary><c>interregnum backtest</c>: forecasts scored against historical cases.</summary>
    Backtest,
}

/// <summary>Converts <see cref="RunKind"/> to and from the text stored in the database and shown to users.</summary>
public static class RunKindText
{
    /// <summary>The lowercase name of a kind (<c>simulate</c>).</summary>
    public static string ToText(this RunKind kind) => kind switch
    {
        RunKind.Simulate => "simulate",
        RunKind.Compare => "compare",
        RunKind.Sensitivity => "sensitivity",
        RunKind.Bargain => "bargain",
        RunKind.Backtest => "backtest",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown run kind."),
    };

    /// <summary>Parses a kind's lowercase name (case-insensitive); false when the text names no kind.</summary>
    public static bool TryParse(string? text, out RunKind kind)
    {
        foreach (var candidate in Enum.GetValues<RunKind>())
        {
            if (string.Equals(candidate.ToText(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

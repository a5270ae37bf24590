using System.Globalization;

namespace Interregnum.Bargaining;

/// <summary>Whether the SMP picks each actor's most probable bargain or samples one (KTAB <c>StateTransMode</c>).</summary>
public enum StateTransitions
{
    /// <summary>The most probable bargain; the first maximum wins ties (KTAB default).</summary>
    Deterministic,

    /// <summary>A bargain drawn with its PCE probability from a generator keyed by (seed, turn, actor).</summary>
    Stochastic,
}

/// <summary>How actor h estimates actor i's risk attitude (KTAB <c>BigRAdjust</c>).</summary>
public enum BigRAdjust
{
    /// <summary>r^h_i = R_h.</summary>
    None,

    /// <summary>r^h_i = (2R_h + R_i)/3 (KTAB default).</summary>
    OneThird,

    /// <summary>r^h_i = (R_h + R_i)/2.</summary>
    Half,

    /// <summary>r^h_i = (R_h + 2R_i)/3.</summary>
    TwoThirds,

    /// <summary>r^h_i = R_i.</summary>
    Full,
}

/// <summary>The range of inferred risk attitudes (KTAB <c>BigRRange</c>).</summary>
public enum BigRRange
{
    /// <summary>[0, 1].</summary>
    Min,

    /// <summary>[−0.5, 1] (KTAB default).</summary>
    Mid,

    /// <summary>[−1, 1].</summary>
    Max,
}

/// <summary>How a third party weighs joining a side (KTAB <c>ThirdPartyCommit</c>).</summary>
public enum ThirdPartyCommit
{
    /// <summary>Own position counted in every outcome.</summary>
    NoCommit,

    /// <summary>Own position counted only when joining the winning side (KTAB default).</summary>
    SemiCommit,

    /// <summary>Own position never counted.</summary>
    FullCommit,
}

/// <summary>How a bargain between two positions is interpolated (KTAB <c>InterVecBrgn</c>).</summary>
public enum InterVecBrgn
{
    /// <summary>Weights s·p, rounded to 4 decimals.</summary>
    S1P1,

    /// <summary>Weights s²·p², rounded to 4 decimals (KTAB default).</summary>
    S2P2,

    /// <summary>Moves driven by the difference of the two probabilities; no rounding.</summary>
    S2PMax,
}

/// <summary>Which bargains are proposed after a challenge (KTAB <c>SMPBargnModel</c>).</summary>
public enum BargnModel
{
    /// <summary>The initiator's interpolation only (KTAB default).</summary>
    InitOnlyInterp,

    /// <summary>Both the initiator's and the receiver's interpolations.</summary>
    InitRcvrInterp,

    /// <summary>The power-weighted average of the two interpolations.</summary>
    PWCompInterp,
}

/// <summary>
/// The nine parameters of KTAB's SMP (bargaining.md §1.7), with KTAB's defaults, plus the seed used by
/// stochastic transitions and the turn limit. Immutable and thread-safe.
/// </summary>
public sealed record SmpParameters
{
    /// <summary>Parameter 0: victory-probability model (default Linear).</summary>
    public VictoryProbabilityModel VictoryProbModel { get; init; } = VictoryProbabilityModel.Linear;

    /// <summary>Parameter 1: PCE model (default Conditional).</summary>
    public PceModel PceModel { get; init; } = PceModel.Conditional;

    /// <summary>Parameter 2: deterministic or stochastic state transitions (default Deterministic).</summary>
    public StateTransitions StateTransitions { get; init; } = StateTransitions.Deterministic;

    /// <summary>Parameter 3: voting rule for coalitions (default Prop).</summary>
    public VotingRule VotingRule { get; init; } = VotingRule.Prop;

    /// <summary>Parameter 4: estimate of others' risk attitudes (default OneThird).</summary>
    public BigRAdjust BigRAdjust { get; init; } = BigRAdjust.OneThird;

    /// <summary>Parameter 5: range of risk attitudes (default Mid).</summary>
    public BigRRange BigRRange { get; init; } = BigRRange.Mid;

    /// <summary>Parameter 6: third-party commitment (default SemiCommit).</summary>
    public ThirdPartyCommit ThirdPartyCommit { get; init; } = ThirdPartyCommit.SemiCommit;

    /// <summary>Parameter 7: bargain interpolation (default S2P2).</summary>
    public InterVecBrgn InterVecBrgn { get; init; } = InterVecBrgn.S2P2;

    /// <summary>Parameter 8: bargain model (default InitOnlyInterp).</summary>
    public BargnModel BargnModel { get; init; } = BargnModel.InitOnlyInterp;

    /// <summary>Seed of the stochastic transitions (KTAB's default seed); unused when deterministic.</summary>
    public ulong Seed { get; init; } = 15455440707583219804UL;

    /// <summary>Maximum number of turns (KTAB: 100).</summary>
    public int MaxTurns { get; init; } = 100;

    /// <summary>KTAB's defaults.</summary>
    public static SmpParameters Default { get; } = new();

    /// <summary>The names accepted by <see cref="With"/>, in KTAB's order, then Seed and MaxTurns.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        nameof(VictoryProbModel), nameof(PceModel), nameof(StateTransitions), nameof(VotingRule), nameof(BigRAdjust),
        nameof(BigRRange), nameof(ThirdPartyCommit), nameof(InterVecBrgn), nameof(BargnModel), nameof(Seed), nameof(MaxTurns),
    ];

    /// <summary>The parameters as (name, value) pairs in <see cref="Names"/> order, for reports.</summary>
    /// <returns>Name/value pairs with invariant formatting.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> ToPairs() =>
    [
        new(nameof(VictoryProbModel), VictoryProbModel.ToString()),
        new(nameof(PceModel), PceModel.ToString()),
        new(nameof(StateTransitions), StateTransitions.ToString()),
        new(nameof(VotingRule), VotingRule.ToString()),
        new(nameof(BigRAdjust), BigRAdjust.ToString()),
        new(nameof(BigRRange), BigRRange.ToString()),
        new(nameof(ThirdPartyCommit), ThirdPartyCommit.ToString()),
        new(nameof(InterVecBrgn), InterVecBrgn.ToString()),
        new(nameof(BargnModel), BargnModel.ToString()),
        new(nameof(Seed), Seed.ToString(CultureInfo.InvariantCulture)),
        new(nameof(MaxTurns), MaxTurns.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// A copy with one parameter set by name (case-insensitive) from text, e.g. ("VotingRule", "Cubic").
    /// </summary>
    /// <param name="name">Parameter name, one of <see cref="Names"/>.</param>
    /// <param name="value">Value: an enum member name, or an integer for Seed and MaxTurns.</param>
    /// <param name="error">Why the pair was rejected, or null.</param>
    /// <returns>The new parameters, or null when rejected.</returns>
    public SmpParameters? With(string name, string value, out string? error)
    {
        error = null;
        switch (name.ToUpperInvariant())
        {
            case "VICTORYPROBMODEL": return Parse<VictoryProbabilityModel>(value, name, out error) is { } a ? this with { VictoryProbModel = a } : null;
            case "PCEMODEL": return Parse<PceModel>(value, name, out error) is { } b ? this with { PceModel = b } : null;
            case "STATETRANSITIONS": return Parse<StateTransitions>(value, name, out error) is { } c ? this with { StateTransitions = c } : null;
            case "VOTINGRULE": return Parse<VotingRule>(value, name, out error) is { } d ? this with { VotingRule = d } : null;
            case "BIGRADJUST": return Parse<BigRAdjust>(value, name, out error) is { } e ? this with { BigRAdjust = e } : null;
            case "BIGRRANGE": return Parse<BigRRange>(value, name, out error) is { } f ? this with { BigRRange = f } : null;
            case "THIRDPARTYCOMMIT": return Parse<ThirdPartyCommit>(value, name, out error) is { } g ? this with { ThirdPartyCommit = g } : null;
            case "INTERVECBRGN": return Parse<InterVecBrgn>(value, name, out error) is { } h ? this with { InterVecBrgn = h } : null;
            case "BARGNMODEL": return Parse<BargnModel>(value, name, out error) is { } i ? this with { BargnModel = i } : null;
            case "SEED":
                if (ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                {
                    return this with { Seed = seed };
                }

                error = $"Seed: expected a non-negative integer, found '{value}'.";
                return null;
            case "MAXTURNS":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var turns) && turns >= 1)
                {
                    return this with { MaxTurns = turns };
                }

                error = $"MaxTurns: expected an integer >= 1, found '{value}'.";
                return null;
            default:
                error = $"unknown SMP parameter '{name}'; expected one of {string.Join(", ", Names)}.";
                return null;
        }
    }

    private static T? Parse<T>(string value, string name, out string? error)
        where T : struct, Enum
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            error = null;
            return parsed;
        }

        error = $"{name}: unknown value '{value}'; expected one of {string.Join(", ", Enum.GetNames<T>())}.";
        return null;
    }
}

namespace Interregnum.Bargaining;

/// <summary>Δ, the range of positions used to scale distances (bargaining.md §2.1).</summary>
public enum EuRange
{
    /// <summary>x_max − x_min of the current positions, every round (paper).</summary>
    Current,

    /// <summary>x_max − x_min of the initial positions, fixed for the run (Scholz's code).</summary>
    Initial,
}

/// <summary>The votes inside the probability of winning (bargaining.md §2.2).</summary>
public enum EuVote
{
    /// <summary>v = c_k s_k (u^k(a) − u^k(b)), u^k(x) = 1 − 2|x_k − x|/Δ (paper, eq. 26/28).</summary>
    Linear,

    /// <summary>v = c_k s_k [(|x_k − b|/Δ)^{r_k} − (|x_k − a|/Δ)^{r_k}] with the voter's own r_k (Scholz's code).</summary>
    VoterRisk,
}

/// <summary>The denominator of the probability that i beats j (bargaining.md §2.3).</summary>
public enum EuProbability
{
    /// <summary>Σ of positive votes / Σ |votes| over voters (paper).</summary>
    PairPositive,

    /// <summary>max(Σ votes, 0) / Σ |votes| over voters.</summary>
    PairNet,

    /// <summary>Σ of positive votes / Z, Z = Σ over voters and ordered actor pairs of |votes| (Scholz's code).</summary>
    AllPairs,
}

/// <summary>Whose risk exponent enters an actor's estimate of another's gain (bargaining.md §2.4).</summary>
public enum EuRisk
{
    /// <summary>The estimating actor's r, for its own gain and its estimate of the other's (both presets).</summary>
    Perspective,

    /// <summary>The gain's owner's r.</summary>
    Owner,
}

/// <summary>The form of the subtracted no-challenge term (bargaining.md §2.5).</summary>
public enum EuQForm
{
    /// <summary>Q·U_sq + (1 − Q)[T·U_b + (1 − T)·U_w] (paper).</summary>
    Full,

    /// <summary>Q·U_sq alone (Scholz's code).</summary>
    Drop,
}

/// <summary>What happens when both sides expect to gain from a challenge (bargaining.md §2.7).</summary>
public enum EuConflict
{
    /// <summary>No move (paper; BDM's "uncertain outcome").</summary>
    None,

    /// <summary>The side expecting the smaller gain moves to the other's position when b &gt; a (Scholz's code).</summary>
    LoserMoves,
}

/// <summary>How an actor chooses among several offers (bargaining.md §2.7).</summary>
public enum EuSelect
{
    /// <summary>Largest proposer gain b, then the smallest move, then input order (paper, Scholz §6.2).</summary>
    EnforceableThenNearest,

    /// <summary>Confrontations (nearest), else compromises (smallest κ), else capitulations (nearest) (Scholz's code).</summary>
    ByCategory,
}

/// <summary>
/// Every reading choice of the expected-utility model (bargaining.md §2), with the two presets
/// <see cref="Paper"/> (the default: Scholz et al.'s paper as written) and <see cref="ScholzCode"/> (the reading of
/// Scholz's own code, which reproduces the EC trajectory). Immutable and thread-safe.
/// </summary>
public sealed record ExpectedUtilityOptions
{
    /// <summary>The paper as written (default). A regression record only: it does not reproduce Scholz's Table 2.</summary>
    public static ExpectedUtilityOptions Paper { get; } = new();

    /// <summary>The reading of Scholz's code (jmckib at 55f63e9); reproduces expected_scholz_reading.csv.</summary>
    public static ExpectedUtilityOptions ScholzCode { get; } = new()
    {
        Preset = "scholz-code",
        Range = EuRange.Initial,
        Vote = EuVote.VoterRisk,
        Probability = EuProbability.AllPairs,
        QForm = EuQForm.Drop,
        Conflict = EuConflict.LoserMoves,
        Capitulation = false,
        Select = EuSelect.ByCategory,
    };

    /// <summary>Name of the preset these options started from ("paper" or "scholz-code").</summary>
    public string Preset { get; init; } = "paper";

    /// <summary>Option <c>range</c>.</summary>
    public EuRange Range { get; init; } = EuRange.Current;

    /// <summary>Option <c>vote</c>.</summary>
    public EuVote Vote { get; init; } = EuVote.Linear;

    /// <summary>Option <c>prob</c>.</summary>
    public EuProbability Probability { get; init; } = EuProbability.PairPositive;

    /// <summary>Option <c>eu-r</c>.</summary>
    public EuRisk EuRisk { get; init; } = EuRisk.Perspective;

    /// <summary>Option <c>q-form</c>.</summary>
    public EuQForm QForm { get; init; } = EuQForm.Full;

    /// <summary>Q, the probability that nothing changes without a challenge (default 1, as Scholz chose).</summary>
    public double Q { get; init; } = 1.0;

    /// <summary>Option <c>conflict</c>.</summary>
    public EuConflict Conflict { get; init; } = EuConflict.None;

    /// <summary>Option <c>capitulation</c>: whether an offer the receiver cannot resist moves it all the way.</summary>
    public bool Capitulation { get; init; } = true;

    /// <summary>Option <c>select</c>.</summary>
    public EuSelect Select { get; init; } = EuSelect.EnforceableThenNearest;

    /// <summary>Maximum number of rounds (Scholz ran 8).</summary>
    public int MaxRounds { get; init; } = 20;

    /// <summary>Stop when the median has moved less than this for <see cref="StableRounds"/> rounds in a row.</summary>
    public double StopTolerance { get; init; } = 1e-6;

    /// <summary>Rounds of a still median needed to stop.</summary>
    public int StableRounds { get; init; } = 3;

    /// <summary>Option names accepted by <see cref="With"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["Preset", "Range", "Vote", "Probability", "EuRisk", "QForm", "Q", "Conflict", "Capitulation", "Select", "MaxRounds", "StopTolerance", "StableRounds"];

    /// <summary>The options as (name, value) pairs, for reports.</summary>
    /// <returns>Name/value pairs, invariant formatting.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> ToPairs() =>
    [
        new("Preset", Preset), new("Range", Range.ToString()), new("Vote", Vote.ToString()),
        new("Probability", Probability.ToString()), new("EuRisk", EuRisk.ToString()), new("QForm", QForm.ToString()),
        new("Q", Q.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), new("Conflict", Conflict.ToString()),
        new("Capitulation", Capitulation ? "On" : "Off"), new("Select", Select.ToString()),
        new("MaxRounds", MaxRounds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("StopTolerance", StopTolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        new("StableRounds", StableRounds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>A copy with one option set by name (case-insensitive); "Preset" replaces every option.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="value">Enum member name (dashes ignored), number, or On/Off.</param>
    /// <param name="error">Why it was rejected, or null.</param>
    /// <returns>The new options, or null.</returns>
    public ExpectedUtilityOptions? With(string name, string value, out string? error)
    {
        error = null;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string v = value.Replace("-", string.Empty, StringComparison.Ordinal);
        switch (name.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
        {
            case "PRESET":
                return value.ToUpperInvariant() switch
                {
                    "PAPER" => Paper with { MaxRounds = MaxRounds, StopTolerance = StopTolerance, StableRounds = StableRounds },
                    "SCHOLZCODE" or "SCHOLZ-CODE" => ScholzCode with { MaxRounds = MaxRounds, StopTolerance = StopTolerance, StableRounds = StableRounds },
                    _ => Fail($"Preset: unknown value '{value}'; expected paper or scholz-code.", out error),
                };
            case "RANGE": return E<EuRange>(v, out var r) ? this with { Range = r } : Fail(Bad<EuRange>(name, value), out error);
            case "VOTE": return E<EuVote>(v, out var vo) ? this with { Vote = vo } : Fail(Bad<EuVote>(name, value), out error);
            case "PROBABILITY" or "PROB": return E<EuProbability>(v, out var p) ? this with { Probability = p } : Fail(Bad<EuProbability>(name, value), out error);
            case "EURISK" or "EUR": return E<EuRisk>(v, out var er) ? this with { EuRisk = er } : Fail(Bad<EuRisk>(name, value), out error);
            case "QFORM": return E<EuQForm>(v, out var qf) ? this with { QForm = qf } : Fail(Bad<EuQForm>(name, value), out error);
            case "CONFLICT": return E<EuConflict>(v, out var c) ? this with { Conflict = c } : Fail(Bad<EuConflict>(name, value), out error);
            case "SELECT": return E<EuSelect>(v, out var s) ? this with { Select = s } : Fail(Bad<EuSelect>(name, value), out error);
            case "CAPITULATION":
                return value.ToUpperInvariant() switch
                {
                    "ON" or "TRUE" => this with { Capitulation = true },
                    "OFF" or "FALSE" => this with { Capitulation = false },
                    _ => Fail($"Capitulation: expected On or Off; found '{value}'.", out error),
                };
            case "Q":
                return double.TryParse(value, System.Globalization.NumberStyles.Float, inv, out var q) && q >= 0 && q <= 1
                    ? this with { Q = q } : Fail($"Q: expected a number in [0, 1]; found '{value}'.", out error);
            case "MAXROUNDS":
                return int.TryParse(value, System.Globalization.NumberStyles.None, inv, out var m) && m >= 1
                    ? this with { MaxRounds = m } : Fail($"MaxRounds: expected an integer >= 1; found '{value}'.", out error);
            case "STOPTOLERANCE":
                return double.TryParse(value, System.Globalization.NumberStyles.Float, inv, out var t) && t >= 0
                    ? this with { StopTolerance = t } : Fail($"StopTolerance: expected a number >= 0; found '{value}'.", out error);
            case "STABLEROUNDS":
                return int.TryParse(value, System.Globalization.NumberStyles.None, inv, out var k) && k >= 1
                    ? this with { StableRounds = k } : Fail($"StableRounds: expected an integer >= 1; found '{value}'.", out error);
            default:
                return Fail($"unknown EU option '{name}'; expected one of {string.Join(", ", Names)}.", out error);
        }

        static bool E<T>(string text, out T result)
            where T : struct, Enum =>
            Enum.TryParse(text, ignoreCase: true, out result) && Enum.IsDefined(result) && !int.TryParse(text, out _);

        static string Bad<T>(string name, string value)
            where T : struct, Enum => $"{name}: unknown value '{value}'; expected one of {string.Join(", ", Enum.GetNames<T>())}.";

        static ExpectedUtilityOptions? Fail(string message, out string? error)
        {
            error = message;
            return null;
        }
    }
}

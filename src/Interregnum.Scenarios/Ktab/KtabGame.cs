using Interregnum.Bargaining;

namespace Interregnum.Scenarios.Ktab;

/// <summary>One actor of a KTAB scenario CSV.</summary>
/// <param name="Name">Actor name (KTAB allows 25 characters).</param>
/// <param name="Description">Free-text description.</param>
/// <param name="Capability">Capability ("Influence" or "Power"), any scale, &gt; 0.</param>
/// <param name="Positions">Position per dimension on 0–100.</param>
/// <param name="Saliences">Salience per dimension on 0–100; they sum to at most 100.</param>
public sealed record KtabActor(string Name, string Description, double Capability, double[] Positions, double[] Saliences);

/// <summary>
/// A KTAB SMP scenario as its CSV states it (bargaining.md §1.1; ktab_smp_examples/SOURCE.md).
/// Immutable by convention.
/// </summary>
/// <param name="ScenarioName">First cell of line 1.</param>
/// <param name="ScenarioDescription">Second cell of line 1.</param>
/// <param name="CapabilityHeader">The capability column's header ("Influence", "Power", ...).</param>
/// <param name="PositionHeaders">Header of each dimension's position column, e.g. "Policy Position" or "Pstn1".</param>
/// <param name="SalienceHeaders">Header of each dimension's salience column.</param>
/// <param name="Actors">The actors in file order.</param>
public sealed record KtabGame(
    string ScenarioName,
    string ScenarioDescription,
    string CapabilityHeader,
    string[] PositionHeaders,
    string[] SalienceHeaders,
    IReadOnlyList<KtabActor> Actors)
{
    /// <summary>Dimension names: the position header without a trailing " Position" where it has one.</summary>
    public string[] DimensionNames =>
        [.. PositionHeaders.Select(h => h.EndsWith(" Position", StringComparison.OrdinalIgnoreCase) ? h[..^" Position".Length].Trim() : h)];

    /// <summary>The bargaining input for the core models.</summary>
    /// <returns>An <see cref="SmpInput"/> with the same actors, capabilities, positions and saliences.</returns>
    public SmpInput ToSmpInput()
    {
        int d = PositionHeaders.Length;
        var positions = new double[Actors.Count * d];
        var saliences = new double[Actors.Count * d];
        for (int i = 0; i < Actors.Count; i++)
        {
            Actors[i].Positions.CopyTo(positions, i * d);
            Actors[i].Saliences.CopyTo(saliences, i * d);
        }

        return new SmpInput([.. Actors.Select(a => a.Name)], DimensionNames, [.. Actors.Select(a => a.Capability)], positions, saliences);
    }

    /// <summary>True when both games have the same text and the same numbers, bit for bit.</summary>
    /// <param name="other">The other game.</param>
    /// <returns>Whether nothing differs.</returns>
    public bool SameAs(KtabGame other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ScenarioName == other.ScenarioName
            && ScenarioDescription == other.ScenarioDescription
            && CapabilityHeader == other.CapabilityHeader
            && PositionHeaders.SequenceEqual(other.PositionHeaders)
            && SalienceHeaders.SequenceEqual(other.SalienceHeaders)
            && Actors.Count == other.Actors.Count
            && Actors.Zip(other.Actors).All(p =>
                p.First.Name == p.Second.Name
                && p.First.Description == p.Second.Description
                && p.First.Capability.Equals(p.Second.Capability)
                && p.First.Positions.SequenceEqual(p.Second.Positions)
                && p.First.Saliences.SequenceEqual(p.Second.Saliences));
    }
}

using Interregnum.Model;

namespace Interregnum.Simulation;

/// <summary>
/// The values of a scenario's uncertain numbers in one Monte Carlo draw (or at their point values).
/// Fixed numbers are read directly; uncertain ones are looked up by identity of their <see cref="Uncertain"/> instance.
/// </summary>
public sealed class InputDraw
{
    private readonly Dictionary<Uncertain, double> values;

    // True once a fixed number has been given another value (the inert-input audit's perturbations).
    private bool fixedOverridden;

    private InputDraw(Dictionary<Uncertain, double> values) => this.values = values;

    /// <summary>Every uncertain number at its point value (the median).</summary>
    public static InputDraw AtPoint(Scenario scenario) => From(ScenarioInputs.Uncertain(scenario), static (_, u) => u.Point);

    /// <summary>Every uncertain number from a function of (input index, input).</summary>
    public static InputDraw From(IReadOnlyList<UncertainInput> inputs, Func<int, Uncertain, double> value)
    {
        var dict = new Dictionary<Uncertain, double>(inputs.Count, ReferenceEqualityComparer.Instance);
        for (var k = 0; k < inputs.Count; k++)
        {
            dict[inputs[k].Value] = value(k, inputs[k].Value);
        }

        return new InputDraw(dict);
    }

    /// <summary>The number's value in this draw.</summary>
    public double this[Uncertain u] => u.IsFixed && !fixedOverridden ? u.Point : values.TryGetValue(u, out var v) ? v : u.Point;

    /// <summary>Gives one number (fixed or not) another value in this draw; for perturbation studies.</summary>
    internal void Override(Uncertain u, double value)
    {
        values[u] = value;
        fixedOverridden |= u.IsFixed;
    }
}

using Interregnum.Model;

namespace Interregnum.Power;

/// <summary>How much an organization weighs in a phase, on the same scale as an actor's capability (<see cref="PowerAccount"/>).</summary>
public static class OrganizationWeights
{
    /// <summary>
    /// An organization's weight in <paramref name="phase"/>: Σ_i w_phase,i · h_oi / T_i with T_i every holding of
    /// instrument i there is (actors', organizations' and the office's), at central values; never below 0.
    /// </summary>
    public static double Weight(Scenario scenario, Organization organization, string phase)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(organization);
        double weight = 0;
        foreach (var instrument in scenario.Instruments)
        {
            var id = instrument.Id;
            var total = Point(scenario.Office.Holdings, id)
                + scenario.Actors.Sum(a => Point(a.Holdings, id))
                + scenario.Organizations.Sum(x => Point(x.Holdings, id));
            if (total > 0 && instrument.Weights.TryGetValue(phase, out var w))
            {
                weight += w.Point * Point(organization.Holdings, id) / total;
            }
        }

        return Math.Max(0, weight);
    }

    private static double Point(IReadOnlyDictionary<string, Uncertain> holdings, string id) =>
        holdings.TryGetValue(id, out var u) ? u.Point : 0;
}

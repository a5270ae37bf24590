using Interregnum.Model;
using Interregnum.Simulation;

namespace Interregnum.Succession;

/// <summary>
/// Applies a shock's declared effects to a realised regime: additive shifts of positions, saliences, ambition
/// and loyalty, each clamped to its range. Whether the incumbent leaves, and the patronage discount, are
/// handled by power accounting (<see cref="Power.PowerAccount"/>).
/// </summary>
internal static class ShockApplication
{
    public static void Apply(Scenario scenario, Shock shock, RegimeState st, InputDraw v)
    {
        foreach (var e in shock.Effects)
        {
            var shift = v[e.Shift];
            switch (e.Target)
            {
                case EffectTarget.Position:
                case EffectTarget.Salience:
                {
                    var k = IndexOf(scenario.Dimensions, e.Dimension!);
                    var target = e.Target == EffectTarget.Position ? st.Position : st.Salience;
                    foreach (var a in Subjects(scenario, e.Subject))
                    {
                        target[(a * st.D) + k] = Math.Clamp(target[(a * st.D) + k] + shift, 0, 100);
                    }

                    if (e.Target == EffectTarget.Salience)
                    {
                        foreach (var a in Subjects(scenario, e.Subject))
                        {
                            RescaleSalience(st, a);
                        }
                    }

                    break;
                }

                case EffectTarget.Ambition:
                    foreach (var a in Subjects(scenario, e.Subject))
                    {
                        st.Ambition[a] = Math.Clamp(st.Ambition[a] + shift, 0, 1);
                    }

                    break;
                case EffectTarget.Loyalty:
                {
                    var o = scenario.Organizations.Select((org, i) => (org, i)).First(x => x.org.Id == e.Subject).i;
                    var arr = e.LoyaltyTo switch
                    {
                        "head" => st.LoyalHead,
                        "office" => st.LoyalOffice,
                        _ => st.LoyalIncumbent,
                    };
                    arr[o] = Math.Clamp(arr[o] + shift, 0, 1);
                    var total = st.LoyalHead[o] + st.LoyalOffice[o] + st.LoyalIncumbent[o];
                    if (total > 1)
                    {
                        st.LoyalHead[o] /= total;
                        st.LoyalOffice[o] /= total;
                        st.LoyalIncumbent[o] /= total;
                    }

                    break;
                }
            }
        }
    }

    private static void RescaleSalience(RegimeState st, int a)
    {
        double sum = 0;
        for (var k = 0; k < st.D; k++)
        {
            sum += st.Salience[(a * st.D) + k];
        }

        if (sum > 100)
        {
            for (var k = 0; k < st.D; k++)
            {
                st.Salience[(a * st.D) + k] *= 100 / sum;
            }
        }
    }

    private static IEnumerable<int> Subjects(Scenario s, string subject) =>
        subject == "*" ? Enumerable.Range(0, s.Actors.Count) : [s.ActorIndex(subject)];

    private static int IndexOf(IReadOnlyList<Dimension> dims, string id)
    {
        for (var i = 0; i < dims.Count; i++)
        {
            if (dims[i].Id == id)
            {
                return i;
            }
        }

        throw new InvalidOperationException("unknown dimension " + id);
    }
}

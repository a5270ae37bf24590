namespace Interregnum.Reports;

/// <summary>
/// A deterministic layout for the elite network: actors evenly spaced on an outer circle, clockwise from the top
/// in the order given; organizations on an inner circle, each on its head's spoke so that "heads" lines stay
/// short (a second organization with the same head sits a third of a step aside), and organizations without a
/// head in the free half-steps between spokes. Positions depend on the content alone.
/// </summary>
internal static class NetworkLayout
{
    internal const double ActorRadius = 1.0;
    internal const double OrganizationRadius = 0.5;

    internal static Dictionary<string, (double X, double Y)> Circular(IReadOnlyList<NetworkNode> nodes, IReadOnlyList<HeadOfEdge>? headOf = null)
    {
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var actors = nodes.Where(n => n.Kind == NetworkNodeKind.Actor).ToList();
        var organizations = nodes.Where(n => n.Kind == NetworkNodeKind.Organization).ToList();
        var step = actors.Count > 0 ? 1.0 / actors.Count : 1.0 / Math.Max(1, organizations.Count);
        var actorIndex = actors.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        for (var i = 0; i < actors.Count; i++)
        {
            positions[actors[i].Id] = At(ActorRadius, i * step);
        }

        // Turns (fractions of a full circle, clockwise from the top) already taken on the inner ring.
        var taken = new List<double>();
        var perHead = new Dictionary<int, int>();
        var unheaded = new List<NetworkNode>();
        foreach (var organization in organizations)
        {
            var head = headOf?.FirstOrDefault(h => h.Organization == organization.Id && actorIndex.ContainsKey(h.Actor));
            if (head is null)
            {
                unheaded.Add(organization);
                continue;
            }

            var index = actorIndex[head.Actor];
            var already = perHead.GetValueOrDefault(index);
            perHead[index] = already + 1;
            // 0, +1/3, -1/3, +2/3 ... of a step from the head's spoke.
            var offset = (already % 2 == 1 ? 1 : -1) * ((already + 1) / 2) * step / 3;
            var turn = (index * step) + offset;
            taken.Add(turn);
            positions[organization.Id] = At(OrganizationRadius, turn);
        }

        var slots = Enumerable.Range(0, actors.Count).Select(i => (i + 0.5) * step).ToList();
        for (var i = 0; i < unheaded.Count; i++)
        {
            // The free half-step slot farthest from anything taken (the first slot when nothing is); ties go to
            // the earlier slot. Past the last slot, spread evenly.
            var turn = slots.Count == 0
                ? (i + 0.5) / unheaded.Count
                : taken.Count == 0 ? slots[0] : slots.OrderByDescending(s => taken.Min(t => Distance(s, t))).First();
            slots.Remove(turn);
            taken.Add(turn);
            positions[unheaded[i].Id] = At(OrganizationRadius, turn);
        }

        return positions;
    }

    private static double Distance(double a, double b)
    {
        var d = Math.Abs(a - b) % 1.0;
        return Math.Min(d, 1.0 - d);
    }

    private static (double X, double Y) At(double radius, double turn)
    {
        var angle = (Math.PI / 2) - (2 * Math.PI * turn);
        return (radius * Math.Cos(angle), radius * Math.Sin(angle));
    }
}

namespace Interregnum.Reports;

/// <summary>
/// A deterministic layout for the elite network: actors evenly spaced on an outer circle, organizations on an
/// inner one, both clockwise from the top in the order given. Positions depend on the node order alone.
/// </summary>
internal static class NetworkLayout
{
    internal const double ActorRadius = 1.0;
    internal const double OrganizationRadius = 0.5;

    internal static Dictionary<string, (double X, double Y)> Circular(IReadOnlyList<NetworkNode> nodes)
    {
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        Place(nodes.Where(n => n.Kind == NetworkNodeKind.Actor).ToList(), ActorRadius, 0, positions);
        // The inner ring is turned by half a step so that its labels fall between the outer ring's spokes.
        Place(nodes.Where(n => n.Kind == NetworkNodeKind.Organization).ToList(), OrganizationRadius, 0.5, positions);
        return positions;
    }

    private static void Place(List<NetworkNode> ring, double radius, double halfStep, Dictionary<string, (double X, double Y)> positions)
    {
        for (var i = 0; i < ring.Count; i++)
        {
            var angle = (Math.PI / 2) - (2 * Math.PI * (i + halfStep) / ring.Count);
            positions[ring[i].Id] = (radius * Math.Cos(angle), radius * Math.Sin(angle));
        }
    }
}

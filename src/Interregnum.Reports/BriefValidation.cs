using System.Globalization;

namespace Interregnum.Reports;

/// <summary>Finds inconsistencies in a brief's content (programmer errors in the mapping onto it).</summary>
internal static class BriefValidation
{
    internal static List<string> Problems(BriefContent content)
    {
        var problems = new List<string>();
        Require(problems, !string.IsNullOrWhiteSpace(content.Title), "Title is empty");
        Require(problems, !string.IsNullOrWhiteSpace(content.Question), "Question is empty");

        if (content.Power.Content is { } power)
        {
            foreach (var row in power.Rows)
            {
                Require(problems, row.Holdings.Count == power.Instruments.Count,
                    Say($"power row '{row.Actor}' has {row.Holdings.Count} holdings for {power.Instruments.Count} instruments"));
                Require(problems, row.CapabilityByPhase.Count == power.Phases.Count,
                    Say($"power row '{row.Actor}' has {row.CapabilityByPhase.Count} capabilities for {power.Phases.Count} phases"));
            }
        }

        if (content.Network.Content is { } network)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in network.Nodes)
            {
                Require(problems, ids.Add(node.Id), Say($"network node id '{node.Id}' appears twice"));
                Require(problems, node.Capability >= 0 && double.IsFinite(node.Capability), Say($"network node '{node.Id}' has capability {node.Capability}, expected a finite number >= 0"));
            }

            foreach (var tie in network.Ties)
            {
                Require(problems, ids.Contains(tie.From), Say($"tie from unknown node '{tie.From}'"));
                Require(problems, ids.Contains(tie.To), Say($"tie to unknown node '{tie.To}'"));
            }

            var kinds = network.Nodes.ToDictionary(n => n.Id, n => n.Kind, StringComparer.Ordinal);
            foreach (var head in network.HeadOf)
            {
                Require(problems, kinds.TryGetValue(head.Actor, out var a) && a == NetworkNodeKind.Actor, Say($"head-of edge from '{head.Actor}', which is not an actor node"));
                Require(problems, kinds.TryGetValue(head.Organization, out var o) && o == NetworkNodeKind.Organization, Say($"head-of edge to '{head.Organization}', which is not an organization node"));
            }
        }

        foreach (var c in content.Candidates.Content ?? [])
        {
            Probability(problems, "candidate '" + c.Name + "' probability", c.Probability);
            Require(problems, c.Low90 <= c.Probability && c.Probability <= c.High90, Say($"candidate '{c.Name}': interval [{c.Low90}, {c.High90}] does not contain {c.Probability}"));
        }

        if (content.Contested.Content is { } contested)
        {
            Probability(problems, "contested probability", contested.Probability);
        }

        foreach (var d in content.Policy.Content ?? [])
        {
            Require(problems, d.P5 <= d.P50 && d.P50 <= d.P95, Say($"dimension '{d.Dimension}': percentiles out of order ({d.P5}, {d.P50}, {d.P95})"));
        }

        if (content.Coalition.Content is { } coalition)
        {
            Probability(problems, "collective leadership probability", coalition.Collective);
            Probability(problems, "winner displaced probability", coalition.WinnerDisplaced);
            foreach (var a in coalition.Actors)
            {
                Probability(problems, "actor '" + a.Name + "' coalition probability", a.InCoalition);
                Probability(problems, "actor '" + a.Name + "' displacement probability", a.Displaces);
                Require(problems, a.Low90 <= a.InCoalition && a.InCoalition <= a.High90, Say($"actor '{a.Name}': interval [{a.Low90}, {a.High90}] does not contain {a.InCoalition}"));
                if (a.Excluded is { } x)
                {
                    Probability(problems, "actor '" + a.Name + "' exclusion probability", x);
                }

                if (a.ExcludedBlended is { } xb)
                {
                    Probability(problems, "actor '" + a.Name + "' blended exclusion probability", xb);
                }
            }
        }

        foreach (var shock in content.Shocks.Content ?? [])
        {
            Probability(problems, "shock '" + shock.Label + "' contested probability", shock.ContestedProbability);
        }

        foreach (var rate in content.OutsideView.Content?.Rates ?? [])
        {
            Require(problems, rate.N >= rate.K && rate.K >= 0, Say($"base rate '{rate.Label}': k={rate.K} n={rate.N}"));
        }

        if (content.TrackRecord.Content is { } scores)
        {
            foreach (var row in scores.Rows)
            {
                Require(problems, row.Count == scores.Columns.Count, Say($"track-record row has {row.Count} cells for {scores.Columns.Count} columns"));
            }
        }

        return problems;
    }

    private static void Probability(List<string> problems, string what, double p) =>
        Require(problems, p >= 0 && p <= 1, Say($"{what} is {p}, expected 0–1"));

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}

namespace Interregnum.History.Replication;

/// <summary>A published value of one regression term, shown beside its replication. Immutable.</summary>
/// <param name="Estimate">The coefficient, six decimals, from the reference output in jones-olken-2009/REPLICATION.md.</param>
/// <param name="StandardError">Its clustered standard error, the same source.</param>
/// <param name="Printed">The figure as the paper's table prints it (rounded), or null where REPLICATION.md does not quote it.</param>
public sealed record PublishedTerm(double Estimate, double StandardError, string? Printed);

/// <summary>
/// The published numbers the Jones and Olken (2009) replication is checked against, per table and term: the
/// six-decimal reference output recorded in the dataset's REPLICATION.md (§4–5) and, where that file quotes them,
/// the rounded figures printed in the paper's Tables 5 and 7 (AEJ: Macroeconomics 1(2): 55–87).
/// </summary>
public static class JonesOlkenPublished
{
    /// <summary>Table key (as the CLI names the tables) → term → published value.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, PublishedTerm>> Tables { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, PublishedTerm>>(StringComparer.Ordinal)
        {
            ["table5b_col1_democratization"] = new Dictionary<string, PublishedTerm>(StringComparer.Ordinal)
            {
                ["succAut"] = new(0.131206, 0.055002, "0.131 (0.0550)"),
                ["succDem"] = new(-0.011654, 0.082580, "-0.0117 (0.0826)"),
                ["lagAutoc"] = new(0.115069, 0.047258, "0.115 (0.0473)"),
                ["W2"] = new(-0.034671, 0.093579, null),
                ["W3"] = new(-0.016394, 0.031188, null),
                ["W8"] = new(0.043416, 0.069353, null),
                ["W9"] = new(0.039184, 0.076908, null),
                ["NS2"] = new(-0.035269, 0.102169, null),
                ["NS3"] = new(-0.032773, 0.025005, null),
                ["NS4"] = new(0.054765, 0.103595, null),
                ["intercept"] = new(-0.082296, 0.045989, null),
            },
            ["table5a_col2_no_interaction"] = new Dictionary<string, PublishedTerm>(StringComparer.Ordinal)
            {
                ["success"] = new(0.078981, 0.050789, null),
                ["intercept"] = new(-0.010874, 0.025901, null),
            },
            ["table7b_col1_any_war"] = new Dictionary<string, PublishedTerm>(StringComparer.Ordinal)
            {
                ["succLagWar"] = new(-0.254739, 0.143540, "-0.255"),
                ["succNoLagWar"] = new(-0.023608, 0.067972, null),
                ["lagWar"] = new(-0.504299, 0.071373, null),
                ["NS4"] = new(-0.002758, 0.109055, null),
                ["intercept"] = new(0.164003, 0.048233, null),
            },
            ["table7b_col3_prio_intensity"] = new Dictionary<string, PublishedTerm>(StringComparer.Ordinal)
            {
                ["succLagSome"] = new(0.333659, 0.163309, "0.334"),
                ["succLagFull"] = new(-0.110075, 0.294020, null),
                ["succLagNone"] = new(0.070002, 0.056727, null),
                ["lagFull"] = new(-0.313047, 0.094859, null),
                ["lagSome"] = new(-0.259499, 0.087735, null),
                ["intercept"] = new(0.055497, 0.044725, null),
            },
        };

    /// <summary>The published value of a term, or null where none is recorded.</summary>
    public static PublishedTerm? Find(string table, string term) =>
        Tables.TryGetValue(table, out var terms) && terms.TryGetValue(term, out var value) ? value : null;
}

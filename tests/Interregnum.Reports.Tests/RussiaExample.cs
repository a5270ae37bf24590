using System.Collections.ObjectModel;

namespace Interregnum.Reports.Tests;

/// <summary>
/// A hand-built brief for a Russia-like succession: five candidates (named by office), three issue dimensions,
/// five shocks, a tornado of eight inputs and a network of thirteen nodes. The figures are illustrative and
/// internally consistent (probabilities sum to one, every interval contains its estimate); they exercise the
/// renderer, not the models.
/// </summary>
internal static class RussiaExample
{
    internal static readonly string[] CandidateNames =
    [
        "Prime Minister (acting president)", "Security Council Secretary", "Mayor of Moscow", "Defence Minister", "FSB Director",
    ];

    internal static readonly string[] DimensionNames = ["Hostility toward the West", "Domestic repression", "Continuing the war"];

    internal static readonly string[] ShockNames =
    [
        "Natural death in office", "Incapacity (stroke), announced late", "Assassination blamed on a foreign service",
        "Failed assassination attempt", "Forced resignation by the security services",
    ];

    internal static BriefContent Build() => new()
    {
        Title = "Russia: the morning after",
        Question = "If the president left office unexpectedly tomorrow, who would take power, would the succession be contested, and would the new leadership be more or less hostile abroad and repressive at home?",
        AsOf = new DateOnly(2026, 11, 1),
        ScenarioDescription =
            "The president dies in office without a designated heir. Under the constitution the prime minister becomes acting president and an election must follow within three months.\n\n" +
            "Power rests with the security services, the National Guard, the armed forces and the owners of the energy companies. The analysis asks how the elite bargains over the succession in the first days (when coercion counts most) and in the months that follow (when money and connections weigh more).",
        Sources = BriefSection.Available<IReadOnlyList<SourceEntry>>(
        [
            new("S1", "Constitution of the Russian Federation, Article 92(3) (acting president).", "https://www.constitution.ru/en/10003000-05.htm"),
            new("S2", "Jones, B. F. & Olken, B. A. (2009). Hit or Miss? The Effect of Assassinations on Institutions and War. American Economic Journal: Macroeconomics 1(2), 55–87.", "https://doi.org/10.1257/mac.1.2.55"),
            new("S3", "Powell, J. M. & Thyne, C. L. (2011). Global instances of coups from 1950 to 2010. Journal of Peace Research 48(2), 249–259.", null),
            new("S4", "Analyst's elite survey, October 2026 (internal).", "file:///not/a/web/link"),
        ]),
        Power = BriefSection.Available(new PowerTable(
            ["coercion", "money", "infrastructure", "resources", "connections", "knowledge"],
            ["first days", "first months"],
            [
                new("Prime Minister", [0.02, 0.20, 0.25, 0.10, 0.15, 0.05], [0.21, 0.28]),
                new("Security Council Secretary", [0.10, 0.05, 0.02, 0.05, 0.25, 0.30], [0.31, 0.24]),
                new("Mayor of Moscow", [0.03, 0.15, 0.30, 0.02, 0.12, 0.05], [0.12, 0.17]),
                new("Defence Minister", [0.35, 0.05, 0.05, 0.00, 0.08, 0.05], [0.18, 0.09]),
                new("FSB Director", [0.30, 0.05, 0.03, 0.03, 0.20, 0.40], [0.27, 0.19]),
                new("National Guard Commander", [0.15, 0.02, 0.02, 0.00, 0.05, 0.05], [0.12, 0.04]),
                new("Energy magnate", [0.00, 0.40, 0.10, 0.60, 0.10, 0.05], [0.09, 0.26]),
            ],
            "share of the instrument in the elite (0–1)")),
        Network = BriefSection.Available(new EliteNetwork(
            [
                new("pm", "Prime Minister", NetworkNodeKind.Actor, 0.21),
                new("scs", "Security Council Secretary", NetworkNodeKind.Actor, 0.31),
                new("mayor", "Mayor of Moscow", NetworkNodeKind.Actor, 0.12),
                new("defmin", "Defence Minister", NetworkNodeKind.Actor, 0.18),
                new("fsbdir", "FSB Director", NetworkNodeKind.Actor, 0.27),
                new("ngcmd", "National Guard Commander", NetworkNodeKind.Actor, 0.12),
                new("magnate", "Energy magnate", NetworkNodeKind.Actor, 0.09),
                new("fsb", "FSB", NetworkNodeKind.Organization, 0.30),
                new("guard", "National Guard", NetworkNodeKind.Organization, 0.15),
                new("army", "Armed Forces", NetworkNodeKind.Organization, 0.35),
                new("fso", "Presidential Guard (FSO)", NetworkNodeKind.Organization, 0.08),
                new("energy", "State energy company", NetworkNodeKind.Organization, 0.40),
                new("council", "Security Council", NetworkNodeKind.Organization, 0.10),
            ],
            [
                new("scs", "fsbdir", "shared background", 0.9),
                new("scs", "pm", "rivalry", 0.5),
                new("pm", "mayor", "patronage", 0.4),
                new("fsbdir", "ngcmd", "shared background", 0.6),
                new("defmin", "ngcmd", "rivalry", 0.7),
                new("magnate", "pm", "patronage", 0.6),
                new("magnate", "scs", "family", 0.8),
                new("mayor", "defmin", "rivalry", 0.3),
            ],
            [
                new("fsbdir", "fsb"), new("ngcmd", "guard"), new("defmin", "army"), new("magnate", "energy"), new("scs", "council"),
            ])),
        Candidates = BriefSection.Available<IReadOnlyList<CandidateForecast>>(
        [
            // Probabilities sum to 1.000; standard errors are sqrt(p(1-p)/10000).
            new(CandidateNames[0], 0.312, 0.271, 0.355, 0.0046),
            new(CandidateNames[1], 0.286, 0.244, 0.330, 0.0045),
            new(CandidateNames[2], 0.148, 0.117, 0.182, 0.0036),
            new(CandidateNames[3], 0.091, 0.066, 0.119, 0.0029),
            new(CandidateNames[4], 0.163, 0.131, 0.198, 0.0037),
        ]),
        Contested = BriefSection.Available(new ContestedForecast(0.234, 0.198, 0.272, 0.25, "the share of coercion kept by the losing side")),
        Coalition = BriefSection.Available(new CoalitionForecast(
            [
                new(CandidateNames[0], 0.81, 0.80, 0.82, 0.19, 0.05),
                new(CandidateNames[1], 0.64, 0.63, 0.65, 0.36, 0.04),
                new(CandidateNames[2], 0.22, 0.21, 0.23, 0.78, 0.01),
                new("Vladimir Putin", 0, 0, 0, null, 0),
            ],
            0.93,
            0.10,
            0.09,
            0.11,
            "The ruling coalition of Acemoglu, Egorov & Sonin (2008), majority rule, crisis-phase power.")),
        Policy = BriefSection.Available<IReadOnlyList<PolicyForecast>>(
        [
            new(DimensionNames[0], "conciliatory", "hostile", 82, 78.4, 61.0, 79.5, 92.0,
                [
                    new(50, 55, 12), new(55, 60, 48), new(60, 65, 160), new(65, 70, 520), new(70, 75, 1480),
                    new(75, 80, 2630), new(80, 85, 2710), new(85, 90, 1640), new(90, 95, 640), new(95, 100, 160),
                ]),
            new(DimensionNames[1], "liberalizing", "repressive", 75, 77.1, 63.2, 77.8, 88.5),
            new(DimensionNames[2], "ceasefire now", "escalation", 70, 61.7, 38.4, 62.5, 83.0),
        ]),
        Shocks = BriefSection.Available<IReadOnlyList<ShockOutcome>>(
        [
            Shock(ShockNames[0], [0.312, 0.286, 0.148, 0.091, 0.163], 0.234, [(-3.6, 0.38), (2.1, 0.58), (-8.3, 0.27)]),
            Shock(ShockNames[1], [0.251, 0.332, 0.121, 0.097, 0.199], 0.287, [(-1.2, 0.45), (4.0, 0.66), (-5.1, 0.33)]),
            Shock(ShockNames[2], [0.188, 0.341, 0.082, 0.141, 0.248], 0.402, [(6.8, 0.79), (9.4, 0.88), (4.2, 0.64)]),
            Shock(ShockNames[3], [0.402, 0.231, 0.094, 0.071, 0.202], 0.156, [(3.1, 0.67), (8.9, 0.91), (1.0, 0.53)]),
            Shock(ShockNames[4], [0.146, 0.378, 0.052, 0.058, 0.366], 0.351, [(1.9, 0.61), (11.2, 0.93), (-2.4, 0.41)]),
        ]),
        Tornadoes = BriefSection.Available<IReadOnlyList<Tornado>>(
        [
            new("P(Prime Minister prevails)", 0.312,
            [
                new("Loyalty of the National Guard to its commander", 0.251, 0.368, 0.7),
                new("Weight of coercion in the first days", 0.356, 0.262, 0.5),
                new("Prime Minister's ambition", 0.287, 0.339, 0.6),
                new("Energy magnate's patronage tie to the PM", 0.295, 0.331, 0.6),
                new("FSB loyalty to its director", 0.335, 0.296, 0.8),
                new("Discount on the incumbent's patronage", 0.301, 0.322, 0.3),
                new("Salience of the war for the army", 0.305, 0.318, 0.7),
                new("Contest threshold", 0.309, 0.314, 0.25),
            ]),
            new("P(contested succession)", 0.234,
            [
                new("Contest threshold", 0.352, 0.141, 0.25),
                new("Loyalty of the National Guard to its commander", 0.301, 0.188, 0.7),
                new("Weight of coercion in the first days", 0.190, 0.287, 0.5),
            ]),
        ]),
        Importance = BriefSection.Available<IReadOnlyList<VarianceImportance>>(
        [
            new("P(Prime Minister prevails)", "first-order Sobol index",
            [
                new("Loyalty of the National Guard to its commander", 0.41, 0.35, 0.47),
                new("Weight of coercion in the first days", 0.27, 0.21, 0.33),
                new("Prime Minister's ambition", 0.09, 0.05, 0.13),
                new("FSB loyalty to its director", 0.06, 0.03, 0.10),
            ]),
        ]),
        OutsideView = BriefSection.Available(new OutsideView(
            "personalist autocracies, leader's natural death in office, 1946–2010",
            "Wilson 95%",
            [
                // Wilson 95% intervals computed from k and n (z = 1.96).
                new("Successor comes in by the rules", 38, 52, 38.0 / 52, 0.5975, 0.8323, "illustrative counts"),
                new("Regime survives the leader", 46, 52, 46.0 / 52, 0.7703, 0.9460, "illustrative counts"),
                new("Transition to democracy within 2 years", 3, 52, 3.0 / 52, 0.0198, 0.1564, null),
                new("Successor purged within 2 years", 9, 52, 9.0 / 52, 0.0938, 0.2973, "Jones & Olken style coding"),
            ])),
        TrackRecord = BriefSection.NotAvailable<ScoreTable>("no earlier forecasts of this scenario have been resolved yet"),
        Methods = new MethodsNote(
            [
                "Power accounting: capability-weighted sum over instruments, two phases.",
                "Succession contest: Probabilistic Condorcet Election (KTAB), Markov chain over candidates.",
                "Policy bargaining: compromise model (capability × salience weighted mean).",
                "Monte Carlo: 10,000 draws of every uncertain input, counter-based RNG.",
            ],
            new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["contest.threshold"] = "0.25",
                ["phase.weights.first_days"] = "coercion 0.5, money 0.1, infrastructure 0.1, resources 0.1, connections 0.1, knowledge 0.1",
                ["bargaining.model"] = "compromise",
                ["bargaining.rounds"] = "50",
            }),
            20261101UL,
            10000,
            "sha256:9f2c4e1a7b3d5f60182a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d",
            "0.1.0"),
        KeyJudgments = BriefSection.Available<IReadOnlyList<KeyJudgmentEntry>>(
        [
            new("It is unlikely (29%; 6–60% across the uncertain inputs) that the Prime Minister (acting president) prevails. Low confidence: the uncertain inputs move it across 4 estimative bands (6–60%); the model's skill has not been measured.", "unlikely", 0.293, 0.056, 0.596, 0.0034, "low"),
            new("It is unlikely (24%; 10–41% across the uncertain inputs) that the Security Council Secretary prevails. Low confidence: the uncertain inputs move it across 2 estimative bands (10–41%); the model's skill has not been measured.", "unlikely", 0.24, 0.10, 0.41, 0.003, "low"),
            new("It is very unlikely (12%; 4–25% across the uncertain inputs) that the succession is contested. Low confidence: illustrative.", "very unlikely", 0.12, 0.04, 0.25, 0.002, "low"),
        ]),
        ValueOfInformation = BriefSection.Available(new ValueOfInformationTable(
            "Who prevails (the leader now: Prime Minister (acting president))",
            0.21,
            0.08,
            [
                new("how much of the office follows the acting successor during the crisis", 0.15, 0.06, "Security Council Secretary leads below 0.31 (quantile 0.31 of its range)"),
                new("the FSB Director's ambition", 0.02, 0.01, null),
            ],
            "Illustrative figures.")),
        Indicators = BriefSection.Available<IReadOnlyList<IndicatorEntry>>(
        [
            new("Officials name the prime minister as the one who would act for the president", "how much of the office follows the acting successor during the crisis", "raises", "Prime Minister (acting president) (the leader now) 29% → 38%; contested 12% → 10%", 0.15, "S1"),
            new("A senior post goes to someone not among the listed candidates", "the prior of someone not listed", "raises", "Prime Minister (acting president) (the leader now) 29% → 27%; contested 12% → 12%", 0.01, null),
        ]),
        Bargaining = BriefSection.Available(new BargainingSummary(
            "Illustrative: the spatial model of politics at the scenario's central values.",
            ["The Security Council Secretary moved 12.0 points in all; most in turn 1, when it adopted the FSB Director's bargain with it."])),
        ExternalForecasts = BriefSection.Available<IReadOnlyList<ExternalForecastEntry>>(
        [
            new("Illustrative platform", new DateOnly(2024, 7, 1), "Will the incumbent leave office within 12 months?", 0.05, "https://example.org/q/1", 0.04, "model 4% vs Illustrative platform 5%: 1 point lower"),
            new("Illustrative survey", new DateOnly(2024, 6, 1), "Will the war end this year?", 0.2, null, null, "the model does not answer this question"),
        ]),
    };

    private static ShockOutcome Shock(string label, double[] candidates, double contested, (double Shift, double Up)[] shifts) =>
        new(label,
            candidates.Select((p, i) => new CandidateShare(CandidateNames[i], p)).ToList(),
            contested,
            shifts.Select((s, i) => new DimensionShift(DimensionNames[i], s.Shift, s.Up)).ToList());
}

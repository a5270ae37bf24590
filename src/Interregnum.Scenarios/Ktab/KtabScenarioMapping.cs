using System.Globalization;
using System.Text;
using System.Text.Json;
using Interregnum.Model;
using Interregnum.Power;
using Interregnum.Simulation;

namespace Interregnum.Scenarios.Ktab;

/// <summary>
/// Maps KTAB actor CSVs to scenario files and back.
/// <para>
/// Import: each KTAB actor becomes an actor holding one instrument, <c>influence</c> (its capability, weighted 1 in
/// both phases, coercive so that a contest can judge it), with its positions and saliences (both already on
/// 0–100); each KTAB dimension a dimension labelled with KTAB's dimension name. KTAB has no incumbent, office or
/// candidates: the first actor is written as the incumbent and every other actor as a candidate, with a comment
/// saying so, so that the file validates and can be edited into a succession scenario.
/// </para>
/// <para>
/// Export: capability is the actor's holding of the single instrument when the scenario has one instrument, no
/// organizations and no office holdings (so an imported file round-trips exactly); otherwise it is 100 × the
/// actor's settled-phase capability from power accounting, incumbent in office. Positions and saliences are point
/// values. Actors without capability or salience are left out, since KTAB cannot weigh them. Headers are written as the single instrument's label (else <c>Influence</c>), <c>&lt;dimension&gt; Position</c>, <c>&lt;dimension&gt; Salience</c>,
/// so a KTAB file whose headers are in another form (e.g. <c>Pstn1</c>, <c>Sal1</c>, <c>Power</c>) keeps every name and
/// number but comes back with the headers in this form.
/// </para>
/// </summary>
public static class KtabScenarioMapping
{
    /// <summary>A scenario file (YAML) holding a KTAB game.</summary>
    public static string ToScenarioYaml(KtabGame game, string sourceFile)
    {
        ArgumentNullException.ThrowIfNull(game);
        var ids = UniqueIds(game.Actors.Select(a => a.Name), "actor");
        var dimIds = UniqueIds(game.DimensionNames, "dimension");
        var sb = new StringBuilder();
        sb.AppendLine("# yaml-language-server: $schema=../docs/scenario.schema.json");
        sb.AppendLine(Inv($"# Imported from the KTAB actor CSV {Path.GetFileName(sourceFile)} by `interregnum import ktab`."));
        sb.AppendLine("interregnum: 1");
        sb.AppendLine("id: " + Slug(game.ScenarioName, "ktab-scenario"));
        sb.AppendLine("title: " + Q(game.ScenarioName));
        sb.AppendLine("description: " + Q(game.ScenarioDescription));
        sb.AppendLine("# KTAB files name no incumbent: the first actor is written here; change it for a succession analysis.");
        sb.AppendLine("incumbent: " + ids[0]);
        sb.AppendLine("sources:");
        sb.AppendLine("  - id: ktab-csv");
        sb.AppendLine("    citation: " + Q($"KTAB actor CSV {Path.GetFileName(sourceFile)}"));
        sb.AppendLine("instruments:");
        sb.AppendLine("  - id: influence");
        sb.AppendLine("    label: " + Q(game.CapabilityHeader));
        sb.AppendLine("    coercive: true");
        sb.AppendLine("    weights: { crisis: 1, settled: 1 }");
        sb.AppendLine("dimensions:");
        for (var k = 0; k < dimIds.Count; k++)
        {
            sb.AppendLine("  - id: " + dimIds[k]);
            sb.AppendLine("    label: " + Q(game.DimensionNames[k]));
            sb.AppendLine("    low: \"0\"");
            sb.AppendLine("    high: \"100\"");
        }

        sb.AppendLine("actors:");
        for (var i = 0; i < game.Actors.Count; i++)
        {
            var a = game.Actors[i];
            sb.AppendLine("  - id: " + ids[i]);
            sb.AppendLine("    name: " + Q(a.Name));
            sb.AppendLine("    role: " + Q(a.Description));
            sb.AppendLine("    positions: { " + string.Join(", ", dimIds.Select((d, k) => $"{d}: {N(a.Positions[k])}")) + " }");
            sb.AppendLine("    salience: { " + string.Join(", ", dimIds.Select((d, k) => $"{d}: {N(a.Saliences[k])}")) + " }");
            sb.AppendLine("    holdings: { influence: " + N(a.Capability) + " }");
            sb.AppendLine("    sources: [ktab-csv]");
        }

        sb.AppendLine("office:");
        sb.AppendLine("  id: leadership");
        sb.AppendLine("  label: Leadership");
        sb.AppendLine("# Every actor but the first is written as a candidate; keep those who could really lead.");
        sb.AppendLine("candidates:");
        for (var i = 1; i < game.Actors.Count; i++)
        {
            sb.AppendLine(Inv($"  - {{ id: {ids[i]}, label: {Q(game.Actors[i].Name)}, actor: {ids[i]} }}"));
        }

        return sb.ToString();
    }

    /// <summary>The KTAB game of a scenario (see the class remarks for how capability is computed).</summary>
    public static KtabGame FromScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var point = InputDraw.AtPoint(scenario);
        var single = scenario.Instruments.Count == 1 && scenario.Organizations.Count == 0 && scenario.Office.Holdings.Count == 0;
        var table = single ? null : PowerAccount.ForScenario(scenario);
        var actors = new List<KtabActor>();
        for (var i = 0; i < scenario.Actors.Count; i++)
        {
            var a = scenario.Actors[i];
            var capability = single
                ? (a.Holdings.TryGetValue(scenario.Instruments[0].Id, out var h) ? point[h] : 0)
                : 100 * table!.Rows[i].SettledCapability;
            double[] saliences = [.. scenario.Dimensions.Select(d => a.Salience.TryGetValue(d.Id, out var s) ? point[s] : 0)];
            if (capability <= 0 || saliences.Sum() <= 0)
            {
                // KTAB cannot weigh an actor without capability or salience (its run aborts), so it is left out.
                continue;
            }

            actors.Add(new KtabActor(
                a.Name,
                a.Role ?? "",
                capability,
                [.. scenario.Dimensions.Select(d => a.Positions.TryGetValue(d.Id, out var p) ? point[p] : 50)],
                saliences));
        }

        return new KtabGame(
            scenario.Title,
            scenario.Description ?? "",
            single ? scenario.Instruments[0].Label : "Influence",
            [.. scenario.Dimensions.Select(d => d.Label + " Position")],
            [.. scenario.Dimensions.Select(d => d.Label + " Salience")],
            actors);
    }

    private static List<string> UniqueIds(IEnumerable<string> names, string fallback)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var id = Slug(name, fallback);
            var candidate = id;
            for (var k = 2; !used.Add(candidate); k++)
            {
                candidate = Inv($"{id}-{k}");
            }

            result.Add(candidate);
        }

        return result;
    }

    private static string Slug(string text, string fallback)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            sb.Append(ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? ch : '-');
        }

        var slug = sb.ToString().Trim('-', '_');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        if (slug.Length > 60)
        {
            slug = slug[..60].TrimEnd('-', '_');
        }

        return slug.Length == 0 ? fallback : slug;
    }

    // A JSON string is a valid YAML double-quoted scalar.
    private static string Q(string text) => JsonSerializer.Serialize(text, ScenarioJsonContext.Default.String);

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

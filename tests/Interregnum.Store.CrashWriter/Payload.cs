using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Interregnum.Store.CrashWriter;

/// <summary>
/// The run a writer stores as its INDEX-th: every field is a function of (tag, index, values), so that a reader can
/// rebuild the expected run from the stored results' <c>tag</c>, <c>index</c> and <c>values</c> and compare every field.
/// </summary>
public static class Payload
{
    public const int DefaultValues = 20_000;

    public static RunRecord Run(string tag, int index, int values)
    {
        var results = new StringBuilder();
        results.Append(CultureInfo.InvariantCulture, $"{{\"tag\":\"{tag}\",\"index\":{index},\"values_count\":{values},\"values\":[");
        var csv = new StringBuilder("draw,value\n");
        for (var k = 0; k < values; k++)
        {
            var value = ((index * 7919L) + (k * 104729L)) % 1_000_003 / 1000.0;
            if (k > 0)
            {
                results.Append(',');
            }

            results.Append(value.ToString("R", CultureInfo.InvariantCulture));
            csv.Append(k.ToString(CultureInfo.InvariantCulture)).Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        results.Append("]}");
        return new RunRecord
        {
            Kind = RunKind.Simulate,
            // Three scenario texts per tag, so that concurrent writers share scenario rows.
            ScenarioText = string.Create(CultureInfo.InvariantCulture, $"name: crash test {tag}\nvariant: {index % 3}\n"),
            ScenarioFile = "crash-" + tag + ".yaml",
            ShockId = "shock-" + index.ToString(CultureInfo.InvariantCulture),
            Seed = index,
            Draws = values,
            ModelName = "compromise",
            ModelParameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                [new KeyValuePair<string, string>("index", index.ToString(CultureInfo.InvariantCulture))]),
            ProgramVersion = "0.0.0-crash-writer",
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(index),
            Arguments = ["simulate", "crash-" + tag + ".yaml", "--seed", index.ToString(CultureInfo.InvariantCulture)],
            ResultsJson = results.ToString(),
            DrawsCsv = csv.ToString(),
        };
    }
}

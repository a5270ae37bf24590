using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interregnum.Testing;
using Json.Schema;
using Xunit;

namespace Interregnum.Scenarios.Tests;

/// <summary>docs/scenario.schema.json (draft 2020-12, for editors) agrees with the reader on the examples.</summary>
public sealed class SchemaTests
{
    private static string Repo(params string[] parts) => Path.Combine([TestData.RepositoryRoot(), .. parts]);

    private static readonly JsonSchema Schema = JsonSchema.FromFile(Repo("docs", "scenario.schema.json"));

    /// <summary>YAML to JSON by YAML 1.2 core-schema rules: plain true/false/null/numbers are typed, everything else is a string.</summary>
    private static JsonNode? ToJson(YNode node) => node switch
    {
        YMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YSequence s => new JsonArray(s.Items.Select(ToJson).ToArray()),
        YScalar { IsNull: true } => null,
        YScalar { Quoted: false, Value: "true" } => JsonValue.Create(true),
        YScalar { Quoted: false, Value: "false" } => JsonValue.Create(false),
        YScalar { Quoted: false } sc when long.TryParse(sc.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YScalar { Quoted: false } sc when double.TryParse(sc.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YScalar sc => JsonValue.Create(sc.Value),
        _ => throw new InvalidOperationException(),
    };

    private static EvaluationResults Evaluate(string path)
    {
        var tree = YamlTreeBuilder.Build(File.ReadAllText(path), (l, c, m) => Assert.Fail($"{path}:{l}:{c}: {m}"))!;
        var element = JsonSerializer.SerializeToElement(ToJson(tree));
        return Schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    [Theory]
    [InlineData("scenarios", "russia-2024.yaml")]
    [InlineData("scenarios", "teaching.yaml")]
    [InlineData("tests/Interregnum.Scenarios.Tests/Valid", "mini.yaml")]
    public void ValidScenario_PassesTheSchema(string folder, string file)
    {
        var results = Evaluate(Repo(folder, file));

        Assert.True(results.IsValid, string.Join(Environment.NewLine, (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("unknown-key-typo.yaml")]
    [InlineData("version-unsupported.yaml")]
    [InlineData("title-list.yaml")]
    [InlineData("tie-type-typo.yaml")]
    [InlineData("manner-typo.yaml")]
    [InlineData("quoted-number.yaml")]
    [InlineData("unknown-distribution.yaml")]
    [InlineData("candidate-neither.yaml")]
    [InlineData("effect-without-dimension.yaml")]
    [InlineData("missing-phase.yaml")]
    public void ShapeFault_IsAlsoCaughtByTheSchema(string file)
    {
        var results = Evaluate(Repo("tests", "Interregnum.Scenarios.Tests", "Broken", file));

        Assert.False(results.IsValid);
    }
}

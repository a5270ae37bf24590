using System.Text;
using System.Text.Json;
using Interregnum.Model;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests;

public sealed class ReaderTests
{
    private static string Root => TestData.RepositoryRoot();

    private static string Teaching() => File.ReadAllText(Path.Combine(Root, "scenarios", "teaching.yaml"));

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Canonical(Scenario s) => JsonSerializer.Serialize(s, Indented);

    [Fact]
    public void JsonVariantOfTeaching_LoadsIdentically()
    {
        // Given: Data/teaching.json is teaching.yaml converted to JSON (PyYAML safe_load + json.dumps).
        var yaml = ScenarioReader.ReadFile(Path.Combine(Root, "scenarios", "teaching.yaml"));
        var json = ScenarioReader.ReadFile(Path.Combine(Root, "tests", "Interregnum.Scenarios.Tests", "Data", "teaching.json"));

        // Then
        Assert.True(json.IsValid, string.Join(Environment.NewLine, json.Errors));
        Assert.Equal(Canonical(yaml.Scenario!), Canonical(json.Scenario!));
    }

    [Fact]
    public void JsonErrors_CarryLineAndColumn()
    {
        var json = "{\n  \"interregnum\": 1,\n  \"titel\": \"x\"\n}\n";

        var result = ScenarioReader.ReadText(json, "s.json");

        Assert.Contains(result.Errors, e => e.ToString() == "s.json:3:3: unknown key 'titel' in the scenario (did you mean 'title'?)");
    }

    [Fact]
    public void Distributions_AreReadWithTheirParameters()
    {
        var s = ScenarioReader.ReadText(Teaching(), "t.yaml").Scenario!;

        Assert.Equal(Uncertain.Uniform(0.4, 0.8), s.ActorById("arlen").Health);
        Assert.Equal(Uncertain.Triangular(0.2, 0.4, 0.7), s.ActorById("bram").Ambition);
        Assert.Equal(Uncertain.Normal(85, 5, 70, 100), s.ActorById("cato").Positions["hostility"]);
        Assert.Equal(Uncertain.Beta(4, 2, 0, 1), s.ActorById("cato").Ambition);
        Assert.Equal(Uncertain.Fixed(75), s.ActorById("arlen").Positions["repression"]);
    }

    [Fact]
    public void OmittedActorNumbers_TakeTheDocumentedDefaults()
    {
        // docs/scenario-format.md: health 1, ambition 0, risk_attitude 0 when omitted.
        var s = ScenarioReader.ReadText(Teaching(), "t.yaml").Scenario!;
        var bram = s.ActorById("bram");

        Assert.Equal(Uncertain.Fixed(1), bram.Health);
        Assert.Equal(Uncertain.Fixed(0), bram.RiskAttitude);
        Assert.Equal(Uncertain.Fixed(0), s.ActorById("egon").RiskAttitude);
        Assert.Equal(ContestSettings.Default, s.Contest);
        Assert.Equal(ExitLocation.Domestic, s.Shocks[0].Location);
    }

    [Fact]
    public void SalienceTotal_IsJudgedByMedians()
    {
        // Given: Cato's saliences are 60 (hostility) and 30 (repression) = 90. uniform(20, 60) has median 40,
        // so the total by medians is 60 + 40 = 100 (allowed) although a draw can reach 120.
        var text = Teaching().Replace("salience: { hostility: 60, repression: 30 }", "salience: { hostility: 60, repression: { uniform: [20, 60] } }", StringComparison.Ordinal);
        Assert.True(ScenarioReader.ReadText(text, "t.yaml").IsValid);

        // When the median is 40.5 (uniform(21, 60)) the total is 100.5.
        var over = Teaching().Replace("salience: { hostility: 60, repression: 30 }", "salience: { hostility: 60, repression: { uniform: [21, 60] } }", StringComparison.Ordinal);
        var error = Assert.Single(ScenarioReader.ReadText(over, "t.yaml").Errors);
        Assert.Equal("saliences of 'cato' add up to 100.5 (by their medians); an actor's saliences total at most 100", error.Message);
    }

    [Fact]
    public void EffectOnEveryActor_UsesStar()
    {
        var s = ScenarioReader.ReadText(Teaching(), "t.yaml").Scenario!;
        var effect = s.ShockById("army-coup")!.Effects[0];

        Assert.Equal(new ShockEffect(EffectTarget.Position, "*", "repression", null, Uncertain.Uniform(5, 15)), effect);
    }

    [Fact]
    public void ScenarioHash_MatchesTheFipsVector()
    {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ScenarioHash.Of(Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void ScenarioHash_OfFile_EqualsHashOfItsBytes()
    {
        var path = Path.Combine(Root, "scenarios", "teaching.yaml");
        Assert.Equal(ScenarioHash.Of(File.ReadAllBytes(path)), ScenarioHash.OfFile(path));
        Assert.Matches("^[0-9a-f]{64}$", ScenarioHash.OfFile(path));
    }

    [Theory]
    [InlineData("salince", "salience")]
    [InlineData("positons", "positions")]
    [InlineData("birthyear", "birth_year")]
    public void Suggest_FindsTheIntendedKey(string typo, string intended)
    {
        string[] keys = ["id", "name", "role", "birth_year", "health", "ambition", "risk_attitude", "positions", "salience", "holdings", "sources"];
        Assert.Equal(intended, Suggest.Closest(typo, keys));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]   // the textbook example
    [InlineData("", "abc", 3)]
    [InlineData("flaw", "lawn", 2)]
    public void Levenshtein_MatchesHandComputedDistances(string a, string b, int distance)
    {
        Assert.Equal(distance, Suggest.Distance(a, b));
    }
}

using Interregnum.Scenarios;
using Interregnum.Scenarios.Ktab;
using Interregnum.Testing;
using Xunit;

namespace Interregnum.Scenarios.Tests.Ktab;

public sealed class KtabScenarioRoundTripTests
{
    public static TheoryData<string> Inputs() =>
    [
        "SOE-Competitive.csv", "SOE-Pol-Comp.csv", "SOE-Policy.csv", "dummyData-a040.csv",
        "dummyData-a080.csv", "dummyData-a160.csv", "dummyData_3Dim.csv", "dummyData_6Dim.csv",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ImportThenExport_EveryKtabInput_KeepsEveryNameAndNumber(string file)
    {
        // Given a KTAB CSV from KTAB's repository
        var path = TestData.Vendored("ktab-smp", "inputs", file);
        var original = KtabCsv.Read(path);
        Assert.True(original.Succeeded, string.Join("\n", original.Errors));
        var game = original.Game!;

        // When it is imported as a scenario, validated, and exported again
        var yaml = KtabScenarioMapping.ToScenarioYaml(game, path);
        var loaded = ScenarioReader.ReadText(yaml, file + ".yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var back = KtabScenarioMapping.FromScenario(loaded.Scenario!);

        // Then the scenario name and description, every actor's name, description, capability, position and
        // salience, and every dimension name are exactly the original ones (doubles compared bit for bit).
        Assert.Equal(game.ScenarioName, back.ScenarioName);
        Assert.Equal(game.ScenarioDescription, back.ScenarioDescription);
        Assert.Equal(game.CapabilityHeader, back.CapabilityHeader);
        Assert.Equal(game.DimensionNames, back.DimensionNames);
        Assert.Equal(game.Actors.Count, back.Actors.Count);
        for (var i = 0; i < game.Actors.Count; i++)
        {
            Assert.Equal(game.Actors[i].Name, back.Actors[i].Name);
            Assert.Equal(game.Actors[i].Description.Trim(), back.Actors[i].Description.Trim());
            Assert.Equal(game.Actors[i].Capability, back.Actors[i].Capability);
            Assert.Equal(game.Actors[i].Positions, back.Actors[i].Positions);
            Assert.Equal(game.Actors[i].Saliences, back.Actors[i].Saliences);
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ExportedCsv_ImportedAndExportedAgain_IsByteIdentical(string file)
    {
        var game = KtabCsv.Read(TestData.Vendored("ktab-smp", "inputs", file)).Game!;
        var first = Export(game, file);

        var again = KtabCsv.Read(new StringReader(first), "exported.csv");
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        var second = Export(again.Game!, file);

        Assert.Equal(first, second);
    }

    private static string Export(KtabGame game, string file)
    {
        var scenario = ScenarioReader.ReadText(KtabScenarioMapping.ToScenarioYaml(game, file), file + ".yaml").Scenario!;
        var writer = new StringWriter();
        KtabCsv.Write(KtabScenarioMapping.FromScenario(scenario), writer);
        return writer.ToString();
    }
}

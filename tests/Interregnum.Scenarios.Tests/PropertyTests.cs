using System.Text;
using FsCheck.Xunit;
using Interregnum.Testing;

namespace Interregnum.Scenarios.Tests;

/// <summary>For any input the reader returns a scenario or errors (exactly one of them), and never throws. (How fast it reads belongs in benchmarks, not here.)</summary>
public sealed class PropertyTests
{
    private static readonly string Valid = File.ReadAllText(Path.Combine(TestData.RepositoryRoot(), "scenarios", "teaching.yaml"));
    private static readonly byte[] ValidBytes = Encoding.UTF8.GetBytes(Valid);

    // Characters that matter to YAML, so that mutations reach the parser's corners, not only the binder.
    private const string YamlCharacters = ":-[]{},&*!|>'\"#%@` \n\t?~.0123456789eE+-abc";

    private static bool Wellformed(Func<ScenarioReadResult> read)
    {
        var result = read();
        var exactlyOne = result.IsValid ? result.Errors.Count == 0 : result.Errors.Count > 0 && result.Scenario is null;
        var positioned = result.Errors.All(e => e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0);
        return exactlyOne && positioned;
    }

    [Property(MaxTest = 300)]
    public bool ArbitraryString_ReturnsScenarioOrErrors(string? text) =>
        Wellformed(() => ScenarioReader.ReadText(text ?? string.Empty, "random.yaml"));

    [Property(MaxTest = 300)]
    public bool ArbitraryBytes_ReturnScenarioOrErrors(byte[]? bytes) =>
        Wellformed(() => ScenarioReader.Read(bytes ?? [], "random.bin"));

    [Property(MaxTest = 300)]
    public bool CharacterMutationsOfAValidFile_ReturnScenarioOrErrors(int[]? positions, int[]? choices)
    {
        var text = new StringBuilder(Valid);
        positions ??= [];
        choices ??= [];
        for (var i = 0; i < positions.Length; i++)
        {
            var at = (int)((uint)positions[i] % (uint)text.Length);
            var choice = i < choices.Length ? (uint)choices[i] : 0u;
            var c = YamlCharacters[(int)(choice % (uint)YamlCharacters.Length)];
            switch (choice / (uint)YamlCharacters.Length % 3)
            {
                case 0:
                    text[at] = c;
                    break;
                case 1:
                    text.Insert(at, c);
                    break;
                default:
                    text.Remove(at, 1);
                    break;
            }
        }

        return Wellformed(() => ScenarioReader.ReadText(text.ToString(), "mutated.yaml"));
    }

    [Property(MaxTest = 200)]
    public bool ByteMutationsOfAValidFile_ReturnScenarioOrErrors(int[]? positions, byte[]? values)
    {
        var bytes = (byte[])ValidBytes.Clone();
        positions ??= [];
        values ??= [];
        for (var i = 0; i < positions.Length && values.Length > 0; i++)
        {
            bytes[(int)((uint)positions[i] % (uint)bytes.Length)] = values[i % values.Length];
        }

        return Wellformed(() => ScenarioReader.Read(bytes, "mutated.yaml"));
    }

    [Property(MaxTest = 200)]
    public bool LineDeletionsOfAValidFile_ReturnScenarioOrErrors(int[]? lines)
    {
        var all = Valid.Split('\n').ToList();
        foreach (var l in lines ?? [])
        {
            if (all.Count > 1)
            {
                all.RemoveAt((int)((uint)l % (uint)all.Count));
            }
        }

        return Wellformed(() => ScenarioReader.ReadText(string.Join('\n', all), "cut.yaml"));
    }
}

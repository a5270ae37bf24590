using System.Globalization;
using Interregnum.Scenarios;
using Interregnum.Scenarios.Ktab;

namespace Interregnum.Runs;

/// <summary>KTAB actor CSVs: read one as a game, turn one into a scenario, and write a scenario as one (<c>import ktab</c>, <c>export ktab</c>).</summary>
public static class KtabFiles
{
    /// <summary>Reads a KTAB CSV, or fails with every problem as <c>file:line:column</c>.</summary>
    /// <exception cref="RunException">The path is a folder or missing, or the CSV is invalid.</exception>
    public static KtabGame ReadGame(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new RunException($"{path}: is a folder; give a KTAB CSV file inside it");
        }

        if (!File.Exists(path))
        {
            throw new RunException($"{path}: no such file", RunFailure.MissingResource);
        }

        var read = KtabCsv.Read(path);
        if (!read.Succeeded)
        {
            throw new RunException(string.Join(Environment.NewLine, read.Errors.Select(e => e.ToString())));
        }

        return read.Game!;
    }

    /// <summary>The scenario (YAML) a KTAB CSV becomes, checked to validate.</summary>
    /// <exception cref="RunException">The CSV is invalid, or the game cannot be written as a valid scenario.</exception>
    public static string ImportYaml(string path)
    {
        var game = ReadGame(path);
        var yaml = KtabScenarioMapping.ToScenarioYaml(game, path);
        var check = ScenarioReader.ReadText(yaml, Path.GetFileNameWithoutExtension(path) + ".yaml");
        if (!check.IsValid)
        {
            throw new RunException(
                $"{path}: the KTAB game cannot be written as a valid scenario:" + Environment.NewLine +
                string.Join(Environment.NewLine, check.Errors.Select(e => e.Message)));
        }

        return yaml;
    }

    /// <summary>A scenario's actors and dimensions as a KTAB actor CSV (point values; capability per docs/scenario-format.md).</summary>
    public static string ExportCsv(LoadedScenario loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        KtabCsv.Write(KtabScenarioMapping.FromScenario(loaded.Scenario), writer);
        return writer.ToString();
    }
}

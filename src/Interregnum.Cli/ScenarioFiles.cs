using Interregnum.Model;
using Interregnum.Scenarios;

namespace Interregnum.Cli;

/// <summary>A scenario file as loaded by a command: the model, its text, its content hash.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Scenario">The validated scenario.</param>
/// <param name="Text">The file's text (stored with every run).</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lowercase hex.</param>
internal sealed record LoadedScenario(string Path, Scenario Scenario, string Text, string Sha256);

/// <summary>Loads scenario files for commands, turning problems into one clear line each.</summary>
internal static class ScenarioFiles
{
    public static LoadedScenario Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file", ExitCodes.MissingResource);
        }

        var result = ScenarioReader.ReadFile(path);
        if (!result.IsValid)
        {
            throw new CliException(
                $"{path} is not a valid scenario ({result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")}):" + Environment.NewLine +
                string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString())));
        }

        var bytes = File.ReadAllBytes(path);
        return new LoadedScenario(path, result.Scenario!, System.Text.Encoding.UTF8.GetString(bytes), ScenarioHash.Of(bytes));
    }

    /// <summary>The shock with the given id, or the scenario's first when none is given.</summary>
    public static Shock Shock(LoadedScenario loaded, string? id)
    {
        var s = loaded.Scenario;
        if (s.Shocks.Count == 0)
        {
            throw new CliException($"{loaded.Path}: the scenario declares no shocks; add one under 'shocks:'");
        }

        if (id is null)
        {
            return s.Shocks[0];
        }

        return s.ShockById(id) ?? throw new CliException(
            $"{loaded.Path}: unknown shock '{id}'; the scenario declares: {string.Join(", ", s.Shocks.Select(x => x.Id))}");
    }
}

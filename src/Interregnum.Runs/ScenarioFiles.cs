using Interregnum.Model;
using Interregnum.Scenarios;

namespace Interregnum.Runs;

/// <summary>A scenario file as loaded by a command: the model, its text, its content hash.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Scenario">The validated scenario.</param>
/// <param name="Text">The file's text (stored with every run).</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lowercase hex.</param>
public sealed record LoadedScenario(string Path, Scenario Scenario, string Text, string Sha256);

/// <summary>Loads scenario files for commands, turning problems into one clear line each.</summary>
public static class ScenarioFiles
{
    /// <summary>Checks a scenario file (<c>validate</c>): every problem found, as <c>file:line:column: message</c> lines; none when it is valid.</summary>
    public static IReadOnlyList<string> Check(string path) =>
        [.. ScenarioReader.ReadFile(path).Errors.Select(e => e.ToString())];

    public static LoadedScenario Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new RunException($"{path}: is a folder; give a scenario file (.yaml or .json) inside it", RunFailure.InvalidInput);
        }

        if (!File.Exists(path))
        {
            throw new RunException($"{path}: no such file", RunFailure.MissingResource);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunException($"{path}: cannot read: {ex.Message}", RunFailure.MissingResource);
        }

        var result = ScenarioReader.Read(bytes, path);
        if (!result.IsValid)
        {
            throw new RunException(
                $"{path} is not a valid scenario ({result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")}):" + Environment.NewLine +
                string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString())));
        }

        return new LoadedScenario(path, result.Scenario!, System.Text.Encoding.UTF8.GetString(bytes), ScenarioHash.Of(bytes));
    }

    /// <summary>A scenario from stored text (a stored run), validated like a file.</summary>
    public static LoadedScenario FromText(string text, string fileName)
    {
        var result = ScenarioReader.ReadText(text, fileName);
        if (!result.IsValid)
        {
            throw new RunException(
                $"the stored scenario {fileName} no longer validates ({result.Errors.Count} problems):" + Environment.NewLine +
                string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString())));
        }

        return new LoadedScenario(fileName, result.Scenario!, text, ScenarioHash.Of(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The data folder stored in a run's arguments (<c>--data DIR</c>), if any.</summary>
    public static DirectoryInfo? DataFolderFromArguments(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i + 1 < arguments.Count; i++)
        {
            if (arguments[i] == "--data")
            {
                return new DirectoryInfo(arguments[i + 1]);
            }
        }

        return null;
    }

    /// <summary>The shock with the given id, or the scenario's first when none is given.</summary>
    public static Shock Shock(LoadedScenario loaded, string? id)
    {
        var s = loaded.Scenario;
        if (s.Shocks.Count == 0)
        {
            throw new RunException($"{loaded.Path}: the scenario declares no shocks; add one under 'shocks:'");
        }

        if (id is null)
        {
            return s.Shocks[0];
        }

        return s.ShockById(id) ?? throw new RunException(
            $"{loaded.Path}: unknown shock '{id}'; the scenario declares: {string.Join(", ", s.Shocks.Select(x => x.Id))}");
    }
}

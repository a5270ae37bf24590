using System.Text;
using Interregnum.Scenarios;

namespace Interregnum.Runs;

/// <summary>
/// The edit use case: check a scenario's text as it is typed (the same <c>file:line:column</c> problems as
/// <c>interregnum validate</c>) and save it back only when it validates, atomically (a temporary file beside the
/// target, then a rename), so that a crash or a bad edit never leaves a half-written or invalid file.
/// </summary>
public static class ScenarioEdit
{
    /// <summary>The problems of a scenario text (empty when it validates).</summary>
    /// <param name="text">The text.</param>
    /// <param name="fileName">The file name the messages name.</param>
    public static IReadOnlyList<ScenarioError> Check(string text, string fileName) => ScenarioReader.ReadText(text, fileName).Errors;

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> when it validates and returns no problems; otherwise
    /// returns the problems and leaves the file as it was.
    /// </summary>
    public static IReadOnlyList<ScenarioError> Save(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var errors = Check(text, Path.GetFileName(path));
        if (errors.Count > 0)
        {
            return errors;
        }

        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new RunException($"{path}: cannot save: {ex.Message}", RunFailure.MissingResource);
        }

        return [];
    }
}

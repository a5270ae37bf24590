namespace Interregnum.Web;

/// <summary>The scenario files the workbench may touch: <c>.yaml</c>/<c>.yml</c> files directly in the folder, by name.</summary>
internal sealed class ScenarioFolder(DirectoryInfo folder)
{
    private readonly string root = Path.GetFullPath(folder.FullName);

    public string Root => root;

    /// <summary>The scenario file names, sorted.</summary>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root).Select(Path.GetFileName).OfType<string>().Where(IsScenarioName).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// The full path of the scenario called <paramref name="name"/>, or null when the name is not a plain scenario
    /// file name directly in the folder (a path, "..", another extension, a link out of the folder).
    /// </summary>
    public string? Resolve(string? name)
    {
        if (string.IsNullOrEmpty(name) || name != Path.GetFileName(name) || name.Contains('\\', StringComparison.Ordinal) || !IsScenarioName(name))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!string.Equals(Path.GetDirectoryName(full), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            return null;
        }

        var info = new FileInfo(full);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return null;
        }

        return full;
    }

    private static bool IsScenarioName(string name) =>
        !name.StartsWith('.') && (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal));
}
